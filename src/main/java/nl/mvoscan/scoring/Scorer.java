package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scan.Visibility;

/** Scores one validated response exactly as the contract (§5) prescribes. */
public final class Scorer {

  private Scorer() {}

  public static ScoreResult score(Scan scan, Answers answers) {
    return score(scan, answers, true);
  }

  /**
   * {@link #score(Scan, Answers)} for a caller that has already asked {@link Visibility#hidden}
   * about these answers (an import reading a class CSV): the conditions are not evaluated twice.
   *
   * @param hidden exactly {@code Visibility.hidden(scan, answers.answers())}
   */
  public static ScoreResult score(Scan scan, Answers answers, Set<String> hidden) {
    return score(scan, answers, hidden, true);
  }

  /**
   * @param lean whether the sums may be taken in whole numbers ({@link ScanPlan}); {@code false}
   *     takes every step in {@link Rational}, the reference the tests compare the lean path to
   */
  static ScoreResult score(Scan scan, Answers answers, boolean lean) {
    return score(scan, answers, Visibility.hidden(scan, answers.answers()), lean);
  }

  private static ScoreResult score(Scan scan, Answers answers, Set<String> hidden, boolean lean) {
    ScanPlan plan = ScanPlan.of(scan);
    List<ScoreResult.HiddenAnswer> hiddenAnswers = new ArrayList<>();
    List<ScoreResult.QuestionScore> scored = new ArrayList<>();
    Map<String, List<ScoreResult.QuestionScore>> byTheme = new LinkedHashMap<>();

    for (Question question : plan.questions) {
      Answers.Answer answer = answers.answers().get(question.id());
      AnswerValue value = answer == null ? null : answer.value();
      boolean visible = !hidden.contains(question.id());
      if (!visible && value != null) {
        hiddenAnswers.add(new ScoreResult.HiddenAnswer(question, value));
      }
      if (question.scored()) {
        ScoreResult.QuestionScore qs = questionScore(plan, question, visible, value);
        scored.add(qs);
        byTheme.computeIfAbsent(question.themeId(), k -> new ArrayList<>()).add(qs);
      }
    }

    List<ScoreResult.ThemeScore> themes = new ArrayList<>();
    for (Theme theme : scan.themes()) {
      List<ScoreResult.QuestionScore> questions = byTheme.getOrDefault(theme.id(), List.of());
      themes.add(themeScore(theme, questions, plan, lean));
    }

    ScoreResult.Overall overall = overall(scan, themes);
    return new ScoreResult(
        scan,
        answers,
        overall,
        List.copyOf(themes),
        List.copyOf(scored),
        lenses(scored, plan, lean),
        strengths(scored),
        improvements(scored, plan, lean),
        scored.stream()
            .filter(q -> q.status() == Status.UNKNOWN || q.status() == Status.MISSING)
            .toList(),
        List.copyOf(hiddenAnswers));
  }

  private static ScoreResult.QuestionScore questionScore(
      ScanPlan plan, Question question, boolean visible, AnswerValue value) {
    BigDecimal max = plan.maximum(question);
    if (!visible) {
      return new ScoreResult.QuestionScore(question, Status.HIDDEN, null, max, value);
    }
    if (value == null) {
      return new ScoreResult.QuestionScore(question, Status.MISSING, null, max, null);
    }
    boolean na = false;
    boolean unknown = false;
    BigDecimal earned = BigDecimal.ZERO;
    for (String id : value.optionIds()) {
      Option option = plan.option(question, id);
      if (option == null) {
        continue;
      }
      if (option.na()) {
        na = true;
      } else if (option.unknown()) {
        unknown = true;
      } else {
        earned = earned.add(option.points());
      }
    }
    if (na) {
      return new ScoreResult.QuestionScore(question, Status.NA, null, max, value);
    }
    if (unknown) {
      BigDecimal points = plan.scan.unknownCountsAsZero() ? BigDecimal.ZERO : null;
      return new ScoreResult.QuestionScore(question, Status.UNKNOWN, points, max, value);
    }
    if (question.type() == QuestionType.MULTI) {
      earned = earned.min(max);
    }
    return new ScoreResult.QuestionScore(question, Status.ANSWERED, earned, max, value);
  }

