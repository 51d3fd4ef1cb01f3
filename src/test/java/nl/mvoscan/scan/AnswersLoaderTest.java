package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswersLoaderTest {

  private static final Scan SCAN =
      ScanLoader.load(
              Path.of("t.json"), JsonReader.parse("t.json", ScanLoaderTest.VALID), Locale.ENGLISH)
          .scan();

  private static AnswersLoader.Result load(String json) {
    return AnswersLoader.load(Path.of("a.json"), JsonReader.parse("a.json", json), SCAN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-0001-01-01", "+2026-01-01", "2026-02-30", "2026-1-3", "26-01-01", "2026-13-01"})
  void datesMustBeRealCalendarDatesWrittenAsYyyyMmDd(String date) {
    AnswersLoader.Result result =
        load(
            "{\"format\": \"mvoscan-answers/1\", \"scan\": \"test-scan\", \"date\": \""
                + date
                + "\", \"answers\": {}}");
    assertThat(result.problems()).extracting(JsonProblem::key).containsExactly("answers.badDate");
  }

  @Test
  void aTextLongerThanAMaxLengthOfTwoIsRejected() {
    // toelichting has the default maxLength 2000: 2001 code points are one too many, emoji count
    // once
    AnswersLoader.Result result =
        load(
            "{\"format\": \"mvoscan-answers/1\", \"scan\": \"test-scan\", \"answers\": {\"toelichting\": \""
                + "😀".repeat(2001)
                + "\"}}");
    assertThat(result.problems()).extracting(JsonProblem::key).containsExactly("answers.tooLong");
    assertThat(
            load("{\"format\": \"mvoscan-answers/1\", \"scan\": \"test-scan\", \"answers\": {\"toelichting\": \""
                    + "😀".repeat(2000)
                    + "\"}}")
                .problems())
        .isEmpty();
  }
}
