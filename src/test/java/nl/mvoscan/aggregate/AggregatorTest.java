package nl.mvoscan.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.scoring.Status;
import org.junit.jupiter.api.Test;

class AggregatorTest {

  /**
   * Six scored choice questions (q6 weighs 2), a scored multi and a question shown only for big
   * companies.
   */
  private static final String SCAN =
      """
      {"format": "mvoscan-scan/1", "id": "t", "version": "1", "languages": ["en"], "title": "T",
       "profile": [{"id": "big", "type": "choice", "text": "Big?", "options": [{"id": "y", "label": "Y"}, {"id": "n", "label": "N"}]},
                   {"id": "sector", "type": "choice", "text": "Sector", "options": [{"id": "productie", "label": "Manufacturing"}, {"id": "zorg", "label": "Care"}]}],
       "themes": [{"id": "t1", "title": "T1", "questions": [
         {"id": "q1", "type": "choice", "text": "Q1", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "q2", "type": "choice", "text": "Q2", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "q3", "type": "choice", "text": "Q3", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "q4", "type": "choice", "text": "Q4", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "q5", "type": "choice", "text": "Q5", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "q6", "type": "choice", "text": "Q6", "weight": 2, "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]},
         {"id": "m", "type": "multi", "text": "M", "options": [{"id": "a", "label": "A", "points": 1}, {"id": "b", "label": "B", "points": 1}, {"id": "c", "label": "C", "points": 1}]},
         {"id": "h", "type": "choice", "text": "H", "when": "big == 'y'", "options": [{"id": "hi", "label": "Hi", "points": 2}, {"id": "lo", "label": "Lo", "points": 0}]}
       ]}],
       "levels": [{"id": "s", "min": 0, "label": "S"}, {"id": "g", "min": 50, "label": "G"}]}
      """;

  private static Scan scan(String json) {
    ScanLoader.Result result =
        ScanLoader.load(Path.of("test.json"), JsonReader.parse("test.json", json), Locale.ENGLISH);
    assertThat(result.problems()).isEmpty();
    return result.scan();
  }

  private static final Scan TEST = scan(SCAN);

  private static Response response(
      long id,
      Scan scan,
      String className,
      String year,
      String companyKey,
      String companyName,
      String sector,
      String score,
      Map<String, AnswerValue> answers) {
    Status status = score == null ? Status.INSUFFICIENT : Status.SCORED;
    BigDecimal value = score == null ? null : new BigDecimal(score);
    String level = score == null ? null : value.compareTo(BigDecimal.valueOf(50)) >= 0 ? "g" : "s";
    Map<String, Response.Figure> themes = Map.of("t1", new Response.Figure(status, value));
    return stored(
        id,
        scan,
        className,
        year,
        companyKey,
        companyName,
        sector,
        status,
        value,
        level,
        themes,
        answers);
  }

  /**
   * A response as import stores it: its questions' statuses and points are what scoring its answers
   * on its scan gives; the overall and theme figures are the ones given.
   */
  private static Response stored(
      long id,
      Scan scan,
      String className,
      String year,
      String companyKey,
      String companyName,
      String sector,
      Status status,
      BigDecimal score,
      String level,
      Map<String, Response.Figure> themes,
      Map<String, AnswerValue> answers) {
    Map<String, Answers.Answer> given = new LinkedHashMap<>();
    answers.forEach(
        (question, value) -> given.put(question, new Answers.Answer(question, value, null, null)));
    ScoreResult result =
        Scorer.score(scan, new Answers(scan.id(), scan.version(), null, null, null, null, given));
    Map<String, Response.QuestionFigure> questions = new HashMap<>();
    result
        .questions()
        .forEach(
            q ->
                questions.put(
                    q.question().id(), new Response.QuestionFigure(q.status(), q.points())));
    Set<String> hidden = new HashSet<>();
    result.hiddenAnswers().forEach(h -> hidden.add(h.question().id()));
    return new Response(
        id,
        scan.hash(),
        className,
        year,
        null,
        null,
        null,
        companyKey,
        companyName,
        null,
        null,
        sector,
        status,
        score,
        null,
        level,
        themes,
        questions,
        answers,
        hidden);
  }

