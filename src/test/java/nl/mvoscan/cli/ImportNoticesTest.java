package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import of a class table tells the teacher besides its summary: rows without a name,
 * answers to questions hidden for their row, scored questions without a column (only those some row
 * shows), and identical anonymous rows, each counted as a response of its own.
 */
class ImportNoticesTest {

  @TempDir Path dir;

  /**
   * In the bundled scan {@code klokkenluiders} is asked only from 50 employees on: with 10 it is
   * hidden.
   */
  private Path table(String rows) throws Exception {
    Path csv = dir.resolve("klas.csv");
    Files.writeString(csv, "naam;klas;sector;medewerkers;klokkenluiders;visie\n" + rows);
    return csv;
  }

  @Test
  void identicalAnonymousRowsImportOnePerOccurrenceAndAgainAddNothing() throws Exception {
    Path csv = table(";3A;productie;10;;ja\n;3A;productie;10;;ja\n;3A;productie;10;;ja\n");
    String db = dir.resolve("k.db").toString();
    Cli.Run first = Cli.run("import", "--lang", "en", "--db", db, csv.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("imported 3 responses")
        .contains("of which 2 responses without a name with the same answers")
        .contains("none was merged");
    Cli.Run again = Cli.run("import", "--lang", "en", "--db", db, csv.toString());
    assertThat(again.out()).contains("imported 0 responses").contains("3 already present");
    assertThat(again.out()).doesNotContain("without a name");
    // the rows are anonymous, and said so one line each
    assertThat(first.err())
        .contains(csv + ":2: naam: no name: the row counts as an anonymous response")
        .contains(csv + ":4: naam: no name");
    Cli.Run dry =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--dry-run",
            "--db",
            db,
            table(";3A;productie;10;;ja\n".repeat(4)).toString());
    assertThat(dry.out())
        .contains("dry run: 1 response would be imported; 3 already present")
        .contains("of which 1 response without a name");
  }

  @Test
  void answersToAHiddenQuestionAreOneNoticeWithTheirCount() throws Exception {
    Path csv =
        table(
            "Zoë;3A;productie;10;ja;ja\nBram;3A;productie;10;nee;ja\nLotte;3A;productie;80;ja;ja\n");
    Cli.Run run =
        Cli.run("import", "--lang", "nl", "--db", dir.resolve("k.db").toString(), csv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            csv
                + ": 2 antwoorden op vraag \"klokkenluiders\" (kolom \"klokkenluiders\") genegeerd:"
                + " de vraag is voor die rijen niet van toepassing");
    assertThat(run.out()).contains("3 antwoorden geïmporteerd");
  }

  @Test
  void aScoredQuestionHiddenInEveryRowIsNotListedAsWithoutAColumn() throws Exception {
    Path csv = dir.resolve("klein.csv");
    Files.writeString(csv, "naam;klas;sector;medewerkers;visie\nZoë;3A;productie;10;ja\n");
    Cli.Run small =
        Cli.run("import", "--lang", "en", "--dry-run", csv.toString(), "--db", dir + "/k.db");
    assertThat(small.err()).contains("no column for").doesNotContain("klokkenluiders");

    Files.writeString(
        csv,
        "naam;klas;sector;medewerkers;visie\nZoë;3A;productie;10;ja\nBram;3A;productie;80;ja\n");
    Cli.Run large =
        Cli.run("import", "--lang", "en", "--dry-run", csv.toString(), "--db", dir + "/k3.db");
    assertThat(large.err()).contains("klokkenluiders");

    // told with the problems of a refused import too: it is known before anything is stored
    Files.writeString(
        csv,
        "naam;klas;sector;medewerkers;visie\nZoë;3A;productie;10;ja\nBram;3A;productie;80;misschien\n");
    Cli.Run refused = Cli.run("import", "--lang", "en", "--db", dir + "/k2.db", csv.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(refused.err()).contains("no column for").contains(csv + ":3: visie:");
    assertThat(Files.exists(dir.resolve("k2.db"))).isFalse();
  }
}
