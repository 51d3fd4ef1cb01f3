package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.scoring.Status;
import org.junit.jupiter.api.Test;

/**
 * The state of the bundled scan {@code mvo-stagebedrijf} being filled in, in its edition 2026.1
 * (kept in {@code scans/archive}, so that content changes leave these tests alone). With nothing
 * answered, 41 questions are visible: the 7 profile questions and the 34 theme questions without a
 * condition (13 theme questions depend on the profile).
 */
class InterviewTest {

  private static final Scan SCAN =
      ScanLoader.load(Path.of("scans", "archive", "mvo-stagebedrijf-2026.1.json"), Locale.ROOT)
          .scan();

  private static Interview fresh() {
    return Interview.start(SCAN, "nl", Map.of());
  }

  private static Question question(String id) {
    return SCAN.question(id).orElseThrow();
  }

  private static Answers.Answer answer(String id, Object value) {
    return new Answers.Answer(id, typed(question(id), value), null, null);
  }

  /** A plain Java value as the answer to {@code question}: its option id, ids, number or text. */
  private static AnswerValue typed(Question question, Object value) {
    return switch (question.type()) {
      case CHOICE -> AnswerValue.choice((String) value);
      case MULTI -> AnswerValue.multi(((List<?>) value).stream().map(String::valueOf).toList());
      case NUMBER -> AnswerValue.number((BigDecimal) value);
      case TEXT -> AnswerValue.text((String) value);
    };
  }

  /** Gives the current question this plain Java value, typed as {@link #typed} does. */
  private static Interview.Change give(Interview interview, Object value) {
    return interview.give(typed(interview.current().orElseThrow(), value));
  }

  /**
   * A whole company profile: productie, {@code employees}, own building, food, vehicles, no
   * hazardous substances.
   */
  private static Map<String, Answers.Answer> profile(int employees) {
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    answers.put("sector", answer("sector", "productie"));
    answers.put("medewerkers", answer("medewerkers", BigDecimal.valueOf(employees)));
    answers.put("eigen_pand", answer("eigen_pand", "ja"));
    answers.put("producten", answer("producten", "voedsel"));
    answers.put("voertuigen", answer("voertuigen", "ja"));
    answers.put("gevaarlijke_stoffen", answer("gevaarlijke_stoffen", "nee"));
    answers.put("activiteiten", answer("activiteiten", "Bakkerij"));
    return answers;
  }

  private static void moveTo(Interview interview, String id) {
    while (!interview.current().map(Question::id).orElse("").equals(id)) {
      assertThat(interview.back()).as("went back past the start looking for " + id).isTrue();
    }
  }

  @Test
  void startsAtTheFirstProfileQuestionAndCountsOnlyQuestionsWhoseConditionHolds() {
    Interview interview = fresh();

    assertThat(interview.current()).map(Question::id).hasValue("sector");
    assertThat(interview.number()).isEqualTo(1);
    assertThat(interview.total()).isEqualTo(41);
    assertThat(interview.isVisible(question("certificaat"))).isFalse();
  }

  @Test
  void answersRevealTheQuestionsTheirConditionsMention() {
    Interview interview = fresh();

    give(interview, "productie");
    give(interview, new BigDecimal("60"));

    // medewerkers >= 10: certificaat, inclusief_werk, co2_doel; >= 50: medezeggenschap;
    // sector productie: proces_energie, productie_uitval
    assertThat(interview.total()).isEqualTo(47);
    assertThat(interview.current()).map(Question::id).hasValue("eigen_pand");
    assertThat(interview.number()).isEqualTo(3);
  }

  @Test
  void anAnswerMovesOnToTheNextVisibleQuestionSkippingHiddenOnes() {
    Map<String, Answers.Answer> given = profile(6);
    given.put("visie", answer("visie", "ja"));
    given.put("doelen", answer("doelen", "niet"));
    given.put("rapportage", answer("rapportage", "niet"));
    given.put("gedragscode", answer("gedragscode", "nee"));
    Interview interview = Interview.start(SCAN, "nl", given);

    // certificaat needs 10 or more employees, so stakeholders comes next
    assertThat(interview.current()).map(Question::id).hasValue("stakeholders");
  }

