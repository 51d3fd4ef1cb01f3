package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The form-tool exports of {@code src/test/resources/forms/} (made by its {@code make-fixtures.py},
 * described in docs/class-csv.md): each holds the four example responses the way one tool exports
 * them, and must import with the scores {@code score} gives for the answers files.
 */
class FormsFixturesTest {

  private static final Path FORMS = Path.of("src/test/resources/forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * "score coverage grade level theme scores…" of each response, sorted, from {@code score --json}
   * or from {@code export --format json}.
   */
  static List<String> figures(String json) throws Exception {
    List<String> figures = new ArrayList<>();
    for (JsonNode node : JSON.readTree(json)) {
      JsonNode overall = node.has("overall") ? node.get("overall") : node;
      StringBuilder line = new StringBuilder();
      for (String field : List.of("score", "coverage", "grade", "level")) {
        line.append(overall.get(field).asText()).append(' ');
      }
      if (node.has("themes")) {
        node.get("themes").forEach(t -> line.append(t.get("score").asText()).append(' '));
      } else {
        node.properties().stream()
            .filter(e -> e.getKey().startsWith("theme_"))
            .forEach(e -> line.append(e.getValue().asText()).append(' '));
      }
      figures.add(line.toString().strip());
    }
    figures.sort(null);
    return figures;
  }

  private static List<String> scoredExamples() throws Exception {
    Cli.Run scored =
        Cli.run(
            "score",
            "--json",
            "examples/bakkerij-emmen.json",
            "examples/garage-assen.json",
            "examples/zorghuis-groningen.json",
            "examples/installatiebedrijf-leeuwarden.json");
    assertThat(scored.exitCode()).as(scored.err()).isZero();
    return figures(scored.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ms-forms-nl.xlsx",
        "ms-forms-en.xlsx",
        "google-forms.csv",
        "google-sheet.csv",
        "excel-1252.csv"
      })
  void eachFormToolExportImportsWithTheScoresThatScoreGives(String fixture) throws Exception {
    String db = dir.resolve("t.db").toString();
    Cli.Run imported =
        Cli.run("import", "--lang", "en", "--db", db, FORMS.resolve(fixture).toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 4 responses (4 companies");
    assertThat(imported.err()).doesNotContain("not recognised").doesNotContain("no column for");

    Cli.Run listed = Cli.run("export", "--db", db, "--format", "json");
    assertThat(figures(listed.out())).isEqualTo(scoredExamples());
    // the date of each response comes from the tool's time stamp or date column
    assertThat(JSON.readTree(listed.out()).findValuesAsText("date"))
        .containsExactlyInAnyOrder("2026-11-20", "2026-11-21", "2026-11-24", "2026-12-01");
  }

  static Stream<Arguments> badFixtures() {
    return Stream.of(
        Arguments.of(
            "ms-forms-nl-bad.xlsx",
            List.of(
                ":3: Staat duurzaamheid of MVO in de missie of visie van het bedrijf?: \"Misschien\" is not an option",
                ":4: Tijd van voltooien: time stamp \"gisteren\" cannot be read as a date")),
        Arguments.of(
            "ms-forms-en-bad.xlsx",
            List.of(
                ":3: Are sustainability or CSR part of the company's mission or vision?: \"Maybe\" is not an option",
                ":4: Completion time: time stamp \"gisteren\"")),
        Arguments.of(
            "google-forms-bad.csv",
            List.of(
                ":3: Welke energiebesparende maatregelen heeft het bedrijf genomen?: \"Windmolen\" is not an option")),
        Arguments.of(
            "google-sheet-bad.csv",
            List.of(":5: Tijdstempel: time stamp \"1-12-2026 16:30 uur\" cannot be read")),
        Arguments.of(
            "excel-1252-bad.csv",
            List.of(
                ":3: Hoeveel medewerkers heeft het bedrijf of de organisatie?: \"veel\" is not a number")));
  }

  @ParameterizedTest
  @MethodSource("badFixtures")
  void aBadExportExitsTwoNamingRowAndColumnAndStoresNothing(String fixture, List<String> expected)
      throws Exception {
    Path db = dir.resolve("t.db");
    Cli.Run run =
        Cli.run("import", "--lang", "en", "--db", db.toString(), FORMS.resolve(fixture).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    for (String line : expected) {
      assertThat(run.err()).contains(fixture + line);
    }
    assertThat(run.err()).contains("nothing imported");
    CliFixtures.assertNoStackTrace(run);
    assertThat(db).doesNotExist();
  }

  @Test
  void aWorkbookInsideAFolderIsImportedBesideTheAnswersFiles() throws Exception {
    Path folder = dir.resolve("klas");
    Files.createDirectories(folder.resolve("forms"));
    Files.copy(FORMS.resolve("ms-forms-en.xlsx"), folder.resolve("forms/export.xlsx"));
    Files.copy(Path.of("examples/bakkerij-emmen.json"), folder.resolve("extra.json"));
    Files.writeString(folder.resolve("notes.txt"), "not an answers file");
    Cli.Run run =
        Cli.run(
            "import", "--lang", "en", "--db", dir.resolve("t.db").toString(), folder.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("imported 5 responses");
    assertThat(run.err()).contains("ignored 1 file that is no answers file").contains("notes.txt");
  }

  @Test
  void anOldExcelFileIsAProblemThatSaysHowToSaveIt() throws Exception {
    Path xls = dir.resolve("klas.xls");
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0
    };
    Files.write(xls, ole2);
    Cli.Run run =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), xls.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("klas.xls: this is an old Excel file (.xls)").contains(".xlsx");
    CliFixtures.assertNoStackTrace(run);
  }

  @Test
  void aScoredQuestionWithoutAColumnIsNamedBeforeAnythingIsStored() throws Exception {
    Path csv = dir.resolve("kort.csv");
    String header = Files.readAllLines(FORMS.resolve("google-sheet.csv")).get(0);
    Files.writeString(
        csv,
        header.replace(
                "Weet het bedrijf hoe groot zijn CO₂-voetafdruk is?", "CO2 voetafdruk bekend")
            + "\n");
    Cli.Run run =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--db",
            dir.resolve("t.db").toString(),
            csv.toString(),
            "--dry-run");
    assertThat(run.err())
        .contains("no column for 1 scored question; it counts as unanswered")
        .contains("co2_voetafdruk");
  }
}
