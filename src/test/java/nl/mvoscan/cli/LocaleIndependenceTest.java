package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Results must not depend on the machine's locale: with {@code --lang} given, the output under
 * Turkish (dotless ı: {@code "I".toLowerCase()}) or Dutch (decimal comma) must equal, byte for
 * byte, the output under {@link Locale#ROOT}. The fixtures use ids with i ({@code visie}, {@code
 * isolatie}, {@code opleiding}) and a property with I.
 */
class LocaleIndependenceTest {

  private static final Locale ORIGINAL = Locale.getDefault();

  @TempDir Path dir;

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(ORIGINAL);
  }

  private static final Path SCAN = fixture("scans/mini-scan.json");
  private static final Path COMPLETE = fixture("answers/complete.json");
  private static final Path INSUFFICIENT = fixture("answers/insufficient.json");

  /**
   * A scan with problems whose messages carry ids and numbers: an unknown "Indicatie", a bad level,
   * a when type error.
   */
  private Path brokenScan() throws IOException {
    String text =
        Files.readString(SCAN, StandardCharsets.UTF_8)
            .replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"Indicatie\": 1.5")
            .replace(
                "\"when\": \"sector == 'productie'\"",
                "\"when\": \"selected(sector, 'isolatie') or medewerkers > 'IJssel'\"")
            .replace("\"min\": 70, \"minTheme\"", "\"min\": 40.0, \"minTheme\"")
            .replace("\"maxPoints\": 3", "\"maxPoints\": 4.25");
    Path file = dir.resolve("visie-isolatie.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path badAnswers() throws IOException {
    Path file = dir.resolve("antwoorden-visie.json");
    Files.writeString(
        file,
        """
        {"format": "mvoscan-answers/1", "scan": "mini-scan", "date": "2026-02-30",
         "answers": {"sector": "productie", "medewerkers": 1234.5, "visie": "Ja",
                     "maatregelen": ["isolatie", "ISOLATIE", "isolatie"], "Visie": "ja"}}
        """,
        StandardCharsets.UTF_8);
    return file;
  }

  private List<Cli.Run> runAll(Path broken, Path bad) {
    List<Cli.Run> runs = new ArrayList<>();
    for (String lang : List.of("en", "nl")) {
      runs.add(
          Cli.run(
              "score", "--lang", lang, "--json", "--scan", SCAN.toString(), COMPLETE.toString()));
      runs.add(
          Cli.run(
              "score",
              "--lang",
              lang,
              "--json",
              "--scan",
              SCAN.toString(),
              COMPLETE.toString(),
              INSUFFICIENT.toString()));
      runs.add(Cli.run("score", "--lang", lang, "--scan", SCAN.toString(), COMPLETE.toString()));
      runs.add(
          Cli.run(
              "score",
              "--lang",
              lang,
              "--explain",
              "--scan",
              SCAN.toString(),
              COMPLETE.toString()));
      runs.add(Cli.run("score", "--lang", lang, "--scan", SCAN.toString(), bad.toString()));
      runs.add(Cli.run("validate", "--lang", lang, SCAN.toString()));
      runs.add(Cli.run("validate", "--lang", lang, broken.toString()));
    }
    return runs;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tr-TR", "nl-NL"})
  void scoreAndValidateGiveByteIdenticalOutputWhateverTheDefaultLocale(String tag)
      throws IOException {
    Path broken = brokenScan();
    Path bad = badAnswers();
    Locale.setDefault(Locale.ROOT);
    List<Cli.Run> reference = runAll(broken, bad);

    Locale.setDefault(Locale.forLanguageTag(tag));
    List<Cli.Run> local = runAll(broken, bad);

    assertThat(local).hasSameSizeAs(reference);
    for (int i = 0; i < reference.size(); i++) {
      Cli.Run expected = reference.get(i);
      Cli.Run actual = local.get(i);
      assertThat(actual.exitCode()).as("run %d exit code", i).isEqualTo(expected.exitCode());
      assertThat(actual.out().getBytes(StandardCharsets.UTF_8))
          .as("run %d stdout:%n%s", i, actual.out())
          .isEqualTo(expected.out().getBytes(StandardCharsets.UTF_8));
      assertThat(actual.err().getBytes(StandardCharsets.UTF_8))
          .as("run %d stderr:%n%s", i, actual.err())
          .isEqualTo(expected.err().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void referenceRunsAreMeaningful() throws IOException {
    Locale.setDefault(Locale.ROOT);
    List<Cli.Run> runs = runAll(brokenScan(), badAnswers());

    // the comparison above is only worth something if the runs really score, explain and reject
    assertThat(runs.get(0).exitCode()).isZero();
    assertThat(runs.get(0).out()).contains("\"score\" : 53.6", "\"level\" : \"gevorderd\"");
    assertThat(runs.get(1).out()).contains("\"status\" : \"not_applicable\"");
    assertThat(runs.get(3).out()).contains("100 × 4/7 = 57.1");
    assertThat(runs.get(4).exitCode()).isEqualTo(2);
    assertThat(runs.get(4).err())
        .contains(
            "\"ISOLATIE\" is not an option",
            "unknown question \"Visie\"",
            "1234.5 must be a whole number");
    assertThat(runs.get(6).exitCode()).isEqualTo(2);
    assertThat(runs.get(6).err())
        .contains(
            "unknown property \"Indicatie\"",
            "maxPoints 4.25 is more than the sum of all points (4)");
    assertThat(runs.get(9).out()).contains("Totaalscore 53,6, rapportcijfer 5,8");
    assertThat(runs.get(12).out()).startsWith("OK ");
  }

  @Test
  void scoreJsonUnderTurkishLocaleKeepsLowerCaseStatusesAndIds() {
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));

    Cli.Run run =
        Cli.run(
            "score", "--lang", "en", "--json", "--scan", SCAN.toString(), INSUFFICIENT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"status\" : \"not_applicable\"", "\"id\" : \"visie\"")
        .doesNotContain("ı");
  }

  @Test
  void scansTableUsesAsciiDigitsWhateverTheDefaultLocale() {
    Locale.setDefault(Locale.ROOT);
    Cli.Run reference = Cli.run("scans", "--lang", "en", "--scans", fixture("scans").toString());
    Locale.setDefault(Locale.forLanguageTag("ar-EG"));

    Cli.Run local = Cli.run("scans", "--lang", "en", "--scans", fixture("scans").toString());

    assertThat(local.out()).isEqualTo(reference.out());
  }
}
