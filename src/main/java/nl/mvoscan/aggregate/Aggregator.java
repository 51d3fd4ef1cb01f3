package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
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

  /**
   * A response together with every scored question's stored status, points and answer, in the order
   * of {@link Scan#scoredQuestions} (an array: every group looks them up by position).
   */
  private record Scored(Response response, ScoreResult.QuestionScore[] questions, Sector sector) {}

  /** A response's sector and how to show it; both {@code null} when it has none. */
  private record Sector(String key, String label) {}

  /**
   * @param scans the scan of every hash that occurs in {@code responses}
   * @param language the language of labels (sector option labels), falling back to the scan's
   *     default
   */
  public static Aggregate aggregate(
      List<Response> responses, Map<String, Scan> scans, Grouping by, String language) {
    Accumulator accumulator = accumulator(scans, by, language);
    responses.forEach(accumulator::accept);
    return accumulator.finish();
  }

  /**
   * An aggregation fed one response at a time (in database id order, as {@link #aggregate} takes
   * them): it keeps counts and sums per group and question, not the responses or their answers, so
   * a store can stream any number of responses into it. {@link Accumulator#finish} gives exactly
   * what {@link #aggregate} gives for the same responses.
   *
   * @param scans the scan of every hash that occurs in the responses
   */
  public static Accumulator accumulator(Map<String, Scan> scans, Grouping by, String language) {
    return new Accumulator(scans, by, language);
  }

  /** See {@link #accumulator}. */
  public static final class Accumulator implements ResponseSink {
    private final Map<String, Scan> scans;
    private final Grouping by;
    private final String language;
    private final Map<String, PoolAccumulator> byHash = new LinkedHashMap<>();
    private int n;

    private Accumulator(Map<String, Scan> scans, Grouping by, String language) {
      this.scans = scans;
      this.by = by;
      this.language = language;
    }

    @Override
    public void accept(Response response) {
      Scan scan = scans.get(response.scanHash());
      if (scan == null) {
        throw new IllegalArgumentException("no scan for hash " + response.scanHash());
      }
      byHash
          .computeIfAbsent(response.scanHash(), h -> new PoolAccumulator(scan, by, language))
          .add(response);
      n++;
    }

    public Aggregate finish() {
      List<Aggregate.Pool> pools = new ArrayList<>();
      byHash.values().forEach(pool -> pools.add(pool.finish()));
      pools.sort(poolOrder(Aggregate.Pool::n, Aggregate.Pool::scan));
      return new Aggregate(by, n, List.copyOf(pools));
    }
  }

  /**
   * The first pass of an aggregation streamed group by group: fed only what decides each response's
   * group ({@link ResponseKey}), in database id order, it works out the pools, the groups in the
   * order every report shows them, and which responses each group holds. {@link Planner#finish}
   * gives the {@link Plan}: the order in which a store hands the responses with their figures to
   * {@link #streamer}. It keeps one id per response, nothing else per response.
   *
   * @param scans the scan of every hash that occurs in the responses
   */
  public static Planner planner(Map<String, Scan> scans, Grouping by, String language) {
    return new Planner(scans, by, language);
  }

  /** See {@link #planner}. */
  public static final class Planner implements java.util.function.Consumer<ResponseKey> {
    private final Map<String, Scan> scans;
    private final Grouping by;
    private final String language;
    private final Map<String, PlanPool> byHash = new LinkedHashMap<>();
    private int n;

    private Planner(Map<String, Scan> scans, Grouping by, String language) {
      this.scans = scans;
      this.by = by;
      this.language = language;
    }

    @Override
    public void accept(ResponseKey response) {
      Scan scan = scans.get(response.scanHash());
      if (scan == null) {
        throw new IllegalArgumentException("no scan for hash " + response.scanHash());
      }
      byHash.computeIfAbsent(response.scanHash(), h -> new PlanPool(scan, by)).add(response);
      n++;
    }

    public Plan finish() {
      List<PlanPool> pools = new ArrayList<>(byHash.values());
      pools.sort(poolOrder(p -> p.n, p -> p.facts.scan()));
      List<Aggregate.Pool> outline = new ArrayList<>();
      List<PlannedGroup> groups = new ArrayList<>();
      for (PlanPool pool : pools) {
        for (String key : pool.keys.ordered(pool.groups.keySet())) {
          groups.add(
              new PlannedGroup(outline.size(), key, pool.keys.label(key), pool.groups.get(key)));
        }
        outline.add(new Aggregate.Pool(pool.facts.scan(), pool.n, List.of()));
      }
      return new Plan(new Aggregate(by, n, List.copyOf(outline)), groups, language);
    }

    /** The groups of one scan hash: their keys as {@link PoolAccumulator} makes them, and ids. */
    private final class PlanPool {
      private final ScanFacts facts;
      private final GroupKeys keys;
      private final Map<String, Ids> groups = new HashMap<>();
      private int n;

      PlanPool(Scan scan, Grouping by) {
        this.facts = ScanFacts.of(scan);
        this.keys = new GroupKeys(scan, by);
      }

      void add(ResponseKey r) {
        Sector sector = sector(facts, r.sectorAnswer(), false, r.companySector(), language);
        String key =
            keys.add(r.className(), r.companyKey(), r.companyName(), r.schoolYear(), sector);
        groups.computeIfAbsent(key, k -> new Ids()).add(r.id());
        n++;
      }
    }
  }

  /** A growing list of response ids, as plain longs. */
  private static final class Ids {
    private long[] ids = new long[8];
    private int size;

    void add(long id) {
      if (size == ids.length) {
        ids = java.util.Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }
  }

  /** One group of a {@link Plan}: its pool (index in the outline), key, label and responses. */
  private record PlannedGroup(int pool, String key, String label, Ids ids) {}

  /**
   * What {@link Planner} worked out: the outline (grouping, size, and each pool's scan and size, in
   * order) and the order of the responses, group by group, in which {@link #streamer} takes them.
   */
  public static final class Plan {
    private final Aggregate outline;
    private final List<PlannedGroup> groups;
    private final String language;

    private Plan(Aggregate outline, List<PlannedGroup> groups, String language) {
      this.outline = outline;
      this.groups = groups;
      this.language = language;
    }

    /** The grouping, the number of responses and the pools in order, their groups left empty. */
    public Aggregate outline() {
      return outline;
    }

    /**
     * The response ids in the order {@link #streamer} takes them (group by group, each group in id
     * order), cut into runs of at most {@code max} ids that each go up, so a store can read each
     * run in id order, as its tables are keyed; runs follow on from one group to the next where the
     * ids keep going up.
     */
    public List<long[]> runs(int max) {
      List<long[]> runs = new ArrayList<>();
      long[] run = new long[max];
      int size = 0;
      for (PlannedGroup group : groups) {
        for (int i = 0; i < group.ids().size; i++) {
          long id = group.ids().ids[i];
          if (size == max || (size > 0 && id <= run[size - 1])) {
            runs.add(java.util.Arrays.copyOf(run, size));
            size = 0;
          }
          run[size++] = id;
        }
      }
      if (size > 0) {
        runs.add(java.util.Arrays.copyOf(run, size));
      }
      return runs;
    }
  }

  /**
   * The second pass of an aggregation streamed group by group: fed the responses with their figures
   * and answers in exactly the order of {@code plan} ({@link Plan#runs}), it hands each group to
   * {@code sink} as soon as the group's last response has arrived, and keeps nothing of it: memory
   * grows with one group, not with the selection. Every figure is the one {@link #accumulator}
   * gives for the same responses.
   */
  public static Streamer streamer(Plan plan, GroupSink sink) {
    return new Streamer(plan, sink);
  }

  /** See {@link #streamer}. */
  public static final class Streamer implements ResponseSink {
    private final Plan plan;
    private final GroupSink sink;
    private boolean started;
    private int group;
    private int position;
    private int pool = -1;
    private ScanFacts facts;
    private Answers answers;
    private GroupAccumulator current;

    private Streamer(Plan plan, GroupSink sink) {
      this.plan = plan;
      this.sink = sink;
    }

    @Override
    public void accept(Response response) {
      start();
      if (group >= plan.groups.size()) {
        throw new IllegalStateException("response " + response.id() + " is not in the plan");
      }
      PlannedGroup planned = plan.groups.get(group);
      if (response.id() != planned.ids().ids[position]) {
        throw new IllegalStateException(
            "response "
                + response.id()
                + " came where the plan has "
                + planned.ids().ids[position]);
      }
      if (current == null) {
        if (planned.pool() != pool) {
          // a pool's distinct answers are numbered once for all its groups, as PoolAccumulator does
          pool = planned.pool();
          Scan scan = plan.outline.pools().get(pool).scan();
          facts = ScanFacts.of(scan);
          answers = new Answers(scan);
        }
        current = new GroupAccumulator(facts.scan(), answers);
      }
      current.add(scored(facts, response, plan.language));
      position++;
      if (position == planned.ids().size) {
        sink.group(plan.outline.pools().get(pool), current.summary(planned.key(), planned.label()));
        current = null;
        group++;
        position = 0;
      }
    }

    /** After the last response: checks that every planned response came, and ends the sink. */
    public void finish() {
      start();
      if (group != plan.groups.size()) {
        throw new IllegalStateException(
            "the plan has " + (plan.groups.size() - group) + " more groups than were read");
      }
      sink.end();
    }

    private void start() {
      if (!started) {
        started = true;
        sink.start(plan.outline);
      }
    }
  }

  /** Pools by size (largest first), then scan id, version and hash. */
  static <T> Comparator<T> poolOrder(
      java.util.function.ToIntFunction<T> n, java.util.function.Function<T, Scan> scan) {
    return Comparator.comparingInt(n)
        .reversed()
        .thenComparing(p -> scan.apply(p).id())
        .thenComparing(p -> scan.apply(p).version())
        .thenComparing(p -> scan.apply(p).hash());
  }

  /**
   * Only the overall and theme figures of each group, fed one response at a time: what a network's
   * figures show, from responses read without their answers. Its groups are exactly those {@link
   * #accumulator} makes, in the same order, with the same overall and theme figures.
   *
   * @param scans the scan of every hash that occurs in the responses
   */
  public static ScoreAccumulator scores(Map<String, Scan> scans, Grouping by, String language) {
    return new ScoreAccumulator(scans, by, language);
  }

  /** See {@link #scores}. */
  public static final class ScoreAccumulator
      implements java.util.function.Consumer<ResponseScores> {
    private final Map<String, Scan> scans;
    private final Grouping by;
    private final String language;
    private final Map<String, ScorePool> byHash = new LinkedHashMap<>();
    private int n;

    private ScoreAccumulator(Map<String, Scan> scans, Grouping by, String language) {
      this.scans = scans;
      this.by = by;
      this.language = language;
    }

    @Override
    public void accept(ResponseScores response) {
      Scan scan = scans.get(response.scanHash());
      if (scan == null) {
        throw new IllegalArgumentException("no scan for hash " + response.scanHash());
      }
      byHash
          .computeIfAbsent(response.scanHash(), h -> new ScorePool(scan, by, language))
          .add(response);
      n++;
    }

    public Scores finish() {
      List<Scores.Pool> pools = new ArrayList<>();
      for (ScorePool pool : byHash.values()) {
        List<Scores.Group> groups = new ArrayList<>();
        for (String key : pool.keys.ordered(pool.groups.keySet())) {
          ScoreTally tally = pool.groups.get(key);
          groups.add(
              new Scores.Group(
                  key, pool.keys.label(key), tally.n, tally.overall(), tally.themes()));
        }
        pools.add(new Scores.Pool(pool.facts.scan(), pool.n, List.copyOf(groups)));
      }
      pools.sort(poolOrder(Scores.Pool::n, Scores.Pool::scan));
      return new Scores(by, n, List.copyOf(pools));
    }
  }

  /** The responses of one scan hash in {@link ScoreAccumulator}. */
  private static final class ScorePool {
    private final ScanFacts facts;
    private final String language;
    private final GroupKeys keys;
    private final Map<String, ScoreTally> groups = new HashMap<>();
    private int n;

    ScorePool(Scan scan, Grouping by, String language) {
      this.facts = ScanFacts.of(scan);
      this.language = language;
      this.keys = new GroupKeys(scan, by);
    }

    void add(ResponseScores r) {
      Sector sector = sector(facts, r.sectorAnswer(), false, r.companySector(), language);
      String key = keys.add(r.className(), r.companyKey(), r.companyName(), r.schoolYear(), sector);
      groups
          .computeIfAbsent(key, k -> new ScoreTally(facts.scan()))
          .add(r.status(), r.score(), r.themes());
      n++;
    }
  }

  /**
   * The group key and label of each response of one pool as it arrives: classes are one group
   * whatever their case ("3a" and "3A"), under the spelling seen first; a group's label is that of
   * its first response.
   */
  private static final class GroupKeys {
    private final Scan scan;
    private final Grouping by;
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> spellings = new HashMap<>();

    GroupKeys(Scan scan, Grouping by) {
      this.scan = scan;
      this.by = by;
    }

    /** The group of a response with these parts. */
    String add(
        String className, String companyKey, String companyName, String schoolYear, Sector sector) {
      String raw =
          switch (by) {
            case ALL -> "all";
            case CLASS -> className == null || className.isBlank() ? null : className.trim();
            case COMPANY -> companyKey;
            case SECTOR -> sector.key();
            case SCHOOL_YEAR -> schoolYear;
          };
      String label =
          switch (by) {
            case COMPANY -> companyName;
            case SECTOR -> sector.label();
            default -> raw;
          };
      String key =
          by == Grouping.CLASS && raw != null
              ? spellings.computeIfAbsent(fold(raw), k -> raw)
              : raw;
      labels.putIfAbsent(key, label);
      return key;
    }

    String label(String key) {
      return labels.get(key);
    }

    /** The groups in the order every report shows them. */
    List<String> ordered(java.util.Collection<String> keys) {
      List<String> ordered = new ArrayList<>(keys);
      ordered.sort(groupOrder(by, scan, labels));
      return ordered;
    }
  }

  /**
   * The overall and theme figures of one group: counts per distinct stored score, as every class,
   * company and network figure sums them.
   */
  private static final class ScoreTally {
    // a block of unscored questions (the VSME key figures) has no theme score to sum up
    private final List<Theme> themeList;
    private final Figures overall = new Figures();
    private final Figures[] themes;
    private int n;

    ScoreTally(Scan scan) {
      this.themeList = scan.themes().stream().filter(Theme::counts).toList();
      this.themes = new Figures[themeList.size()];
      for (int i = 0; i < themes.length; i++) {
        themes[i] = new Figures();
      }
    }

    void add(Status status, BigDecimal score, Map<String, Response.Figure> themeFigures) {
      n++;
      overall.add(new Response.Figure(status, score));
      for (int i = 0; i < themes.length; i++) {
        Response.Figure figure = themeFigures.get(themeList.get(i).id());
        if (figure != null) {
          themes[i].add(figure);
        }
      }
    }

    GroupSummary.ScoreSummary overall() {
      return overall.summary();
    }

    List<GroupSummary.ThemeSummary> themes() {
      List<GroupSummary.ThemeSummary> summaries = new ArrayList<>();
      for (int i = 0; i < themes.length; i++) {
        summaries.add(new GroupSummary.ThemeSummary(themeList.get(i), themes[i].summary()));
      }
      return List.copyOf(summaries);
    }
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
    PoolAccumulator pool = new PoolAccumulator(scan, by, language);
    responses.forEach(pool::add);
    return pool.finish();
  }

  /** The responses of one scan hash, grouped as they arrive. */
  private static final class PoolAccumulator {
    private final Scan scan;
    private final String language;
    private final Answers answers;
    private final ScanFacts facts;
    private final Map<String, GroupAccumulator> groups = new HashMap<>();
    private final GroupKeys keys;
    private int n;

    PoolAccumulator(Scan scan, Grouping by, String language) {
      this.scan = scan;
      this.language = language;
      this.answers = new Answers(scan);
      this.facts = ScanFacts.of(scan);
      this.keys = new GroupKeys(scan, by);
    }

    void add(Response response) {
      Scored s = scored(facts, response, language);
      Response r = s.response();
      String key =
          keys.add(r.className(), r.companyKey(), r.companyName(), r.schoolYear(), s.sector());
      groups.computeIfAbsent(key, k -> new GroupAccumulator(scan, answers)).add(s);
      n++;
    }

    Aggregate.Pool finish() {
      List<GroupSummary> summaries = new ArrayList<>();
      for (String key : keys.ordered(groups.keySet())) {
        summaries.add(groups.get(key).summary(key, keys.label(key)));
      }
      return new Aggregate.Pool(scan, n, List.copyOf(summaries));
    }
  }

  /**
   * A response with its scored questions as import stored them: status, points and the answer
   * given, so the improvement measure w·(M − p)/M and the distributions need no second scoring.
   */
  private static Scored scored(ScanFacts facts, Response response, String language) {
    Scan scan = facts.scan();
    ScoreResult.QuestionScore[] questions = new ScoreResult.QuestionScore[facts.questions().size()];
    for (int i = 0; i < questions.length; i++) {
      Question question = facts.questions().get(i);
      Response.QuestionFigure stored = response.questions().get(question.id());
      if (stored == null) {
        throw new IllegalArgumentException(
            "response " + response.id() + " has no stored status for question " + question.id());
      }
      questions[i] =
          new ScoreResult.QuestionScore(
              question,
              stored.status(),
              stored.points(),
              facts.maxima().get(i),
              response.answers().get(question.id()));
    }

    return new Scored(
        response,
        questions,
        sector(
            facts,
            response.answers().get(SECTOR_QUESTION),
            response.hidden().contains(SECTOR_QUESTION),
            response.companySector(),
            language));
  }

  /**
   * A response's sector: the option it chose for the profile question {@code sector} when that was
   * visible, else the company's sector from its answers (lower case, shown with the option's label
   * when it names one).
   */
  private static Sector sector(
      ScanFacts facts, AnswerValue answer, boolean hidden, String companySector, String language) {
    Scan scan = facts.scan();
    Question sectorQuestion = facts.sectorQuestion();
    if (sectorQuestion != null
        && answer instanceof AnswerValue.Choice choice
        && !hidden
        && sectorQuestion.option(choice.optionId()).isPresent()) {
      String sector = choice.optionId();
      return new Sector(
          sector, sectorQuestion.option(sector).get().label().in(language, scan.defaultLanguage()));
    }
    if (companySector != null && !companySector.isBlank()) {
      String sector = companySector.trim().toLowerCase(Locale.ROOT);
      return new Sector(
          sector,
          sectorQuestion != null && sectorQuestion.option(sector).isPresent()
              ? sectorQuestion.option(sector).get().label().in(language, scan.defaultLanguage())
              : companySector.trim());
    }
    return new Sector(null, null);
  }

  /**
   * What every response of a scan looks up: its scored questions, their maxima and the sector
   * question, worked out once per pool instead of once per response.
   */
  private record ScanFacts(
      Scan scan, List<Question> questions, List<BigDecimal> maxima, Question sectorQuestion) {
    static ScanFacts of(Scan scan) {
      List<Question> questions = scan.scoredQuestions();
      return new ScanFacts(
          scan,
          questions,
          questions.stream().map(Question::maximum).toList(),
          Aggregator.sectorQuestion(scan));
    }
  }

  private static Question sectorQuestion(Scan scan) {
    return scan.profile().stream()
        .filter(q -> q.id().equals(SECTOR_QUESTION) && q.type() == QuestionType.CHOICE)
        .findFirst()
        .orElse(null);
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

  /**
   * Every figure of one group, kept as counts and sums per figure and question while the responses
   * pass: the memory a group needs grows with its distinct scores and answers, not with its
   * responses (except one small array of answer numbers per response with a company, because which
   * company and school year have two or more students is only known at the end).
   */
  private static final class GroupAccumulator {
    private final Scan scan;
    private final Answers answers;
    private final ScoreTally scores;
    private final Figures grade = new Figures();
    private final Map<String, Integer> levelCounts = new HashMap<>();
    private int noLevel;
    private final QuestionTally[] questions;
    private final Map<String, TreeMap<String, CompanyYear>> byCompany = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private int n;

    GroupAccumulator(Scan scan, Answers answers) {
      this.scan = scan;
      this.answers = answers;
      this.scores = new ScoreTally(scan);
      this.questions = new QuestionTally[answers.questions.size()];
      for (int i = 0; i < questions.length; i++) {
        questions[i] = new QuestionTally(answers.questions.get(i));
      }
    }

    void add(Scored s) {
      Response r = s.response();
      n++;
      scores.add(r.status(), r.score(), r.themes());
      grade.add(new Response.Figure(r.status(), r.grade()));
      if (r.level() == null) {
        noLevel++;
      } else {
        levelCounts.merge(r.level(), 1, Integer::sum);
      }
      for (int i = 0; i < questions.length; i++) {
        questions[i].add(s.questions()[i], answers.options(i, s.questions()[i].value()));
      }
      if (r.companyKey() != null) {
        int[] given = new int[questions.length];
        for (int i = 0; i < questions.length; i++) {
          ScoreResult.QuestionScore q = s.questions()[i];
          given[i] =
              q.status() == Status.ANSWERED
                      || q.status() == Status.NA
                      || q.status() == Status.UNKNOWN
                  ? answers.number(i, q.value())
                  : -1;
        }
        byCompany
            .computeIfAbsent(r.companyKey(), k -> new TreeMap<>())
            .computeIfAbsent(r.schoolYear(), y -> new CompanyYear(r))
            .add(r, given);
        names.putIfAbsent(r.companyKey(), r.companyName());
      }
    }

    GroupSummary summary(String key, String label) {
      return new GroupSummary(
          key,
          label,
          n,
          scores.overall(),
          grade.summary(),
          scores.themes(),
          levels(),
          distributions(),
          improvements(),
          agreement(),
          trend());
    }

    private List<GroupSummary.LevelCount> levels() {
      List<GroupSummary.LevelCount> counts = new ArrayList<>();
      for (Level level : scan.levels()) {
        int count = levelCounts.getOrDefault(level.id(), 0);
        counts.add(new GroupSummary.LevelCount(level, count, share(count, n)));
      }
      counts.add(new GroupSummary.LevelCount(null, noLevel, share(noLevel, n)));
      return List.copyOf(counts);
    }

    private List<GroupSummary.QuestionDistribution> distributions() {
      List<GroupSummary.QuestionDistribution> out = new ArrayList<>();
      for (QuestionTally tally : questions) {
        List<Option> options = tally.question.options();
        List<GroupSummary.OptionCount> optionCounts = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
          optionCounts.add(new GroupSummary.OptionCount(options.get(i), tally.options[i]));
        }
        optionCounts = List.copyOf(optionCounts);
        out.add(
            new GroupSummary.QuestionDistribution(
                tally.question,
                tally.status(Status.ANSWERED),
                tally.status(Status.NA),
                tally.status(Status.UNKNOWN),
                tally.status(Status.MISSING),
                tally.status(Status.HIDDEN),
                optionCounts));
      }
      return List.copyOf(out);
    }

    /**
     * The questions with the largest sum of w·(M − p)/M, ties in document order; only sums above 0.
     * With w and M fixed per question, the sum over k resolved responses is w·(k·M − Σp)/M exactly,
     * so the points are summed as decimals and one fraction is made per question.
     */
    private List<GroupSummary.Improvement> improvements() {
      // sums are compared as w·(k·M − Σp) over M, cross-multiplied in exact decimals, and the
      // fractions and advice are made for the few that are shown only
      record Candidate(QuestionTally tally, BigDecimal numerator, BigDecimal denominator) {}
      List<Candidate> all = new ArrayList<>();
      for (QuestionTally tally : questions) {
        if (tally.resolved == 0) {
          continue;
        }
        Question question = tally.question;
        BigDecimal numerator =
            question
                .weight()
                .multiply(
                    question
                        .maximum()
                        .multiply(BigDecimal.valueOf(tally.resolved))
                        .subtract(tally.points));
        BigDecimal denominator = question.maximum();
        if (denominator.signum() == 0) {
          improvement(tally); // fails as a fraction over 0 does
        }
        if (denominator.signum() < 0) {
          numerator = numerator.negate();
          denominator = denominator.negate();
        }
        if (numerator.signum() > 0) {
          all.add(new Candidate(tally, numerator, denominator));
        }
      }
      // a stable sort keeps document order among equal sums
      all.sort(
          ((Comparator<Candidate>)
                  (a, b) ->
                      a.numerator()
                          .multiply(b.denominator())
                          .compareTo(b.numerator().multiply(a.denominator())))
              .reversed());
      List<GroupSummary.Improvement> shown = new ArrayList<>();
      for (Candidate candidate : all.subList(0, Math.min(IMPROVEMENTS, all.size()))) {
        shown.add(improvement(candidate.tally()));
      }
      return List.copyOf(shown);
    }

    private static GroupSummary.Improvement improvement(QuestionTally tally) {
      Question question = tally.question;
      Rational max = Rational.of(question.maximum());
      Rational sum =
          Rational.of(question.weight())
              .times(
                  Rational.of(
                      question
                          .maximum()
                          .multiply(BigDecimal.valueOf(tally.resolved))
                          .subtract(tally.points)))
              .dividedBy(max);
      return new GroupSummary.Improvement(
          question,
          tally.resolved,
          sum,
          sum.dividedBy(Statistics.integer(tally.resolved)),
          tally.below,
          Rational.of(tally.points).dividedBy(Statistics.integer(tally.resolved)),
          tally.advice.result());
    }

    /**
     * Per company and school year with at least two responses, in order of company name and year.
     */
    private List<GroupSummary.CompanyAgreement> agreement() {
      List<GroupSummary.CompanyAgreement> out = new ArrayList<>();
      for (TreeMap<String, CompanyYear> years : byCompany.values()) {
        for (CompanyYear companyYear : years.values()) {
          if (companyYear.n >= 2) {
            out.add(companyYear.agreement(answers));
          }
        }
      }
      out.sort(
          Comparator.comparing((GroupSummary.CompanyAgreement a) -> fold(a.companyName()))
              .thenComparing(GroupSummary.CompanyAgreement::companyKey)
              .thenComparing(GroupSummary.CompanyAgreement::schoolYear));
      return List.copyOf(out);
    }

    /**
     * Companies with responses in at least two school years: the mean scored overall per year,
     * oldest first.
     */
    private List<GroupSummary.CompanyTrend> trend() {
      List<GroupSummary.CompanyTrend> out = new ArrayList<>();
      byCompany.forEach(
          (company, years) -> {
            if (years.size() < 2) {
              return;
            }
            List<GroupSummary.YearMean> means = new ArrayList<>();
            years.forEach(
                (year, companyYear) ->
                    means.add(
                        new GroupSummary.YearMean(
                            year, companyYear.n, Statistics.of(companyYear.overall))));
            out.add(new GroupSummary.CompanyTrend(company, names.get(company), List.copyOf(means)));
          });
      out.sort(
          Comparator.comparing((GroupSummary.CompanyTrend t) -> fold(t.companyName()))
              .thenComparing(GroupSummary.CompanyTrend::companyKey));
      return List.copyOf(out);
    }
  }

  /** One kind of stored figure (overall, grade, a theme) of a group: counts per distinct score. */
  private static final class Figures {
    private final TreeMap<Rational, int[]> scored = new TreeMap<>();
    private int insufficient;
    private int notApplicable;

    void add(Response.Figure figure) {
      if (figure.status() == Status.SCORED && figure.score() != null) {
        scored.computeIfAbsent(Rational.of(figure.score()), v -> new int[1])[0]++;
      } else if (figure.status() == Status.NOT_APPLICABLE) {
        notApplicable++;
      } else {
        insufficient++;
      }
    }

    GroupSummary.ScoreSummary summary() {
      Statistics statistics = Statistics.ofCounts(scored);
      return new GroupSummary.ScoreSummary(statistics.n(), insufficient, notApplicable, statistics);
    }
  }

  /** One scored question in a group: its statuses, chosen options, points and advice. */
  private static final class QuestionTally {
    private final Question question;
    private final int[] statuses = new int[Status.values().length];
    // how often each of the question's options was chosen, by its place in the scan
    private final int[] options;
    private final ClassAdvice.Tally advice;
    private int resolved;
    private int below;
    private BigDecimal points = BigDecimal.ZERO;

    QuestionTally(Question question) {
      this.question = question;
      this.options = new int[question.options().size()];
      this.advice = new ClassAdvice.Tally(question);
    }

    /**
     * @param chosen the places of {@code q}'s chosen options in the scan ({@link Answers#options})
     */
    void add(ScoreResult.QuestionScore q, int[] chosen) {
      statuses[q.status().ordinal()]++;
      if (q.status() != Status.HIDDEN && q.status() != Status.MISSING) {
        for (int option : chosen) {
          if (option < options.length) {
            options[option]++;
          }
        }
      }
      if (q.resolved()) {
        resolved++;
        points = points.add(q.points());
        if (q.points().compareTo(q.max()) < 0) {
          below++;
        }
      }
      advice.add(q);
    }

    int status(Status status) {
      return statuses[status.ordinal()];
    }
  }

  /**
   * The distinct answers of a pool to each scored question, numbered as they first occur, so a
   * response's answers are kept as numbers: the chosen option ids, once each, in the scan's order.
   */
  private static final class Answers {
    private final List<Question> questions;
    private final List<Map<List<String>, Integer>> numbers = new ArrayList<>();
    private final List<List<List<String>>> answers = new ArrayList<>();
    // a choice or multi value has few distinct values: its number is looked up by the value itself
    private final List<Map<AnswerValue, Integer>> byValue = new ArrayList<>();
    // and so are the places of its chosen options; the store hands out one instance per distinct
    // stored answer, so both are looked up by that instance first (no hashing of option lists)
    private final List<Map<AnswerValue, int[]>> optionsByValue = new ArrayList<>();
    private final List<Map<AnswerValue, Integer>> numberBySame = new ArrayList<>();

    Answers(Scan scan) {
      this.questions = scan.scoredQuestions();
      for (int i = 0; i < questions.size(); i++) {
        numbers.add(new HashMap<>());
        answers.add(new ArrayList<>());
        QuestionType type = questions.get(i).type();
        boolean few = type == QuestionType.CHOICE || type == QuestionType.MULTI;
        byValue.add(few ? new HashMap<>() : null);
        optionsByValue.add(few ? new java.util.IdentityHashMap<>() : null);
        numberBySame.add(few ? new java.util.IdentityHashMap<>() : null);
      }
    }

    /**
     * The places in the scan of the options {@code value} chooses, in the order it names them (an
     * id the question does not have: the number of its options).
     */
    int[] options(int question, AnswerValue value) {
      Map<AnswerValue, int[]> known = optionsByValue.get(question);
      if (known == null || value == null) {
        return placesOf(question, value);
      }
      int[] places = known.get(value);
      if (places == null) {
        places = placesOf(question, value);
        if (known.size() < SAME) {
          known.put(value, places);
        }
      }
      return places;
    }

    private int[] placesOf(int question, AnswerValue value) {
      Question q = questions.get(question);
      List<String> ids = chosen(value);
      int[] places = new int[ids.size()];
      for (int i = 0; i < places.length; i++) {
        places[i] = optionIndex(q, ids.get(i));
      }
      return places;
    }

    int number(int question, AnswerValue value) {
      Map<AnswerValue, Integer> known = byValue.get(question);
      if (known == null || value == null) {
        return numberOf(question, value);
      }
      Map<AnswerValue, Integer> same = numberBySame.get(question);
      Integer number = same.get(value);
      if (number == null) {
        number = known.computeIfAbsent(value, v -> numberOf(question, v));
        if (same.size() < SAME) {
          same.put(value, number);
        }
      }
      return number;
    }

    /** Most answer instances remembered per question. */
    private static final int SAME = 4096;

    private int numberOf(int question, AnswerValue value) {
      Question q = questions.get(question);
      List<String> answer = new ArrayList<>(new TreeSet<>(chosen(value)));
      answer.sort(Comparator.comparingInt(id -> optionIndex(q, id)));
      List<String> key = List.copyOf(answer);
      List<List<String>> known = answers.get(question);
      return numbers
          .get(question)
          .computeIfAbsent(
              key,
              k -> {
                known.add(k);
                return known.size() - 1;
              });
    }

    List<String> answer(int question, int number) {
      return answers.get(question).get(number);
    }
  }

  /** The responses of one company in one school year within a group. */
  private static final class CompanyYear {
    private final String companyKey;
    private final String companyName;
    private final String schoolYear;
    private final List<Rational> overall = new ArrayList<>();
    private final List<int[]> given = new ArrayList<>();
    private int n;

    CompanyYear(Response first) {
      this.companyKey = first.companyKey();
      this.companyName = first.companyName();
      this.schoolYear = first.schoolYear();
    }

    void add(Response r, int[] answers) {
      n++;
      if (r.status() == Status.SCORED && r.score() != null) {
        overall.add(Rational.of(r.score()));
      }
      given.add(answers);
    }

    GroupSummary.CompanyAgreement agreement(Answers answers) {
      List<GroupSummary.QuestionAgreement> questions = new ArrayList<>();
      Rational total = Rational.ZERO;
      int compared = 0;
      int unanimous = 0;
      for (int i = 0; i < answers.questions.size(); i++) {
        Question question = answers.questions.get(i);
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (int[] response : given) {
          if (response[i] >= 0) {
            counts.merge(answers.answer(i, response[i]), 1, Integer::sum);
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
        List<GroupSummary.AnswerCount> answerCounts = new ArrayList<>();
        counts.forEach(
            (answer, count) -> answerCounts.add(new GroupSummary.AnswerCount(answer, count)));
        answerCounts.sort(
            Comparator.comparingInt(GroupSummary.AnswerCount::count)
                .reversed()
                .thenComparing(a -> a.answer(), optionOrder(question)));
        questions.add(
            new GroupSummary.QuestionAgreement(
                question, answered, agreeing, share, List.copyOf(answerCounts)));
      }
      return new GroupSummary.CompanyAgreement(
          companyKey,
          companyName,
          schoolYear,
          n,
          Statistics.of(overall),
          compared,
          unanimous,
          compared == 0 ? null : total.dividedBy(Statistics.integer(compared)),
          List.copyOf(questions));
    }
  }

  private static Rational share(int count, int n) {
    return n == 0 ? null : Statistics.integer(count).dividedBy(Statistics.integer(n));
  }

  private static List<String> chosen(AnswerValue value) {
    return value == null ? List.of() : value.optionIds();
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
}
