package nl.mvoscan.aggregate;

import java.util.List;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Rational;

/**
 * Every figure of one group of responses that share one scan (one scan hash).
 *
 * @param key what the group has in common (class, company key, sector, school year; {@code all} for
 *     the whole selection); {@code null} for the responses that lack it (no class, no company, …)
 * @param label how to show the key: the stored company name, the sector's option label; {@code
 *     null} with the key
 */
public record GroupSummary(
    String key,
    String label,
    int n,
    ScoreSummary overall,
    ScoreSummary grade,
    List<ThemeSummary> themes,
    List<LevelCount> levels,
    List<QuestionDistribution> questions,
    List<Improvement> improvements,
    List<CompanyAgreement> agreement,
    List<CompanyTrend> trend) {

  /** Statistics over the scored responses; the others are only counted. */
  public record ScoreSummary(
      int scored, int insufficient, int notApplicable, Statistics statistics) {}

  public record ThemeSummary(Theme theme, ScoreSummary summary) {}

  /**
   * How many responses reached a level, and that share of the group's responses (0..1); {@code
   * level} is {@code null} for "no level" (no overall score).
   */
  public record LevelCount(Level level, int count, Rational share) {}

  /**
   * What the group answered to one scored question. The statuses add up to n; options count the
   * visible answers that chose them (in a multi answer every chosen option counts once).
   */
  public record QuestionDistribution(
      Question question,
      int answered,
      int na,
      int unknown,
      int missing,
      int hidden,
      List<OptionCount> options) {}

  public record OptionCount(Option option, int count) {}

  /**
   * Improvement potential of a question: the sum of w·(M − p)/M over the responses where it is
   * resolved, and that sum divided by how many responses resolved it.
   *
   * @param below how many of those responses earned less than the maximum
   * @param meanPoints the mean of the points earned where it is resolved
   * @param common the group's most common answer below the maximum and the advice that follows it
   */
  public record Improvement(
      Question question,
      int resolved,
      Rational sum,
      Rational mean,
      int below,
      Rational meanPoints,
      ClassAdvice.CommonAnswer common) {}

  /**
   * How much the students who scanned one company in one school year agree.
   *
   * @param meanAgreement the mean of the questions' agreement, over questions answered by at least
   *     two of them
   * @param unanimous how many of those questions all of them answered the same
   * @param overall statistics of their scored overall scores (spread = max − min)
   */
  public record CompanyAgreement(
      String companyKey,
      String companyName,
      String schoolYear,
      int n,
      Statistics overall,
      int compared,
      int unanimous,
      Rational meanAgreement,
      List<QuestionAgreement> questions) {

    /** max − min of the scored overall scores; {@code null} with fewer than two. */
    public Rational spread() {
      return overall.n() < 2 ? null : overall.max().minus(overall.min());
    }

    /**
     * The questions on which these students did not all give the same answer (answered by at least
     * two, agreement below 100%), least agreement first, ties in the scan's order: what a teacher
     * checks with them. Every such question, not only the first few.
     */
    public List<QuestionAgreement> disagreements() {
      return questions.stream()
          .filter(q -> q.agreement() != null && q.agreeing() < q.answered())
          .sorted(java.util.Comparator.comparing(QuestionAgreement::agreement))
          .toList();
    }
  }

  /**
   * One question for one company: how many students gave a visible answer, how many gave the most
   * common one, and that share ({@code null} when fewer than two answered).
   */
  public record QuestionAgreement(
      Question question,
      int answered,
      int agreeing,
      Rational agreement,
      List<AnswerCount> answers) {}

  /** One distinct answer: option ids (one for a choice, the sorted selection for a multi). */
  public record AnswerCount(List<String> answer, int count) {}

  /** A company scanned in several school years: the mean overall score per year, oldest first. */
  public record CompanyTrend(String companyKey, String companyName, List<YearMean> years) {

    /**
     * Mean of the last year minus mean of the first; {@code null} when either has no scored
     * response.
     */
    public Rational change() {
      Rational first = years.get(0).statistics().mean();
      Rational last = years.get(years.size() - 1).statistics().mean();
      return first == null || last == null ? null : last.minus(first);
    }
  }

  public record YearMean(String schoolYear, int n, Statistics statistics) {}
}
