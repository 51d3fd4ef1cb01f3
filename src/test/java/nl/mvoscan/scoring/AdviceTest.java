package nl.mvoscan.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scan.Text;
import org.junit.jupiter.api.Test;

/** §8.1: the advice shown is the next step from the answer given, never one already reached. */
class AdviceTest {

  private static final String SCAN =
      """
      {
        "format": "mvoscan-scan/1", "id": "advies", "version": "1", "languages": ["nl", "en"],
        "title": {"nl": "Advies", "en": "Advice"},
        "themes": [{"id": "milieu", "title": {"nl": "Milieu", "en": "Environment"}, "questions": [
          {"id": "co2", "type": "choice", "text": {"nl": "CO2?", "en": "CO2?"},
           "advice": {"nl": "Vraag-advies co2", "en": "Question advice co2"},
           "options": [
             {"id": "niet", "label": {"nl": "Niet", "en": "No"}, "points": 0,
              "advice": {"nl": "Reken de uitstoot uit", "en": "Calculate the footprint"}},
             {"id": "berekend", "label": {"nl": "Berekend", "en": "Calculated"}, "points": 1,
              "advice": {"nl": "Stel een doel", "en": "Set a target"}},
             {"id": "zonder", "label": {"nl": "Zonder advies", "en": "Without advice"}, "points": 1.5},
             {"id": "doel", "label": {"nl": "Doel", "en": "Target"}, "points": 2,
              "advice": {"nl": "Nooit te zien", "en": "Never shown"}},
             {"id": "weetniet", "label": {"nl": "Weet ik niet", "en": "Don't know"}, "unknown": true,
              "advice": {"nl": "Vraag het na", "en": "Ask"}}]},
          {"id": "energie", "type": "multi", "text": {"nl": "Energie?", "en": "Energy?"},
           "advice": {"nl": "Vraag-advies energie", "en": "Question advice energy"},
           "options": [
             {"id": "led", "label": "LED", "points": 1, "advice": {"nl": "Vervang lampen", "en": "LED"}},
             {"id": "zon", "label": {"nl": "Zon", "en": "Sun"}, "points": 2,
              "advice": {"nl": "Leg zonnepanelen", "en": "Solar"}},
             {"id": "meter", "label": {"nl": "Meter", "en": "Meter"}, "points": 1},
             {"id": "geen", "label": {"nl": "Geen", "en": "None"}, "points": 0, "exclusive": true,
              "advice": {"nl": "Nul punten", "en": "Zero points"}},
             {"id": "nvt", "label": {"nl": "N.v.t.", "en": "N/A"}, "na": true,
              "advice": {"nl": "Niet van toepassing", "en": "N/A"}}]},
          {"id": "kaal", "type": "choice", "text": {"nl": "Kaal?", "en": "Bare?"},
           "options": [{"id": "ja", "label": {"nl": "Ja", "en": "Yes"}, "points": 1},
                       {"id": "nee", "label": {"nl": "Nee", "en": "No"}, "points": 0}]}
        ]}],
        "levels": [{"id": "starter", "min": 0, "label": {"nl": "Starter", "en": "Starter"}}],
        "scoring": {"unknown": "zero"}
      }
      """;

  private static final Scan LOADED =
      ScanLoader.load(Path.of("advies.json"), JsonReader.parse("advies.json", SCAN), Locale.ROOT)
          .scan();

  private static List<String> advice(String question, AnswerValue value) {
    Answers answers =
        new Answers(
            "advies",
            null,
            null,
            null,
            null,
            null,
            value == null
                ? Map.of()
                : Map.of(question, new Answers.Answer(question, value, null, null)));
    ScoreResult.QuestionScore score =
        Scorer.score(LOADED, answers).questions().stream()
            .filter(q -> q.question().id().equals(question))
            .findFirst()
            .orElseThrow();
    return Advice.of(score).stream().map(t -> t.in("nl", "nl")).toList();
  }

  private static AnswerValue choice(String id) {
    return new AnswerValue.Choice(id);
  }

  private static AnswerValue multi(String... ids) {
    return new AnswerValue.Multi(List.of(ids));
  }

  @Test
  void aChoiceShowsTheChosenOptionsNextStep() {
    assertThat(advice("co2", choice("niet"))).containsExactly("Reken de uitstoot uit");
    assertThat(advice("co2", choice("berekend"))).containsExactly("Stel een doel");
  }

  @Test
  void aChosenOptionWithoutAdviceFallsBackToTheQuestionsAdvice() {
    assertThat(advice("co2", choice("zonder"))).containsExactly("Vraag-advies co2");
  }

  @Test
  void aQuestionAtItsMaximumGetsNoAdviceAtAll() {
    assertThat(advice("co2", choice("doel"))).isEmpty();
    assertThat(advice("energie", multi("led", "zon", "meter"))).isEmpty();
    assertThat(advice("kaal", choice("ja"))).isEmpty();
  }

  @Test
  void aMultiShowsTheAdviceOfUnselectedOptionsThatEarnPointsInDocumentOrder() {
    assertThat(advice("energie", multi("meter")))
        .containsExactly("Vervang lampen", "Leg zonnepanelen");
    assertThat(advice("energie", multi("zon"))).containsExactly("Vervang lampen");
    assertThat(advice("energie", multi("geen")))
        .as("a zero-point option is never a step")
        .containsExactly("Vervang lampen", "Leg zonnepanelen");
  }

  @Test
  void aMultiWhoseMissingOptionsHaveNoAdviceFallsBackToTheQuestionsAdvice() {
    assertThat(advice("energie", multi("led", "zon"))).containsExactly("Vraag-advies energie");
  }

  @Test
  void unresolvedQuestionsGetNoAdvice() {
    assertThat(advice("co2", null)).as("missing").isEmpty();
    assertThat(advice("energie", multi("nvt"))).as("not applicable").isEmpty();
  }

  @Test
  void aDontKnowCountedAsZeroFollowsTheSameRule() {
    assertThat(advice("co2", choice("weetniet"))).containsExactly("Vraag het na");
  }

  @Test
  void aQuestionWithoutAnyAdviceHasNone() {
    assertThat(advice("kaal", choice("nee"))).isEmpty();
  }

  @Test
  void forAnswerAppliesTheMaximumRuleToo() {
    var question = LOADED.question("co2").orElseThrow();
    assertThat(Advice.forAnswer(question, choice("doel"), question.maximum())).isEmpty();
    assertThat(
            Advice.forAnswer(question, choice("berekend"), java.math.BigDecimal.ONE).stream()
                .map((Text t) -> t.in("en", "nl")))
        .containsExactly("Set a target");
  }
}