  @Test
  void skippingLeavesTheQuestionOpenAndAResumedInterviewStartsThere() {
    Interview interview = Interview.start(SCAN, "nl", profile(6));
    assertThat(interview.current()).map(Question::id).hasValue("visie");

    assertThat(interview.skip()).isEmpty();
    give(interview, "niet");

    assertThat(interview.current()).map(Question::id).hasValue("rapportage");
    assertThat(interview.answers()).doesNotContainKey("visie").containsKey("doelen");
    assertThat(interview.unanswered()).extracting(Question::id).startsWith("visie", "rapportage");
    Interview resumed = Interview.start(SCAN, "nl", interview.answers());
    assertThat(resumed.current()).map(Question::id).hasValue("visie");
  }

  @Test
  void aRequiredQuestionCannotBeSkipped() {
    Interview interview = fresh();

    assertThat(interview.skip()).map(Interview.Reason::key).hasValue("take.required");
    assertThat(interview.current()).map(Question::id).hasValue("sector");
  }

  @Test
  void
      goingBackShowsThePreviousVisibleQuestionWithItsAnswerAndAnAnswerThenReturnsToTheFirstOpenOne() {
    Map<String, Answers.Answer> given = profile(6);
    given.put("visie", answer("visie", "ja"));
    given.put("doelen", answer("doelen", "niet"));
    Interview interview = Interview.start(SCAN, "nl", given);
    assertThat(interview.current()).map(Question::id).hasValue("rapportage");

    assertThat(interview.back()).isTrue();
    assertThat(interview.back()).isTrue();
    assertThat(interview.current()).map(Question::id).hasValue("visie");
    assertThat(interview.answer("visie"))
        .map(Answers.Answer::value)
        .hasValue(AnswerValue.choice("ja"));

    give(interview, "nee");

    assertThat(interview.answer("visie"))
        .map(Answers.Answer::value)
        .hasValue(AnswerValue.choice("nee"));
    assertThat(interview.current()).map(Question::id).hasValue("rapportage");
  }

  @Test
  void goingBackFromTheFirstQuestionIsRefused() {
    Interview interview = fresh();

    assertThat(interview.back()).isFalse();
    assertThat(interview.current()).map(Question::id).hasValue("sector");
  }

  @Test
  void goingBackWhenFinishedReturnsToTheLastVisibleQuestion() {
    Map<String, Answers.Answer> given = profile(6);
    Interview all = Interview.start(SCAN, "nl", given);
    while (!all.finished()) {
      all.skip();
    }

    assertThat(all.back()).isTrue();
    // milieuschade is hidden without hazardous substances, so overlast is the last visible question
    assertThat(all.current()).map(Question::id).hasValue("overlast");
  }

  @Test
  void anAnswerThatHidesAnsweredQuestionsKeepsThoseAnswersAndSaysWhichOnesNoLongerCount() {
    Map<String, Answers.Answer> given = profile(60);
    given.put("medezeggenschap", answer("medezeggenschap", "ja"));
    Interview interview = Interview.start(SCAN, "nl", given);
    moveTo(interview, "medewerkers");

    Interview.Change change = give(interview, new BigDecimal("6"));

    assertThat(change.nowHidden()).extracting(Question::id).containsExactly("medezeggenschap");
    assertThat(interview.hiddenAnswers())
        .extracting(Question::id)
        .containsExactly("medezeggenschap");
    assertThat(interview.answers()).containsKey("medezeggenschap");

    moveTo(interview, "medewerkers");
    Interview.Change again = give(interview, new BigDecimal("55"));

    assertThat(again.nowHidden()).isEmpty();
    assertThat(interview.hiddenAnswers()).isEmpty();
  }

