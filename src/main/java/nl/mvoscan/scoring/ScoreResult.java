package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.util.List;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;

/**
 * Everything the contract (§5–6) asks to report for one response. Exact values are kept as {@link
 * Rational}; the {@code rounded*} accessors give the one-decimal figures users see.
 */
public record ScoreResult(
    Scan scan,
    Answers answers,
    Overall overall,
    List<ThemeScore> themes,
    List<QuestionScore> questions,
    List<LensScore> lenses,
    List<QuestionScore> strengths,
    List<QuestionScore> improvements,
    List<QuestionScore> gaps,
    List<HiddenAnswer> hiddenAnswers) {

  /**
   * The themes a score table shows: those with a scored question. {@link #themes()} keeps every
   * theme, as {@code score --json} must (§6).
   */
  public List<ThemeScore> countingThemes() {
    return themes.stream().filter(t -> t.theme().counts()).toList();
  }

  /**
   * Status, exact score and coverage of a group of questions (a theme, a lens or the whole).
   *
   * @param reason why the group is {@code insufficient}; {@code null} for every other status and
   *     for the overall result
   * @param naWeight N: the weight of its visible questions answered "not applicable"
   */
  public record Figures(
      Status status,
      Reason reason,
      Rational score,
      Rational coverage,
      Rational applicableWeight,
      Rational resolvedWeight,
      Rational naWeight) {
    public BigDecimal roundedScore() {
      return score == null ? null : score.round(1);
    }

    public BigDecimal roundedCoverage() {
      return coverage == null ? null : coverage.times(Rational.HUNDRED).round(1);
    }
  }

  /**
   * @param heldBackByCoverage the level just above {@code level} when only its {@code minCoverage}
   *     keeps the response from it (§8.3), so a report can say that answering more questions is
   *     what it takes; {@code null} otherwise
   */
  public record Overall(Figures figures, Rational grade, Level level, Level heldBackByCoverage) {
    public BigDecimal roundedGrade() {
      return grade == null ? null : grade.round(1);
    }
  }

  public record ThemeScore(
      Theme theme, Figures figures, Rational earnedWeighted, Rational maxWeighted) {}

  public record LensScore(String key, String value, Figures figures) {}

  /**
   * @param points earned points: for answered questions, and 0 for unknown ones under "zero";
   *     {@code null} otherwise
   * @param value the answer as given, also for hidden questions ({@code null} when unanswered)
   */
  public record QuestionScore(
      Question question, Status status, BigDecimal points, BigDecimal max, AnswerValue value) {
    public boolean resolved() {
      return points != null;
    }

    /** w·(M−p)/M: how much a question holds its theme back, the contract's improvement order. */
    public Rational potential() {
      Rational m = Rational.of(max);
      return Rational.of(question.weight()).times(m.minus(Rational.of(points))).dividedBy(m);
    }
  }

  /**
   * An answer given to a question whose condition hid it: kept, never scored, always warned about.
   */
  public record HiddenAnswer(Question question, AnswerValue value) {}
}
