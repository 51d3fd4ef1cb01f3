package nl.mvoscan.scan;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.scan.when.Condition;

/**
 * Which questions are hidden by their {@code when} (contract §3.4), decided in document order:
 * profile first, then the themes, each condition seeing only the answers of visible questions
 * before it. The scorer, the interview and the reports all ask here, so they never disagree.
 */
public final class Visibility {

  private Visibility() {}

  /** The ids of the questions of {@code scan} that {@code answers} leave hidden. */
  public static Set<String> hidden(Scan scan, Map<String, Answers.Answer> answers) {
    Map<String, AnswerValue> visible = new HashMap<>();
    Condition.Values values =
        new Condition.Values() {
          @Override
          public Object valueOf(String id) {
            AnswerValue value = visible.get(id);
            return value == null ? null : value.conditionValue();
          }

          @Override
          public Collection<String> optionsOf(String id) {
            AnswerValue value = visible.get(id);
            return value == null ? List.of() : value.optionIds();
          }

          @Override
          public boolean answered(String id) {
            return visible.containsKey(id);
          }
        };
    Set<String> hidden = new HashSet<>();
    for (Question question : scan.questions()) {
      if (question.when() != null && !question.when().test(values)) {
        hidden.add(question.id());
        continue;
      }
      Answers.Answer answer = answers.get(question.id());
      if (answer != null && answer.value() != null) {
        visible.put(question.id(), answer.value());
      }
    }
    return hidden;
  }
}
