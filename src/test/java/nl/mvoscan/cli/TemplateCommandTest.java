package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.fieldNames;
import static nl.mvoscan.cli.CliFixtures.fixture;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvoscan template}: an answers file with every question null on stdout (or -o), the guide
 * on stderr.
 */
class TemplateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private static final Path SCAN = fixture("scans/mini-scan.json");
  private static final Path SCANS = fixture("scans");

  @Test
  void listsEveryQuestionIdInDocumentOrderWithNull() throws IOException {
    Cli.Run run = Cli.run("template", "--lang", "en", SCAN.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode template = JSON.readTree(run.out());
    assertThat(template.get("format").asText()).isEqualTo("mvoscan-answers/1");
    assertThat(template.get("scan").asText()).isEqualTo("mini-scan");
    assertThat(template.get("scanVersion").asText()).isEqualTo("1.0");
    assertThat(template.get("language").asText()).isEqualTo("en");
    assertThat(fieldNames(template.get("answers")))
        .containsExactly(
            "sector",
            "medewerkers",
            "toelichting",
            "visie",
            "maatregelen",
            "veiligheid",
            "opleiding");
    template.get("answers").forEach(answer -> assertThat(answer.isNull()).isTrue());
  }

  @Test
  void writesTheLanguageAskedForIntoTheTemplate() throws IOException {
    Cli.Run run = Cli.run("template", "--lang", "nl", SCAN.toString());

    assertThat(JSON.readTree(run.out()).get("language").asText()).isEqualTo("nl");
  }

  @Test
  void templateWithValuesFilledInScores() throws IOException {
    Cli.Run template = Cli.run("template", "--lang", "en", SCAN.toString());
    ObjectNode filled = (ObjectNode) JSON.readTree(template.out());
    ((ObjectNode) filled.get("respondent")).put("name", "Sanne").put("class", "3A");
    ((ObjectNode) filled.get("company")).put("name", "Bakkerij").put("city", "Emmen");
    ObjectNode answers = (ObjectNode) filled.get("answers");
    answers
        .put("sector", "productie")
        .put("medewerkers", 12)
        .put("toelichting", "Bakkerij")
        .put("visie", "deels")
        .put("veiligheid", "ja")
        .put("opleiding", "nee");
    answers.putArray("maatregelen").add("led").add("isolatie");
    Path file = dir.resolve("ingevuld.json");
    Files.writeString(file, JSON.writeValueAsString(filled), StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("score", "--lang", "en", "--json", "--scans", SCANS.toString(), file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode result = JSON.readTree(run.out());
    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("53.6");
    assertThat(result.at("/overall/level").asText()).isEqualTo("gevorderd");
  }

  @Test
  void unfilledTemplateIsValidAnswersWithEveryVisibleQuestionAGap() throws IOException {
    Cli.Run template = Cli.run("template", "--lang", "en", SCAN.toString());
    Path file = dir.resolve("leeg.json");
    Files.writeString(file, template.out(), StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("score", "--lang", "en", "--json", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode result = JSON.readTree(run.out());
    assertThat(result.at("/overall/status").asText()).isEqualTo("insufficient");
    assertThat(JSON.convertValue(result.get("gaps"), STRINGS))
        .containsExactly("visie", "veiligheid", "opleiding");
  }

  @Test
  void writesTheTemplateToTheFileGivenWithMinusO() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Path file = dir.resolve("sub").resolve("mijn-antwoorden.json");

    Cli.Run run = Cli.run("template", "--lang", "en", SCAN.toString(), "-o", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(lines(run.err())).first().isEqualTo("answers template written to " + file);
    JsonNode written = JSON.readTree(file.toFile());
    assertThat(written.get("scan").asText()).isEqualTo("mini-scan");
    assertThat(fieldNames(written.get("answers"))).hasSize(7);
    try (var files = Files.list(dir.resolve("sub"))) {
      assertThat(files.toList()).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void overwritesAnExistingFileWithMinusO() throws IOException {
    Path file = dir.resolve("antwoorden.json");
    Files.writeString(file, "oud", StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("template", "--lang", "en", SCAN.toString(), "--output", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(file.toFile()).get("scan").asText()).isEqualTo("mini-scan");
  }

  @Test
  void printsEveryQuestionWithItsAllowedValuesOnStderr() {
    Cli.Run run = Cli.run("template", "--lang", "en", SCAN.toString());

    List<String> guide = lines(run.err());
    assertThat(guide)
        .first()
        .isEqualTo("Fill in the answers for \"Mini scan\". Per question the allowed values:");
    assertThat(guide)
        .containsSubsequence(
            "== Company profile ==",
            "\"sector\": Sector",
            "    one of:",
            "      \"productie\" = Manufacturing",
            "      \"dienstverlening\" = Services",
            "\"medewerkers\": Number of employees",
            "    a number (min 0, max 100000) whole",
            "\"toelichting\": Notes",
            "    a text of at most 20 characters",
            "== Policy ==",
            "\"visie\": Is sustainability in the vision?",
            "      \"weetniet\" = Don't know",
            "\"maatregelen\": Which energy measures?",
            "    a list of (e.g. [\"a\", \"b\"]):",
            "      \"isolatie\" = Insulation",
            "      \"geen\" = None (only on its own)",
            "    only asked when: sector == 'productie'",
            "== People ==",
            "\"opleiding\": Do employees get training?");
    assertThat(run.err()).doesNotContain("how to find out");
    assertThat(run.out()).doesNotContain("Per question");
  }

  @Test
  void printsTheGuideInDutch() {
    Cli.Run run = Cli.run("template", "--lang", "nl", SCAN.toString());

    assertThat(lines(run.err()))
        .contains(
            "Vul de antwoorden in voor \"Mini-scan\". Per vraag de toegestane waarden:",
            "== Bedrijfsprofiel ==",
            "      \"geen\" = Geen (alleen los te kiezen)",
            "    alleen gevraagd als: sector == 'productie'");
  }

  @Test
  void withHelpAddsHowToFindOut() {
    Cli.Run run = Cli.run("template", "--lang", "en", "--with-help", SCAN.toString());

    assertThat(lines(run.err()))
        .containsSubsequence(
            "\"visie\": Is sustainability in the vision?",
            "    how to find out: Ask your supervisor.",
            "\"maatregelen\": Which energy measures?");
  }

  @Test
  void findsTheScanByIdInAScansFolder() throws IOException {
    Cli.Run run = Cli.run("template", "--lang", "en", "--scans", SCANS.toString(), "mini-scan");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("scan").asText()).isEqualTo("mini-scan");
  }

  @Test
  void findsTheBundledScanById() throws IOException {
    Cli.Run run = Cli.run("template", "--lang", "en", "mvo-stagebedrijf");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode template = JSON.readTree(run.out());
    assertThat(template.get("scan").asText()).isEqualTo("mvo-stagebedrijf");
    assertThat(template.get("answers").size()).isGreaterThan(10);
  }

  @Test
  void reportsAnUnknownScanIdAndExit2() {
    Cli.Run run = Cli.run("template", "--lang", "en", "bestaat-niet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "scan \"bestaat-niet\" not found; see mvoscan scans, or pass --scan FILE or --scans DIR"
                + NL);
  }

  @Test
  void reportsAnInvalidScanFileWithEveryProblemAndExit2() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(
        broken,
        Files.readString(SCAN, StandardCharsets.UTF_8)
            .replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"kleur\": 1"),
        StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("template", "--lang", "en", broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(lines(run.err()))
        .singleElement()
        .asString()
        .startsWith(broken + ":")
        .contains(": /kleur: unknown property \"kleur\"");
  }

  @Test
  void marksNaAndUnknownOptionsOfAMultiQuestionAsOnlyOnTheirOwn() throws IOException {
    Path scan = dir.resolve("na.json");
    Files.writeString(
        scan,
        Files.readString(SCAN, StandardCharsets.UTF_8)
            .replace(
                "\"points\": 0, \"exclusive\": true}",
                "\"points\": 0, \"exclusive\": true},\n                    {\"id\": \"weetniet\", \"label\": {\"nl\": \"Weet ik niet\", \"en\": \"Don't know\"}, \"unknown\": true}"),
        StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("template", "--lang", "en", scan.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines(run.err())).contains("      \"weetniet\" = Don't know (only on its own)");
  }

  @Test
  void aFolderAsOutputIsRefusedInOneClearLine() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("map"));
    Files.writeString(folder.resolve("iets.txt"), "x", StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("template", "--lang", "en", SCAN.toString(), "-o", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .contains(folder.toString())
        .contains("is a folder");
  }
}
