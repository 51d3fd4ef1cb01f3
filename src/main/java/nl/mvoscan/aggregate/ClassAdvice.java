package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Advice;
import nl.mvoscan.scoring.ScoreResult;

/**
 * The advice for one question in a group's report: the advice (§8.1) that follows the group's most
 * common answer below the maximum, so a class where most companies are halfway is told the next
 * step from halfway, not the first step.
 */
public final class ClassAdvice {

  private ClassAdvice() {}

  /**
   * The group's most common answer below the maximum to one question.
   *
   * @param value the answer: one option for a choice, the sorted selection for a multi (as in the
   *     agreement figures)
   * @param count how many responses gave exactly this answer
   * @param below how many responses are resolved below the maximum at all
   * @param advice the advice that follows it, in document order; empty when the scan has none
   */
  public record CommonAnswer(
      AnswerValue value, BigDecimal points, int count, int below, List<Text> advice) {}

  /**
   * The most common answer among the resolved answers below the maximum, or {@code null} when every
   * resolved answer reached it. Ties go to the answer with fewer points (the step most of them
   * still need first), then to the option that comes first in the scan.
   */
  public static CommonAnswer of(Question question, List<ScoreResult.QuestionScore> scores) {
    Tally tally = new Tally(question);
    scores.forEach(tally::add);
    return tally.result();
  }

  /**
   * {@link #of} one answer at a time, so a group's advice needs memory for its distinct answers
   * only, not for every response.
   */
  static final class Tally {
    private final Question question;
    private final Map<List<String>, Answer> byAnswer = new LinkedHashMap<>();
    // the key of each answer instance, made once: the store hands out one instance per distinct
    // stored answer, and the same few answers come again and again
    private final Map<AnswerValue, List<String>> keys = new IdentityHashMap<>();
    private int below;

    /** How often one answer was given, and the first response that gave it. */
    private static final class Answer {
      private final ScoreResult.QuestionScore first;
      private int count;

      Answer(ScoreResult.QuestionScore first) {
        this.first = first;
      }
    }

    Tally(Question question) {
      this.question = question;
    }

    void add(ScoreResult.QuestionScore q) {
      if (q.resolved() && q.value() != null && q.points().compareTo(q.max()) < 0) {
        below++;
        List<String> key = keys.get(q.value());
        if (key == null) {
          key = key(question, q.value());
          if (keys.size() < 4096) {
            keys.put(q.value(), key);
          }
        }
        byAnswer.computeIfAbsent(key, k -> new Answer(q)).count++;
      }
    }

    CommonAnswer result() {
      if (byAnswer.isEmpty()) {
        return null;
      }
      Comparator<Map.Entry<List<String>, Answer>> order =
          Comparator.comparing((Map.Entry<List<String>, Answer> e) -> e.getValue().count)
              .reversed()
              .thenComparing(e -> e.getValue().first.points())
              .thenComparing(e -> e.getKey(), ClassAdvice.inScanOrder(question));
      Map.Entry<List<String>, Answer> best = byAnswer.entrySet().stream().min(order).orElseThrow();
      ScoreResult.QuestionScore example = best.getValue().first;
      AnswerValue value =
          example.value() instanceof AnswerValue.Multi
              ? new AnswerValue.Multi(best.getKey())
              : example.value();
      return new CommonAnswer(
          value,
          example.points(),
          best.getValue().count,
          below,
          Advice.forAnswer(question, value, example.points()));
    }
  }

  /** One answer as a comparable key: the chosen option ids in the scan's order. */
  private static List<String> key(Question question, AnswerValue value) {
    List<String> ids = new ArrayList<>(value.optionIds());
    ids.sort(Comparator.comparingInt(id -> index(question, id)));
    return List.copyOf(ids);
  }

  private static Comparator<List<String>> inScanOrder(Question question) {
    return (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Integer.compare(index(question, a.get(i)), index(question, b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    };
  }

  private static int index(Question question, String optionId) {
    for (int i = 0; i < question.options().size(); i++) {
      if (question.options().get(i).id().equals(optionId)) {
        return i;
      }
    }
    return question.options().size();
  }
}
