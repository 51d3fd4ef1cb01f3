package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.fixture;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvoscan scans}: the bundled scans plus those of {@code --scans DIR}, as a table or as
 * JSON.
 */
class ScansCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private static final Path SCAN = fixture("scans/mini-scan.json");
  private static final Path SCANS = fixture("scans");

  private static JsonNode entry(JsonNode list, String id) {
    List<JsonNode> found = new ArrayList<>();
    list.forEach(
        e -> {
          if (id.equals(e.path("id").asText())) {
            found.add(e);
          }
        });
    assertThat(found).as("entries with id %s in %s", id, list).hasSize(1);
    return found.get(0);
  }

  @Test
  void jsonListsAFolderScanWithIdVersionTitleLanguagesAndScoredQuestions() throws IOException {
    Cli.Run run = Cli.run("scans", "--lang", "en", "--scans", SCANS.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode list = JSON.readTree(run.out());
    assertThat(list.isArray()).isTrue();
    JsonNode mini = entry(list, "mini-scan");
    assertThat(mini.get("version").asText()).isEqualTo("1.0");
    assertThat(mini.get("title").asText()).isEqualTo("Mini scan");
    assertThat(JSON.convertValue(mini.get("languages"), STRINGS)).containsExactly("nl", "en");
    assertThat(mini.get("scoredQuestions").asInt()).isEqualTo(4);
    assertThat(mini.get("scoredQuestions").isIntegralNumber()).isTrue();
    assertThat(mini.get("themes").asInt()).isEqualTo(2);
    assertThat(mini.get("source").asText()).isEqualTo(SCAN.toString());
    assertThat(mini.get("hash").asText()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void jsonGivesTheTitleInTheLanguageAskedFor() throws IOException {
    Cli.Run run = Cli.run("scans", "--lang", "nl", "--scans", SCANS.toString(), "--json");

    assertThat(entry(JSON.readTree(run.out()), "mini-scan").get("title").asText())
        .isEqualTo("Mini-scan");
  }

  @Test
  void jsonHashEqualsTheHashOfTheScoreResult() throws IOException {
    Cli.Run scans = Cli.run("scans", "--lang", "en", "--scans", SCANS.toString(), "--json");
    Cli.Run score =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--json",
            "--scan",
            SCAN.toString(),
            fixture("answers/complete.json").toString());

    assertThat(entry(JSON.readTree(scans.out()), "mini-scan").get("hash").asText())
        .isEqualTo(JSON.readTree(score.out()).at("/scan/hash").asText());
  }

  @Test
  void listsTheBundledScansWithoutAFolder() throws IOException {
    Cli.Run run = Cli.run("scans", "--lang", "en", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode list = JSON.readTree(run.out());
    assertThat(sources(list, "mvo-stagebedrijf"))
        .containsExactly(
            "bundled:archive/mvo-stagebedrijf-2026.1.json", "bundled:mvo-stagebedrijf.json");
    assertThat(list.findValuesAsText("id")).doesNotContain("mini-scan");
  }

  @Test
  void listsTheArchivedEditionBeforeTheCurrentOneWhichALookupByIdFinds() throws IOException {
    Cli.Run run = Cli.run("scans", "--lang", "en", "--json");
    List<String> versions = new ArrayList<>();
    JSON.readTree(run.out())
        .forEach(
            e -> {
              if (e.path("id").asText().equals("mvo-stagebedrijf")) {
                versions.add(e.path("version").asText());
              }
            });
    assertThat(versions).containsExactly("2026.1", "2026.2");

    JsonNode template =
        JSON.readTree(Cli.run("template", "--lang", "en", "mvo-stagebedrijf").out());
    assertThat(template.get("scanVersion").asText()).isEqualTo("2026.2");
  }

  private static List<String> sources(JsonNode list, String id) {
    List<String> found = new ArrayList<>();
    list.forEach(
        e -> {
          if (id.equals(e.path("id").asText())) {
            found.add(e.path("source").asText());
          }
        });
    return found;
  }

  @Test
  void tableListsTheFolderScanOnOneLine() {
    Cli.Run run = Cli.run("scans", "--lang", "en", "--scans", SCANS.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = lines(run.out());
    assertThat(lines.get(0)).matches("id\\s+version\\s+langs\\s+scored\\s+title \\(source\\)");
    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "mini-scan\\s+1\\.0\\s+nl,en\\s+4\\s+Mini scan \\(\\Q" + SCAN + "\\E\\)"));
  }

  @Test
  void tableHeaderIsDutchWithLangNl() {
    Cli.Run run = Cli.run("scans", "--lang", "nl", "--scans", SCANS.toString());

    assertThat(lines(run.out()).get(0))
        .matches("id\\s+versie\\s+talen\\s+vragen\\s+titel \\(bron\\)");
  }

  @Test
  void reportsAnInvalidScanInTheFolderAndExits2WhileListingTheValidOnes() throws IOException {
    Files.copy(SCAN, dir.resolve("a-mini.json"));
    Path broken = dir.resolve("b-broken.json");
    Files.writeString(broken, "{\"format\": \"mvoscan-scan/1\"}", StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("scans", "--lang", "en", "--scans", dir.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .matches(
            "\\Q"
                + broken
                + "\\E: invalid scan \\(\\d+ problems\\); run mvoscan validate on it\\R");
    assertThat(run.err()).doesNotContain("Exception");
    entry(JSON.readTree(run.out()), "mini-scan");
  }

  @Test
  void ignoresFilesThatAreNotJson() throws IOException {
    Files.copy(SCAN, dir.resolve("mini.json"));
    Files.writeString(dir.resolve("LEESMIJ.txt"), "geen scan", StandardCharsets.UTF_8);

    Cli.Run run = Cli.run("scans", "--lang", "en", "--scans", dir.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aFolderScanWithTheIdOfABundledScanReplacesItForOtherCommands() throws IOException {
    String own =
        Files.readString(SCAN, StandardCharsets.UTF_8)
            .replace("\"id\": \"mini-scan\"", "\"id\": \"mvo-stagebedrijf\"");
    Files.writeString(dir.resolve("eigen-editie.json"), own, StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("template", "--lang", "en", "--scans", dir.toString(), "mvo-stagebedrijf");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode template = JSON.readTree(run.out());
    assertThat(template.get("scanVersion").asText()).isEqualTo("1.0");
    assertThat(template.get("answers").size()).isEqualTo(7);
  }

  @Test
  void rejectsAnUnknownOptionWithExit2() {
    Cli.Run run = Cli.run("scans", "--lang", "en", "--jsn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "Unknown option: '--jsn'; did you mean --json?"
                + NL
                + "see: mvoscan scans --help"
                + NL);
  }
}
