package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Text;

/**
 * Which advice fits an answer (contract §8.1), the one rule behind every scorecard, PDF and page
 * that shows advice: a company already doing something is never told to start it.
 */
public final class Advice {

  private Advice() {}

  /**
   * The advice for a scored question as it was scored: none unless it is resolved below its maximum
   * (a missing, hidden, "not applicable" or "don't know" answer is a question to ask, not a step to
   * take).
   */
  public static List<Text> of(ScoreResult.QuestionScore score) {
    if (!score.resolved()) {
      return List.of();
    }
    return forAnswer(score.question(), score.value(), score.points());
  }

  /**
   * The advice for {@code value} earning {@code points} on {@code question}: nothing at the
   * maximum; for a choice the chosen option's advice, else the question's; for a multi the advice
   * of the unselected options that earn points, in document order, else the question's.
   *
   * @param value the answer; {@code null} gives the question's advice (below the maximum)
   */
  public static List<Text> forAnswer(Question question, AnswerValue value, BigDecimal points) {
    if (!question.scored() || points == null || points.compareTo(question.maximum()) >= 0) {
      return List.of();
    }
    List<Text> advice = new ArrayList<>();
    if (value != null && question.type() == QuestionType.CHOICE) {
      value.optionIds().stream()
          .map(question::option)
          .flatMap(java.util.Optional::stream)
          .map(Option::advice)
          .filter(a -> a != null)
          .forEach(advice::add);
    } else if (value != null && question.type() == QuestionType.MULTI) {
      List<String> selected = value.optionIds();
      for (Option option : question.options()) {
        if (option.advice() != null
            && option.points() != null
            && option.points().signum() > 0
            && !selected.contains(option.id())) {
          advice.add(option.advice());
        }
      }
    }
    if (advice.isEmpty() && question.advice() != null) {
      advice.add(question.advice());
    }
    return List.copyOf(advice);
  }
}
