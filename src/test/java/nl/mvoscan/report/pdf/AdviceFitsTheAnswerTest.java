package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.ClassAdvice;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.Scorecard;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.StepWords;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Advice;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * No report advises a step the answer already reached (§8.1), checked over every example answers
 * file and every row of every example class CSV, for every scored question: the rule itself, the
 * scorecard that {@code score} and {@code take} print, the student PDF and the class PDF.
 */
class AdviceFitsTheAnswerTest {

  private static final ScanCatalog CATALOG = ScanCatalog.load(List.of(), Locale.ROOT);
  private static final Path EXAMPLES = Path.of("examples");

  /** Every example response, scored on the bundled scan it names. */
  private static List<ScoreResult> examples() throws IOException {
    List<ScoreResult> results = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".json")) {
        String scanId =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(file.toFile())
                .path("scan")
                .asText();
        Scan scan =
            CATALOG.find(scanId).orElseThrow(() -> new AssertionError(file + ": " + scanId));
        AnswersLoader.Result loaded = AnswersLoader.load(file, scan);
        assertThat(loaded.problems()).as(file.toString()).isEmpty();
        results.add(Scorer.score(scan, loaded.answers()));
      } else if (name.endsWith(".csv")) {
        for (Scan scan : csvScans(file)) {
          ClassCsv.Result rows = ClassCsv.read(file, scan, null, null);
          for (ClassCsv.Row row : rows.rows()) {
            results.add(Scorer.score(scan, row.answers()));
          }
        }
      }
    }
    assertThat(results).as("example responses").hasSizeGreaterThan(4);
    return results;
  }

  /** The bundled scans a class CSV can be read with: those that import it without problems. */
  private static List<Scan> csvScans(Path file) {
    List<Scan> fit = new ArrayList<>();
    for (ScanCatalog.Entry entry : CATALOG.entries()) {
      Scan scan = entry.result().scan();
      if (scan != null && ClassCsv.read(file, scan, null, null).ok()) {
        fit.add(scan);
      }
    }
    assertThat(fit).as(file + " imports with a bundled scan").isNotEmpty();
    return fit;
  }

  /** The advice of every step the answer already reached: never to be shown for it. */
  private static Set<Text> reached(
      Question question, AnswerValue value, ScoreResult.QuestionScore q) {
    Set<Text> reached = new HashSet<>();
    if (q.points() == null) {
      return reached;
    }
    if (q.points().compareTo(q.max()) >= 0) {
      if (question.advice() != null) {
        reached.add(question.advice());
      }
      question.options().stream().map(Option::advice).filter(a -> a != null).forEach(reached::add);
      return reached;
    }
    List<String> chosen = value == null ? List.of() : value.optionIds();
    for (Option option : question.options()) {
      if (option.advice() == null || option.points() == null) {
        continue;
      }
      boolean done =
          question.type() == QuestionType.MULTI
              ? chosen.contains(option.id())
              : option.points().compareTo(q.points()) < 0;
      if (done) {
        reached.add(option.advice());
      }
    }
    return reached;
  }

  @Test
  void theRuleNeverGivesAReachedStepAndNothingAtTheMaximum() throws IOException {
    int checked = 0;
    for (ScoreResult result : examples()) {
      for (ScoreResult.QuestionScore q : result.questions()) {
        List<Text> advice = Advice.of(q);
        String where = who(result) + " / " + q.question().id();
        if (q.resolved() && q.points().compareTo(q.max()) >= 0) {
          assertThat(advice).as(where + " at its maximum").isEmpty();
        }
        Set<Text> reached = reached(q.question(), q.value(), q);
        assertThat(advice).as(where).noneMatch(reached::contains);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void theScorecardShowsExactlyTheAdviceThatFitsEachImprovement() throws IOException {
    for (ScoreResult result : examples()) {
      for (String language : result.scan().languages()) {
        String card = Scorecard.render(result, Messages.forLanguage(language), language);
        List<String> lines = List.of(card.split("\\R"));
        String label = Messages.forLanguage(language).get("card.advice", "");
        for (ScoreResult.QuestionScore q : result.improvements()) {
          String heading =
              "  - "
                  + text(q.question().text(), result.scan(), language)
                  + (q.question().tags().containsKey("law")
                      ? " (" + Messages.forLanguage(language).get("card.law") + ")"
                      : "");
          int at = lines.indexOf(heading);
          assertThat(at).as(heading).isNotNegative();
          List<String> shown = new ArrayList<>();
          for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("    "); i++) {
            if (lines.get(i).startsWith("    " + label)) {
              shown.add(lines.get(i).substring(4 + label.length()));
            }
          }
          assertThat(shown)
              .as(who(result) + " / " + q.question().id())
              .containsExactlyElementsOf(
                  Advice.of(q).stream().map(t -> text(t, result.scan(), language)).toList());
        }
      }
    }
  }

  @Test
  void theStudentReportShowsNoAdviceForAStepAlreadyReached() throws IOException {
    for (ScoreResult result : examples()) {
      Scan scan = result.scan();
      String language = scan.defaultLanguage();
      Messages messages = Messages.forLanguage(language);
      String pdf =
          StudentReportTest.text(StudentReport.render(result, null, messages, language).bytes());
      String label = messages.get("report.advice");
      Set<String> shown = new LinkedHashSet<>();
      for (ScoreResult.QuestionScore q : result.improvements()) {
        for (Text advice : Advice.of(q)) {
          String expected = printed(label + " " + text(advice, scan, language));
          assertThat(pdf).as(q.question().id()).contains(expected);
          shown.add(expected);
        }
      }
      for (ScoreResult.QuestionScore q : result.questions()) {
        for (Text advice : reached(q.question(), q.value(), q)) {
          String wrong = printed(label + " " + text(advice, scan, language));
          if (!shown.contains(wrong)) {
            assertThat(pdf).as(who(result) + " / " + q.question().id()).doesNotContain(wrong);
          }
        }
      }
    }
  }

  @Test
  void theClassReportAdvisesFromTheMostCommonAnswerBelowTheMaximum() throws IOException {
    List<ScoreResult> all = examples();
    Scan scan = all.get(0).scan();
    List<Response> responses = new ArrayList<>();
    List<ScoreResult> kept = new ArrayList<>();
    long id = 1;
    for (ScoreResult result : all) {
      if (!result.scan().hash().equals(scan.hash())) {
        continue;
      }
      Answers.Company company = result.answers().company();
      responses.add(
          ClassReportTest.stored(
              id,
              id,
              id,
              company == null ? null : company.name(),
              company == null ? null : company.city(),
              result));
      kept.add(result);
      id++;
    }
    String language = scan.defaultLanguage();
    Messages messages = Messages.forLanguage(language);
    ClassSummary summary =
        Aggregator.classSummary("3A", null, responses, Map.of(scan.hash(), scan), language);
    String pdf =
        StudentReportTest.text(ClassReport.render(summary, false, messages, language).bytes());
    String label = messages.get("report.advice");
    Set<String> allowed = new HashSet<>();
    // every response here is a company of its own, and a company's page rightly shows the advice
    // for its own answer: that text may then appear, whatever the class's common answer is
    for (ScoreResult result : kept) {
      for (ScoreResult.QuestionScore q : result.questions()) {
        Advice.of(q).forEach(t -> allowed.add(printed(label + " " + text(t, scan, language))));
      }
    }
    List<Runnable> checks = new ArrayList<>();
    for (Question question : scan.scoredQuestions()) {
      List<ScoreResult.QuestionScore> scores =
          kept.stream()
              .map(
                  e ->
                      e.questions().stream()
                          .filter(q -> q.question().id().equals(question.id()))
                          .findFirst()
                          .orElseThrow())
              .toList();
      ClassAdvice.CommonAnswer common = ClassAdvice.of(question, scores);
      if (common == null) {
        continue;
      }
      ScoreResult.QuestionScore asScored =
          new ScoreResult.QuestionScore(
              question,
              scores.get(0).status(),
              common.points(),
              question.maximum(),
              common.value());
      Set<Text> reached = reached(question, common.value(), asScored);
      assertThat(common.advice()).as(question.id()).noneMatch(reached::contains);
      common.advice().forEach(t -> allowed.add(printed(label + " " + text(t, scan, language))));
      for (Text t : reached) {
        String wrong = printed(label + " " + text(t, scan, language));
        checks.add(
            () -> {
              if (!allowed.contains(wrong)) {
                assertThat(pdf).as("class / " + question.id()).doesNotContain(wrong);
              }
            });
      }
    }
    assertThat(pdf).contains(label);
    checks.forEach(Runnable::run);
  }

  /**
   * The fixed advice a response is shown beside the per-question advice: the level advice of each
   * theme that counts (§3.2, the entry the PDFs pick) and the advice of the level reached, each
   * with the words of what that response's questions already reached (points above 0): the
   * questions of the theme, or of the whole scan for the level's advice.
   */
  private static Map<String, Set<String>> fixedAdvice(ScoreResult result, String language) {
    Scan scan = result.scan();
    Map<String, Set<String>> shown = new java.util.LinkedHashMap<>();
    Set<String> everywhere = new HashSet<>();
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      Set<String> reachedHere = new HashSet<>();
      for (ScoreResult.QuestionScore q : result.questions()) {
        if (theme.theme().id().equals(q.question().themeId())
            && q.points() != null
            && q.points().signum() > 0) {
          reachedHere.addAll(StepWords.asked(q.question(), language, scan.defaultLanguage()));
        }
      }
      everywhere.addAll(reachedHere);
      nl.mvoscan.scan.Level level = Format.adviceLevel(scan, theme.theme(), theme.figures());
      if (level != null) {
        shown.put(text(theme.theme().levelAdvice().get(level.id()), scan, language), reachedHere);
      }
    }
    nl.mvoscan.scan.Level level = result.overall().level();
    if (level != null && level.advice() != null) {
      shown.put(text(level.advice(), scan, language), everywhere);
    }
    return shown;
  }

  /**
   * Every output of one response — the scorecard of {@code score} and {@code take}, {@code score
   * --json}, the student's PDF and the company's PDF, in every language of the scan — shows no
   * advice for a step its answer reached: no reached step's own advice text, and no theme or level
   * advice that names what a reached question asks. Over every example and every question.
   */
  @Test
  void noOutputOfAnyExampleAdvisesAReachedStepPerQuestionPerThemeOrPerLevel() throws IOException {
    int fixedShown = 0;
    for (ScoreResult result : examples()) {
      Scan scan = result.scan();
      for (String language : scan.languages()) {
        Messages messages = Messages.forLanguage(language);
        Set<String> allowed = new HashSet<>();
        Set<String> wrong = new LinkedHashSet<>();
        for (ScoreResult.QuestionScore q : result.questions()) {
          Advice.of(q).forEach(t -> allowed.add(printed(text(t, scan, language))));
        }
        for (ScoreResult.QuestionScore q : result.questions()) {
          for (Text t : reached(q.question(), q.value(), q)) {
            String printed = printed(text(t, scan, language));
            if (!allowed.contains(printed)) {
              wrong.add(printed);
            }
          }
        }
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("scorecard", printed(Scorecard.render(result, messages, language)));
        outputs.put(
            "score --json", printed(nl.mvoscan.report.ResultJson.of(result, messages).toString()));
        for (StudentReport.Audience audience : StudentReport.Audience.values()) {
          outputs.put(
              audience.name().toLowerCase(Locale.ROOT) + " PDF",
              StudentReportTest.text(
                      StudentReport.render(result, null, messages, language, audience).bytes())
                  .strip());
        }
        Map<String, Set<String>> fixed = fixedAdvice(result, language);
        outputs.forEach(
            (output, shown) -> {
              String where = who(result) + " / " + language + " / " + output;
              for (String text : wrong) {
                assertThat(shown).as(where).doesNotContain(text);
              }
              fixed.forEach(
                  (text, reachedWords) -> {
                    if (shown.contains(printed(text))) {
                      assertThat(StepWords.shared(text, reachedWords))
                          .as(where + ": " + text)
                          .isEmpty();
                    }
                  });
            });
        for (String text : fixed.keySet()) {
          if (outputs.get("student PDF").contains(printed(text))) {
            fixedShown++;
          }
        }
      }
    }
    assertThat(fixedShown).as("theme and level advice shown in the PDFs").isGreaterThan(20);
  }

  /** The class report shows no fixed theme or level advice: its advice follows the class. */
  @Test
  void theClassReportShowsNoFixedThemeOrLevelAdvice() throws IOException {
    List<ScoreResult> all = examples();
    Scan scan = all.get(0).scan();
    List<Response> responses = new ArrayList<>();
    long id = 1;
    for (ScoreResult result : all) {
      if (result.scan().hash().equals(scan.hash())) {
        responses.add(ClassReportTest.stored(id, id, id, "Bedrijf " + id, "Emmen", result));
        id++;
      }
    }
    String language = scan.defaultLanguage();
    String pdf =
        StudentReportTest.text(
            ClassReport.render(
                    Aggregator.classSummary(
                        "3A", null, responses, Map.of(scan.hash(), scan), language),
                    false,
                    Messages.forLanguage(language),
                    language)
                .bytes());
    for (nl.mvoscan.scan.Theme theme : scan.themes()) {
      theme
          .levelAdvice()
          .values()
          .forEach(t -> assertThat(pdf).doesNotContain(printed(text(t, scan, language))));
    }
    for (nl.mvoscan.scan.Level level : scan.levels()) {
      if (level.advice() != null) {
        assertThat(pdf).doesNotContain(printed(text(level.advice(), scan, language)));
      }
    }
  }

  /** Who answered, for messages; an example may leave the respondent out. */
  private static String who(ScoreResult result) {
    Answers.Respondent respondent = result.answers().respondent();
    Answers.Company company = result.answers().company();
    return (respondent == null ? "?" : respondent.name())
        + " @ "
        + (company == null ? "?" : company.name());
  }

  private static String text(Text text, Scan scan, String language) {
    return text.in(language, scan.defaultLanguage());
  }

  /** As the PDF prints it: the font's substitutions, whitespace runs as one space. */
  private static String printed(String text) {
    return Fonts.printable(text).replaceAll("\\s+", " ").strip();
  }

  static {
    if (!Files.isDirectory(EXAMPLES)) {
      throw new UncheckedIOException(new IOException("run from the project folder: no examples/"));
    }
  }
}
