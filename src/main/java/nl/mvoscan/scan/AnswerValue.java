package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The value of one answer (contract §3.3), typed by its question: one option id, a selection of
 * option ids, a number or a text. {@link AnswerJson} is its only JSON form, in answers files, in
 * the database and in exports.
 */
public sealed interface AnswerValue
    permits AnswerValue.Choice, AnswerValue.Multi, AnswerValue.Number, AnswerValue.Text {

  /** A {@code choice} answer: the chosen option's id. */
  record Choice(String optionId) implements AnswerValue {
    public Choice {
      Objects.requireNonNull(optionId, "optionId");
    }

    @Override
    public QuestionType type() {
      return QuestionType.CHOICE;
    }

    @Override
    public <T> T match(
        Function<Choice, T> choice,
        Function<Multi, T> multi,
        Function<Number, T> number,
        Function<Text, T> text) {
      return choice.apply(this);
    }
  }

  /**
   * A {@code multi} answer: the chosen option ids, in the order given; empty means answered with
   * nothing selected.
   */
  record Multi(List<String> optionIds) implements AnswerValue {
    public Multi {
      optionIds = List.copyOf(optionIds);
    }

    @Override
    public QuestionType type() {
      return QuestionType.MULTI;
    }

    @Override
    public <T> T match(
        Function<Choice, T> choice,
        Function<Multi, T> multi,
        Function<Number, T> number,
        Function<Text, T> text) {
      return multi.apply(this);
    }
  }

  /** A {@code number} answer, exactly as given. */
  record Number(BigDecimal value) implements AnswerValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public QuestionType type() {
      return QuestionType.NUMBER;
    }

    @Override
    public <T> T match(
        Function<Choice, T> choice,
        Function<Multi, T> multi,
        Function<Number, T> number,
        Function<Text, T> text) {
      return number.apply(this);
    }
  }

  /** A {@code text} answer. */
  record Text(String text) implements AnswerValue {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public QuestionType type() {
      return QuestionType.TEXT;
    }

    @Override
    public <T> T match(
        Function<Choice, T> choice,
        Function<Multi, T> multi,
        Function<Number, T> number,
        Function<Text, T> text) {
      return text.apply(this);
    }
  }

  static AnswerValue choice(String optionId) {
    return new Choice(optionId);
  }

  static AnswerValue multi(List<String> optionIds) {
    return new Multi(optionIds);
  }

  static AnswerValue number(BigDecimal value) {
    return new Number(value);
  }

  static AnswerValue text(String text) {
    return new Text(text);
  }

  /** The question type whose answers have this shape. */
  QuestionType type();

  /**
   * One function per kind of value, of which exactly the matching one is applied: the compiler
   * checks that every kind is handled.
   */
  <T> T match(
      Function<Choice, T> choice,
      Function<Multi, T> multi,
      Function<Number, T> number,
      Function<Text, T> text);

  /** The chosen option ids: one for a choice, the selection for a multi, none otherwise. */
  default List<String> optionIds() {
    return match(c -> List.of(c.optionId()), Multi::optionIds, n -> List.of(), t -> List.of());
  }

  /**
   * What a {@code when} condition compares (§3.4): the option id of a choice, the text, the number;
   * {@code null} for a multi, which conditions see only through {@code selected}.
   */
  default Object conditionValue() {
    return match(Choice::optionId, m -> null, Number::value, Text::text);
  }
}
