package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts read as people say them, for one and for more, in Dutch and English: "1 bedrijf", "2
 * bedrijven", "1 antwoord zou worden vervangen", "2 antwoorden zouden worden vervangen".
 */
class CountWordsTest {

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  /** A response of one student at one company; {@code visie} changes its answers. */
  private Path write(String file, String student, String company, String visie) throws IOException {
    Path path = dir.resolve(file);
    Files.writeString(
        path,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "%s", "class": "3A"},
         "company": {"name": "%s", "city": "Emmen"},
         "date": "2026-11-20",
         "answers": {"visie": "%s"}}
        """
            .formatted(student, company, visie));
    return path;
  }

  private static Cli.Run ok(String... args) {
    Cli.Run run = Cli.run(args);
    assertThat(run.exitCode()).as(run.err()).isIn(0);
    return run;
  }

  @Test
  void companiesCountsOneCompanyAndTwoCompanies() throws IOException {
    ok("import", "--db", db(), write("a.json", "Sanne", "Bakkerij", "ja").toString());
    assertThat(ok("companies", "--lang", "nl", "--db", db()).err().lines()).contains("1 bedrijf");
    assertThat(ok("companies", "--lang", "en", "--db", db()).err().lines()).contains("1 company");

    ok("import", "--db", db(), write("b.json", "Mo", "Garage", "ja").toString());
    assertThat(ok("companies", "--lang", "nl", "--db", db()).err().lines()).contains("2 bedrijven");
    assertThat(ok("companies", "--lang", "en", "--db", db()).err().lines()).contains("2 companies");
  }

  @Test
  void responsesCountsOneResponseAndTwoResponses() throws IOException {
    ok("import", "--db", db(), write("a.json", "Sanne", "Bakkerij", "ja").toString());
    assertThat(ok("responses", "--lang", "nl", "--db", db()).err().lines()).contains("1 antwoord");
    assertThat(ok("responses", "--lang", "en", "--db", db()).err().lines()).contains("1 response");

    ok("import", "--db", db(), write("b.json", "Mo", "Garage", "ja").toString());
    assertThat(ok("responses", "--lang", "nl", "--db", db()).err().lines())
        .contains("2 antwoorden");
    assertThat(ok("responses", "--lang", "en", "--db", db()).err().lines()).contains("2 responses");
  }

  @Test
  void importCountsWhatItImportedFoundAndReplaced() throws IOException {
    Path a = write("a.json", "Sanne", "Bakkerij", "ja");
    Path b = write("b.json", "Mo", "Garage", "ja");
    assertThat(ok("import", "--lang", "nl", "--db", db(), a.toString()).out())
        .startsWith("1 antwoord geïmporteerd (1 bedrijf, klas 3A); 0 waren er al;");
    assertThat(ok("import", "--lang", "nl", "--db", db(), a.toString(), b.toString()).out())
        .startsWith("1 antwoord geïmporteerd (1 bedrijf, klas 3A); 1 was er al;");

    // both corrected: the same students and companies with another answer replace what is there
    write("a.json", "Sanne", "Bakkerij", "nee");
    assertThat(ok("import", "--lang", "nl", "--db", db(), "--dry-run", a.toString()).out())
        .startsWith(
            "proefrun: 1 antwoord zou worden geïmporteerd; 0 waren er al; 0 overgeslagen;"
                + " 1 antwoord zou worden vervangen"
                + System.lineSeparator());
    assertThat(ok("import", "--lang", "en", "--db", db(), "--dry-run", a.toString()).out())
        .startsWith(
            "dry run: 1 response would be imported; 0 already present; 0 skipped;"
                + " 1 response would be replaced"
                + System.lineSeparator());
    write("b.json", "Mo", "Garage", "nee");
    assertThat(
            ok("import", "--lang", "nl", "--db", db(), "--dry-run", a.toString(), b.toString())
                .out())
        .startsWith(
            "proefrun: 2 antwoorden zouden worden geïmporteerd; 0 waren er al; 0 overgeslagen;"
                + " 2 antwoorden zouden worden vervangen"
                + System.lineSeparator());
    assertThat(
            ok("import", "--lang", "en", "--db", db(), "--dry-run", a.toString(), b.toString())
                .out())
        .startsWith(
            "dry run: 2 responses would be imported; 0 already present; 0 skipped;"
                + " 2 responses would be replaced"
                + System.lineSeparator());
    assertThat(ok("import", "--lang", "en", "--db", db(), a.toString(), b.toString()).out())
        .startsWith("imported 2 responses (2 companies, class 3A); 0 already present;")
        .contains("; 2 replaced");

    ok("import", "--db", db(), write("c.json", "Noor", "Garage", "ja").toString());
    assertThat(ok("import", "--lang", "en", "--db", db(), "--dry-run", a.toString()).out())
        .startsWith("dry run: 0 responses would be imported; 1 already present;");
  }

  @Test
  void forgetCountsStudentsResponsesAndAnswers() throws IOException {
    ok("import", "--db", db(), write("a.json", "Sanne", "Bakkerij", "ja").toString());
    ok(
        "import",
        "--db",
        db(),
        write("b.json", "Mo", "Bakkerij", "ja").toString(),
        write("c.json", "Mo", "Garage", "ja").toString());

    assertThat(ok("forget", "--lang", "nl", "--db", db(), "--student", "Sanne").out())
        .startsWith("vergeten: 1 student, 1 antwoord, 1 los antwoord verwijderd");
    assertThat(ok("forget", "--lang", "en", "--db", db(), "--student", "Mo").out())
        .startsWith("forgotten: 1 student, 2 responses, 2 answers deleted");
  }

  @Test
  void forgetInEnglishAndDutchCountsOneOfEach() throws IOException {
    ok("import", "--db", db(), write("a.json", "Sanne", "Bakkerij", "ja").toString());
    ok(
        "import",
        "--db",
        db(),
        write("b.json", "Mo", "Bakkerij", "ja").toString(),
        write("c.json", "Mo", "Garage", "ja").toString());

    assertThat(ok("forget", "--lang", "en", "--db", db(), "--student", "Sanne").out())
        .startsWith("forgotten: 1 student, 1 response, 1 answer deleted");
    assertThat(ok("forget", "--lang", "nl", "--db", db(), "--student", "Mo").out())
        .startsWith("vergeten: 1 student, 2 antwoorden, 2 losse antwoorden verwijderd");
  }
}
