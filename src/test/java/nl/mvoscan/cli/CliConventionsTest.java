package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.mvoscan.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users expect of any command line (issue #10, item 7). */
class CliConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAKERY = "examples/bakkerij-emmen.json";
  private static final String GARAGE = "examples/garage-assen.json";

  @TempDir Path dir;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void dbWorksBeforeAndAfterTheSubcommand() throws Exception {
    Path before = dir.resolve("voor.db");
    Path after = dir.resolve("na.db");
    assertThat(run("--db", before.toString(), "import", BAKERY).exitCode()).isZero();
    assertThat(run("import", "--db", after.toString(), GARAGE).exitCode()).isZero();
    assertThat(before).exists();
    assertThat(after).exists();
    assertThat(run("--db", before.toString(), "responses", "--json").out())
        .contains("Sanne de Vries")
        .doesNotContain("Yusuf");
    assertThat(run("responses", "--json", "--db", after.toString()).out())
        .contains("Yusuf")
        .doesNotContain("Sanne");
    // after the subcommand wins, as the nearer one
    assertThat(
            run("--db", before.toString(), "responses", "--db", after.toString(), "--json").out())
        .contains("Yusuf");
  }

  @Test
  void aMissingOutputFolderIsAnErrorAndIsNotCreated() {
    Path missing = dir.resolve("tikfout");
    for (String[] command :
        new String[][] {
          {"template", "mvo-stagebedrijf", "-o", missing.resolve("leeg.json").toString()},
          {"template", "mvo-stagebedrijf", "--form", "-o", missing.resolve("form.txt").toString()},
        }) {
      Cli.Run run = run(prepend("--lang", "en", command));
      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(run.err()).contains("no such folder").contains("tikfout");
      CliFixtures.assertNoStackTrace(run);
    }
    String db = dir.resolve("t.db").toString();
    run("import", "--db", db, BAKERY);
    Cli.Run export =
        run("export", "--lang", "en", "--db", db, "-o", missing.resolve("x.csv").toString());
    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.err()).contains("no such folder");
    Cli.Run batch =
        run(
            "report",
            "batch",
            "--lang",
            "en",
            "--db",
            db,
            "--class",
            "3A",
            "-o",
            missing.resolve("pdf").toString());
    assertThat(batch.exitCode()).isEqualTo(2);
    assertThat(batch.err()).contains("no such folder; create it first");
    assertThat(missing).doesNotExist();
  }

  private static String[] prepend(String a, String b, String[] rest) {
    String[] all = new String[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }

  @Test
  void scoreJsonNamesTheFileOfEveryResultAndKeepsRejectedFilesInTheArray() throws Exception {
    Path bad = dir.resolve("kapot.json");
    Files.writeString(
        bad,
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\", \"answers\": {\"visie\": \"jaa\"}}");
    Cli.Run run = run("score", "--lang", "en", "--json", BAKERY, bad.toString(), GARAGE);
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode array = JSON.readTree(run.out());
    assertThat(array).hasSize(3);
    assertThat(array.get(0).get("file").asText()).isEqualTo(BAKERY);
    JsonNode alone = JSON.readTree(run("score", "--json", BAKERY).out());
    assertThat(array.get(0).get("overall")).isEqualTo(alone.get("overall"));
    assertThat(array.get(1).get("file").asText()).isEqualTo(bad.toString());
    assertThat(array.get(1).has("overall")).isFalse();
    assertThat(array.get(1).get("errors").get(0).asText()).contains("\"jaa\" is not an option");
    assertThat(array.get(2).get("file").asText()).isEqualTo(GARAGE);
    assertThat(alone.get("file").asText()).isEqualTo(BAKERY);
  }

  @Test
  void skipInvalidThatSkippedSomethingExitsThree() throws Exception {
    Path folder = dir.resolve("klas");
    Files.createDirectories(folder);
    Files.copy(Path.of(BAKERY), folder.resolve("a.json"));
    Files.writeString(
        folder.resolve("b.json"),
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\", \"answers\": {\"visie\": \"jaa\"}}");
    String db = dir.resolve("t.db").toString();
    Cli.Run skipped =
        run("import", "--lang", "en", "--db", db, "--skip-invalid", folder.toString());
    assertThat(skipped.exitCode()).isEqualTo(3);
    assertThat(skipped.out()).contains("imported 1 response").contains("1 skipped");
    Files.delete(folder.resolve("b.json"));
    assertThat(run("import", "--db", db, "--skip-invalid", folder.toString()).exitCode()).isZero();
    assertThat(run("--help").out()).contains("3 done, bad input skipped (--skip-invalid)");
  }

  @Test
  void countsTakeTheRightNumberInDutchAndEnglish() throws Exception {
    String db = dir.resolve("t.db").toString();
    assertThat(run("import", "--lang", "nl", "--db", db, BAKERY).out())
        .contains("1 antwoord geïmporteerd (1 bedrijf, klas 3A)");
    assertThat(
            run("import", "--lang", "nl", "--db", db, GARAGE, "examples/zorghuis-groningen.json")
                .out())
        .contains("2 antwoorden geïmporteerd (2 bedrijven, klas 3A)");
    String other = dir.resolve("en.db").toString();
    assertThat(run("import", "--lang", "en", "--db", other, BAKERY).out())
        .contains("imported 1 response (1 company, class 3A)");
  }

  @Test
  void picocliOwnMessagesAreInDutchWhenTheLanguageIsDutch() {
    Cli.Run unknown = run("score", "--lang", "nl", "--jsno", BAKERY);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("onbekende optie: '--jsno'")
        .contains("zie: mvoscan score --help");
    Cli.Run missing = run("score", "--lang", "nl");
    assertThat(missing.err()).contains("ontbreekt: ANSWERS");
    Cli.Run notANumber = run("show", "--lang", "nl", "abc");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err())
        .contains("ongeldige waarde voor")
        .contains("\"abc\" is geen geheel getal");
    assertThat(run("score", "--lang", "en", "--jsno", BAKERY).err())
        .contains("Unknown option: '--jsno'");
  }

  @Test
  void aValueOutsideAnOptionsChoicesIsWordedInDutchWithTheChoices() {
    Cli.Run run =
        run("export", "--lang", "nl", "--db", dir.resolve("e.db").toString(), "--format", "pdf");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("ongeldige waarde voor --format: \"pdf\"; kies uit csv, json, xlsx")
        .doesNotContain("Invalid value")
        .doesNotContain("expected one of");
    assertThat(run("export", "--lang", "en", "--format", "pdf").err())
        .contains("expected one of [csv, json, xlsx]");
  }

  @Test
  void theStandardHelpOptionsAreDescribedInDutchBesideTheEnglish() {
    String help = run("export", "--help").out();
    assertThat(help).contains("Toon deze hulp en stop").contains("Toon de versie en stop");
  }

  @Test
  void aClassTableGivenToScoreIsNamedAsOneWithTheCommandThatReadsIt() {
    for (String table :
        List.of(
            "src/test/resources/forms/google-sheet.csv",
            "src/test/resources/forms/ms-forms-nl.xlsx")) {
      Cli.Run run = run("score", "--lang", "nl", table);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(table)
          .contains("klastabel")
          .contains("mvoscan import")
          .doesNotContain("JSON");
      CliFixtures.assertNoStackTrace(run);
    }
  }

  @Test
  void anArgumentErrorIsWordedByTheSameLanguageRuleAsEveryOtherMessage() {
    String system =
        Messages.forLanguage(Messages.defaultLanguage()).get("cli.helpHint", "mvoscan scans");
    // a --lang value that names no language is refused by every command; beside another error it
    // leaves the system's language, whatever word it is
    for (String unknown : List.of("english", "nederlands")) {
      assertThat(run("--lang", unknown, "scans").err())
          .contains(Messages.forLanguage(Messages.defaultLanguage()).get("cli.badLang", unknown));
      assertThat(run("--lang", unknown, "scans", "--bogus").err()).contains(system);
    }
    assertThat(run("--lang", " EN ", "scans", "--bogus").err())
        .contains("see: mvoscan scans --help");
    assertThat(run("--lang=NL", "scans", "--bogus").err()).contains("zie: mvoscan scans --help");
  }

  @Test
  void aggregateCsvHasOneDialectInEveryLanguageAndExcelGivesTheDutchOne() throws Exception {
    String db = dir.resolve("t.db").toString();
    run("import", "--db", db, BAKERY, GARAGE);
    String dutch = run("aggregate", "--lang", "nl", "--db", db, "--csv").out();
    String english = run("aggregate", "--lang", "en", "--db", db, "--csv").out();
    assertThat(dutch.lines().findFirst().orElseThrow())
        .isEqualTo(english.lines().findFirst().orElseThrow())
        .startsWith("scan_id,scan_version,");
    assertThat(dutch)
        .doesNotStartWith("\uFEFF")
        .containsPattern(",\\d+\\.\\d,")
        .doesNotContain(";");
    String excel = run("aggregate", "--lang", "en", "--db", db, "--csv", "--excel").out();
    assertThat(excel).startsWith("\uFEFFscan_id;scan_version;").containsPattern(";\\d+,\\d;");
    Cli.Run bad = run("aggregate", "--lang", "en", "--db", db, "--excel");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("use it with --csv");
  }
}