  private static ScoreResult.ThemeScore themeScore(
      Theme theme, List<ScoreResult.QuestionScore> questions, ScanPlan plan, boolean lean) {
    Sums sums = lean ? sums(questions, plan) : null;
    if (sums != null) {
      long units = plan.weightScale * plan.pointScale;
      return new ScoreResult.ThemeScore(
          theme,
          figures(sums, plan),
          Rational.of(sums.earned, units),
          Rational.of(sums.possible, units));
    }
    Rational earned = Rational.ZERO;
    Rational possible = Rational.ZERO;
    for (ScoreResult.QuestionScore q : questions) {
      if (q.resolved()) {
        Rational w = Rational.of(q.question().weight());
        earned = earned.plus(w.times(Rational.of(q.points())));
        possible = possible.plus(w.times(Rational.of(q.max())));
      }
    }
    return new ScoreResult.ThemeScore(theme, figures(questions, plan.scan), earned, possible);
  }

  /**
   * The sums of §5 and §8.2 over a group, in whole units of the scan's plan: A, R and N in units of
   * 1/W, Σw·p and Σw·M over resolved questions in units of 1/(W·P).
   */
  private record Sums(long applicable, long resolved, long na, long earned, long possible) {}

  /** The sums in whole numbers, or {@code null} when they do not fit in a long. */
  private static Sums sums(List<ScoreResult.QuestionScore> questions, ScanPlan plan) {
    if (!plan.whole) {
      return null;
    }
    long applicable = 0;
    long resolved = 0;
    long na = 0;
    long earned = 0;
    long possible = 0;
    try {
      for (ScoreResult.QuestionScore q : questions) {
        long w = plan.weightUnits(q.question().weight());
        Status status = q.status();
        if (status == Status.ANSWERED || status == Status.UNKNOWN || status == Status.MISSING) {
          applicable = Math.addExact(applicable, w);
        }
        if (status == Status.NA) {
          na = Math.addExact(na, w);
        }
        if (q.resolved()) {
          resolved = Math.addExact(resolved, w);
          earned = Math.addExact(earned, Math.multiplyExact(w, plan.pointUnits(q.points())));
          possible = Math.addExact(possible, Math.multiplyExact(w, plan.pointUnits(q.max())));
        }
      }
      // the checks below add A and N and scale Σw·p by 100
      Math.addExact(applicable, na);
      Math.multiplyExact(earned, 100);
    } catch (ArithmeticException overflow) {
      return null;
    }
    return new Sums(applicable, resolved, na, earned, possible);
  }

  /** {@link #figures(List, Scan)} from whole-number sums: the same decisions, one fraction each. */
  private static ScoreResult.Figures figures(Sums s, ScanPlan plan) {
    Rational applicable = Rational.of(s.applicable, plan.weightScale);
    Rational resolved = Rational.of(s.resolved, plan.weightScale);
    Rational na = Rational.of(s.na, plan.weightScale);
    Rational coverage = s.applicable == 0 ? null : Rational.of(s.resolved, s.applicable);
    if (plan.maxNa != null
        && s.na > 0
        && Rational.of(s.na, s.applicable + s.na).compareTo(plan.maxNa) > 0) {
      return new ScoreResult.Figures(
          Status.INSUFFICIENT, Reason.NA, null, coverage, applicable, resolved, na);
    }
    if (s.applicable == 0) {
      return new ScoreResult.Figures(
          Status.NOT_APPLICABLE, null, null, null, applicable, resolved, na);
    }
    if (s.resolved == 0 || coverage.compareTo(plan.minCoverage) < 0) {
      return new ScoreResult.Figures(
          Status.INSUFFICIENT, Reason.COVERAGE, null, coverage, applicable, resolved, na);
    }
    Rational score = Rational.of(s.earned * 100, s.possible);
    return new ScoreResult.Figures(Status.SCORED, null, score, coverage, applicable, resolved, na);
  }