  @Test
  void visibilityIsDecidedExactlyAsTheScorerDecidesIt() {
    Map<String, Answers.Answer> given = profile(6);
    given.put("sector", answer("sector", "zorg"));
    given.put("producten", answer("producten", "verkoopt"));
    given.put("medezeggenschap", answer("medezeggenschap", "ja"));
    Interview interview = Interview.start(SCAN, "nl", given);
    Answers answers = new Answers(SCAN.id(), null, null, null, null, null, given);

    ScoreResult result = Scorer.score(SCAN, answers);

    for (ScoreResult.QuestionScore q : result.questions()) {
      assertThat(interview.isVisible(q.question()))
          .as(q.question().id())
          .isEqualTo(q.status() != Status.HIDDEN);
    }
    assertThat(interview.hiddenAnswers())
        .extracting(Question::id)
        .containsExactlyElementsOf(
            result.hiddenAnswers().stream().map(h -> h.question().id()).toList());
  }

  @Test
  void giveKeepsTheEvidenceAndNoteOfAnEarlierAnswer() {
    Map<String, Answers.Answer> given = profile(6);
    given.put(
        "visie", new Answers.Answer("visie", AnswerValue.choice("ja"), "gezien", "Op de website."));
    Interview interview = Interview.start(SCAN, "nl", given);
    moveTo(interview, "visie");

    give(interview, "deels");

    assertThat(interview.answer("visie"))
        .hasValue(
            new Answers.Answer("visie", AnswerValue.choice("deels"), "gezien", "Op de website."));
  }

  @Test
  void answersComeBackInDocumentOrder() {
    Map<String, Answers.Answer> given = new LinkedHashMap<>();
    given.put("visie", answer("visie", "ja"));
    given.put("sector", answer("sector", "zorg"));

    assertThat(Interview.start(SCAN, "nl", given).answers().keySet())
        .containsExactly("sector", "visie");
  }

  @Test
  void aChoiceIsANumberFromTheListAnOptionIdOrALabelInAnyLanguage() {
    Interview interview = fresh();
    Question visie = question("visie");

    assertThat(interview.parse(visie, " 2 ").value()).isEqualTo(typed(visie, "deels"));
    assertThat(interview.parse(visie, "WEETNIET").value()).isEqualTo(typed(visie, "weetniet"));
    assertThat(interview.parse(visie, "Partly").value()).isEqualTo(typed(visie, "deels"));
    assertThat(interview.parse(visie, "weet ik niet").value()).isEqualTo(typed(visie, "weetniet"));
  }

