package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.QuestionType;
import org.junit.jupiter.api.Test;

class ExportQueriesTest {

  /** What {@link ResponseDetails#answer} makes of a stored value for a question of {@code type}. */
  private static JsonNode decoded(String json, QuestionType type) {
    AnswerValue value = type == null ? null : AnswerJson.read(type, json);
    return value == null ? ResponseDetails.parseValue(json) : AnswerJson.write(value);
  }

  @Test
  void aStoredValueReadWithoutTheParserIsTheNodeTheDecodingThroughItsQuestionGives() {
    List<String> stored =
        List.of(
            "\"ja\"",
            "\"\"",
            "\"Zoë 🌱 Jansen, 't \u00a0 =1+2\"",
            "\"\\u00e9\"",
            "\"a\\\"b\"",
            "[]",
            "[\"led\"]",
            "[\"led\",\"zon\"]",
            "[\"a\",\"b\",\"c\"]",
            "null",
            "0",
            "-0",
            "12",
            "-12",
            "12.50",
            "-0.3",
            "0.0",
            "123456789012345678901234567890",
            "1e3",
            "1.5E-2",
            "01",
            "1.",
            ".5",
            "+1",
            "-",
            " 12",
            "12 ",
            "[ \"a\"]",
            "[\"a\" ]",
            "[\"a\",]",
            "[,\"a\"]",
            "[\"a\"\"b\"]",
            "[\"a\",\"b\"",
            "[1]",
            "[\"a\",1]",
            "{}",
            "true",
            "nul",
            "\"open",
            "\"",
            "\"a\"b\"",
            "");
    List<QuestionType> types = new ArrayList<>(Arrays.asList(QuestionType.values()));
    types.add(null);
    int read = 0;
    for (String json : stored) {
      JsonNode canonical = ExportQueries.canonical(json);
      if (canonical == null) {
        continue; // decoded in full, by the same code as before
      }
      read++;
      for (QuestionType type : types) {
        JsonNode expected = decoded(json, type);
        JsonNode actual = ExportQueries.typed(canonical, type);
        assertThat(actual).as("%s as %s", json, type).isEqualTo(expected);
        assertThat(actual.getClass()).as("%s as %s", json, type).isEqualTo(expected.getClass());
        assertThat(actual.toString()).as("%s as %s", json, type).isEqualTo(expected.toString());
      }
    }
    // the forms import writes are all read without the parser
    assertThat(read).isEqualTo(16);
  }

  @Test
  void onlyTextInTheOneAnswerFormIsReadWithoutTheParser() {
    for (String json :
        List.of(
            "\"\\u00e9\"",
            "1e3",
            "01",
            " 12",
            "[ \"a\"]",
            "[\"a\",]",
            "[1]",
            "true",
            "\"open",
            "")) {
      assertThat(ExportQueries.canonical(json)).as(json).isNull();
    }
  }
}
