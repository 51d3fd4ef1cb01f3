package nl.mvoscan.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import org.junit.jupiter.api.Test;

/**
 * The whole-number sums of the scorer give exactly what the same steps in {@link Rational} give: on
 * every golden and bundled scan and on scans whose weights are too fine or too large for longs, for
 * thousands of random responses.
 */
class LeanScoringTest {

  private static Scan load(Path file) throws IOException {
    ScanLoader.Result result =
        ScanLoader.load(
            file, JsonReader.parse(file.toString(), Files.readAllBytes(file)), Locale.ROOT);
    assertThat(result.problems()).as(file.toString()).isEmpty();
    return result.scan();
  }

  private static Scan scan(String json) {
    ScanLoader.Result result =
        ScanLoader.load(Path.of("test.json"), JsonReader.parse("test.json", json), Locale.ROOT);
    assertThat(result.problems()).isEmpty();
    return result.scan();
  }

  /** A response as a validated answers file could hold it: every kind of answer, often missing. */
  private static Answers randomAnswers(Scan scan, Random random) {
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    for (Question question : scan.questions()) {
      if (random.nextInt(8) == 0) {
        continue;
      }
      AnswerValue value =
          switch (question.type()) {
            case CHOICE -> {
              List<Option> options = question.options();
              yield AnswerValue.choice(options.get(random.nextInt(options.size())).id());
            }
            case MULTI -> {
              List<Option> options = question.options();
              List<Option> exclusive = options.stream().filter(Option::isExclusive).toList();
              if (!exclusive.isEmpty() && random.nextInt(4) == 0) {
                yield AnswerValue.multi(
                    List.of(exclusive.get(random.nextInt(exclusive.size())).id()));
              }
              List<String> ids = new ArrayList<>();
              for (Option option : options) {
                if (!option.isExclusive() && random.nextBoolean()) {
                  ids.add(option.id());
                }
              }
              yield AnswerValue.multi(ids);
            }
            case NUMBER -> {
              BigDecimal min = question.min() == null ? BigDecimal.ZERO : question.min();
              yield AnswerValue.number(min.add(BigDecimal.valueOf(random.nextInt(120))));
            }
            case TEXT -> AnswerValue.text("tekst");
          };
      if (question.type() == QuestionType.NUMBER
          && question.max() != null
          && ((AnswerValue.Number) value).value().compareTo(question.max()) > 0) {
        value = AnswerValue.number(question.max());
      }
      answers.put(question.id(), new Answers.Answer(question.id(), value, null, null));
    }
    return new Answers(scan.id(), scan.version(), null, null, null, null, answers);
  }

  private static void leanEqualsExact(Scan scan, int responses, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < responses; i++) {
      Answers answers = randomAnswers(scan, random);
      ScoreResult lean = Scorer.score(scan, answers, true);
      ScoreResult exact = Scorer.score(scan, answers, false);
      assertThat(lean.overall()).as(scan.id() + " #" + i).isEqualTo(exact.overall());
      assertThat(lean.themes()).isEqualTo(exact.themes());
      assertThat(lean.lenses()).isEqualTo(exact.lenses());
      assertThat(lean.questions()).isEqualTo(exact.questions());
      assertThat(lean.improvements()).isEqualTo(exact.improvements());
      assertThat(lean.strengths()).isEqualTo(exact.strengths());
      assertThat(lean.gaps()).isEqualTo(exact.gaps());
      assertThat(lean).isEqualTo(exact);
    }
  }

  @Test
  void everyGoldenAndBundledScanScoresTheSameInWholeNumbersAsInFractions() throws IOException {
    List<Path> scans = new ArrayList<>();
    try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
      golden
          .map(dir -> dir.resolve("scan.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(scans::add);
    }
    try (Stream<Path> bundled = Files.list(Path.of("scans"))) {
      bundled.filter(f -> f.toString().endsWith(".json")).sorted().forEach(scans::add);
    }
    assertThat(scans).hasSizeGreaterThan(10);
    long seed = 14;
    for (Path file : scans) {
      leanEqualsExact(load(file), 300, seed++);
    }
  }

  private static String scanWith(String weight, String points, String extra) {
    return """
        {"format": "mvoscan-scan/1", "id": "fijn", "version": "1", "languages": ["nl"],
         "title": "Fijn", %s
         "themes": [
           {"id": "a", "title": "A", "weight": %s, "questions": [
             {"id": "q1", "type": "choice", "text": "Q1", "weight": %s,
              "tags": {"sdg": ["1", "2"]},
              "options": [{"id": "x", "label": "X", "points": %s}, {"id": "y", "label": "Y", "points": 0},
                          {"id": "n", "label": "N", "na": true}, {"id": "u", "label": "U", "unknown": true}]},
             {"id": "q2", "type": "multi", "text": "Q2", "weight": 0.3, "maxPoints": %s,
              "tags": {"sdg": ["2"]},
              "options": [{"id": "x", "label": "X", "points": %s}, {"id": "y", "label": "Y", "points": 1.25},
                          {"id": "g", "label": "G", "points": 0, "exclusive": true},
                          {"id": "u", "label": "U", "unknown": true}]},
             {"id": "q3", "type": "choice", "text": "Q3",
              "options": [{"id": "x", "label": "X", "points": 3}, {"id": "y", "label": "Y", "points": 0.5},
                          {"id": "n", "label": "N", "na": true}]}]},
           {"id": "b", "title": "B", "weight": 2.5, "questions": [
             {"id": "q4", "type": "choice", "text": "Q4", "weight": %s, "tags": {"sdg": ["1"]},
              "options": [{"id": "x", "label": "X", "points": %s}, {"id": "y", "label": "Y", "points": 0.75}]}]}],
         "levels": [{"id": "s", "min": 0, "label": "S"},
                    {"id": "g", "min": 40, "minCoverage": 0.6, "label": "G"},
                    {"id": "k", "min": 70, "minTheme": 50, "label": "K"}]}
        """
        .formatted(extra, weight, weight, points, points, points, weight, points);
  }

  @Test
  void oddDecimalsALimitOnNotApplicableAndUnknownAsZeroScoreTheSameInWholeNumbers() {
    leanEqualsExact(
        scan(
            scanWith(
                "1.125",
                "2.5",
                "\"scoring\": {\"minCoverage\": 0.55, \"maxNa\": 0.3, \"unknown\": \"zero\"},")),
        2000,
        1);
    leanEqualsExact(scan(scanWith("0.7", "0.001", "")), 2000, 2);
  }

  @Test
  void weightsTooLargeOrTooFineForLongsFallBackToFractionsWithTheSameResult() {
    // w·p beyond a long: every sum overflows and is taken in fractions
    leanEqualsExact(scan(scanWith("900000000000000", "100000", "")), 500, 3);
    // 10^19 is no long: no whole units at all
    leanEqualsExact(scan(scanWith("1.0000000000000000001", "1", "")), 500, 4);
    leanEqualsExact(scan(scanWith("3", "1.0000000000000000001", "")), 500, 5);
  }
}
