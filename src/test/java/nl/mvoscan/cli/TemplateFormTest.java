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
  void aNumberQuestionsTypeLineNamesItsUnitAndItsTextStaysTheExportHeader() {
    List<Asked> form =
        parse(Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", "nl").out());
    java.util.function.Function<String, Asked> asked =
        start ->
            form.stream()
                .filter(a -> a.type() != null && a.type().contains(start))
                .findFirst()
                .orElseThrow();
    assertThat(asked.apply("in kWh").text()).doesNotContain("kWh");
    assertThat(form.stream().filter(a -> a.type() != null && a.type().contains("in m³")))
        .hasSize(2);
    assertThat(asked.apply("in liter").type()).contains("een heel getal, minstens 0, in liter");
    assertThat(asked.apply("in ton").type()).contains("een getal, minstens 0, in ton");
    String guide = Cli.run("template", "mvo-stagebedrijf", "--lang", "nl").err();
    assertThat(guide).contains("in kWh").contains("in m³").contains("in liter").contains("in ton");
  }

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
  void aVariantsConditionsNameOnlyTheSectorsItOffersAndNeverAnUnansweredSector() {
    for (String kind : List.of("bedrijf", "organisatie")) {
      Cli.Run run =
          Cli.run("template", "mvo-stagebedrijf", "--form", "--for", kind, "--lang", "nl");
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<Asked> asked = parse(run.out());
      java.util.Set<String> offered = new java.util.HashSet<>(asked.get(6).options());
      java.util.Set<String> others =
          new java.util.HashSet<>(
              parse(Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", "nl").out())
                  .get(6)
                  .options());
      others.removeAll(offered);
      List<String> conditions =
          run.out()
              .lines()
              .filter(l -> l.startsWith("   Alleen als") && l.contains("vraag 7"))
              .toList();
      assertThat(conditions).as(kind).isNotEmpty();
      Pattern unanswered =
          Pattern.compile("vraag 7 (\\(\"[^\"]*\"\\) )?niet [^()]*\\(of niet is beantwoord\\)");
      for (String line : conditions) {
        for (String other : others) {
          assertThat(line).as(kind).doesNotContain("'" + other + "'");
        }
        assertThat(unanswered.matcher(line).find()).as(line).isFalse();
      }
    }
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

  /** Every operator of §3.4 that a condition can use, one question each. */
  private static final String WHEN_SCAN =
      """
      {
        "format": "mvoscan-scan/1", "id": "when-words", "version": "1", "languages": ["nl", "en"],
        "title": {"nl": "Test", "en": "Test"},
        "profile": [
          {"id": "c", "type": "choice", "text": {"nl": "Welke kleur heeft het logo van het bedrijf dat je bezoekt?", "en": "Colour"},
           "options": [{"id": "a", "label": {"nl": "Appelgroen", "en": "Apple green"}}, {"id": "b", "label": {"nl": "Blauw", "en": "Blue"}}]},
          {"id": "c2", "type": "choice", "text": {"nl": "Tweede kleur", "en": "Second colour"},
           "options": [{"id": "a", "label": "A2"}, {"id": "b", "label": "B2"}]},
          {"id": "m", "type": "multi", "text": {"nl": "Dieren", "en": "Animals"},
           "options": [{"id": "x", "label": {"nl": "Koeien", "en": "Cows"}}, {"id": "y", "label": {"nl": "Kippen", "en": "Hens"}}]},
          {"id": "n", "type": "number", "text": {"nl": "Aantal", "en": "Number"}},
          {"id": "t", "type": "text", "text": {"nl": "Naam", "en": "Name"}}
        ],
        "themes": [
          {"id": "th", "title": {"nl": "Thema", "en": "Theme"},
           "questions": [
             {"id": "eq", "type": "choice", "when": "c == 'a'", "text": {"nl": "Vraag eq", "en": "Question eq"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "ne", "type": "choice", "when": "c != 'a'", "text": {"nl": "Vraag ne", "en": "Question ne"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "lt", "type": "choice", "when": "n < 5", "text": {"nl": "Vraag lt", "en": "Question lt"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "le", "type": "choice", "when": "n <= 5", "text": {"nl": "Vraag le", "en": "Question le"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "gt", "type": "choice", "when": "n > 5", "text": {"nl": "Vraag gt", "en": "Question gt"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "ge", "type": "choice", "when": "n >= 5.5", "text": {"nl": "Vraag ge", "en": "Question ge"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "inlist", "type": "choice", "when": "c in ['a', 'b']", "text": {"nl": "Vraag inlist", "en": "Question inlist"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "notin", "type": "choice", "when": "not c in ['a', 'b']", "text": {"nl": "Vraag notin", "en": "Question notin"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "noteq", "type": "choice", "when": "not c == 'b'", "text": {"nl": "Vraag noteq", "en": "Question noteq"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "sel", "type": "choice", "when": "selected(m, 'x')", "text": {"nl": "Vraag sel", "en": "Question sel"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "notsel", "type": "choice", "when": "not selected(m, 'x')", "text": {"nl": "Vraag notsel", "en": "Question notsel"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "selc", "type": "choice", "when": "selected(c, 'b')", "text": {"nl": "Vraag selc", "en": "Question selc"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "ans", "type": "choice", "when": "answered(t)", "text": {"nl": "Vraag ans", "en": "Question ans"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "notans", "type": "choice", "when": "not answered(t)", "text": {"nl": "Vraag notans", "en": "Question notans"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "txt", "type": "choice", "when": "t == 'hallo'", "text": {"nl": "Vraag txt", "en": "Question txt"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "flip", "type": "choice", "when": "5 <= n", "text": {"nl": "Vraag flip", "en": "Question flip"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "both", "type": "choice", "when": "c == 'a' and n > 1", "text": {"nl": "Vraag both", "en": "Question both"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "either", "type": "choice", "when": "c == 'a' or (n > 1 and answered(t))", "text": {"nl": "Vraag either", "en": "Question either"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "notgroup", "type": "choice", "when": "not (n > 1 or c == 'a')", "text": {"nl": "Vraag notgroup", "en": "Question notgroup"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "refs", "type": "choice", "when": "c == c2", "text": {"nl": "Vraag refs", "en": "Question refs"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "bool", "type": "choice", "when": "answered(t) == selected(m, 'y')", "text": {"nl": "Vraag bool", "en": "Question bool"}, "options": [{"id": "j", "label": "J", "points": 1}]},
             {"id": "empty", "type": "choice", "when": "c in []", "text": {"nl": "Vraag empty", "en": "Question empty"}, "options": [{"id": "j", "label": "J", "points": 1}]}
           ]}
        ],
        "levels": [{"id": "starter", "min": 0, "label": {"nl": "Starter", "en": "Starter"}}]
      }
      """;

  /** Per question text, the "Alleen als" line under it. */
  private static java.util.Map<String, String> conditions(String form) {
    java.util.Map<String, String> when = new java.util.HashMap<>();
    String question = null;
    for (String line : form.split("\\R")) {
      Matcher m = QUESTION.matcher(line);
      if (m.matches()) {
        question = m.group(2).replaceFirst("^(Vraag|Question) ", "");
      } else if (line.startsWith("   Alleen als") || line.startsWith("   Only if")) {
        when.put(question, line);
      }
    }
    return when;
  }

  @Test
  void conditionsAreWordedWithTheFormsQuestionNumbersTextsAndOptionLabelsForEveryOperator()
      throws Exception {
    Path scan = dir.resolve("when-words.json");
    Files.writeString(scan, WHEN_SCAN, StandardCharsets.UTF_8);
    Cli.Run nl = Cli.run("template", scan.toString(), "--form", "--lang", "nl");
    assertThat(nl.exitCode()).as(nl.err()).isZero();
    java.util.Map<String, String> when = conditions(nl.out());
    assertThat(when).hasSize(22);
    assertThat(nl.out()).doesNotContain(" == ").doesNotContain("selected(");
    assertThat(when.get("eq"))
        .contains(
            "Alleen als vraag 7 (\"Welke kleur heeft het logo van het bedrijf dat je…\") 'Appelgroen' is.");
    assertThat(when.get("ne"))
        .contains(
            "Alleen als vraag 7 (\"Welke kleur heeft het logo van het bedrijf dat je…\") met iets anders dan 'Appelgroen' is beantwoord.");
    assertThat(when.get("lt")).contains("Alleen als vraag 10 (\"Aantal\") kleiner is dan 5.");
    assertThat(when.get("le")).contains("Alleen als vraag 10 (\"Aantal\") hoogstens 5 is.");
    assertThat(when.get("gt")).contains("Alleen als vraag 10 (\"Aantal\") groter is dan 5.");
    assertThat(when.get("ge")).contains("Alleen als vraag 10 (\"Aantal\") minstens 5,5 is.");
    assertThat(when.get("inlist")).contains("'Appelgroen' of 'Blauw' is.");
    assertThat(when.get("notin"))
        .contains("niet 'Appelgroen' of 'Blauw' is (of niet is beantwoord).");
    assertThat(when.get("noteq")).contains("niet 'Blauw' is (of niet is beantwoord).");
    assertThat(when.get("sel"))
        .contains("Alleen als bij vraag 9 (\"Dieren\") 'Koeien' is aangevinkt.");
    assertThat(when.get("notsel"))
        .contains("Alleen als bij vraag 9 (\"Dieren\") 'Koeien' niet is aangevinkt.");
    assertThat(when.get("selc")).contains("'Blauw' is.");
    assertThat(when.get("ans")).contains("Alleen als vraag 11 (\"Naam\") beantwoord is.");
    assertThat(when.get("notans")).contains("Alleen als vraag 11 (\"Naam\") niet is beantwoord.");
    assertThat(when.get("txt")).contains("Alleen als vraag 11 (\"Naam\") 'hallo' is.");
    assertThat(when.get("flip")).contains("Alleen als vraag 10 (\"Aantal\") minstens 5 is.");
    assertThat(when.get("both"))
        .contains("'Appelgroen' is en vraag 10 (\"Aantal\") groter is dan 1.");
    assertThat(when.get("either"))
        .contains(
            "'Appelgroen' is of (vraag 10 (\"Aantal\") groter is dan 1 en vraag 11 (\"Naam\") beantwoord is).");
    assertThat(when.get("notgroup"))
        .contains(
            "Alleen als het niet zo is dat (vraag 10 (\"Aantal\") groter is dan 1 of vraag 7");
    assertThat(when.get("refs"))
        .contains("hetzelfde antwoord heeft als vraag 8 (\"Tweede kleur\").");
    assertThat(when.get("bool"))
        .contains(
            "Alleen als (vraag 11 (\"Naam\") beantwoord is) en (bij vraag 9 (\"Dieren\") 'Kippen' is aangevinkt) allebei waar of allebei onwaar zijn.");
    assertThat(when.get("empty")).contains("een antwoord uit een lege lijst (dus nooit) is.");
    Cli.Run en = Cli.run("template", scan.toString(), "--form", "--lang", "en");
    java.util.Map<String, String> whenEn = conditions(en.out());
    assertThat(whenEn.get("eq")).isEqualTo("   Only if question 7 (\"Colour\") is 'Apple green'.");
    assertThat(whenEn.get("ne"))
        .isEqualTo(
            "   Only if question 7 (\"Colour\") is answered with something other than 'Apple green'.");
    assertThat(whenEn.get("ge")).isEqualTo("   Only if question 10 (\"Number\") is at least 5.5.");
    assertThat(whenEn.get("notin"))
        .isEqualTo(
            "   Only if question 7 (\"Colour\") is not 'Apple green' or 'Blue' (or is not answered).");
    assertThat(whenEn.get("sel"))
        .isEqualTo("   Only if 'Cows' is ticked at question 9 (\"Animals\").");
    assertThat(whenEn.get("notans"))
        .isEqualTo("   Only if question 11 (\"Name\") is not answered.");
    assertThat(whenEn.get("either"))
        .isEqualTo(
            "   Only if question 7 (\"Colour\") is 'Apple green' or (question 10 (\"Number\") is more than 1 and question 11 (\"Name\") is answered).");
  }

  private static String exclusiveWord(String language) {
    return nl.mvoscan.i18n.Messages.forLanguage(language).get("template.exclusive");
  }
}
