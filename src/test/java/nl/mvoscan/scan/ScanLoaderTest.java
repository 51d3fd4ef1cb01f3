package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;

/** One test per rule of contract §2–3, each on a small valid scan with one thing broken. */
class ScanLoaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final String VALID =
      """
      {
        "$schema": "schema/mvoscan-scan.schema.json",
        "format": "mvoscan-scan/1",
        "id": "test-scan",
        "version": "1",
        "languages": ["nl", "en"],
        "title": {"nl": "Test", "en": "Test"},
        "scales": {
          "jdn": [
            {"id": "ja", "label": {"nl": "Ja", "en": "Yes"}, "points": 2},
            {"id": "nee", "label": {"nl": "Nee", "en": "No"}, "points": 0},
            {"id": "nvt", "label": {"nl": "N.v.t.", "en": "N/A"}, "na": true},
            {"id": "weetniet", "label": {"nl": "Weet ik niet", "en": "Don't know"}, "unknown": true}
          ]
        },
        "profile": [
          {"id": "sector", "type": "choice", "text": {"nl": "Sector", "en": "Sector"},
           "options": [{"id": "bouw", "label": {"nl": "Bouw", "en": "Construction"}},
                       {"id": "zorg", "label": {"nl": "Zorg", "en": "Care"}}]},
          {"id": "medewerkers", "type": "number", "min": 0, "integer": true,
           "text": {"nl": "Medewerkers", "en": "Employees"}}
        ],
        "themes": [
          {"id": "beleid", "title": {"nl": "Beleid", "en": "Policy"},
           "levelAdvice": {"starter": {"nl": "Begin", "en": "Start"}},
           "questions": [
             {"id": "visie", "type": "choice", "scale": "jdn", "weight": 2,
              "text": {"nl": "Visie?", "en": "Vision?"}, "tags": {"sdg": ["12"]}},
             {"id": "maatregelen", "type": "multi", "maxPoints": 3, "when": "sector == 'bouw' and medewerkers >= 10",
              "text": {"nl": "Maatregelen?", "en": "Measures?"},
              "options": [{"id": "led", "label": "LED", "points": 1},
                          {"id": "zon", "label": {"nl": "Zon", "en": "Sun"}, "points": 2},
                          {"id": "geen", "label": {"nl": "Geen", "en": "None"}, "points": 0, "exclusive": true}]},
             {"id": "toelichting", "type": "text", "text": {"nl": "Toelichting", "en": "Notes"}}
           ]}
        ],
        "levels": [
          {"id": "starter", "min": 0, "label": {"nl": "Starter", "en": "Starter"}},
          {"id": "koploper", "min": 70, "minTheme": 50, "label": {"nl": "Koploper", "en": "Leader"}}
        ],
        "scoring": {"minCoverage": 0.5, "unknown": "exclude"}
      }
      """;

  private static ScanLoader.Result load(String json) {
    return ScanLoader.load(Path.of("t.json"), JsonReader.parse("t.json", json), Locale.ENGLISH);
  }

  private static List<JsonProblem> problemsAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode scan = (ObjectNode) MAPPER.readTree(VALID);
    change.accept(scan);
    return load(MAPPER.writeValueAsString(scan)).problems();
  }

  private static ObjectNode question(ObjectNode scan, int index) {
    return (ObjectNode) scan.path("themes").path(0).path("questions").path(index);
  }

  @Test
  void validScanLoadsWithItsParts() {
    ScanLoader.Result result = load(VALID);
    assertThat(result.problems()).isEmpty();
    Scan scan = result.scan();
    assertThat(scan.id()).isEqualTo("test-scan");
    assertThat(scan.scoredQuestions())
        .extracting(Question::id)
        .containsExactly("visie", "maatregelen");
    assertThat(scan.question("maatregelen").orElseThrow().maximum()).isEqualByComparingTo("3");
    assertThat(scan.question("visie").orElseThrow().maximum()).isEqualByComparingTo("2");
    assertThat(scan.minCoverage()).isEqualByComparingTo("0.5");
  }

  @Test
  void unknownPropertyIsAnErrorAtItsPointer() throws Exception {
    assertThat(problemsAfter(s -> question(s, 0).put("wieght", 2)))
        .anySatisfy(
            p -> {
              assertThat(p.pointer()).isEqualTo("/themes/0/questions/0/wieght");
              assertThat(p.key()).isEqualTo("schema.unknownProperty");
            });
  }

  @Test
  void keyOfAnotherQuestionTypeIsAnError() throws Exception {
    assertThat(problemsAfter(s -> question(s, 0).put("maxPoints", 2)))
        .anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/themes/0/questions/0/maxPoints"));
  }

  @Test
  void duplicateKeyIsAnError() {
    String json = VALID.replace("\"version\": \"1\",", "\"version\": \"1\", \"version\": \"2\",");
    assertThat(load(json).problems())
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("json.duplicateKey"));
  }

  @Test
  void idsMustMatchThePatternAndAvoidKeywords() throws Exception {
    assertThat(problemsAfter(s -> question(s, 0).put("id", "Visie"))).isNotEmpty();
    assertThat(problemsAfter(s -> question(s, 0).put("id", "9visie"))).isNotEmpty();
    assertThat(problemsAfter(s -> question(s, 0).put("id", "selected")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.reservedId"));
  }

  @Test
  void themeAndQuestionIdsAreUniqueTogether() throws Exception {
    assertThat(problemsAfter(s -> question(s, 1).put("id", "beleid")))
        .anySatisfy(
            p -> {
              assertThat(p.key()).isEqualTo("scan.duplicateId");
              assertThat(p.pointer()).isEqualTo("/themes/0/questions/1/id");
            });
    assertThat(problemsAfter(s -> question(s, 1).put("id", "sector")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.duplicateId"));
  }

  @Test
  void optionIdsAreUniqueWithinTheirQuestion() throws Exception {
    assertThat(
            problemsAfter(
                s -> ((ObjectNode) question(s, 1).path("options").path(1)).put("id", "led")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.duplicateOption"));
  }

  @Test
  void requiredTextsNeedEveryLanguageOptionalOnesTheDefault() throws Exception {
    assertThat(problemsAfter(s -> ((ObjectNode) question(s, 0).path("text")).remove("en")))
        .anySatisfy(
            p -> {
              assertThat(p.key()).isEqualTo("scan.missingLanguage");
              assertThat(p.pointer()).isEqualTo("/themes/0/questions/0/text");
            });
    assertThat(problemsAfter(s -> question(s, 0).putObject("help").put("nl", "Vraag het.")))
        .isEmpty();
    assertThat(problemsAfter(s -> question(s, 0).putObject("help").put("en", "Ask.")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.missingDefaultLanguage"));
  }

  @Test
  void textKeysForLanguagesTheScanDoesNotListAreIgnored() throws Exception {
    assertThat(
            problemsAfter(
                s ->
                    ((ObjectNode) question(s, 0).path("text"))
                        .put("de", "Vision?")
                        .put("nl-BE", "Visie?")
                        .put("EN", "Vision?")))
        .isEmpty();
    Scan scan =
        load(VALID.replace("\"en\": \"Vision?\"}", "\"en\": \"Vision?\", \"fr-CA\": \"x\"}"))
            .scan();
    assertThat(scan.question("visie").orElseThrow().text().in("en", "nl")).isEqualTo("Vision?");
  }

  @Test
  void optionsOfScoredQuestionsNeedExactlyOneOfPointsNaUnknown() throws Exception {
    assertThat(
            problemsAfter(
                s -> ((ObjectNode) question(s, 1).path("options").path(2)).remove("points")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.optionNeedsOneOf"));
    assertThat(
            problemsAfter(
                s -> ((ObjectNode) question(s, 1).path("options").path(0)).put("na", true)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.optionNeedsOneOf"));
  }

  @Test
  void choiceNeedsExactlyOneOfOptionsOrScale() throws Exception {
    assertThat(problemsAfter(s -> question(s, 0).remove("scale")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.optionsXorScale"));
    assertThat(problemsAfter(s -> question(s, 0).put("scale", "vijfpunts")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.unknownScale"));
  }

  @Test
  void exclusiveOnlyOnMultiOptionsAndNeverInAScale() throws Exception {
    assertThat(
            problemsAfter(
                s -> ((ObjectNode) s.path("scales").path("jdn").path(1)).put("exclusive", true)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.exclusiveInScale"));
  }

  @Test
  void maxPointsOfAScoredMultiIsAtMostTheSumOfPoints() throws Exception {
    assertThat(problemsAfter(s -> question(s, 1).put("maxPoints", 4)))
        .anySatisfy(
            p -> {
              assertThat(p.key()).isEqualTo("scan.maxPointsAboveSum");
              assertThat(p.pointer()).isEqualTo("/themes/0/questions/1/maxPoints");
            });
  }

  @Test
  void scoredQuestionThatCanEarnNothingIsAnError() throws Exception {
    assertThat(
            problemsAfter(
                s -> {
                  ArrayNode options = (ArrayNode) question(s, 1).path("options");
                  options.forEach(o -> ((ObjectNode) o).put("points", 0));
                  question(s, 1).remove("maxPoints");
                }))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.zeroMaximum"));
  }

  @Test
  void scoredTrueIsAnErrorOnProfileAndOnTextQuestions() throws Exception {
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("profile").path(0)).put("scored", true)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.scoredProfile"));
    assertThat(problemsAfter(s -> question(s, 2).put("scored", true)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.scoredType"));
  }

  @Test
  void scoredFalseTakesAChoiceOutOfTheScore() throws Exception {
    ObjectNode scan = (ObjectNode) MAPPER.readTree(VALID);
    question(scan, 0).put("scored", false);
    assertThat(load(MAPPER.writeValueAsString(scan)).scan().scoredQuestions())
        .extracting(Question::id)
        .containsExactly("maatregelen");
  }

  @Test
  void levelsStartAtZeroWithoutMinThemeAndRiseStrictly() throws Exception {
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("levels").path(0)).put("min", 10)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.firstLevelMin"));
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("levels").path(0)).put("minTheme", 10)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.firstLevelMinTheme"));
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("levels").path(1)).put("min", 0)))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.levelsNotIncreasing"));
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("levels").path(1)).put("id", "starter")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.duplicateLevel"));
  }

  @Test
  void maxNaAndLevelMinCoverageAreLoadedWhenGiven() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(VALID);
    ((ObjectNode) json.path("scoring")).put("maxNa", new java.math.BigDecimal("0.33"));
    ((ObjectNode) json.path("levels").path(1)).put("minCoverage", new java.math.BigDecimal("0.9"));
    Scan scan = load(MAPPER.writeValueAsString(json)).scan();
    assertThat(scan.maxNa()).isEqualByComparingTo("0.33");
    assertThat(scan.levels().get(1).minCoverage()).isEqualByComparingTo("0.9");
    assertThat(scan.levels().get(0).minCoverage()).isNull();

    Scan plain = load(VALID).scan();
    assertThat(plain.maxNa()).as("no default: no limit").isNull();
    assertThat(plain.levels().get(1).minCoverage()).isNull();
  }

  @Test
  void maxNaAndLevelMinCoverageAreSharesFromZeroToOne() throws Exception {
    for (String bad : List.of("-0.01", "1.01")) {
      assertThat(
              problemsAfter(
                  s ->
                      ((ObjectNode) s.path("scoring")).put("maxNa", new java.math.BigDecimal(bad))))
          .as("maxNa " + bad)
          .anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/scoring/maxNa"));
      assertThat(
              problemsAfter(
                  s ->
                      ((ObjectNode) s.path("levels").path(1))
                          .put("minCoverage", new java.math.BigDecimal(bad))))
          .as("minCoverage " + bad)
          .anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/levels/1/minCoverage"));
    }
    for (String edge : List.of("0", "1")) {
      assertThat(
              problemsAfter(
                  s -> {
                    ((ObjectNode) s.path("scoring")).put("maxNa", new java.math.BigDecimal(edge));
                    ((ObjectNode) s.path("levels").path(1))
                        .put("minCoverage", new java.math.BigDecimal(edge));
                  }))
          .as(edge + " is allowed")
          .isEmpty();
    }
    assertThat(problemsAfter(s -> ((ObjectNode) s.path("scoring")).put("maxNa", "0.3")))
        .anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/scoring/maxNa"));
  }

  @Test
  void theFirstLevelCannotAskForCoverage() throws Exception {
    assertThat(
            problemsAfter(
                s ->
                    ((ObjectNode) s.path("levels").path(0))
                        .put("minCoverage", new java.math.BigDecimal("0.5"))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("scan.firstLevelMinCoverage");
              assertThat(p.pointer()).isEqualTo("/levels/0/minCoverage");
            });
  }

  @Test
  void optionAdviceIsAnOptionalTextInTheDefaultLanguage() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(VALID);
    ((ObjectNode) json.path("scales").path("jdn").path(1))
        .putObject("advice")
        .put("nl", "Begin klein.")
        .put("en", "Start small.");
    ((ObjectNode) question(json, 1).path("options").path(1)).put("advice", "Leg zonnepanelen.");
    Scan scan = load(MAPPER.writeValueAsString(json)).scan();
    Question visie = scan.question("visie").orElseThrow();
    assertThat(visie.option("nee").orElseThrow().advice().in("en", "nl")).isEqualTo("Start small.");
    assertThat(visie.option("ja").orElseThrow().advice()).isNull();
    assertThat(
            scan.question("maatregelen")
                .orElseThrow()
                .option("zon")
                .orElseThrow()
                .advice()
                .in("en", "nl"))
        .isEqualTo("Leg zonnepanelen.");

    assertThat(
            problemsAfter(
                s ->
                    ((ObjectNode) s.path("scales").path("jdn").path(1))
                        .putObject("advice")
                        .put("nl", "Begin klein.")))
        .as("other languages fall back to the default")
        .isEmpty();
    assertThat(
            problemsAfter(
                s ->
                    ((ObjectNode) s.path("scales").path("jdn").path(1))
                        .putObject("advice")
                        .put("en", "Start small.")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("scan.missingDefaultLanguage");
              assertThat(p.pointer()).isEqualTo("/scales/jdn/1/advice");
            });
    assertThat(
            problemsAfter(
                s -> ((ObjectNode) question(s, 1).path("options").path(0)).put("advice", 3)))
        .anySatisfy(
            p -> assertThat(p.pointer()).isEqualTo("/themes/0/questions/1/options/0/advice"));
  }

  @Test
  void levelAdviceMustNameALevel() throws Exception {
    assertThat(
            problemsAfter(
                s ->
                    ((ObjectNode) s.path("themes").path(0).path("levelAdvice")).put("expert", "x")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("scan.levelAdviceUnknownLevel"));
  }

  @Test
  void conditionsAreCheckedWithTheirLocation() throws Exception {
    assertThat(
            problemsAfter(s -> question(s, 1).put("when", "sector == 'bouw' and medewerker >= 10")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("when.unknownReference");
              assertThat(p.pointer()).isEqualTo("/themes/0/questions/1/when");
              assertThat(p.args()).containsExactly(22, "medewerker");
              assertThat(p.line()).isEqualTo(1); // the mutated scan is written on one line
              assertThat(p.column()).isGreaterThan(100);
            });
    assertThat(problemsAfter(s -> question(s, 0).put("when", "answered(maatregelen)")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("when.laterReference"));
    assertThat(problemsAfter(s -> question(s, 0).put("when", "answered(visie)")))
        .anySatisfy(p -> assertThat(p.key()).isEqualTo("when.selfReference"));
  }

  @Test
  void everyProblemIsReportedInOneRun() throws Exception {
    List<JsonProblem> problems =
        problemsAfter(
            s -> {
              question(s, 0).put("colour", "red");
              question(s, 1).put("maxPoints", 40);
              ((ObjectNode) s.path("levels").path(1)).put("min", 0);
              ((ObjectNode) question(s, 0).path("text")).remove("en");
            });
    assertThat(problems)
        .extracting(JsonProblem::key)
        .contains(
            "schema.unknownProperty",
            "scan.maxPointsAboveSum",
            "scan.levelsNotIncreasing",
            "scan.missingLanguage");
  }

  @Test
  void maxLengthWrittenAsADecimalOrBeyondIntRangeKeepsItsMeaning() throws Exception {
    ObjectNode scan = (ObjectNode) MAPPER.readTree(VALID);
    question(scan, 2).put("maxLength", new java.math.BigDecimal("2.0"));
    assertThat(
            load(MAPPER.writeValueAsString(scan))
                .scan()
                .question("toelichting")
                .orElseThrow()
                .maxLength())
        .isEqualTo(2);
    question(scan, 2).put("maxLength", 3_000_000_000L);
    assertThat(
            load(MAPPER.writeValueAsString(scan))
                .scan()
                .question("toelichting")
                .orElseThrow()
                .maxLength())
        .isEqualTo(Integer.MAX_VALUE);
  }
}
