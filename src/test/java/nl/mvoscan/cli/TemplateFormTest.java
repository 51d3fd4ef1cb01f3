package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mvoscan template SCAN --form}: what a teacher pastes into a form tool makes an export that
 * imports 1:1.
 */
class TemplateFormTest {

  private static final Pattern QUESTION = Pattern.compile("^([0-9]+)\\. (.+)$");

  @TempDir Path dir;

  /** The form's questions: text, then the option labels that follow it. */
  private record Asked(String text, String type, List<String> options) {}

  private static List<Asked> parse(String form) {
    List<Asked> asked = new ArrayList<>();
    String text = null;
    String type = null;
    List<String> options = new ArrayList<>();
    for (String line : form.split("\\R")) {
      Matcher m = QUESTION.matcher(line);
      if (m.matches()) {
        if (text != null) {
          asked.add(new Asked(text, type, options));
        }
        text = m.group(2);
        type = null;
        options = new ArrayList<>();
      } else if (line.startsWith("   Type: ") && text != null) {
        type = line;
      } else if (line.startsWith("   - ") && text != null) {
        options.add(line.substring(5).replaceAll("   \\(.*\\)$", ""));
      }
    }
    if (text != null) {
      asked.add(new Asked(text, type, options));
    }
    return asked;
  }

  /**
   * A number with a thousands separator: 1.200, or the question's minimum when that is higher (a
   * year from 2000).
   */
  private static String thousands(String type) {
    java.util.regex.Matcher min =
        java.util.regex.Pattern.compile("(?:minstens|at least) (\\d+)").matcher(type);
    int value = min.find() ? Math.max(1200, Integer.parseInt(min.group(1))) : 1200;
    return (value / 1000) + "." + String.format(java.util.Locale.ROOT, "%03d", value % 1000);
  }

