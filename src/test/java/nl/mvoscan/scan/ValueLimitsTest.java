package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.CsvTable;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;

/**
 * One limit per kind of value, the same in answers files, class tables and {@code take}: what one
 * way in accepts, the others read back, and no single value can make the work explode.
 */
class ValueLimitsTest {

  private static final Scan SCAN = ClassCsvTest.scan(ClassCsvTest.SCAN);
  private static final String LONG_NAME = "a".repeat(Limits.MAX_NAME + 1);

  private static List<JsonProblem> answersProblems(String respondent, String company, String date) {
    String json =
        """
        {"format": "mvoscan-answers/1", "scan": "test-scan",
         "respondent": %s, "company": %s, "date": "%s", "answers": {"visie": "ja"}}
        """
            .formatted(respondent, company, date);
    return AnswersLoader.load(Path.of("a.json"), JsonReader.parse("a.json", json), SCAN).problems();
  }

  private static ClassCsv.Result csv(String text) {
    return ClassCsv.read(
        CsvTable.parse(text.getBytes(StandardCharsets.UTF_8)), SCAN, Map.of(), null);
  }

  private static List<String> keys(ClassCsv.Result result) {
    return result.problems().stream().map(CsvProblem::key).toList();
  }

  @Test
  void anAnswersFileRefusesANameClassOrCompanyOverTwoHundredCharacters() {
    assertThat(
            answersProblems(
                "{\"name\": \"" + LONG_NAME + "\", \"class\": \"" + LONG_NAME + "\"}",
                "{\"name\": \"Bakkerij\", \"city\": \"" + LONG_NAME + "\"}",
                "2026-11-20"))
        .extracting(JsonProblem::pointer, JsonProblem::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/respondent/name", "answers.nameTooLong"),
            org.assertj.core.groups.Tuple.tuple("/respondent/class", "answers.nameTooLong"),
            org.assertj.core.groups.Tuple.tuple("/company/city", "answers.nameTooLong"));
  }

  @Test
  void theNameLimitCountsCharactersNotCodeUnits() {
    String emoji = "🌱".repeat(Limits.MAX_NAME); // 400 UTF-16 units, 200 characters
    assertThat(answersProblems("{\"name\": \"" + emoji + "\"}", "{\"name\": \"B\"}", "2026-11-20"))
        .isEmpty();
  }

  @Test
  void aDateBefore1900OrAfter2100IsBadInputInAnswersFiles() {
    assertThat(answersProblems("{\"name\": \"Zoë\"}", "{\"name\": \"B\"}", "0026-11-20"))
        .extracting(JsonProblem::key)
        .containsExactly("answers.dateOutOfRange");
    assertThat(answersProblems("{\"name\": \"Zoë\"}", "{\"name\": \"B\"}", "2101-01-01"))
        .extracting(JsonProblem::key)
        .containsExactly("answers.dateOutOfRange");
    assertThat(answersProblems("{\"name\": \"Zoë\"}", "{\"name\": \"B\"}", "1900-01-01")).isEmpty();
    assertThat(answersProblems("{\"name\": \"Zoë\"}", "{\"name\": \"B\"}", "2100-12-31")).isEmpty();
  }

  @Test
  void aClassTableRefusesLongNamesAndImplausibleDatesInTheirColumns() {
    ClassCsv.Result result =
        csv("naam;bedrijf;datum;visie\n" + LONG_NAME + ";" + LONG_NAME + ";3-4-1850;ja\n");
    assertThat(result.rows()).isEmpty();
    assertThat(result.problems())
        .extracting(CsvProblem::column, CsvProblem::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("naam", "answers.nameTooLong"),
            org.assertj.core.groups.Tuple.tuple("bedrijf", "answers.nameTooLong"),
            org.assertj.core.groups.Tuple.tuple("datum", "answers.dateOutOfRange"));
  }

  @Test
  void aNumberCellWithMoreDigitsThanJsonAllowsIsRefusedUnread() {
    // two million digits never finished before; 101 digits JSON would refuse to read back
    for (String digits : List.of("1".repeat(2_000_000), "9".repeat(101), "0," + "5".repeat(100))) {
      ClassCsv.Result result = csv("naam;medewerkers\nZoë;" + digits + "\n");
      assertThat(keys(result))
          .as("%d digits", digits.length())
          .containsExactly("csv.numberTooLong");
      assertThat(result.problems().get(0).args()[0]).isEqualTo(Limits.digits(digits));
    }
    assertThat(keys(csv("naam;omzet\nZoë;0," + "5".repeat(99) + "\n"))).isEmpty();
  }

  @Test
  void aNumberThatNeverWasTextIsHeldToTheSameDigitLimit() {
    // a class-table row or a web form reaches the loader as a tree, past the JSON reader's limit
    for (String number : List.of("1".repeat(101), "0." + "1".repeat(100), "1E+100", "1E-100")) {
      com.fasterxml.jackson.databind.node.ObjectNode root =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      root.put("format", AnswersLoader.FORMAT).put("scan", "test-scan");
      root.putObject("answers").put("omzet", new java.math.BigDecimal(number));
      List<JsonProblem> problems =
          AnswersLoader.load(
                  Path.of("w"),
                  new nl.mvoscan.io.JsonDocument("w", root, Map.of(), List.of()),
                  SCAN)
              .problems();
      assertThat(problems)
          .extracting(JsonProblem::key)
          .as(number)
          .contains("answers.numberTooLong");
    }
    assertThat(Limits.fits(new java.math.BigDecimal("9".repeat(100)))).isTrue();
    assertThat(Limits.fits(new java.math.BigDecimal("0." + "9".repeat(99)))).isTrue();
    assertThat(Limits.fits(new java.math.BigDecimal("1E+99"))).isTrue();
  }

  @Test
  void aTableWithNoRecognisableColumnIsBadInputNotAnEmptyResponse() {
    assertThat(keys(csv("foo;bar\n1;2\n3;4\n"))).containsExactly("csv.noKnownColumn");
    // a name without any question would store one empty response per row
    assertThat(keys(csv("naam;bar\nZoë;2\n"))).containsExactly("csv.noQuestionColumn");
    assertThat(keys(csv("naam;klas\nZoë;3A\n"))).containsExactly("csv.noQuestionColumn");
    assertThat(keys(csv("naam;visie\nZoë;ja\n"))).isEmpty();
  }

  @Test
  void takeRefusesAtThePromptWhatTheLoaderWouldRefuse() {
    Interview interview = Interview.start(SCAN, "nl", Map.of());
    Question employees = SCAN.question("medewerkers").orElseThrow();
    assertThat(interview.parse(employees, "1".repeat(150)).reason().key())
        .isEqualTo("take.invalid.numberTooLong");
    assertThat(interview.parse(employees, "1".repeat(100)).ok()).isTrue();
    assertThat(Interview.name(LONG_NAME).reason().key()).isEqualTo("take.invalid.nameTooLong");
    assertThat(Interview.name("  " + "a".repeat(Limits.MAX_NAME) + " ").value())
        .hasSize(Limits.MAX_NAME);
    assertThat(Interview.date("20-11-0026").reason().key()).isEqualTo("take.invalid.dateRange");
    assertThat(Interview.date("2026-11-20").ok()).isTrue();
  }
}