  /** Question id, value pairs: a {@link String} is a choice's option id, a {@link List} a multi. */
  private static Map<String, AnswerValue> answers(Object... pairs) {
    Map<String, AnswerValue> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      map.put(
          (String) pairs[i],
          value instanceof List<?> ids
              ? AnswerValue.multi(ids.stream().map(String::valueOf).toList())
              : AnswerValue.choice((String) value));
    }
    return map;
  }

  private static GroupSummary only(Aggregate aggregate) {
    assertThat(aggregate.pools()).hasSize(1);
    assertThat(aggregate.pools().get(0).groups()).hasSize(1);
    return aggregate.pools().get(0).groups().get(0);
  }

  @Test
  void groupsByClassWithoutCaseInOrderWithResponsesWithoutAClassLast() {
    List<Response> responses =
        List.of(
            response(1, TEST, "3B", "2026-2027", null, null, null, "40", answers()),
            response(2, TEST, null, "2026-2027", null, null, null, "60", answers()),
            response(3, TEST, "3A", "2026-2027", null, null, null, "80", answers()),
            response(4, TEST, "3b", "2026-2027", null, null, null, "20", answers()));
    Aggregate aggregate =
        Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.CLASS, "en");
    List<GroupSummary> groups = aggregate.pools().get(0).groups();
    assertThat(groups).extracting(GroupSummary::key).containsExactly("3A", "3B", null);
    assertThat(groups).extracting(GroupSummary::n).containsExactly(1, 2, 1);
    assertThat(aggregate.n()).isEqualTo(4);
  }

  @Test
  void theSectorIsTheProfileAnswerElseTheStoredCompanySector() {
    List<Response> responses =
        List.of(
            response(
                1,
                TEST,
                "3A",
                "2026-2027",
                "name:x",
                "X",
                "Handel",
                "40",
                answers("sector", "zorg")),
            response(2, TEST, "3A", "2026-2027", "name:y", "Y", " Productie ", "60", answers()),
            response(3, TEST, "3A", "2026-2027", "name:z", "Z", "Handel", "80", answers()),
            response(4, TEST, "3A", "2026-2027", "name:w", "W", null, "20", answers()));
    List<GroupSummary> groups =
        Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.SECTOR, "en")
            .pools()
            .get(0)
            .groups();
    assertThat(groups)
        .extracting(GroupSummary::key)
        .containsExactly("productie", "zorg", "handel", null);
    assertThat(groups)
        .extracting(GroupSummary::label)
        .containsExactly("Manufacturing", "Care", "Handel", null);
  }

  @Test
  void onlyResponsesOfTheSameScanHashArePooledTheLargestPoolFirst() {
    Scan other = scan(SCAN.replace("\"version\": \"1\"", "\"version\": \"2\""));
    assertThat(other.hash()).isNotEqualTo(TEST.hash());
    List<Response> responses =
        List.of(
            response(1, other, "3A", "2026-2027", null, null, null, "10", answers()),
            response(2, TEST, "3A", "2026-2027", null, null, null, "20", answers()),
            response(3, TEST, "3A", "2026-2027", null, null, null, "40", answers()));
    Aggregate aggregate =
        Aggregator.aggregate(
            responses, Map.of(TEST.hash(), TEST, other.hash(), other), Grouping.ALL, "en");
    assertThat(aggregate.pools()).extracting(p -> p.scan().version()).containsExactly("1", "2");
    assertThat(aggregate.pools()).extracting(Aggregate.Pool::n).containsExactly(2, 1);
    assertThat(aggregate.pools().get(0).groups().get(0).overall().statistics().mean())
        .isEqualTo(Rational.of(new BigDecimal("30")));
    assertThat(aggregate.pools().get(1).groups().get(0).overall().statistics().mean())
        .isEqualTo(Rational.of(new BigDecimal("10")));
  }

  @Test
  void improvementsAreTheFiveLargestWeightedSumsWithTiesInDocumentOrder() {
    Map<String, AnswerValue> allLow =
        answers(
            "big", "n", "q1", "lo", "q2", "lo", "q3", "lo", "q4", "lo", "q5", "lo", "q6", "lo", "m",
            List.of());
    List<Response> responses =
        List.of(
            response(1, TEST, "3A", "2026-2027", null, null, null, "0", allLow),
            response(2, TEST, "3A", "2026-2027", null, null, null, "0", allLow));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.ALL, "en"));
    // q6 weighs 2: 2·(2 − 0)/2 = 2 per response, 4 in all; q1..q5 and m 1 per response, 2 in all
    assertThat(group.improvements())
        .extracting(i -> i.question().id())
        .containsExactly("q6", "q1", "q2", "q3", "q4");
    assertThat(group.improvements().get(0).sum()).isEqualTo(Rational.of(new BigDecimal("4")));
    assertThat(group.improvements().get(0).mean()).isEqualTo(Rational.of(new BigDecimal("2")));
    assertThat(group.improvements().get(1).resolved()).isEqualTo(2);
  }

  @Test
  void anImprovementSumIsTheExactSumOfEveryResponsesPotentialWithDecimalPointsAndWeight() {
    Scan scan =
        scan(
            """
            {"format": "mvoscan-scan/1", "id": "d", "version": "1", "languages": ["en"], "title": "D",
             "themes": [{"id": "t1", "title": "T1", "questions": [
               {"id": "q", "type": "choice", "text": "Q", "weight": 1.5, "options": [
                 {"id": "top", "label": "Top", "points": 1}, {"id": "some", "label": "Some", "points": 0.3},
                 {"id": "none", "label": "None", "points": 0}]}]}],
             "levels": [{"id": "s", "min": 0, "label": "S"}]}
            """);
    List<Response> responses =
        List.of(
            response(1, scan, "3A", "2026-2027", null, null, null, "30", answers("q", "some")),
            response(2, scan, "3A", "2026-2027", null, null, null, "0", answers("q", "none")),
            response(3, scan, "3A", "2026-2027", null, null, null, "100", answers("q", "top")),
            response(4, scan, "3A", "2026-2027", null, null, null, "30", answers("q", "some")));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(scan.hash(), scan), Grouping.ALL, "en"));
    // 1.5·(1 − 0.3) + 1.5·(1 − 0) + 1.5·(1 − 1) + 1.5·(1 − 0.3) = 3.6, over 4 resolved answers
    assertThat(group.improvements()).hasSize(1);
    GroupSummary.Improvement q = group.improvements().get(0);
    assertThat(q.sum()).isEqualTo(Rational.of(new BigDecimal("3.6")));
    assertThat(q.mean()).isEqualTo(Rational.of(new BigDecimal("0.9")));
    assertThat(q.meanPoints()).isEqualTo(Rational.of(new BigDecimal("0.4")));
    assertThat(q.below()).isEqualTo(3);
    assertThat(q.common().value()).isEqualTo(AnswerValue.choice("some"));
    assertThat(q.common().count()).isEqualTo(2);
  }

  @Test
  void answerDistributionsCountHiddenAndMissingApartFromTheOptions() {
    List<Response> responses =
        List.of(
            // h answered while hidden (big = n): hidden, not counted under its option
            response(
                1,
                TEST,
                "3A",
                "2026-2027",
                null,
                null,
                null,
                "50",
                answers("big", "n", "h", "hi", "m", List.of("a", "c"))),
            response(
                2,
                TEST,
                "3A",
                "2026-2027",
                null,
                null,
                null,
                "30",
                answers("big", "y", "m", List.of("c"))),
            response(
                3,
                TEST,
                "3A",
                "2026-2027",
                null,
                null,
                null,
                "70",
                answers("big", "y", "h", "lo")));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.ALL, "en"));
    GroupSummary.QuestionDistribution h =
        group.questions().stream()
            .filter(q -> q.question().id().equals("h"))
            .findFirst()
            .orElseThrow();
    assertThat(List.of(h.answered(), h.na(), h.unknown(), h.missing(), h.hidden()))
        .containsExactly(1, 0, 0, 1, 1);
    assertThat(h.options())
        .extracting(o -> o.option().id() + "=" + o.count())
        .containsExactly("hi=0", "lo=1");
    GroupSummary.QuestionDistribution m =
        group.questions().stream()
            .filter(q -> q.question().id().equals("m"))
            .findFirst()
            .orElseThrow();
    assertThat(m.answered()).isEqualTo(2);
    assertThat(m.missing()).isEqualTo(1);
    assertThat(m.options())
        .extracting(o -> o.option().id() + "=" + o.count())
        .containsExactly("a=1", "b=0", "c=2");
    for (GroupSummary.QuestionDistribution q : group.questions()) {
      assertThat(q.answered() + q.na() + q.unknown() + q.missing() + q.hidden())
          .as(q.question().id())
          .isEqualTo(3);
    }
    assertThat(group.levels())
        .extracting(l -> (l.level() == null ? "none" : l.level().id()) + "=" + l.count())
        .containsExactly("s=1", "g=2", "none=0");
  }

  @Test
  void agreementIsPerCompanyAndSchoolYearAndAMultiAnswerInAnotherOrderIsTheSame() {
    List<Response> responses =
        List.of(
            response(
                1,
                TEST,
                "3A",
                "2026-2027",
                "kvk:1",
                "Smit",
                null,
                "60",
                answers("q1", "hi", "q2", "lo", "m", List.of("b", "a"))),
            response(
                2,
                TEST,
                "3A",
                "2026-2027",
                "kvk:1",
                "Smit",
                null,
                "40",
                answers("q1", "hi", "q2", "hi", "m", List.of("a", "b"))),
            response(
                3,
                TEST,
                "3A",
                "2026-2027",
                "kvk:1",
                "Smit",
                null,
                "50",
                answers("q1", "hi", "m", List.of("a", "b"))),
            // another school year: not compared with the three above
            response(
                4,
                TEST,
                "2A",
                "2025-2026",
                "kvk:1",
                "Smit",
                null,
                "20",
                answers("q1", "lo", "q2", "lo")),
            // one student only: no agreement
            response(
                5, TEST, "3A", "2026-2027", "kvk:2", "Jansen", null, "20", answers("q1", "lo")));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.ALL, "en"));
    assertThat(group.agreement()).hasSize(1);
    GroupSummary.CompanyAgreement smit = group.agreement().get(0);
    assertThat(smit.schoolYear()).isEqualTo("2026-2027");
    assertThat(smit.n()).isEqualTo(3);
    Map<String, GroupSummary.QuestionAgreement> byId = new HashMap<>();
    smit.questions().forEach(q -> byId.put(q.question().id(), q));
    assertThat(byId.get("q1").agreement()).isEqualTo(Rational.of(BigDecimal.ONE));
    assertThat(byId.get("q2").answered()).isEqualTo(2);
    assertThat(byId.get("q2").agreement()).isEqualTo(Rational.of(new BigDecimal("0.5")));
    assertThat(byId.get("m").agreeing()).isEqualTo(3);
    assertThat(byId.get("m").answers())
        .singleElement()
        .satisfies(a -> assertThat(a.answer()).containsExactly("a", "b"));
    assertThat(byId.get("q3").answered()).isZero();
    assertThat(byId.get("q3").agreement()).isNull();
    // compared: q1, q2, m; unanimous: q1 and m; mean (1 + 1/2 + 1) / 3 = 5/6
    assertThat(smit.compared()).isEqualTo(3);
    assertThat(smit.unanimous()).isEqualTo(2);
    assertThat(smit.meanAgreement())
        .isEqualTo(new Rational(java.math.BigInteger.valueOf(5), java.math.BigInteger.valueOf(6)));
    // overall 60, 40, 50: spread 20, sd 10
    assertThat(smit.spread()).isEqualTo(Rational.of(new BigDecimal("20")));
    assertThat(smit.overall().roundedSd(1)).isEqualByComparingTo("10.0");
  }

  @Test
  void trendListsTheMeanPerSchoolYearOldestFirstForCompaniesScannedInSeveralYears() {
    List<Response> responses =
        new ArrayList<>(
            List.of(
                response(1, TEST, "3A", "2026-2027", "kvk:1", "Smit", null, "60", answers()),
                response(2, TEST, "3A", "2026-2027", "kvk:1", "Smit", null, null, answers()),
                response(3, TEST, "2A", "2024-2025", "kvk:1", "Smit", null, "30", answers()),
                response(4, TEST, "2A", "2025-2026", "kvk:1", "Smit", null, "40", answers()),
                response(5, TEST, "2A", "2025-2026", "kvk:1", "Smit", null, "45", answers()),
                response(6, TEST, "3A", "2026-2027", "kvk:2", "Jansen", null, "20", answers())));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.ALL, "en"));
    assertThat(group.trend())
        .singleElement()
        .satisfies(
            trend -> {
              assertThat(trend.companyName()).isEqualTo("Smit");
              assertThat(trend.years())
                  .extracting(GroupSummary.YearMean::schoolYear)
                  .containsExactly("2024-2025", "2025-2026", "2026-2027");
              assertThat(trend.years())
                  .extracting(GroupSummary.YearMean::n)
                  .containsExactly(1, 2, 2);
              assertThat(trend.years())
                  .extracting(y -> y.statistics().mean().round(1).toPlainString())
                  .containsExactly("30.0", "42.5", "60.0");
              assertThat(trend.change()).isEqualTo(Rational.of(new BigDecimal("30")));
            });
    assertThat(
            Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.SCHOOL_YEAR, "en")
                .pools()
                .get(0)
                .groups())
        .allSatisfy(g -> assertThat(g.trend()).isEmpty());
  }

  /** Responses of two scan versions, classes in mixed case out of id order, companies and years. */
  private static List<Response> mixed(Scan other) {
    return List.of(
        response(
            1,
            TEST,
            "3B",
            "2026-2027",
            "kvk:1",
            "Smit",
            null,
            "60",
            answers("q1", "hi", "m", List.of("b", "a"))),
        response(2, other, "3A", "2026-2027", "kvk:1", "Smit", null, "10", answers("q1", "lo")),
        response(
            3,
            TEST,
            "3A",
            "2025-2026",
            "kvk:1",
            "Smit",
            "Zorg",
            "40",
            answers("q1", "lo", "sector", "productie")),
        response(
            4,
            TEST,
            "3b",
            "2026-2027",
            "kvk:1",
            "Smit",
            null,
            "50",
            answers("q1", "hi", "q2", "lo")),
        response(5, TEST, null, "2026-2027", null, null, null, null, answers("q2", "hi")),
        response(
            6,
            TEST,
            "3A",
            "2026-2027",
            "kvk:2",
            "Jansen",
            "Zorg",
            "70",
            answers("big", "y", "h", "lo")),
        response(
            7,
            TEST,
            "3a",
            "2025-2026",
            "kvk:1",
            "Smit",
            null,
            "30",
            answers("q1", "hi", "m", List.of("a"))),
        response(8, other, null, "2025-2026", "kvk:2", "Jansen", null, "90", answers()),
        response(9, TEST, "3B", "2026-2027", "kvk:2", "Jansen", null, "20", answers("q6", "lo")));
  }

  private static ResponseKey key(Response r) {
    return new ResponseKey(
        r.id(),
        r.scanHash(),
        r.className(),
        r.schoolYear(),
        r.companyKey(),
        r.companyName(),
        r.companySector(),
        r.hidden().contains(Aggregator.SECTOR_QUESTION)
            ? null
            : r.answers().get(Aggregator.SECTOR_QUESTION));
  }

  @Test
  void aStreamedAggregationHandsOverEachGroupBeforeTheNextGroupIsReadWithTheSameFigures() {
    Scan other = scan(SCAN.replace("\"version\": \"1\"", "\"version\": \"2\""));
    List<Response> responses = mixed(other);
    Map<String, Scan> scans = Map.of(TEST.hash(), TEST, other.hash(), other);
    Map<Long, Response> byId = new HashMap<>();
    responses.forEach(r -> byId.put(r.id(), r));
    for (Grouping by : Grouping.values()) {
      Aggregate whole = Aggregator.aggregate(responses, scans, by, "en");

      Aggregator.Planner planner = Aggregator.planner(scans, by, "en");
      responses.forEach(r -> planner.accept(key(r)));
      Aggregator.Plan plan = planner.finish();
      int[] read = {0};
      List<String> events = new ArrayList<>();
      List<Aggregate.Pool> pools = new ArrayList<>();
      Aggregator.Streamer streamer =
          Aggregator.streamer(
              plan,
              new GroupSink() {
                @Override
                public void start(Aggregate outline) {
                  events.add("start after " + read[0]);
                  assertThat(outline.by()).isEqualTo(by);
                  assertThat(outline.n()).isEqualTo(whole.n());
                  assertThat(outline.pools())
                      .extracting(Aggregate.Pool::scan, Aggregate.Pool::n)
                      .containsExactlyElementsOf(
                          whole.pools().stream()
                              .map(p -> org.assertj.core.groups.Tuple.tuple(p.scan(), p.n()))
                              .toList());
                }

                @Override
                public void group(Aggregate.Pool pool, GroupSummary group) {
                  events.add(group.key() + " after " + read[0]);
                  if (pools.isEmpty() || pools.get(pools.size() - 1).scan() != pool.scan()) {
                    pools.add(new Aggregate.Pool(pool.scan(), pool.n(), new ArrayList<>()));
                  }
                  pools.get(pools.size() - 1).groups().add(group);
                }

                @Override
                public void end() {
                  events.add("end after " + read[0]);
                }
              });
      for (long[] run : plan.runs(2)) {
        assertThat(run.length).isBetween(1, 2);
        for (long id : run) {
          streamer.accept(byId.get(id));
          read[0]++;
        }
      }
      streamer.finish();

      assertThat(pools).as(by.id()).isEqualTo(whole.pools());
      // each group is handed over right after its own last response, before the next one is read
      List<String> expected = new ArrayList<>(List.of("start after 0"));
      int sum = 0;
      for (Aggregate.Pool pool : whole.pools()) {
        for (GroupSummary group : pool.groups()) {
          sum += group.n();
          expected.add(group.key() + " after " + (sum - 1));
        }
      }
      expected.add("end after " + sum);
      assertThat(events).as(by.id()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aStreamedAggregationRefusesResponsesOutOfThePlannedOrder() {
    List<Response> responses = mixed(TEST);
    Aggregator.Planner planner =
        Aggregator.planner(Map.of(TEST.hash(), TEST), Grouping.CLASS, "en");
    responses.forEach(r -> planner.accept(key(r)));
    Aggregator.Streamer streamer =
        Aggregator.streamer(
            planner.finish(),
            new GroupSink() {
              @Override
              public void start(Aggregate outline) {}

              @Override
              public void group(Aggregate.Pool pool, GroupSummary group) {}

              @Override
              public void end() {}
            });
    // the plan starts with class 3A (responses 2, 3, 6, 7), not with response 1 of 3B
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> streamer.accept(responses.get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("response 1");
  }

  @Test
  void insufficientAndNotApplicableAreCountedApartFromTheScoredFigures() {
    List<Response> responses =
        List.of(
            response(1, TEST, "3A", "2026-2027", null, null, null, "80", answers()),
            response(2, TEST, "3A", "2026-2027", null, null, null, null, answers()),
            stored(
                3,
                TEST,
                "3A",
                "2026-2027",
                null,
                null,
                null,
                Status.NOT_APPLICABLE,
                null,
                null,
                Map.of("t1", new Response.Figure(Status.NOT_APPLICABLE, null)),
                answers()));
    GroupSummary group =
        only(Aggregator.aggregate(responses, Map.of(TEST.hash(), TEST), Grouping.ALL, "en"));
    assertThat(group.n()).isEqualTo(3);
    assertThat(group.overall().scored()).isEqualTo(1);
    assertThat(group.overall().insufficient()).isEqualTo(1);
    assertThat(group.overall().notApplicable()).isEqualTo(1);
    assertThat(group.overall().statistics().mean()).isEqualTo(Rational.of(new BigDecimal("80")));
    assertThat(group.overall().statistics().roundedSd(1)).isNull();
    assertThat(group.levels()).extracting(GroupSummary.LevelCount::count).containsExactly(0, 1, 2);
  }

  @Test
  void groupingNamesAreReadAsOnTheCommandLine() {
    assertThat(Grouping.fromId("school-year")).isEqualTo(Grouping.SCHOOL_YEAR);
    assertThat(Grouping.fromId("Company")).isEqualTo(Grouping.COMPANY);
    assertThat(Grouping.SCHOOL_YEAR.id()).isEqualTo("school-year");
  }
}