  @Test
  void aChoiceOutsideTheListOrInLettersThatNameNoOptionIsExplained() {
    Interview interview = fresh();
    Question visie = question("visie");

    assertThat(interview.parse(visie, "6").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.range", "6", 5));
    assertThat(interview.parse(visie, "0").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.range", "0", 5));
    assertThat(interview.parse(visie, "99999999999").reason().key())
        .isEqualTo("take.invalid.range");
    assertThat(interview.parse(visie, "misschien").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.option", "misschien", 5));
    assertThat(interview.parse(visie, "   ").reason().key()).isEqualTo("take.invalid.empty");
  }

  @Test
  void aMultiAnswerIsAListInOptionOrderWhateverOrderItWasTypedIn() {
    Interview interview = fresh();
    Question welzijn = question("welzijn");

    assertThat(interview.parse(welzijn, "3,1").value())
        .isEqualTo(typed(welzijn, List.of("werkplek", "werkdruk")));
    assertThat(interview.parse(welzijn, "1 3").value())
        .isEqualTo(typed(welzijn, List.of("werkplek", "werkdruk")));
    assertThat(interview.parse(welzijn, "verzuim; 1,").value())
        .isEqualTo(typed(welzijn, List.of("werkplek", "verzuim")));
    assertThat(interview.parse(welzijn, "6").value()).isEqualTo(typed(welzijn, List.of("geen")));
    assertThat(interview.parse(welzijn, "-").value()).isEqualTo(typed(welzijn, List.of()));
  }

  @Test
  void aMultiAnswerNamingAnOptionTwiceOrCombiningAnExclusiveOneIsExplained() {
    Interview interview = fresh();
    Question welzijn = question("welzijn");

    assertThat(interview.parse(welzijn, "1,1").reason())
        .isEqualTo(
            Interview.Reason.of(
                "take.invalid.duplicate", "Goede werkplekken en hulpmiddelen, zoals een tilhulp"));
    assertThat(interview.parse(welzijn, "1,werkplek").reason().key())
        .isEqualTo("take.invalid.duplicate");
    assertThat(interview.parse(welzijn, "1,6").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.exclusive", "Geen van deze"));
    assertThat(interview.parse(welzijn, "7,2").reason().key()).isEqualTo("take.invalid.exclusive");
    assertThat(interview.parse(welzijn, "1,9").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.range", "9", 7));
    assertThat(interview.parse(welzijn, ",").reason().key()).isEqualTo("take.invalid.empty");
  }

  @Test
  void aNumberTakesADecimalCommaAndIsCheckedAgainstItsBounds() {
    Question amount =
        new Question(
            "bedrag",
            QuestionType.NUMBER,
            null,
            Text.plain("Bedrag"),
            null,
            null,
            BigDecimal.ONE,
            null,
            Map.of(),
            false,
            false,
            List.of(),
            null,
            new BigDecimal("0.5"),
            new BigDecimal("100"),
            false,
            null,
            2000);
    Interview interview = fresh();

    assertThat(interview.parse(amount, "2,50").value())
        .isEqualTo(typed(amount, new BigDecimal("2.5")));
    assertThat(interview.parse(amount, "2.5").value())
        .isEqualTo(typed(amount, new BigDecimal("2.5")));
    assertThat(interview.parse(amount, "100,0").value())
        .isEqualTo(typed(amount, new BigDecimal("100")));
    assertThat(interview.parse(amount, "0,4").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.belowMin", "0.5"));
    assertThat(interview.parse(amount, "101").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.aboveMax", "100"));
    assertThat(interview.parse(amount, "1.000,00").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.number", "1.000,00"));
    assertThat(interview.parse(amount, "twaalf").reason().key()).isEqualTo("take.invalid.number");
  }

  @Test
  void aWholeNumberQuestionRefusesDecimals() {
    Interview interview = fresh();
    Question employees = question("medewerkers");

    assertThat(interview.parse(employees, "12").value())
        .isEqualTo(typed(employees, new BigDecimal("12")));
    assertThat(interview.parse(employees, "12,0").value())
        .isEqualTo(typed(employees, new BigDecimal("12")));
    assertThat(interview.parse(employees, "6,5").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.notWhole", "6,5"));
    assertThat(interview.parse(employees, "-1").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.belowMin", "0"));
  }

  @Test
  void aNameClassOrCompanyWithAControlCharacterIsRefusedAsAnAnswersFileWouldBe() {
    assertThat(Interview.name("  Jan Piet ").value()).isEqualTo("Jan Piet");
    assertThat(Interview.name("Jan\tPiet").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.control", "U+0009"));
    assertThat(Interview.name("Bakkerij\u001B[2J").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.control", "U+001B"));
    assertThat(Interview.name("3A\u0085").ok()).isFalse();
    // a right-to-left mark is ordinary in an Arabic name: not a control character
    assertThat(Interview.name("\u0645\u062D\u0645\u062F\u200F").ok()).isTrue();
  }

  @Test
  void aTextIsTrimmedAndMayNotBeLongerThanItsMaximum() {
    Interview interview = fresh();
    Question activities = question("activiteiten");
    String tooLong = "é".repeat(activities.maxLength() + 1);

    assertThat(interview.parse(activities, "  Bakkerij met winkel ").value())
        .isEqualTo(typed(activities, "Bakkerij met winkel"));
    assertThat(interview.parse(activities, "é".repeat(activities.maxLength())).ok()).isTrue();
    assertThat(interview.parse(activities, tooLong).reason())
        .isEqualTo(
            Interview.Reason.of(
                "take.invalid.tooLong", activities.maxLength() + 1, activities.maxLength()));
  }

  @Test
  void givingNoValueOrAnsweringWhenFinishedIsAProgrammingError() {
    Interview interview = fresh();
    assertThatThrownBy(() -> interview.give(null)).isInstanceOf(IllegalArgumentException.class);

    Interview done = Interview.start(SCAN, "nl", profile(6));
    while (!done.finished()) {
      done.skip();
    }
    assertThatThrownBy(() -> done.give(AnswerValue.choice("ja")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKvkNumberHasEightDigitsOrIsLeftEmpty() {
    assertThat(Interview.kvk("04187352").value()).isEqualTo("04187352");
    assertThat(Interview.kvk(" 0418 7352 ").value()).isEqualTo("04187352");
    assertThat(Interview.kvk("04.18.73.52").value()).isEqualTo("04187352");
    assertThat(Interview.kvk("").ok()).isTrue();
    assertThat(Interview.kvk("").value()).isNull();
    assertThat(Interview.kvk("0418735").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.kvk", "0418735"));
    assertThat(Interview.kvk("0418735a").ok()).isFalse();
    assertThat(Interview.kvk("041873521").ok()).isFalse();
  }

  @Test
  void aDateIsARealDayWrittenTheIsoOrTheDutchWay() {
    assertThat(Interview.date("2026-11-20").value()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(Interview.date("3-2-2026").value()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(Interview.date("31-2-2026").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.date", "31-2-2026"));
    assertThat(Interview.date("2026-13-01").ok()).isFalse();
    assertThat(Interview.date("20/11/2026").ok()).isFalse();
    assertThat(Interview.date("morgen").ok()).isFalse();
  }

  @Test
  void aPointBeforeThreeDigitsIsAThousandInAWholeNumberAsAClassCsvReadsIt() {
    Interview interview = fresh();
    Question medewerkers = question("medewerkers");
    assertThat(interview.parse(medewerkers, "1.200").value())
        .isEqualTo(typed(medewerkers, new BigDecimal("1200")));
    assertThat(interview.parse(medewerkers, "10.000").value())
        .isEqualTo(typed(medewerkers, new BigDecimal("10000")));
    assertThat(interview.parse(medewerkers, "1000").value())
        .isEqualTo(typed(medewerkers, new BigDecimal("1000")));
    assertThat(interview.parse(medewerkers, "12").value())
        .isEqualTo(typed(medewerkers, new BigDecimal("12")));
    assertThat(interview.parse(medewerkers, "2,5").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.notWhole", "2,5"));
  }

  @Test
  void aPointBeforeThreeDigitsIsAskedAgainWhereDecimalsAreAllowedBecauseItMayMeanAThousand() {
    Scan current = ScanLoader.load(Path.of("scans", "mvo-stagebedrijf.json"), Locale.ROOT).scan();
    Question afval = current.question("kc_afval").orElseThrow();
    assertThat(afval.integer()).isFalse();
    Interview interview = Interview.start(current, "nl", Map.of());
    assertThat(interview.parse(afval, "1.000").reason())
        .isEqualTo(Interview.Reason.of("take.invalid.thousands", "1.000", "1000"));
    assertThat(interview.parse(afval, "1,5").value())
        .isEqualTo(typed(afval, new BigDecimal("1.5")));
  }

  /** The edition {@code take}'s tests are written against, kept in the test resources. */
  private static final Scan FROZEN =
      ScanCatalog.load(List.of(frozenFolder()), Locale.ROOT).find("mvo-stagebedrijf").orElseThrow();

  private static java.nio.file.Path frozenFolder() {
    try {
      return java.nio.file.Path.of(InterviewTest.class.getResource("/cli/take").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Interview frozenWithProfile() {
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    answers.put(
        "sector", new Answers.Answer("sector", AnswerValue.choice("productie"), null, null));
    answers.put(
        "medewerkers",
        new Answers.Answer("medewerkers", AnswerValue.number(BigDecimal.valueOf(6)), null, null));
    return Interview.start(FROZEN, "nl", answers);
  }

  @Test
  void goToMakesAVisibleQuestionCurrentToChangeItsAnswer() {
    Interview interview = frozenWithProfile();
    assertThat(interview.current()).map(Question::id).hasValue("eigen_pand");

    assertThat(interview.goTo("medewerkers")).isTrue();
    assertThat(interview.current()).map(Question::id).hasValue("medewerkers");
    interview.give(AnswerValue.number(BigDecimal.valueOf(8)));
    assertThat(interview.current())
        .as("after the change: on to the first question without an answer")
        .map(Question::id)
        .hasValue("eigen_pand");

    assertThat(interview.goTo("certificaat")).as("hidden below 10 employees").isFalse();
    assertThat(interview.goTo("bestaat-niet")).isFalse();
    assertThat(interview.current()).map(Question::id).hasValue("eigen_pand");
  }

  @Test
  void annotateSetsSourceAndNoteAndANewAnswerKeepsThem() {
    Interview interview = frozenWithProfile();
    interview.annotate("sector", "gevraagd", "De eigenaar.");
    assertThat(interview.answer("sector").orElseThrow())
        .isEqualTo(
            new Answers.Answer(
                "sector", AnswerValue.choice("productie"), "gevraagd", "De eigenaar."));

    interview.goTo("sector");
    interview.give(AnswerValue.choice("bouw"));
    assertThat(interview.answer("sector").orElseThrow().evidence()).isEqualTo("gevraagd");
    assertThat(interview.answer("sector").orElseThrow().note()).isEqualTo("De eigenaar.");

    interview.annotate("sector", null, null);
    assertThat(interview.answer("sector").orElseThrow().evidence()).isNull();
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> interview.annotate("sector", "misschien", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> interview.annotate("eigen_pand", "gezien", null)))
        .as("no answer yet")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unknownAnswersListsTheVisibleDontKnowsInDocumentOrder() {
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    answers.put(
        "sector", new Answers.Answer("sector", AnswerValue.choice("productie"), null, null));
    answers.put(
        "medewerkers",
        new Answers.Answer("medewerkers", AnswerValue.number(BigDecimal.valueOf(6)), null, null));
    answers.put("water", new Answers.Answer("water", AnswerValue.choice("weetniet"), null, null));
    answers.put("visie", new Answers.Answer("visie", AnswerValue.choice("weetniet"), null, null));
    answers.put("doelen", new Answers.Answer("doelen", AnswerValue.choice("niet"), null, null));
    answers.put(
        "energiemaatregelen",
        new Answers.Answer(
            "energiemaatregelen", AnswerValue.multi(List.of("weetniet")), null, null));
    answers.put(
        "certificaat",
        new Answers.Answer("certificaat", AnswerValue.choice("weetniet"), null, null));

    assertThat(Interview.start(FROZEN, "nl", answers).unknownAnswers())
        .as("certificaat is hidden below 10 employees")
        .extracting(Question::id)
        .containsExactly("visie", "energiemaatregelen", "water");
  }

  @Test
  void aSourceIsANumberFromTheListOrItsId() {
    assertThat(Interview.evidence("1").value()).isEqualTo("gezien");
    assertThat(Interview.evidence(" 4 ").value()).isEqualTo("aanname");
    assertThat(Interview.evidence("Document").value()).isEqualTo("document");
    assertThat(Interview.evidence("5").reason().key()).isEqualTo("take.invalid.evidence");
    assertThat(Interview.evidence("0").ok()).isFalse();
    assertThat(Interview.evidence("99999999999").ok()).isFalse();
    assertThat(Interview.evidence("misschien").ok()).isFalse();
  }
}
