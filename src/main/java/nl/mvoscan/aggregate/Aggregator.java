package nl.mvoscan.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Status;

/**
 * Aggregates stored responses per scan hash and per group, from the figures import stored: the
 * one-decimal overall and theme scores, and each scored question's status (answered, n.v.t., don't
 * know, missing, hidden) and points. Nothing is scored again.
 */
public final class Aggregator {

  /** How many questions the improvement list holds. */
  public static final int IMPROVEMENTS = 5;

  /** The profile question whose answer decides a response's sector, when the scan has it. */
  public static final String SECTOR_QUESTION = "sector";

  private Aggregator() {}

  /** A response together with every scored question's stored status, points and answer. */
  private record Scored(
      Response response,
      Map<String, ScoreResult.QuestionScore> questions,
      String sector,
      String sectorLabel) {}

  /**
   * @param scans the scan of every hash that occurs in {@code responses}
   * @param language the language of labels (sector option labels), falling back to the scan's
   *     default
   */
  public static Aggregate aggregate(
      List<Response> responses, Map<String, Scan> scans, Grouping by, String language) {
    Map<String, List<Response>> byHash = new LinkedHashMap<>();
    responses.forEach(r -> byHash.computeIfAbsent(r.scanHash(), h -> new ArrayList<>()).add(r));
    List<Aggregate.Pool> pools = new ArrayList<>();
    byHash.forEach(
        (hash, pooled) -> {
          Scan scan = scans.get(hash);
          if (scan == null) {
            throw new IllegalArgumentException("no scan for hash " + hash);
          }
          pools.add(pool(scan, pooled, by, language));
        });
    pools.sort(
        Comparator.comparingInt(Aggregate.Pool::n)
            .reversed()
            .thenComparing(p -> p.scan().id())
            .thenComparing(p -> p.scan().version())
            .thenComparing(p -> p.scan().hash()));
    return new Aggregate(by, responses.size(), List.copyOf(pools));
  }