  /**
   * Status, coverage and score of any group of scored questions: a theme or a lens (§5, §8.2). The
   * "not applicable" limit is checked first, so a group answered wholly "not applicable" is
   * insufficient under a limit below 1; a group whose questions are all hidden has N = 0 and stays
   * not applicable.
   */
  static ScoreResult.Figures figures(List<ScoreResult.QuestionScore> questions, Scan scan) {
    Rational applicable = Rational.ZERO;
    Rational resolved = Rational.ZERO;
    Rational na = Rational.ZERO;
    Rational earned = Rational.ZERO;
    Rational possible = Rational.ZERO;
    for (ScoreResult.QuestionScore q : questions) {
      Rational w = Rational.of(q.question().weight());
      if (q.status() == Status.ANSWERED
          || q.status() == Status.UNKNOWN
          || q.status() == Status.MISSING) {
        applicable = applicable.plus(w);
      }
      if (q.status() == Status.NA) {
        na = na.plus(w);
      }
      if (q.resolved()) {
        resolved = resolved.plus(w);
        earned = earned.plus(w.times(Rational.of(q.points())));
        possible = possible.plus(w.times(Rational.of(q.max())));
      }
    }
    Rational coverage = applicable.isZero() ? null : resolved.dividedBy(applicable);
    if (scan.maxNa() != null
        && na.signum() > 0
        && na.dividedBy(applicable.plus(na)).compareTo(Rational.of(scan.maxNa())) > 0) {
      return new ScoreResult.Figures(
          Status.INSUFFICIENT, Reason.NA, null, coverage, applicable, resolved, na);
    }
    if (applicable.isZero()) {
      return new ScoreResult.Figures(
          Status.NOT_APPLICABLE, null, null, null, applicable, resolved, na);
    }
    if (resolved.isZero() || coverage.compareTo(Rational.of(scan.minCoverage())) < 0) {
      return new ScoreResult.Figures(
          Status.INSUFFICIENT, Reason.COVERAGE, null, coverage, applicable, resolved, na);
    }
    Rational score = Rational.HUNDRED.times(earned).dividedBy(possible);
    return new ScoreResult.Figures(Status.SCORED, null, score, coverage, applicable, resolved, na);
  }

  private static ScoreResult.Overall overall(Scan scan, List<ScoreResult.ThemeScore> themes) {
    Rational applicable = Rational.ZERO;
    Rational resolved = Rational.ZERO;
    Rational na = Rational.ZERO;
    Rational weighted = Rational.ZERO;
    Rational weights = Rational.ZERO;
    boolean anyInsufficient = false;
    boolean anyScored = false;
    for (ScoreResult.ThemeScore t : themes) {
      ScoreResult.Figures f = t.figures();
      applicable = applicable.plus(f.applicableWeight());
      resolved = resolved.plus(f.resolvedWeight());
      na = na.plus(f.naWeight());
      if (f.status() == Status.INSUFFICIENT) {
        anyInsufficient = true;
      } else if (f.status() == Status.SCORED) {
        anyScored = true;
        Rational w = Rational.of(t.theme().weight());
        weighted = weighted.plus(w.times(f.score()));
        weights = weights.plus(w);
      }
    }
    Rational coverage = applicable.isZero() ? null : resolved.dividedBy(applicable);
    if (anyInsufficient || !anyScored) {
      Status status = anyInsufficient ? Status.INSUFFICIENT : Status.NOT_APPLICABLE;
      return new ScoreResult.Overall(
          new ScoreResult.Figures(status, null, null, coverage, applicable, resolved, na),
          null,
          null,
          null);
    }
    Rational score = weighted.dividedBy(weights);
    Rational grade =
        Rational.of(BigDecimal.ONE)
            .plus(Rational.of(BigDecimal.valueOf(9)).times(score).dividedBy(Rational.HUNDRED));
    ScoreResult.Figures figures =
        new ScoreResult.Figures(Status.SCORED, null, score, coverage, applicable, resolved, na);
    Level reached = null;
    Level heldBack = null;
    for (Level level : scan.levels()) {
      if (!meetsScores(level, figures.roundedScore(), themes)) {
        break;
      }
      if (level.minCoverage() != null && coverage.compareTo(Rational.of(level.minCoverage())) < 0) {
        heldBack = level;
        break;
      }
      reached = level;
    }
    return new ScoreResult.Overall(figures, grade, reached, heldBack);
  }

