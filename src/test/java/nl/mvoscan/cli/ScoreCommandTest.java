package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvoscan score} on the fixture scan {@code cli/scans/mini-scan.json}. Worked by hand for
 * {@code cli/answers/complete.json}: beleid 100 × (2·1 + 1·2) / (2·2 + 1·3) = 57.142… → 57.1,
 * mensen 100 × 2/4 = 50.0, overall (57.142… + 50) / 2 = 53.571… → 53.6, grade 1 + 9 × 0.53571… =
 * 5.82… → 5.8, level gevorderd (≥ 40, below koploper's 70).
 */
class ScoreCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private static final Path SCAN = fixture("scans/mini-scan.json");
  private static final Path SCANS = fixture("scans");
  private static final Path COMPLETE = fixture("answers/complete.json");
  private static final Path INSUFFICIENT = fixture("answers/insufficient.json");

  private Path answers(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static String answersJson(String extraTop, String answers) {
    return "{\n  \"format\": \"mvoscan-answers/1\",\n  \"scan\": \"mini-scan\",\n"
        + extraTop
        + "  \"answers\": {"
        + answers
        + "}\n}\n";
  }

  private JsonNode scoreJson(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("score", "--lang", "en", "--json"));
    all.addAll(List.of(args));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    return JSON.readTree(run.out());
  }

  // --- JSON result (contract §6) ---

  @Test
  void jsonHasExactlyTheContractFieldNamesInEveryObject() throws IOException {
    JsonNode result = scoreJson("--scan", SCAN.toString(), COMPLETE.toString());

    // the contract's fields, after the file they were computed from
    assertThat(fieldNames(result))
        .containsExactly(
            "file",
            "scan",
            "overall",
            "themes",
            "questions",
            "lenses",
            "strengths",
            "improvements",
            "gaps",
            "warnings");
    assertThat(fieldNames(result.get("scan"))).containsExactly("id", "version", "hash");
    assertThat(fieldNames(result.get("overall")))
        .containsExactly("status", "score", "coverage", "grade", "level");
    result
        .get("themes")
        .forEach(
            t ->
                assertThat(fieldNames(t))
                    .containsExactly("id", "status", "score", "coverage", "reason"));
    result
        .get("questions")
        .forEach(
            q ->
                assertThat(fieldNames(q))
                    .containsExactly("id", "theme", "status", "points", "max"));
    result
        .get("lenses")
        .forEach(
            l ->
                assertThat(fieldNames(l))
                    .containsExactly("key", "value", "status", "score", "coverage", "reason"));
    assertThat(result.get("lenses")).hasSize(2);
  }

  @Test
  void jsonCarriesTheFiguresWorkedOutByHand() throws IOException {
    JsonNode result = scoreJson("--scan", SCAN.toString(), COMPLETE.toString());

    assertThat(result.at("/scan/id").asText()).isEqualTo("mini-scan");
    assertThat(result.at("/scan/version").asText()).isEqualTo("1.0");
    assertThat(result.at("/scan/hash").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(result.at("/overall/status").asText()).isEqualTo("scored");
    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("53.6");
    assertThat(result.at("/overall/coverage").decimalValue()).isEqualByComparingTo("100");
    assertThat(result.at("/overall/grade").decimalValue()).isEqualByComparingTo("5.8");
    assertThat(result.at("/overall/level").asText()).isEqualTo("gevorderd");
    assertThat(result.at("/themes/0/id").asText()).isEqualTo("beleid");
    assertThat(result.at("/themes/0/score").decimalValue()).isEqualByComparingTo("57.1");
    assertThat(result.at("/themes/1/id").asText()).isEqualTo("mensen");
    assertThat(result.at("/themes/1/score").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(result.get("questions").findValuesAsText("id"))
        .containsExactly("visie", "maatregelen", "veiligheid", "opleiding");
    assertThat(result.at("/questions/1/points").decimalValue()).isEqualByComparingTo("2");
    assertThat(result.at("/questions/1/max").decimalValue()).isEqualByComparingTo("3");
    assertThat(result.at("/lenses/0/value").asText()).isEqualTo("12");
    assertThat(result.at("/lenses/0/score").decimalValue()).isEqualByComparingTo("66.7");
    assertThat(result.at("/lenses/1/value").asText()).isEqualTo("7");
    assertThat(JSON.convertValue(result.get("strengths"), STRINGS)).containsExactly("veiligheid");
    assertThat(JSON.convertValue(result.get("improvements"), STRINGS))
        .containsExactly("visie", "opleiding", "maatregelen");
    assertThat(result.get("gaps")).isEmpty();
    assertThat(result.get("warnings")).isEmpty();
  }

  @Test
  void jsonPrintsFiguresWithOneDecimalAndAPoint() {
    Cli.Run run =
        Cli.run("score", "--lang", "nl", "--json", "--scan", SCAN.toString(), COMPLETE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "\"score\" : 53.6",
            "\"coverage\" : 100.0",
            "\"grade\" : 5.8",
            "\"score\" : 57.1",
            "\"score\" : 50.0")
        .doesNotContain("53,6");
  }

  @Test
  void jsonUsesNullForEveryFigureThatDoesNotExist() throws IOException {
    JsonNode result = scoreJson("--scan", SCAN.toString(), INSUFFICIENT.toString());

    JsonNode overall = result.get("overall");
    assertThat(overall.get("status").asText()).isEqualTo("insufficient");
    assertThat(overall.get("score").isNull()).isTrue();
    assertThat(overall.get("grade").isNull()).isTrue();
    assertThat(overall.get("level").isNull()).isTrue();
    assertThat(overall.get("coverage").decimalValue()).isEqualByComparingTo("0");

    JsonNode beleid = result.at("/themes/0");
    assertThat(beleid.get("status").asText()).isEqualTo("insufficient");
    assertThat(beleid.get("score").isNull()).isTrue();
    assertThat(beleid.get("coverage").decimalValue()).isEqualByComparingTo("0");

    JsonNode mensen = result.at("/themes/1");
    assertThat(mensen.get("status").asText()).isEqualTo("not_applicable");
    assertThat(mensen.get("score").isNull()).isTrue();
    assertThat(mensen.get("coverage").isNull()).isTrue();

    assertThat(result.get("questions").findValuesAsText("status"))
        .containsExactly("unknown", "hidden", "na", "na");
    result
        .get("questions")
        .forEach(
            q -> {
              assertThat(q.get("points").isNull()).as(q.toString()).isTrue();
              assertThat(q.get("max").isNumber()).as(q.toString()).isTrue();
            });
    assertThat(result.at("/lenses/1/coverage").isNull()).isTrue();
    assertThat(JSON.convertValue(result.get("gaps"), STRINGS)).containsExactly("visie");
  }

  @Test
  void jsonHasOneWarningPerAnswerToAHiddenQuestionInTheChosenLanguage() throws IOException {
    JsonNode english = scoreJson("--scan", SCAN.toString(), INSUFFICIENT.toString());
    Cli.Run dutch =
        Cli.run(
            "score", "--lang", "nl", "--json", "--scan", SCAN.toString(), INSUFFICIENT.toString());

    assertThat(JSON.convertValue(english.get("warnings"), STRINGS))
        .containsExactly(
            "answer to \"maatregelen\" ignored: the question does not apply (its condition is false)");
    assertThat(JSON.convertValue(JSON.readTree(dutch.out()).get("warnings"), STRINGS))
        .containsExactly(
            "antwoord op \"maatregelen\" genegeerd: de vraag is niet van toepassing (de voorwaarde is onwaar)");
  }

  @Test
  void severalFilesGiveAJsonArrayInTheOrderGiven() throws IOException {
    JsonNode results =
        scoreJson("--scan", SCAN.toString(), COMPLETE.toString(), INSUFFICIENT.toString());

    assertThat(results.isArray()).isTrue();
    assertThat(results).hasSize(2);
    assertThat(results.at("/0/overall/status").asText()).isEqualTo("scored");
    assertThat(results.at("/1/overall/status").asText()).isEqualTo("insufficient");
  }

  @Test
  void oneFileGivesASingleJsonObject() throws IOException {
    assertThat(scoreJson("--scan", SCAN.toString(), COMPLETE.toString()).isObject()).isTrue();
  }

  @Test
  void severalFilesWithOneRejectedPrintTheOthersAndExit2() throws IOException {
    Path bad = answers("bad.json", answersJson("", "\"visie\": \"misschien\""));

    Cli.Run run =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--json",
            "--scan",
            SCAN.toString(),
            COMPLETE.toString(),
            bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode results = JSON.readTree(run.out());
    assertThat(results.isArray()).isTrue();
    // the rejected file stays in the array with its errors, so a script sees which one failed
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("file").asText()).isEqualTo(COMPLETE.toString());
    assertThat(results.get(1).get("file").asText()).isEqualTo(bad.toString());
    assertThat(results.get(1).get("errors")).hasSize(1);
    assertThat(run.err())
        .isEqualTo(
            bad
                + ": /answers/visie: \"misschien\" is not an option of question \"visie\"; choose from ja, deels, nee, nvt, weetniet"
                + NL);
  }

  // --- finding the scan ---

  @Test
  void findsTheScanByFile() throws IOException {
    assertThat(scoreJson("--scan", SCAN.toString(), COMPLETE.toString()).at("/scan/id").asText())
        .isEqualTo("mini-scan");
  }

  @Test
  void findsTheScanByIdInAScansFolder() throws IOException {
    JsonNode result =
        scoreJson("--scan", "mini-scan", "--scans", SCANS.toString(), COMPLETE.toString());

    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("53.6");
  }

  @Test
  void findsTheScanThroughTheAnswersScanIdWithoutScanOption() throws IOException {
    JsonNode result = scoreJson("--scans", SCANS.toString(), COMPLETE.toString());

    assertThat(result.at("/scan/id").asText()).isEqualTo("mini-scan");
    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("53.6");
  }

  @Test
  void findsTheBundledScanById() throws IOException {
    Cli.Run template = Cli.run("template", "--lang", "en", "mvo-stagebedrijf");
    assertThat(template.exitCode()).as(template.err()).isZero();
    Path empty = answers("leeg.json", template.out());

    JsonNode result = scoreJson("--scan", "mvo-stagebedrijf", empty.toString());

    assertThat(result.at("/scan/id").asText()).isEqualTo("mvo-stagebedrijf");
    assertThat(result.at("/overall/score").isNull()).isTrue();
  }

  @Test
  void reportsAnUnknownScanIdOfTheAnswersWithItsPointerAndExit2() throws IOException {
    Path file =
        answers(
            "a.json",
            "{\"format\": \"mvoscan-answers/1\", \"scan\": \"bestaat-niet\", \"answers\": {}}");

    Cli.Run run = Cli.run("score", "--lang", "en", "--scans", SCANS.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            file
                + ": /scan: scan \"bestaat-niet\" not found; see mvoscan scans, or pass --scan FILE or --scans DIR"
                + NL);
  }

  @Test
  void reportsAnswersWithoutScanIdWhenNoScanIsGiven() throws IOException {
    Path file = answers("a.json", "{\"format\": \"mvoscan-answers/1\", \"answers\": {}}");

    Cli.Run run = Cli.run("score", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(file + ": /scan: the answers name no scan; add \"scan\" or use --scan" + NL);
  }

  @Test
  void reportsAnUnknownScanOptionIdAndExit2() {
    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", "bestaat-niet", COMPLETE.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "scan \"bestaat-niet\" not found; see mvoscan scans, or pass --scan FILE or --scans DIR"
                + NL);
    assertNoStackTrace(run);
  }

  @Test
  void reportsAMissingAnswersFileAndExit2() {
    Path missing = dir.resolve("nergens.json");

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": file not found; check the path" + NL);
  }

  @Test
  void rejectsAnswersWhoseScanIdDiffersFromTheGivenScan() throws IOException {
    Path file =
        answers(
            "a.json",
            "{\"format\": \"mvoscan-answers/1\", \"scan\": \"andere-scan\", \"answers\": {}}");

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            file
                + ": /scan: these answers are for scan \"andere-scan\", not for \"mini-scan\""
                + NL);
  }

  // --- bad answers ---

  @Test
  void rejectsBadAnswersListingEveryProblemWithItsPointerAndExit2() throws IOException {
    Path file =
        answers(
            "bad.json",
            """
        {
          "format": "mvoscan-answers/1",
          "scan": "mini-scan",
          "date": "2026-02-30",
          "company": {"name": "Bakkerij", "kvk": "1234567"},
          "extra": 1,
          "answers": {
            "sector": "productie",
            "medewerkers": -3,
            "toelichting": 5,
            "visie": "misschien",
            "maatregelen": ["led", "geen", "led"],
            "veiligheid": {"value": "ja", "bewijs": "gezien"},
            "opleiding": 2,
            "onbekend": "ja"
          }
        }
        """);

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertNoStackTrace(run);
    String f = file + ": ";
    assertThat(lines(run.err()))
        .containsExactlyInAnyOrder(
            f + "/extra: unknown key \"extra\"",
            f + "/company/kvk: KvK number \"1234567\" must be 8 digits",
            f + "/date: date \"2026-02-30\" is not a real date as YYYY-MM-DD",
            f + "/answers/medewerkers: -3 is below the minimum 0",
            f + "/answers/toelichting: question \"toelichting\" takes a text",
            f
                + "/answers/visie: \"misschien\" is not an option of question \"visie\"; choose from ja, deels, nee, nvt, weetniet",
            f + "/answers/maatregelen/2: option \"led\" is selected twice",
            f
                + "/answers/maatregelen: option \"geen\" of question \"maatregelen\" cannot be combined with other options",
            f + "/answers/veiligheid/bewijs: unknown key \"bewijs\"",
            f
                + "/answers/opleiding: question \"opleiding\" takes one option id (ja, deels, nee, nvt, weetniet)",
            f
                + "/answers/onbekend: unknown question \"onbekend\"; check the spelling with mvoscan template");
  }

  @Test
  void rejectsBadAnswersInDutchWithLangNl() throws IOException {
    Path file =
        answers("bad.json", answersJson("  \"date\": \"2026-02-30\",\n", "\"onbekend\": \"ja\""));

    Cli.Run run = Cli.run("score", "--lang", "nl", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly(
            file + ": /date: datum \"2026-02-30\" is geen echte datum als JJJJ-MM-DD",
            file
                + ": /answers/onbekend: onbekende vraag \"onbekend\"; controleer de spelling met mvoscan template");
  }

  @Test
  void rejectsNumberAboveMaximumAndNotWholeWhereIntegerIsRequired() throws IOException {
    Path file = answers("bad.json", answersJson("", "\"medewerkers\": 100000.5"));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly(
            file + ": /answers/medewerkers: 100000.5 is above the maximum 100000",
            file + ": /answers/medewerkers: 100000.5 must be a whole number");
  }

  @Test
  void acceptsAWholeNumberWrittenWithDecimals() throws IOException {
    Path file = answers("ok.json", answersJson("", "\"medewerkers\": 12.0"));

    Cli.Run run =
        Cli.run("score", "--lang", "en", "--json", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void countsTextLengthInCodePoints() throws IOException {
    String twenty = "\uD83D\uDE00".repeat(20);
    Path ok = answers("ok.json", answersJson("", "\"toelichting\": \"" + twenty + "\""));
    Path tooLong = answers("long.json", answersJson("", "\"toelichting\": \"" + twenty + "x\""));

    Cli.Run accepted =
        Cli.run("score", "--lang", "en", "--json", "--scan", SCAN.toString(), ok.toString());
    Cli.Run rejected =
        Cli.run("score", "--lang", "en", "--json", "--scan", SCAN.toString(), tooLong.toString());

    assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err())
        .isEqualTo(
            tooLong + ": /answers/toelichting: text of 21 characters, at most 20 allowed" + NL);
  }

  @Test
  void rejectsOtherScanVersionAndLanguageOfTheScan() throws IOException {
    Path file =
        answers(
            "bad.json", answersJson("  \"scanVersion\": \"2.0\",\n  \"language\": \"fr\",\n", ""));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly(
            file
                + ": /scanVersion: these answers are for version 2.0 of the scan, this scan is version 1.0",
            file + ": /language: language \"fr\" is not a language of the scan (nl, en)");
  }

  @Test
  void rejectsAnswerObjectWithoutValueAndWithUnknownEvidence() throws IOException {
    Path file = answers("bad.json", answersJson("", "\"visie\": {\"evidence\": \"gehoord\"}"));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactlyInAnyOrder(
            file + ": /answers/visie: an answer object needs \"value\" (null when not answered)",
            file
                + ": /answers/visie/evidence: evidence \"gehoord\" is not one of gezien, gevraagd, document, aanname");
  }

  @Test
  void validatesAnswersToHiddenQuestionsToo() throws IOException {
    Path file =
        answers(
            "bad.json",
            answersJson("", "\"sector\": \"dienstverlening\", \"maatregelen\": [\"wind\"]"));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            file
                + ": /answers/maatregelen/0: \"wind\" is not an option of question \"maatregelen\"; choose from led, zon, isolatie, geen"
                + NL);
  }

  @Test
  void acceptsNullAndAnEmptyListAsAnswers() throws IOException {
    Path file =
        answers(
            "ok.json",
            answersJson(
                "",
                "\"sector\": \"productie\", \"visie\": null, \"maatregelen\": [], \"veiligheid\": {\"value\": null}"));

    JsonNode result = scoreJson("--scan", SCAN.toString(), file.toString());

    assertThat(result.at("/questions/0/status").asText()).isEqualTo("missing");
    assertThat(result.at("/questions/1/status").asText()).isEqualTo("answered");
    assertThat(result.at("/questions/1/points").decimalValue()).isEqualByComparingTo("0");
    assertThat(result.at("/questions/2/status").asText()).isEqualTo("missing");
  }

  @Test
  void wrongTypeForMultiShowsAnExampleThatIsAValidAnswer() throws IOException {
    Path file =
        answers("bad.json", answersJson("", "\"sector\": \"productie\", \"maatregelen\": \"led\""));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    String line = lines(run.err()).get(0);
    assertThat(line)
        .startsWith(
            file
                + ": /answers/maatregelen: question \"maatregelen\" takes a list of option ids, e.g. ");
    JsonNode example = JSON.readTree(line.substring(line.indexOf("e.g. ") + 5));
    assertThat(example.isArray()).isTrue();
    example.forEach(id -> assertThat(id.asText()).isIn("led", "zon", "isolatie", "geen"));
  }

  @Test
  void duplicateKeyInAnswersDoesNotHideTheOtherProblems() throws IOException {
    Path file =
        answers(
            "bad.json",
            answersJson("", "\"visie\": \"ja\", \"visie\": \"nee\", \"onbekend\": \"ja\""));

    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactlyInAnyOrder(
            file + ": /answers/visie: duplicate key \"visie\" in one object; keep only one",
            file
                + ": /answers/onbekend: unknown question \"onbekend\"; check the spelling with mvoscan template");
  }

  // --- text scorecard and explanation ---

  @Test
  void scorecardInDutchShowsThemeScoresOverallGradeAndLevelWithDecimalComma() {
    Cli.Run run = Cli.run("score", "--lang", "nl", "--scan", SCAN.toString(), COMPLETE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = lines(run.out());
    assertThat(lines).anyMatch(l -> l.matches("Beleid\\s+[█░]{20}\\s+57,1\\s+100,0%"));
    assertThat(lines).anyMatch(l -> l.matches("Mensen\\s+[█░]{20}\\s+50,0\\s+100,0%"));
    assertThat(lines)
        .contains("Totaalscore 53,6, rapportcijfer 5,8, niveau Gevorderd (dekking 100,0%)");
    assertThat(run.out())
        .contains(
            "Sterke punten", "Verbeterpunten", "Advies: Leg vast waar het bedrijf voor staat.")
        .doesNotContain("53.6");
  }

  @Test
  void scorecardInEnglishUsesADecimalPoint() {
    Cli.Run run = Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), COMPLETE.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = lines(run.out());
    assertThat(lines).anyMatch(l -> l.matches("Policy\\s+[█░]{20}\\s+57\\.1\\s+100\\.0%"));
    assertThat(lines).anyMatch(l -> l.matches("People\\s+[█░]{20}\\s+50\\.0\\s+100\\.0%"));
    assertThat(lines).contains("Overall score 53.6, grade 5.8, level Advanced (coverage 100.0%)");
    assertThat(run.out()).doesNotContain("53,6");
  }

  @Test
  void scorecardWithoutOverallScoreSaysWhyAndListsTheGaps() {
    Cli.Run run =
        Cli.run("score", "--lang", "en", "--scan", SCAN.toString(), INSUFFICIENT.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(lines(run.out()))
        .contains(
            "No overall score: too many questions unanswered in a theme (coverage 0.0%).",
            "  [ ] Is sustainability in the vision? (don't know)",
            "  ! answer to \"maatregelen\" ignored: the question does not apply (its condition is false)");
  }

  @Test
  void severalFilesInTextModeEachGetAHeading() {
    Cli.Run run =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--scan",
            SCAN.toString(),
            COMPLETE.toString(),
            INSUFFICIENT.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(lines(run.out())).contains("== " + COMPLETE + " ==", "== " + INSUFFICIENT + " ==");
  }

  @Test
  void explainShowsEveryQuestionsStatusPointsMaxAndWeightAndTheThemeSums() {
    Cli.Run run =
        Cli.run(
            "score", "--lang", "en", "--explain", "--scan", SCAN.toString(), COMPLETE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = lines(run.out());
    // question, status, points, max, weight, w·p, w·max
    assertThat(lines)
        .anyMatch(
            l -> l.matches("\\s+question\\s+status\\s+points\\s+max\\s+weight\\s+w·p\\s+w·max"));
    assertThat(lines).anyMatch(l -> l.matches("\\s+visie\\s+answered\\s+1\\s+2\\s+2\\s+2\\s+4"));
    assertThat(lines)
        .anyMatch(l -> l.matches("\\s+maatregelen\\s+answered\\s+2\\s+3\\s+1\\s+2\\s+3"));
    assertThat(lines)
        .anyMatch(l -> l.matches("\\s+veiligheid\\s+answered\\s+2\\s+2\\s+1\\s+2\\s+2"));
    assertThat(lines)
        .anyMatch(l -> l.matches("\\s+opleiding\\s+answered\\s+0\\s+2\\s+1\\s+0\\s+2"));
    assertThat(lines)
        .contains(
            "Theme Policy (beleid), weight 1",
            "  applicable weight A = 3, resolved weight R = 3",
            "  coverage R/A = 3/3 = 100.0%",
            "  score 100 × Σw·p / Σw·max = 100 × 4/7 = 57.1",
            "Theme People (mensen), weight 1",
            "  score 100 × Σw·p / Σw·max = 100 × 2/4 = 50.0",
            "grade = 1 + 9 × 53.5714 / 100 = 5.8",
            "level: Advanced");
    assertThat(lines).anyMatch(l -> l.startsWith("overall = ") && l.endsWith(" = 53.6"));
  }

  @Test
  void explainShowsUnresolvedQuestionsWithoutPointsAndTheInsufficientTheme() {
    Cli.Run run =
        Cli.run(
            "score",
            "--lang",
            "nl",
            "--explain",
            "--scan",
            SCAN.toString(),
            INSUFFICIENT.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = lines(run.out());
    assertThat(lines).anyMatch(l -> l.matches("\\s+visie\\s+unknown\\s+-\\s+2\\s+2\\s+-\\s+-"));
    assertThat(lines)
        .anyMatch(l -> l.matches("\\s+maatregelen\\s+hidden\\s+-\\s+3\\s+1\\s+-\\s+-"));
    assertThat(lines)
        .contains(
            "  toepasselijk gewicht A = 2, beantwoord gewicht R = 0",
            "  dekking R/A = 0/2 = 0,0%",
            "  dekking te laag: geen themascore, dus geen totaalscore",
            "  geen vragen van toepassing: het thema telt niet mee");
  }

  /** A file of a golden scoring case, {@code src/test/resources/golden/<name>/<file>}. */
  private static String golden(String name, String file) {
    try {
      return Path.of(ScoreCommandTest.class.getResource("/golden/" + name + "/" + file).toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tooManyNotApplicableAnswersAreNamedAsTheReasonInCardAndExplanation() {
    String name = "45-maxna-share-just-above-limit";
    Cli.Run card =
        Cli.run(
            "score",
            "--lang",
            "nl",
            "--scan",
            golden(name, "scan.json"),
            golden(name, "answers.json"));
    assertThat(card.exitCode()).as(card.err()).isZero();
    assertThat(lines(card.out()))
        .anyMatch(l -> l.matches("Thema beleid\\s+░{20}\\s+te veel n\\.v\\.t\\.\\s+100,0%"))
        .contains(
            "Geen totaalscore: in een thema zijn te veel vragen met \"n.v.t.\" beantwoord"
                + " (dekking 100,0%). Kijk of ze echt niet van toepassing zijn.");

    Cli.Run explain =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--explain",
            "--scan",
            golden(name, "scan.json"),
            golden(name, "answers.json"));
    assertThat(lines(explain.out()))
        .contains(
            "A theme or lens with more than 25% of its question weight answered \"not applicable\""
                + " gets no score.",
            "  not applicable weight N = 1 of A + N = 3.9996: 25.0%",
            "  more than 25% not applicable: no theme score, so no overall score");
  }

  @Test
  void aThemeAnsweredWhollyNotApplicableIsExplainedWithoutACoverage() {
    String name = "46-maxna-checked-before-not-applicable";
    Cli.Run explain =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--explain",
            "--scan",
            golden(name, "scan.json"),
            golden(name, "answers.json"));
    assertThat(explain.exitCode()).as(explain.err()).isZero();
    assertThat(lines(explain.out()))
        .containsSubsequence(
            "Theme Theme beleid (beleid), weight 1",
            "  applicable weight A = 0, resolved weight R = 0",
            "  not applicable weight N = 2 of A + N = 2: 100.0%",
            "  more than 50% not applicable: no theme score, so no overall score",
            "Theme Theme milieu (milieu), weight 1",
            "  applicable weight A = 0, resolved weight R = 0",
            "  no applicable questions: the theme does not count");
  }

  @Test
  void aLevelMissedOnlyForCoverageSaysWhatItNeeds() {
    String name = "54-level-mincoverage-compared-unrounded";
    Cli.Run card =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--scan",
            golden(name, "scan.json"),
            golden(name, "answers.json"));
    assertThat(card.exitCode()).as(card.err()).isZero();
    assertThat(lines(card.out()))
        .containsSubsequence(
            "Overall score 100.0, grade 10.0, level Advanced (coverage 90.0%)",
            "  Level Leader needs at least 90% of the questions answered: find out the open"
                + " questions.");

    String reached = "53-level-mincoverage-exactly-at";
    Cli.Run atTheLimit =
        Cli.run(
            "score",
            "--lang",
            "en",
            "--explain",
            "--scan",
            golden(reached, "scan.json"),
            golden(reached, "answers.json"));
    assertThat(lines(atTheLimit.out()))
        .contains("Level Leader also needs an overall coverage of at least 75%.", "level: Leader")
        .noneMatch(l -> l.contains("needs at least 75% of the questions answered"));
  }

  @Test
  void fractionalPointsArePrintedAsExactDecimals() throws IOException {
    String scan =
        Files.readString(SCAN, StandardCharsets.UTF_8)
            .replace(
                "{\"id\": \"led\", \"label\": \"LED\", \"points\": 1}",
                "{\"id\": \"led\", \"label\": \"LED\", \"points\": 0.1}")
            .replace(
                "\"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}, \"points\": 1}",
                "\"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}, \"points\": 0.2}")
            .replace("\"maxPoints\": 3", "\"maxPoints\": 2.3");
    Path scanFile = dir.resolve("fractions.json");
    Files.writeString(scanFile, scan, StandardCharsets.UTF_8);
    ObjectNode answers = (ObjectNode) JSON.readTree(COMPLETE.toFile());

    JsonNode result = scoreJson("--scan", scanFile.toString(), COMPLETE.toString());

    assertThat(answers.at("/answers/maatregelen").toString()).isEqualTo("[\"led\",\"isolatie\"]");
    assertThat(result.at("/questions/1/points").toString()).isEqualTo("0.3");
    assertThat(result.at("/questions/1/max").toString()).isEqualTo("2.3");
  }

  @Test
  void anAnswersFileThatIsNotAnObjectSaysSo() throws IOException {
    Path file = answers("lijst.json", "[]");
    Cli.Run run = Cli.run("score", "--lang", "en", "--scans", SCANS.toString(), file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err())).containsExactly(file + ": an answers file is a JSON object");
  }

  @Test
  void aMissingScansFolderIsBadInputNotSilence() {
    Path missing = dir.resolve("nergens");
    Cli.Run run =
        Cli.run("score", "--lang", "en", "--scans", missing.toString(), COMPLETE.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing + ": folder not found");
  }

  @Test
  void severalFilesAllRejectedStillPrintAJsonArray() throws IOException {
    Path a = answers("a.json", "[]");
    Path b = answers("b.json", "{");
    Cli.Run run =
        Cli.run(
            "score",
            "--json",
            "--lang",
            "en",
            "--scan",
            SCAN.toString(),
            a.toString(),
            b.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode results = JSON.readTree(run.out());
    assertThat(results).hasSize(2);
    assertThat(results)
        .allSatisfy(r -> assertThat(fieldNames(r)).containsExactly("file", "errors"));
  }

  @Test
  void anAnswersFileIsScoredAgainstTheEditionItsScanVersionNames() throws IOException {
    // two editions of one scan in one folder: 2.0 weighs visie 1 instead of 2
    Path folder = Files.createDirectory(dir.resolve("scans"));
    String first = Files.readString(SCAN, StandardCharsets.UTF_8);
    String second =
        first
            .replace("\"version\": \"1.0\"", "\"version\": \"2.0\"")
            .replace("\"scale\": \"jdn\", \"weight\": 2", "\"scale\": \"jdn\", \"weight\": 1");
    assertThat(second).isNotEqualTo(first);
    Files.writeString(folder.resolve("a-mini-1.json"), first, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("b-mini-2.json"), second, StandardCharsets.UTF_8);
    String answers = Files.readString(COMPLETE, StandardCharsets.UTF_8);
    Path old = answers("old.json", answers);
    Path current =
        answers(
            "current.json",
            answers.replace("\"scanVersion\": \"1.0\"", "\"scanVersion\": \"2.0\""));
    Path unversioned =
        answers("unversioned.json", answers.replace("\"scanVersion\": \"1.0\",", ""));

    JsonNode oldResult = scoreJson("--scans", folder.toString(), old.toString());
    JsonNode currentResult = scoreJson("--scans", folder.toString(), current.toString());
    JsonNode unversionedResult = scoreJson("--scans", folder.toString(), unversioned.toString());

    // 1.0: beleid 100 × (2·1 + 1·2) / (2·2 + 1·3) = 57.1 (see the class comment)
    assertThat(oldResult.at("/scan/version").asText()).isEqualTo("1.0");
    assertThat(oldResult.at("/themes/0/score").decimalValue()).isEqualByComparingTo("57.1");
    // 2.0: beleid 100 × (1·1 + 1·2) / (1·2 + 1·3) = 60.0
    assertThat(currentResult.at("/scan/version").asText()).isEqualTo("2.0");
    assertThat(currentResult.at("/themes/0/score").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(oldResult.at("/scan/hash").asText())
        .isNotEqualTo(currentResult.at("/scan/hash").asText());
    // without a version the last edition found wins, as for any lookup by id
    assertThat(unversionedResult.at("/scan/version").asText()).isEqualTo("2.0");
  }
}