  /**
   * Every figure of a class report, from the class's stored responses (to any scan; the report
   * takes the main one).
   *
   * @param className the class as asked for, used when no response names one
   * @param schoolYear the school year asked for, {@code null} for all
   * @param responses the class's responses in database id order; at least one
   * @param scans the scan of every hash that occurs in {@code responses}
   */
  public static ClassSummary classSummary(
      String className,
      String schoolYear,
      List<Response> responses,
      Map<String, Scan> scans,
      String language) {
    if (responses.isEmpty()) {
      throw new IllegalArgumentException("a class summary needs at least one response");
    }
    String hash = mainScanHash(responses);
    Scan scan = scans.get(hash);
    List<Response> main = responses.stream().filter(r -> r.scanHash().equals(hash)).toList();
    GroupSummary whole = pool(scan, main, Grouping.ALL, language).groups().get(0);
    List<GroupSummary> companies = pool(scan, main, Grouping.COMPANY, language).groups();
    Set<String> students = new HashSet<>();
    TreeSet<String> years = new TreeSet<>();
    for (Response r : main) {
      students.add(r.respondentId() == null ? "r" + r.id() : "p" + r.respondentId());
      if (r.schoolYear() != null) {
        years.add(r.schoolYear());
      }
    }
    String stored = responses.get(0).className();
    return new ClassSummary(
        stored == null ? className : stored.trim(),
        schoolYear,
        scan,
        responses.size() - main.size(),
        whole,
        companies,
        main,
        students.size(),
        main.stream()
            .map(Response::date)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null),
        main.stream()
            .map(Response::date)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null),
        List.copyOf(years));
  }

  /**
   * The scan hash most of {@code responses} were scored on; on a tie the one of the earliest of
   * them.
   */
  public static String mainScanHash(List<Response> responses) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    responses.forEach(r -> counts.merge(r.scanHash(), 1, Integer::sum));
    String best = null;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      if (best == null || count.getValue() > counts.get(best)) {
        best = count.getKey();
      }
    }
    return best;
  }

  private static Aggregate.Pool pool(
      Scan scan, List<Response> responses, Grouping by, String language) {
    List<Scored> scored = new ArrayList<>();
    for (Response response : responses) {
      scored.add(scored(scan, response, language));
    }
    Map<String, List<Scored>> groups = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    // classes are one group whatever their case ("3a" and "3A"), under the spelling seen first
    Map<String, String> spellings = new HashMap<>();
    for (Scored s : scored) {
      String key = key(s, by);
      if (by == Grouping.CLASS && key != null) {
        key = spellings.computeIfAbsent(fold(key), k -> key(s, by));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      labels.putIfAbsent(key, label(s, by));
    }
    List<String> keys = new ArrayList<>(groups.keySet());
    keys.sort(groupOrder(by, scan, labels));
    List<GroupSummary> summaries = new ArrayList<>();
    for (String key : keys) {
      summaries.add(summarize(scan, key, labels.get(key), groups.get(key)));
    }
    return new Aggregate.Pool(scan, responses.size(), List.copyOf(summaries));
  }

  /**
   * A response with its scored questions as import stored them: status, points and the answer
   * given, so the improvement measure w·(M − p)/M and the distributions need no second scoring.
   */
  private static Scored scored(Scan scan, Response response, String language) {
    Map<String, ScoreResult.QuestionScore> questions = new HashMap<>();
    for (Question question : scan.scoredQuestions()) {
      Response.QuestionFigure stored = response.questions().get(question.id());
      if (stored == null) {
        throw new IllegalArgumentException(
            "response " + response.id() + " has no stored status for question " + question.id());
      }
      questions.put(
          question.id(),
          new ScoreResult.QuestionScore(
              question,
              stored.status(),
              stored.points(),
              question.maximum(),
              response.answers().get(question.id())));
    }

    String sector = null;
    String sectorLabel = null;
    Question sectorQuestion = sectorQuestion(scan);
    AnswerValue answer = response.answers().get(SECTOR_QUESTION);
    boolean hidden = response.hidden().contains(SECTOR_QUESTION);
    if (sectorQuestion != null
        && answer instanceof AnswerValue.Choice choice
        && !hidden
        && sectorQuestion.option(choice.optionId()).isPresent()) {
      sector = choice.optionId();
      sectorLabel =
          sectorQuestion.option(sector).get().label().in(language, scan.defaultLanguage());
    } else if (response.companySector() != null && !response.companySector().isBlank()) {
      sector = response.companySector().trim().toLowerCase(Locale.ROOT);
      sectorLabel =
          sectorQuestion != null && sectorQuestion.option(sector).isPresent()
              ? sectorQuestion.option(sector).get().label().in(language, scan.defaultLanguage())
              : response.companySector().trim();
    }
    return new Scored(response, questions, sector, sectorLabel);
  }

  private static Question sectorQuestion(Scan scan) {
    return scan.profile().stream()
        .filter(q -> q.id().equals(SECTOR_QUESTION) && q.type() == QuestionType.CHOICE)
        .findFirst()
        .orElse(null);
  }

  private static String key(Scored s, Grouping by) {
    Response r = s.response();
    return switch (by) {
      case ALL -> "all";
      case CLASS -> r.className() == null || r.className().isBlank() ? null : r.className().trim();
      case COMPANY -> r.companyKey();
      case SECTOR -> s.sector();
      case SCHOOL_YEAR -> r.schoolYear();
    };
  }

  private static String label(Scored s, Grouping by) {
    return switch (by) {
      case COMPANY -> s.response().companyName();
      case SECTOR -> s.sectorLabel();
      default -> key(s, by);
    };
  }

  /**
   * Groups without the key last; sectors in the scan's option order; companies by name; the rest by
   * key.
   */
  private static Comparator<String> groupOrder(Grouping by, Scan scan, Map<String, String> labels) {
    Comparator<String> byLabel =
        Comparator.comparing((String k) -> fold(labels.get(k)))
            .thenComparing(Comparator.naturalOrder());
    Comparator<String> byKey =
        Comparator.comparing(Aggregator::fold).thenComparing(Comparator.naturalOrder());
    Comparator<String> present =
        switch (by) {
          case COMPANY -> byLabel;
          case SECTOR -> {
            Question sector = sectorQuestion(scan);
            List<String> order =
                sector == null ? List.of() : sector.options().stream().map(Option::id).toList();
            yield Comparator.comparingInt(
                    (String k) -> order.contains(k) ? order.indexOf(k) : order.size())
                .thenComparing(byLabel);
          }
          default -> byKey;
        };
    return Comparator.nullsLast(present);
  }

  private static String fold(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  private static GroupSummary summarize(Scan scan, String key, String label, List<Scored> group) {
    List<Response> responses = group.stream().map(Scored::response).toList();
    GroupSummary.ScoreSummary overall =
        scores(responses.stream().map(r -> new Response.Figure(r.status(), r.score())).toList());
    GroupSummary.ScoreSummary grade =
        scores(responses.stream().map(r -> new Response.Figure(r.status(), r.grade())).toList());
    List<GroupSummary.ThemeSummary> themes = new ArrayList<>();
    // a block of unscored questions (the VSME key figures) has no theme score to sum up
    for (Theme theme : scan.themes().stream().filter(Theme::counts).toList()) {
      themes.add(
          new GroupSummary.ThemeSummary(
              theme,
              scores(
                  responses.stream()
                      .map(r -> r.themes().get(theme.id()))
                      .filter(Objects::nonNull)
                      .toList())));
    }
    return new GroupSummary(
        key,
        label,
        group.size(),
        overall,
        grade,
        List.copyOf(themes),
        levels(scan, responses),
        distributions(scan, group),
        improvements(scan, group),
        agreement(scan, group),
        trend(group));
  }

  static GroupSummary.ScoreSummary scores(Collection<Response.Figure> figures) {
    List<Rational> values = new ArrayList<>();
    int insufficient = 0;
    int notApplicable = 0;
    for (Response.Figure figure : figures) {
      if (figure.status() == Status.SCORED && figure.score() != null) {
        values.add(Rational.of(figure.score()));
      } else if (figure.status() == Status.NOT_APPLICABLE) {
        notApplicable++;
      } else {
        insufficient++;
      }
    }
    return new GroupSummary.ScoreSummary(
        values.size(), insufficient, notApplicable, Statistics.of(values));
  }

  private static List<GroupSummary.LevelCount> levels(Scan scan, List<Response> responses) {
    List<GroupSummary.LevelCount> counts = new ArrayList<>();
    for (Level level : scan.levels()) {
      int count = (int) responses.stream().filter(r -> level.id().equals(r.level())).count();
      counts.add(new GroupSummary.LevelCount(level, count, share(count, responses.size())));
    }
    int none = (int) responses.stream().filter(r -> r.level() == null).count();
    counts.add(new GroupSummary.LevelCount(null, none, share(none, responses.size())));
    return List.copyOf(counts);
  }

  private static Rational share(int count, int n) {
    return n == 0 ? null : Statistics.integer(count).dividedBy(Statistics.integer(n));
  }

  private static List<GroupSummary.QuestionDistribution> distributions(
      Scan scan, List<Scored> group) {
    List<GroupSummary.QuestionDistribution> out = new ArrayList<>();
    for (Question question : scan.scoredQuestions()) {
      Map<String, Integer> statuses = new HashMap<>();
      Map<String, Integer> options = new HashMap<>();
      for (Scored s : group) {
        ScoreResult.QuestionScore q = s.questions().get(question.id());
        statuses.merge(q.status().id(), 1, Integer::sum);
        if (q.status() != Status.HIDDEN && q.status() != Status.MISSING) {
          chosen(q.value()).forEach(id -> options.merge(id, 1, Integer::sum));
        }
      }
      List<GroupSummary.OptionCount> optionCounts =
          question.options().stream()
              .map(o -> new GroupSummary.OptionCount(o, options.getOrDefault(o.id(), 0)))
              .toList();
      out.add(
          new GroupSummary.QuestionDistribution(
              question,
              statuses.getOrDefault(Status.ANSWERED.id(), 0),
              statuses.getOrDefault(Status.NA.id(), 0),
              statuses.getOrDefault(Status.UNKNOWN.id(), 0),
              statuses.getOrDefault(Status.MISSING.id(), 0),
              statuses.getOrDefault(Status.HIDDEN.id(), 0),
              optionCounts));
    }
    return List.copyOf(out);
  }

  private static List<String> chosen(AnswerValue value) {
    return value == null ? List.of() : value.optionIds();
  }

  /**
   * The questions with the largest sum of w·(M − p)/M, ties in document order; only sums above 0.
   */
  private static List<GroupSummary.Improvement> improvements(Scan scan, List<Scored> group) {
    List<GroupSummary.Improvement> all = new ArrayList<>();
    for (Question question : scan.scoredQuestions()) {
      Rational sum = Rational.ZERO;
      Rational points = Rational.ZERO;
      int resolved = 0;
      int below = 0;
      List<ScoreResult.QuestionScore> scores = new ArrayList<>();
      for (Scored s : group) {
        ScoreResult.QuestionScore q = s.questions().get(question.id());
        scores.add(q);
        if (q.resolved()) {
          resolved++;
          sum = sum.plus(q.potential());
          points = points.plus(Rational.of(q.points()));
          if (q.points().compareTo(q.max()) < 0) {
            below++;
          }
        }
      }
      if (sum.signum() > 0) {
        all.add(
            new GroupSummary.Improvement(
                question,
                resolved,
                sum,
                sum.dividedBy(Statistics.integer(resolved)),
                below,
                points.dividedBy(Statistics.integer(resolved)),
                ClassAdvice.of(question, scores)));
      }
    }
    // a stable sort keeps document order among equal sums
    all.sort(Comparator.comparing(GroupSummary.Improvement::sum).reversed());
    return List.copyOf(all.subList(0, Math.min(IMPROVEMENTS, all.size())));
  }

  /** Per company and school year with at least two responses, in order of company name and year. */
  private static List<GroupSummary.CompanyAgreement> agreement(Scan scan, List<Scored> group) {
    Map<List<String>, List<Scored>> byCompanyYear = new LinkedHashMap<>();
    for (Scored s : group) {
      if (s.response().companyKey() != null) {
        byCompanyYear
            .computeIfAbsent(
                List.of(s.response().companyKey(), s.response().schoolYear()),
                k -> new ArrayList<>())
            .add(s);
      }
    }
    List<GroupSummary.CompanyAgreement> out = new ArrayList<>();
    byCompanyYear.forEach(
        (companyYear, scored) -> {
          if (scored.size() < 2) {
            return;
          }
          List<GroupSummary.QuestionAgreement> questions = new ArrayList<>();
          Rational total = Rational.ZERO;
          int compared = 0;
          int unanimous = 0;
          for (Question question : scan.scoredQuestions()) {
            Map<List<String>, Integer> counts = new LinkedHashMap<>();
            for (Scored s : scored) {
              ScoreResult.QuestionScore q = s.questions().get(question.id());
              if (q.status() == Status.ANSWERED
                  || q.status() == Status.NA
                  || q.status() == Status.UNKNOWN) {
                List<String> answer = new ArrayList<>(new TreeSet<>(chosen(q.value())));
                answer.sort(Comparator.comparingInt(id -> optionIndex(question, id)));
                counts.merge(List.copyOf(answer), 1, Integer::sum);
              }
            }
            int answered = counts.values().stream().mapToInt(Integer::intValue).sum();
            int agreeing = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Rational share = null;
            if (answered >= 2) {
              share = Statistics.integer(agreeing).dividedBy(Statistics.integer(answered));
              total = total.plus(share);
              compared++;
              if (agreeing == answered) {
                unanimous++;
              }
            }
            List<GroupSummary.AnswerCount> answers = new ArrayList<>();
            counts.forEach(
                (answer, count) -> answers.add(new GroupSummary.AnswerCount(answer, count)));
            answers.sort(
                Comparator.comparingInt(GroupSummary.AnswerCount::count)
                    .reversed()
                    .thenComparing(a -> a.answer(), optionOrder(question)));
            questions.add(
                new GroupSummary.QuestionAgreement(
                    question, answered, agreeing, share, List.copyOf(answers)));
          }
          List<Rational> overall =
              scored.stream()
                  .map(Scored::response)
                  .filter(r -> r.status() == Status.SCORED && r.score() != null)
                  .map(r -> Rational.of(r.score()))
                  .toList();
          Response first = scored.get(0).response();
          out.add(
              new GroupSummary.CompanyAgreement(
                  first.companyKey(),
                  first.companyName(),
                  first.schoolYear(),
                  scored.size(),
                  Statistics.of(overall),
                  compared,
                  unanimous,
                  compared == 0 ? null : total.dividedBy(Statistics.integer(compared)),
                  List.copyOf(questions)));
        });
    out.sort(
        Comparator.comparing((GroupSummary.CompanyAgreement a) -> fold(a.companyName()))
            .thenComparing(GroupSummary.CompanyAgreement::companyKey)
            .thenComparing(GroupSummary.CompanyAgreement::schoolYear));
    return List.copyOf(out);
  }

  private static int optionIndex(Question question, String id) {
    for (int i = 0; i < question.options().size(); i++) {
      if (question.options().get(i).id().equals(id)) {
        return i;
      }
    }
    return question.options().size();
  }

  /**
   * Answers compared option by option in the scan's order; a shorter selection that is a prefix
   * comes first.
   */
  private static Comparator<List<String>> optionOrder(Question question) {
    return (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Integer.compare(optionIndex(question, a.get(i)), optionIndex(question, b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    };
  }

  /**
   * Companies with responses in at least two school years: the mean scored overall per year, oldest
   * first.
   */
  private static List<GroupSummary.CompanyTrend> trend(List<Scored> group) {
    Map<String, TreeMap<String, List<Response>>> byCompany = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Scored s : group) {
      Response r = s.response();
      if (r.companyKey() != null) {
        byCompany
            .computeIfAbsent(r.companyKey(), k -> new TreeMap<>())
            .computeIfAbsent(r.schoolYear(), y -> new ArrayList<>())
            .add(r);
        names.putIfAbsent(r.companyKey(), r.companyName());
      }
    }
    List<GroupSummary.CompanyTrend> out = new ArrayList<>();
    byCompany.forEach(
        (company, years) -> {
          if (years.size() < 2) {
            return;
          }
          List<GroupSummary.YearMean> means = new ArrayList<>();
          years.forEach(
              (year, responses) -> {
                List<Rational> overall =
                    responses.stream()
                        .filter(r -> r.status() == Status.SCORED && r.score() != null)
                        .map(r -> Rational.of(r.score()))
                        .toList();
                means.add(
                    new GroupSummary.YearMean(year, responses.size(), Statistics.of(overall)));
              });
          out.add(new GroupSummary.CompanyTrend(company, names.get(company), List.copyOf(means)));
        });
    out.sort(
        Comparator.comparing((GroupSummary.CompanyTrend t) -> fold(t.companyName()))
            .thenComparing(GroupSummary.CompanyTrend::companyKey));
    return List.copyOf(out);
  }
}