  /**
   * Whether a level's demands on the rounded scores hold (§3.5). Levels are cumulative, so the
   * caller walks them in order and stops at the first that fails; its {@code minCoverage} (§8.3) is
   * compared with the unrounded overall coverage there: a level asking 0.9 is not reached at
   * 0.8996, although that prints as 90.0.
   */
  private static boolean meetsScores(
      Level level, BigDecimal overall, List<ScoreResult.ThemeScore> themes) {
    if (level.min().compareTo(overall) > 0) {
      return false;
    }
    if (level.minTheme() != null) {
      for (ScoreResult.ThemeScore t : themes) {
        if (t.figures().status() == Status.SCORED
            && t.figures().roundedScore().compareTo(level.minTheme()) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<ScoreResult.LensScore> lenses(
      List<ScoreResult.QuestionScore> scored, ScanPlan plan, boolean lean) {
    List<ScoreResult.LensScore> lenses = new ArrayList<>(plan.lenses.size());
    for (ScanPlan.Lens lens : plan.lenses) {
      List<ScoreResult.QuestionScore> questions = new Members(scored, lens.members());
      Sums sums = lean ? sums(questions, plan) : null;
      ScoreResult.Figures figures =
          sums != null ? figures(sums, plan) : figures(questions, plan.scan);
      lenses.add(new ScoreResult.LensScore(lens.key(), lens.value(), figures));
    }
    return List.copyOf(lenses);
  }

  /** The questions of a lens, as a view of the scored ones. */
  private static final class Members extends AbstractList<ScoreResult.QuestionScore>
      implements RandomAccess {
    private final List<ScoreResult.QuestionScore> scored;
    private final int[] members;

    Members(List<ScoreResult.QuestionScore> scored, int[] members) {
      this.scored = scored;
      this.members = members;
    }

    @Override
    public ScoreResult.QuestionScore get(int index) {
      return scored.get(members[index]);
    }

    @Override
    public int size() {
      return members.length;
    }
  }

  private static List<ScoreResult.QuestionScore> strengths(List<ScoreResult.QuestionScore> scored) {
    return scored.stream()
        .filter(q -> q.status() == Status.ANSWERED && q.points().compareTo(q.max()) == 0)
        .sorted(
            Comparator.comparing((ScoreResult.QuestionScore q) -> q.question().weight()).reversed())
        .limit(3)
        .toList();
  }

  private static List<ScoreResult.QuestionScore> improvements(
      List<ScoreResult.QuestionScore> scored, ScanPlan plan, boolean lean) {
    // each potential once, not twice in every comparison of the sort
    record Ranked(ScoreResult.QuestionScore question, Rational potential) {}
    return scored.stream()
        .filter(q -> q.resolved() && q.points().compareTo(q.max()) < 0)
        .map(q -> new Ranked(q, lean ? potential(q, plan) : q.potential()))
        .sorted(Comparator.comparing(Ranked::potential).reversed())
        .limit(3)
        .map(Ranked::question)
        .toList();
  }

  /** w·(M−p)/M as {@link ScoreResult.QuestionScore#potential}, in whole units where they fit. */
  private static Rational potential(ScoreResult.QuestionScore q, ScanPlan plan) {
    if (plan.whole) {
      try {
        long w = plan.weightUnits(q.question().weight());
        long m = plan.pointUnits(q.max());
        long p = plan.pointUnits(q.points());
        return Rational.of(Math.multiplyExact(w, m - p), Math.multiplyExact(plan.weightScale, m));
      } catch (ArithmeticException overflow) {
        // exact below
      }
    }
    return q.potential();
  }
}
