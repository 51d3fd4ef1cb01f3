package nl.mvoscan.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** The class report's advice follows the class's most common answer below the maximum. */
class ClassAdviceTest {

  private static final String SCAN =
      """
      {
        "format": "mvoscan-scan/1", "id": "klas", "version": "1", "languages": ["nl"],
        "title": "Klas",
        "themes": [{"id": "milieu", "title": "Milieu", "questions": [
          {"id": "co2", "type": "choice", "text": "CO2?", "advice": "Algemeen",
           "options": [
             {"id": "niet", "label": "Niet", "points": 0, "advice": "Reken uit"},
             {"id": "berekend", "label": "Berekend", "points": 1, "advice": "Stel een doel"},
             {"id": "doel", "label": "Doel", "points": 2},
             {"id": "nvt", "label": "N.v.t.", "na": true}]},
          {"id": "energie", "type": "multi", "text": "Energie?",
           "options": [
             {"id": "led", "label": "LED", "points": 1, "advice": "Vervang lampen"},
             {"id": "zon", "label": "Zon", "points": 2, "advice": "Leg zonnepanelen"}]}
        ]}],
        "levels": [{"id": "starter", "min": 0, "label": "Starter"}]
      }
      """;

  private static final Scan LOADED =
      ScanLoader.load(Path.of("klas.json"), JsonReader.parse("klas.json", SCAN), Locale.ROOT)
          .scan();

  private static List<ScoreResult.QuestionScore> answers(String question, AnswerValue... values) {
    return Arrays.stream(values)
        .map(
            value ->
                Scorer.score(
                        LOADED,
                        new Answers(
                            "klas",
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of(question, new Answers.Answer(question, value, null, null))))
                    .questions()
                    .stream()
                    .filter(q -> q.question().id().equals(question))
                    .findFirst()
                    .orElseThrow())
        .toList();
  }

  private static Question question(String id) {
    return LOADED.question(id).orElseThrow();
  }

  private static AnswerValue choice(String id) {
    return new AnswerValue.Choice(id);
  }

  private static List<String> advice(ClassAdvice.CommonAnswer common) {
    return common.advice().stream().map(t -> t.in("nl", "nl")).toList();
  }

  @Test
  void theMostCommonAnswerBelowTheMaximumDecidesTheAdvice() {
    ClassAdvice.CommonAnswer common =
        ClassAdvice.of(
            question("co2"),
            answers(
                "co2",
                choice("doel"),
                choice("doel"),
                choice("doel"),
                choice("berekend"),
                choice("berekend"),
                choice("niet"),
                choice("nvt")));
    assertThat(common.value()).isEqualTo(choice("berekend"));
    assertThat(common.count()).isEqualTo(2);
    assertThat(common.below())
        .as("the answers at the maximum and n.v.t. do not count")
        .isEqualTo(3);
    assertThat(advice(common)).containsExactly("Stel een doel");
  }

  @Test
  void aTieGoesToTheAnswerWithFewerPoints() {
    ClassAdvice.CommonAnswer common =
        ClassAdvice.of(question("co2"), answers("co2", choice("berekend"), choice("niet")));
    assertThat(common.value()).isEqualTo(choice("niet"));
    assertThat(advice(common)).containsExactly("Reken uit");
  }

  @Test
  void aQuestionEveryoneAnswersAtTheMaximumHasNoAdvice() {
    assertThat(ClassAdvice.of(question("co2"), answers("co2", choice("doel"), choice("nvt"))))
        .isNull();
  }

  @Test
  void aMultiAnswerIsItsSelectionAndGetsTheAdviceOfWhatItLacks() {
    ClassAdvice.CommonAnswer common =
        ClassAdvice.of(
            question("energie"),
            answers(
                "energie",
                new AnswerValue.Multi(List.of("led")),
                new AnswerValue.Multi(List.of("led")),
                new AnswerValue.Multi(List.of()),
                new AnswerValue.Multi(List.of("zon", "led"))));
    assertThat(common.value()).isEqualTo(new AnswerValue.Multi(List.of("led")));
    assertThat(advice(common)).containsExactly("Leg zonnepanelen");
  }
}
