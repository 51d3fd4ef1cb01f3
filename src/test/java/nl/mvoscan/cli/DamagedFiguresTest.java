package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A response whose packed figures (schema 6) cannot be decoded, as only a hand-edited or damaged
 * database has them: every command that reads them says which response, in one line, exit 1.
 */
class DamagedFiguresTest {

  @TempDir Path dir;
  private String db;

  @BeforeEach
  void importTheClass() {
    db = dir.resolve("mvoscan.db").toString();
    Cli.Run imported = Cli.run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  /** Overwrites the question figures of the response with the highest id; returns its id. */
  private long damageLastResponse(String packed) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT max(id) FROM response")) {
      rs.next();
      long id = rs.getLong(1);
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE response SET question_figures = ? WHERE id = ?")) {
        update.setString(1, packed);
        update.setLong(2, id);
        assertThat(update.executeUpdate()).isOne();
      }
      return id;
    }
  }

  private String lastResponsesFigures() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT question_figures FROM response ORDER BY id DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private Cli.Run run(String language, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--lang", language, "--db", db));
    return Cli.run(all.toArray(String[]::new));
  }

  private static final String ENGLISH =
      "database %s: the stored figures of response %d (class 3A, file examples/klas-3a.csv) are damaged"
          + " and cannot be read; nothing was changed. Delete that response (mvoscan delete %d)"
          + " and import its answers again, or put back a backup of the database";

  /** Each command line, run in English, fails with the one damage line for response {@code id}. */
  private void assertEachSaysDamaged(long id, String[]... commands) {
    String expected = ENGLISH.formatted(db, id, id);
    for (String[] args : commands) {
      Cli.Run run = run("en", args);
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(1);
      assertThat(lines(run.err()).get(0)).as(String.join(" ", args)).isEqualTo(expected);
      assertNoStackTrace(run);
    }
  }

  /**
   * Lens figures are read only by {@code push} (and the schema 6 migration): aggregate, export,
   * show and the reports never decode them, so damage there changes none of their output.
   */
  @Test
  void damagedLensFiguresChangeNothingThatAggregateExportShowAndReportRead() throws Exception {
    String[][] commands = {
      {"aggregate", "--json"},
      {"aggregate", "--by", "class", "--csv"},
      {"export"},
      {"export", "--long"},
      {"show", "1", "--json"}
    };
    List<String> before = new ArrayList<>();
    for (String[] args : commands) {
      Cli.Run run = run("en", args);
      assertThat(run.exitCode()).as(run.err()).isZero();
      before.add(run.out());
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("UPDATE response SET lens_figures = '[[\"iso26000\",'"))
          .isPositive();
    }

    for (int i = 0; i < commands.length; i++) {
      Cli.Run run = run("en", commands[i]);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", commands[i])).isEqualTo(before.get(i));
    }
    Cli.Run report = run("en", "report", "class", "3A", "-o", dir.resolve("3a.pdf").toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
  }

  @Test
  void aggregateExportLongShowAndReportSayWhichResponseIsDamagedInOneLine() throws Exception {
    long id = damageLastResponse("[[\"energie-1\",\"answered\",\"2\"]");
    assertEachSaysDamaged(
        id,
        new String[] {"aggregate"},
        new String[] {"aggregate", "--json"},
        new String[] {"export", "--long"},
        new String[] {"show", String.valueOf(id)},
        new String[] {"report", "class", "3A", "-o", dir.resolve("3a.pdf").toString()});
    assertThat(dir.resolve("3a.pdf")).doesNotExist();
  }

  @Test
  void figuresThatAreJsonButNotFiguresAreDamagedTooAndTheLineIsDutchOnRequest() throws Exception {
    long id = damageLastResponse("[[1,\"answered\",\"2\"],[\"energie-2\"]]");
    Cli.Run run = run("nl", "aggregate");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(lines(run.err()).get(0))
        .isEqualTo(
            "database "
                + db
                + ": de opgeslagen cijfers van antwoord "
                + id
                + " (klas 3A, bestand examples/klas-3a.csv) zijn beschadigd en niet te lezen; er is niets"
                + " veranderd. Verwijder dat antwoord (mvoscan delete "
                + id
                + ") en importeer de antwoorden opnieuw, of zet een reservekopie van de database"
                + " terug");
    assertNoStackTrace(run);

    Cli.Run verbose = run("en", "aggregate", "--verbose");
    assertThat(verbose.err()).contains("Damaged").contains("\tat ");
  }

  @Test
  void deletingTheDamagedResponseAndImportingAgainMendsIt() throws Exception {
    long id = damageLastResponse("[[\"energie-1\",\"answered\",");
    Cli.Run deleted = run("en", "delete", String.valueOf(id));
    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    Cli.Run imported = run("en", "import", "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(run("en", "aggregate").exitCode()).isZero();
  }

  /**
   * Figures go to standard output group by group while they are read: a damaged response in a later
   * group leaves the earlier groups in the pipe, and the error says that output is partial.
   */
  @Test
  void aFailureAfterTheFirstGroupSaysTheOutputOnStandardOutputIsIncomplete() throws Exception {
    long id = damageLastResponse("[[\"energie-1\",\"answered\",\"2\"]");
    String incomplete =
        "what was written to standard output before this error is incomplete: do not use it, run"
            + " the command again when the error is mended";
    for (String[] args :
        new String[][] {
          {"aggregate", "--by", "company"},
          {"aggregate", "--by", "company", "--csv"},
          {"aggregate", "--by", "company", "--json"},
          {"export", "--long"},
          {"export", "--long", "--format", "json"},
        }) {
      Cli.Run run = run("en", args);
      String what = String.join(" ", args) + "\n" + run.err();
      assertThat(run.exitCode()).as(what).isEqualTo(1);
      assertThat(lines(run.err()))
          .as(what)
          .containsExactly(ENGLISH.formatted(db, id, id), incomplete);
      if (args[0].equals("aggregate")) {
        // the groups before the damaged response's were written out before it was read
        assertThat(run.out()).as(what).isNotBlank();
      }
      assertNoStackTrace(run);
    }
  }

  @Test
  void aFailureBeforeAnyOutputOrIntoAFileSaysNothingOfStandardOutput() throws Exception {
    damageLastResponse("[[\"energie-1\",\"answered\",\"2\"]");
    Cli.Run toFile = run("en", "export", "--long", "-o", dir.resolve("long.csv").toString());
    assertThat(toFile.exitCode()).isEqualTo(1);
    assertThat(lines(toFile.err())).as(toFile.err()).hasSize(1);
    assertThat(dir.resolve("long.csv")).doesNotExist();

    Cli.Run unknownClass = run("en", "aggregate", "--class", "9Z");
    assertThat(unknownClass.err()).doesNotContain("standard output");
  }

  @Test
  void aMissingQuestionFigureIsADamagedResponseForAggregateAndReport() throws Exception {
    long id = damageLastResponse("[]");
    assertEachSaysDamaged(
        id,
        new String[] {"aggregate"},
        new String[] {"report", "class", "3A", "-o", dir.resolve("3a.pdf").toString()});
  }

  @Test
  void pointsThatAreNoNumberAreADamagedResponseForShowAndExport() throws Exception {
    long id =
        damageLastResponse(lastResponsesFigures().replaceFirst("\"\\d+(\\.\\d+)?\"]", "\"abc\"]"));
    assertEachSaysDamaged(
        id,
        new String[] {"show", String.valueOf(id)},
        new String[] {"export", "--long", "-o", dir.resolve("long.csv").toString()});
  }

  @Test
  void aWorkbookThatFailsOnItsWayToAPipeSaysThePipeHoldsAnIncompleteFile() throws Exception {
    long id = damageLastResponse("[[\"energie-1\",\"answered\",\"2\"]");
    Cli.BinaryRun run =
        Cli.runBinary(false, "export", "--lang", "en", "--db", db, "--format", "xlsx", "-o", "-");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(lines(run.err()))
        .containsExactly(
            ENGLISH.formatted(db, id, id),
            "what was written to standard output before this error is incomplete: do not use it,"
                + " run the command again when the error is mended");
  }
}
