package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  @Test
  void everyKindOfValueIsWrittenAsTheContractsAnswerJson() {
    assertThat(AnswerJson.text(AnswerValue.choice("ja"))).isEqualTo("\"ja\"");
    assertThat(AnswerJson.text(AnswerValue.multi(List.of("led", "zon"))))
        .isEqualTo("[\"led\",\"zon\"]");
    assertThat(AnswerJson.text(AnswerValue.multi(List.of()))).isEqualTo("[]");
    assertThat(AnswerJson.text(AnswerValue.number(new BigDecimal("12")))).isEqualTo("12");
    assertThat(AnswerJson.text(AnswerValue.text("Zie \"site\""))).isEqualTo("\"Zie \\\"site\\\"\"");
    assertThat(AnswerJson.text(null)).isEqualTo("null");
  }

  @Test
  void aNumberKeepsItsExactDecimalsBothWays() {
    AnswerValue value = AnswerValue.number(new BigDecimal("0.30"));
    assertThat(AnswerJson.text(value)).isEqualTo("0.30");
    assertThat(AnswerJson.read(QuestionType.NUMBER, "0.30")).isEqualTo(value);
    assertThat(AnswerJson.read(QuestionType.NUMBER, "0.1000000000000000000000001"))
        .isEqualTo(AnswerValue.number(new BigDecimal("0.1000000000000000000000001")));
  }

  @Test
  void whatIsReadBackIsWhatWasWritten() {
    List<AnswerValue> values =
        List.of(
            AnswerValue.choice("deels"),
            AnswerValue.multi(List.of("zon", "led")),
            AnswerValue.number(new BigDecimal("-2.5")),
            AnswerValue.text("één regel\nen nog één"));
    for (AnswerValue value : values) {
      assertThat(AnswerJson.read(value.type(), AnswerJson.text(value))).isEqualTo(value);
    }
  }

  @Test
  void aValueOfTheWrongShapeForItsQuestionIsNoValue() {
    assertThat(AnswerJson.read(QuestionType.CHOICE, "12")).isNull();
    assertThat(AnswerJson.read(QuestionType.NUMBER, "\"12\"")).isNull();
    assertThat(AnswerJson.read(QuestionType.MULTI, "\"led\"")).isNull();
    assertThat(AnswerJson.read(QuestionType.MULTI, "[\"led\", 2]")).isNull();
    assertThat(AnswerJson.read(QuestionType.TEXT, "null")).isNull();
    assertThat(AnswerJson.read(QuestionType.TEXT, "{not json")).isNull();
  }

  @Test
  void aChoiceAndATextAreTheSameJsonButDifferentValues() {
    assertThat(AnswerJson.read(QuestionType.CHOICE, "\"ja\"")).isEqualTo(AnswerValue.choice("ja"));
    assertThat(AnswerJson.read(QuestionType.TEXT, "\"ja\"")).isEqualTo(AnswerValue.text("ja"));
    assertThat(AnswerValue.choice("ja")).isNotEqualTo(AnswerValue.text("ja"));
  }

  @Test
  void aChoiceOrMultiIsWrittenExactlyAsItsJsonTreeWhateverItsOptionIds() {
    // the database keeps this text and export reads it back: the quick path and Jackson must agree
    List<String> ids =
        List.of(
            "ja",
            "co2-neutraal",
            "a b",
            "~!@#$%^&*()_+{}",
            "quote\"in",
            "back\\slash",
            "tab\tin",
            "nul\u0000",
            "é",
            "CO₂",
            "\u007f",
            "emoji\uD83D\uDE00",
            "");
    for (String id : ids) {
      AnswerValue choice = AnswerValue.choice(id);
      assertThat(AnswerJson.text(choice)).isEqualTo(AnswerJson.write(choice).toString());
      AnswerValue multi = AnswerValue.multi(List.of("led", id));
      assertThat(AnswerJson.text(multi)).isEqualTo(AnswerJson.write(multi).toString());
    }
  }
}