  private static String csvCell(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /**
   * A Google Sheet export of the form as printed: one column per question with its exact text, one
   * response that picks the first option everywhere (all options for checkboxes).
   */
  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void anExportOfTheFormAsPrintedImportsWithoutMappingWarningsOrMissingQuestions(String language)
      throws Exception {
    Cli.Run form = Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", language);
    assertThat(form.exitCode()).as(form.err()).isZero();
    List<Asked> asked = parse(form.out());
    assertThat(asked).hasSizeGreaterThan(50);

    List<String> header = new ArrayList<>(List.of(csvCell("Tijdstempel")));
    List<String> row = new ArrayList<>(List.of(csvCell("5-3-2026 9:14:02")));
    for (Asked q : asked) {
      header.add(csvCell(q.text()));
      String value;
      if (q.options().isEmpty()) {
        value =
            q.type().contains("Getal") || q.type().contains("Number")
                ? thousands(q.type())
                : q.text().contains("KvK") ? "04187352" : "x";
      } else if (q.type().contains("Checkboxes") || q.type().contains("Selectievakjes")) {
        // every option that may be combined, joined as a Google Sheet joins checkboxes
        List<String> all = new ArrayList<>();
        String[] lines = form.out().split("\\R");
        for (String option : q.options()) {
          boolean exclusive = false;
          for (String l : lines) {
            if (l.equals("   - " + option + "   (" + exclusiveWord(language) + ")")) {
              exclusive = true;
            }
          }
          if (!exclusive) {
            all.add(option);
          }
        }
        value = String.join(", ", all);
      } else {
        value = q.options().get(0);
      }
      row.add(csvCell(value));
    }
    Path csv = dir.resolve("export.csv");
    Files.writeString(
        csv,
        String.join(",", header) + "\n" + String.join(",", row) + "\n",
        StandardCharsets.UTF_8);
    Cli.Run imported =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    // every question is answered, also those this row hides: those answers are told (§3.4), and
    // nothing else is: no column unrecognised, none missing
    assertThat(imported.err().lines())
        .allSatisfy(l -> assertThat(l).contains("ignored: the question does not apply"));
    assertThat(imported.out()).contains("imported 1 response (1 company");

    Cli.Run exported =
        Cli.run("export", "--db", dir.resolve("t.db").toString(), "--long", "--format", "json");
    java.util.Map<String, String> values = new java.util.HashMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(exported.out())
        .forEach(a -> values.put(a.get("question_id").asText(), a.get("value").toString()));
    assertThat(values).containsEntry("medewerkers", "1200");
    assertThat(values)
        .containsEntry(
            "energiemaatregelen",
            "[\"led\",\"sensoren\",\"apparaten\",\"uitzetten\",\"thermostaat\",\"onderhoud\"]");
    assertThat(values).containsEntry("sector", "\"productie\"");
  }

  private static final List<String> EXAMPLES =
      List.of(
          "examples/bakkerij-emmen.json",
          "examples/garage-assen.json",
          "examples/zorghuis-groningen.json",
          "examples/gemeente-veenhaven.json",
          "examples/installatiebedrijf-leeuwarden.json");

  @Test
  void theWholeListSaysFirstThatItHasMoreQuestionsThanMicrosoftFormsTakesAndHowToSplit() {
    Cli.Run form = Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", "nl");
    assertThat(form.exitCode()).as(form.err()).isZero();
    assertThat(parse(form.out())).hasSize(201);
    assertThat(form.out().lines().findFirst().orElseThrow())
        .contains("201 vragen")
        .contains("hoogstens 200")
        .contains("--for bedrijf (125 vragen)")
        .contains("--for organisatie (103 vragen");
    Cli.Run english = Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", "en");
    assertThat(english.out().lines().findFirst().orElseThrow())
        .contains("201 questions")
        .contains("at most 200")
        .contains("--for company");
  }

  @Test
  void eachVariantFitsMicrosoftFormsAndOffersOnlyItsOwnSectors() {
    List<Asked> company =
        parse(Cli.run("template", "mvo-stagebedrijf", "--form", "--for", "bedrijf").out());
    List<Asked> organisation =
        parse(Cli.run("template", "mvo-stagebedrijf", "--form", "--for", "organisation").out());
    assertThat(company).hasSizeLessThanOrEqualTo(200);
    assertThat(organisation).hasSizeLessThanOrEqualTo(200);
    Asked sectorCompany = company.get(6);
    Asked sectorOrganisation = organisation.get(6);
    assertThat(sectorOrganisation.options())
        .containsExactly("Zorg", "Welzijn en kinderopvang", "Onderwijs", "Overheid");
    assertThat(sectorCompany.options())
        .contains("Landbouw, tuinbouw en groen", "Iets anders")
        .doesNotContain("Zorg", "Overheid");
    // a company is asked about "het bedrijf", an organisation about "de organisatie"
    List<String> texts = company.stream().map(Asked::text).toList();
    assertThat(texts).contains("Staat duurzaamheid of MVO in de missie of visie van het bedrijf?");
    assertThat(texts)
        .doesNotContain("Staat duurzaamheid of MVO in de missie of visie van de organisatie?");
    assertThat(organisation.stream().map(Asked::text))
        .contains("Staat duurzaamheid of MVO in de missie of visie van de organisatie?")
        .doesNotContain("Staat duurzaamheid of MVO in de missie of visie van het bedrijf?");

    Cli.Run bad = Cli.run("template", "mvo-stagebedrijf", "--form", "--for", "school");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("school").contains("bedrijf").contains("organisatie");
    assertThat(Cli.run("template", "mvo-stagebedrijf", "--for", "bedrijf").exitCode()).isEqualTo(2);
  }

  /**
   * Both forms filled in with the answers of the examples (a student at a company in the company
   * form, one at a care home or a municipality in the other), exported as a Google Sheet: both
   * import into one database without a mapping and score as {@code score} does the answers files.
   */
  @Test
  void bothVariantsImportIntoTheSameScanWithTheScoresThatScoreGives() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    nl.mvoscan.scan.Scan scan =
        nl.mvoscan.scan.ScanLoader.load(
                Path.of("scans/mvo-stagebedrijf.json"), java.util.Locale.ROOT)
            .scan();
    java.util.Map<String, nl.mvoscan.scan.Question> byText = new java.util.HashMap<>();
    scan.questions().forEach(q -> byText.put(q.text().in("nl", "nl"), q));
    java.util.Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    java.util.Map<String, List<Asked>> forms = new java.util.HashMap<>();
    for (String variant : List.of("bedrijf", "organisatie")) {
      forms.put(
          variant,
          parse(Cli.run("template", "mvo-stagebedrijf", "--form", "--for", variant).out()));
    }
    for (String example : EXAMPLES) {
      com.fasterxml.jackson.databind.JsonNode answers = json.readTree(Path.of(example).toFile());
      String sector = answers.path("answers").path("sector").asText();
      String variant =
          List.of("zorg", "welzijn", "onderwijs", "overheid").contains(sector)
              ? "organisatie"
              : "bedrijf";
      List<Asked> asked = forms.get(variant);
      List<String> row = new ArrayList<>(List.of(csvCell(answers.path("date").asText())));
      for (Asked a : asked) {
        row.add(csvCell(cell(a.text(), byText, answers)));
      }
      rows.computeIfAbsent(variant, v -> new ArrayList<>()).add(String.join(",", row));
    }
    assertThat(rows).containsOnlyKeys("bedrijf", "organisatie");
    List<String> files = new ArrayList<>();
    for (var entry : rows.entrySet()) {
      List<String> header = new ArrayList<>(List.of(csvCell("Tijdstempel")));
      forms.get(entry.getKey()).forEach(a -> header.add(csvCell(a.text())));
      Path csv = dir.resolve(entry.getKey() + ".csv");
      Files.writeString(
          csv,
          String.join(",", header) + "\n" + String.join("\n", entry.getValue()) + "\n",
          StandardCharsets.UTF_8);
      files.add(csv.toString());
    }
    String db = dir.resolve("t.db").toString();
    List<String> args = new ArrayList<>(List.of("import", "--lang", "en", "--db", db));
    args.addAll(files);
    Cli.Run imported = Cli.run(args.toArray(String[]::new));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 5 responses");
    // each form has a column for every question its rows are asked: none is missing
    assertThat(imported.err()).doesNotContain("no column for").doesNotContain("not recognised");

    Cli.Run scored =
        Cli.run(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("score", "--json"), EXAMPLES.stream())
                .toArray(String[]::new));
    assertThat(scored.exitCode()).as(scored.err()).isZero();
    Cli.Run exported = Cli.run("export", "--db", db, "--format", "json");
    assertThat(FormsFixturesTest.figures(exported.out()))
        .isEqualTo(FormsFixturesTest.figures(scored.out()));
  }

  /** What a student types into the form for a question: the example's answer, as labels. */
  private static String cell(
      String text,
      java.util.Map<String, nl.mvoscan.scan.Question> byText,
      com.fasterxml.jackson.databind.JsonNode file) {
    switch (text) {
      case "Je naam":
        return file.path("respondent").path("name").asText();
      case "Je studentnummer":
        return file.path("respondent").path("id").asText("");
      case "Je klas":
        return file.path("respondent").path("class").asText();
      case "Naam van je stagebedrijf":
        return file.path("company").path("name").asText();
      case "KvK-nummer van het bedrijf":
        return file.path("company").path("kvk").asText("");
      case "Plaats van het bedrijf":
        return file.path("company").path("city").asText("");
      default:
        break;
    }
    nl.mvoscan.scan.Question question = byText.get(text);
    assertThat(question).as(text).isNotNull();
    com.fasterxml.jackson.databind.JsonNode value = file.path("answers").path(question.id());
    if (value.isObject()) {
      value = value.path("value");
    }
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> labels = new ArrayList<>();
      value.forEach(
          v -> labels.add(question.option(v.asText()).orElseThrow().label().in("nl", "nl")));
      return String.join(";", labels);
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    return question
        .option(value.asText())
        .map(o -> o.label().in("nl", "nl"))
        .orElse(value.asText());
  }

  private static String exclusiveWord(String language) {
    return nl.mvoscan.i18n.Messages.forLanguage(language).get("template.exclusive");
  }
}
