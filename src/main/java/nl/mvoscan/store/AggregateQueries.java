package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.aggregate.ResponseKey;
import nl.mvoscan.aggregate.ResponseSink;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.Status;

/**
 * Reads what {@code mvoscan aggregate} needs: the selected responses with their figures and
 * answers, and their scans.
 */
public final class AggregateQueries {

  /**
   * Which responses to aggregate. Every list holds alternatives (any of them matches); an empty
   * list does not filter. Classes compare without case; a company matches by name (without case),
   * by its normalised name as import recognises companies, by a spelling merged into it, or by KvK
   * number; a scan by id, by {@code id@version}, by its full hash or by a hash prefix of at least 8
   * hex digits after {@code sha256:}.
   */
  public record Filter(
      List<String> classes, List<String> companies, List<String> schoolYears, List<String> scans) {
    public Filter {
      classes = List.copyOf(classes);
      companies = List.copyOf(companies);
      schoolYears = List.copyOf(schoolYears);
      scans = List.copyOf(scans);
    }
  }

  /**
   * A stored scan definition that no longer loads (it should not happen: it loaded when it was
   * stored).
   */
  public record UnreadableScan(
      String hash, String scanId, String version, List<JsonProblem> problems) {}

  /**
   * The selected responses in id order, the scans of their hashes, and stored scans that do not
   * load.
   */
  public record Selection(
      List<Response> responses, Map<String, Scan> scans, List<UnreadableScan> unreadable) {}

  private AggregateQueries() {}

  /**
   * A filter value that matches no stored response: its option, the value, the values there are.
   */
  public record Unmatched(String option, String value, List<String> known) {}

  /**
   * The values of {@code filter} (classes, companies, school years) that on their own match no
   * stored response, compared exactly as {@link #select} compares them, each with the values that
   * the stored responses do have; empty when every value names something.
   */
  public static List<Unmatched> unmatched(Store store, Filter filter) {
    return store.read(
        connection -> {
          List<Unmatched> unmatched = new ArrayList<>();
          String from =
              " FROM response r JOIN scan s ON s.hash = r.scan_hash"
                  + " LEFT JOIN company c ON c.id = r.company_id";
          for (String value : filter.classes()) {
            if (!any(
                store, connection, new Filter(List.of(value), List.of(), List.of(), List.of()))) {
              unmatched.add(
                  new Unmatched(
                      "--class",
                      value,
                      known(
                          connection,
                          "SELECT DISTINCT r.class" + from + " WHERE r.class IS NOT NULL")));
            }
          }
          for (String value : filter.companies()) {
            if (!any(
                store, connection, new Filter(List.of(), List.of(value), List.of(), List.of()))) {
              unmatched.add(
                  new Unmatched(
                      "--company",
                      value,
                      known(
                          connection,
                          "SELECT DISTINCT c.name" + from + " WHERE c.name IS NOT NULL")));
            }
          }
          for (String value : filter.schoolYears()) {
            if (!any(
                store, connection, new Filter(List.of(), List.of(), List.of(value), List.of()))) {
              unmatched.add(
                  new Unmatched(
                      "--school-year",
                      value,
                      known(connection, "SELECT DISTINCT r.school_year" + from)));
            }
          }
          return List.copyOf(unmatched);
        });
  }

  private static boolean any(Store store, Connection connection, Filter filter)
      throws SQLException {
    List<String> args = new ArrayList<>();
    String sql =
        "SELECT r.id FROM response r JOIN scan s ON s.hash = r.scan_hash"
            + " LEFT JOIN company c ON c.id = r.company_id"
            + where(store, filter, args)
            + " LIMIT 1";
    boolean[] found = {false};
    query(connection, sql, args, rs -> found[0] = true);
    return found[0];
  }

  /** The distinct values a query gives, sorted without case (as a person reads a list). */
  private static List<String> known(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    query(connection, sql, List.of(), rs -> values.add(rs.getString(1)));
    values.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder()));
    return values;
  }

  /** The selected responses, their figures and answers and their scans, on one snapshot. */
  public static Selection select(Store store, Filter filter) {
    return store.read(
        connection -> {
          Scans scans = scans(store, filter);
          List<Response> responses = new ArrayList<>();
          stream(store, filter, scans.scans(), responses::add);
          return new Selection(List.copyOf(responses), scans.scans(), scans.unreadable());
        });
  }

  /** The scans of the selected responses' hashes, and stored scans among them that do not load. */
  public record Scans(Map<String, Scan> scans, List<UnreadableScan> unreadable) {
    public Scans {
      scans = Map.copyOf(scans);
      unreadable = List.copyOf(unreadable);
    }
  }

  /** The scans of the responses {@code filter} selects. */
  public static Scans scans(Store store, Filter filter) {
    return store.read(
        connection -> {
          List<String> args = new ArrayList<>();
          String where = where(store, filter, args);
          Map<String, Scan> scans = new LinkedHashMap<>();
          List<UnreadableScan> unreadable = new ArrayList<>();
          query(
              connection,
              "SELECT hash, scan_id, version, definition FROM scan WHERE hash IN (SELECT r.scan_hash"
                  + FROM
                  + where
                  + ") ORDER BY hash",
              args,
              rs -> {
                ScanLoader.Result loaded = StoredScans.load(rs.getString(1), rs.getString(4));
                if (loaded.ok()) {
                  scans.put(rs.getString(1), loaded.scan());
                } else {
                  unreadable.add(
                      new UnreadableScan(
                          rs.getString(1), rs.getString(2), rs.getString(3), loaded.problems()));
                }
              });
          return new Scans(scans, unreadable);
        });
  }

  /**
   * Hands the responses {@code filter} selects to {@code sink} one at a time, in id order, each
   * with its stored figures and answers: four result sets ordered by response are read side by
   * side, so memory does not grow with the number of responses. An answer to a scan not in {@code
   * scans} is left out (its scan did not load).
   *
   * @return how many responses were handed over
   */
  public static int stream(Store store, Filter filter, Map<String, Scan> scans, ResponseSink sink) {
    return store.read(connection -> stream(store, connection, filter, scans, sink));
  }

  static final String FROM =
      " FROM response r JOIN scan s ON s.hash = r.scan_hash LEFT JOIN company c ON c.id = r.company_id";

  /** A response's packed question figures (PackedFigures), by question id. */
  private static Map<String, Response.QuestionFigure> questionFigures(
      long id, String packed, Decoded decoded) {
    return PackedFigures.of(
        id,
        () -> {
          List<Object[]> rows = PackedFigures.rows(packed);
          Map<String, Response.QuestionFigure> figures = new HashMap<>(rows.size() * 4 / 3 + 1);
          for (Object[] q : rows) {
            figures.put((String) q[0], decoded.figure((String) q[1], (String) q[2]));
          }
          return figures;
        });
  }

  /** Most distinct stored texts kept per question, so free texts do not grow with the responses. */
  private static final int DISTINCT = 4096;

  /**
   * What a stream of many responses decodes again and again, decoded once: each distinct stored
   * answer text of a question (a school gives the same few answers thousands of times, and a
   * decoded value is immutable) and each distinct stored status and points of a question figure.
   */
  private static final class Decoded {
    private final Map<String, Map<String, QuestionValues>> byScan = new HashMap<>();
    private final Map<String, Map<String, Response.QuestionFigure>> figures = new HashMap<>();
    private Scan scan;
    private Map<String, QuestionValues> questions;

    /** The distinct stored answers of one question and their values. */
    private record QuestionValues(Question question, Map<String, AnswerValue> values) {}

    /** As {@link StoredResponses#value}. */
    AnswerValue value(Scan of, String questionId, String json) {
      if (of != scan) {
        scan = of;
        questions = byScan.computeIfAbsent(of.hash(), h -> new HashMap<>());
      }
      QuestionValues known = questions.get(questionId);
      if (known == null) {
        Question question = StoredScans.questions(of).get(questionId);
        if (question == null) {
          return null;
        }
        known = new QuestionValues(question, new HashMap<>());
        questions.put(questionId, known);
      }
      AnswerValue value = known.values().get(json);
      if (value == null) {
        value = AnswerJson.read(known.question().type(), json);
        if (value != null && known.values().size() < DISTINCT) {
          known.values().put(json, value);
        }
      }
      return value;
    }

    private final Map<String, List<String>> scoredIds = new HashMap<>();

    /**
     * Import stores a figure for every scored question, and the aggregate needs each: a figure
     * missing is a damaged row of that response, said as such instead of failing inside the sums.
     */
    void requireEveryScored(
        long responseId, Scan of, Map<String, Response.QuestionFigure> figures) {
      List<String> ids =
          scoredIds.computeIfAbsent(
              of.hash(), h -> of.scoredQuestions().stream().map(Question::id).toList());
      PackedFigures.of(
          responseId,
          () -> {
            for (String question : ids) {
              if (!figures.containsKey(question)) {
                throw new IllegalStateException("no stored figure for question " + question);
              }
            }
            return null;
          });
    }

    Response.QuestionFigure figure(String status, String points) {
      Map<String, Response.QuestionFigure> byPoints = figures.get(status);
      if (byPoints == null) {
        byPoints = new HashMap<>();
        figures.put(status, byPoints);
      }
      Response.QuestionFigure figure = byPoints.get(points);
      if (figure == null) {
        figure = new Response.QuestionFigure(status(status), ExactFigures.points(points));
        if (byPoints.size() < DISTINCT) {
          byPoints.put(points, figure);
        }
      }
      return figure;
    }
  }

  /** Rows fetched at a time where the driver would otherwise read a whole result (PostgreSQL). */
  static final int FETCH = 500;

  /**
   * The first pass of an aggregation streamed group by group: hands {@code sink} what decides the
   * group of each response {@code filter} selects (class, school year, company, the visible answer
   * to the profile question {@code sector}), in id order, without its figures or answers. A
   * response to a scan not in {@code scans} is left out (its scan did not load).
   */
  public static void keys(
      Store store, Filter filter, Map<String, Scan> scans, Consumer<ResponseKey> sink) {
    store.read(
        connection -> {
          List<String> args = new ArrayList<>();
          args.add(Aggregator.SECTOR_QUESTION);
          String where = where(store, filter, args);
          try (PreparedStatement responses =
                  prepare(
                      connection,
                      "SELECT r.id, r.scan_hash, r.class, r.school_year, c.company_key, c.name,"
                          + " c.sector, a.value, a.hidden"
                          + FROM
                          + " LEFT JOIN answer a ON a.response_id = r.id AND a.question_id = ?"
                          + where
                          + " ORDER BY r.id",
                      args);
              ResultSet r = responses.executeQuery()) {
            StoredResponses.Decoder decoder = new StoredResponses.Decoder();
            while (r.next()) {
              Scan scan = scans.get(r.getString(2));
              if (scan == null) {
                continue;
              }
              String sector = r.getString(8);
              sink.accept(
                  new ResponseKey(
                      r.getLong(1),
                      r.getString(2),
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      r.getString(6),
                      r.getString(7),
                      sector == null || r.getInt(9) != 0
                          ? null
                          : decoder.value(scan, Aggregator.SECTOR_QUESTION, sector)));
            }
          }
          return null;
        });
  }

  /**
   * The second pass: hands {@code sink} the responses of {@code runs} with their stored figures and
   * answers, run after run, each run in id order (as {@link Aggregator.Plan#runs} cuts them), so
   * the responses arrive group by group while each table is still read along its key.
   *
   * @return how many responses were handed over
   */
  public static int stream(
      Store store, List<long[]> runs, Map<String, Scan> scans, ResponseSink sink) {
    return store.read(
        connection -> {
          int count = 0;
          for (long[] run : runs) {
            StringBuilder ids = new StringBuilder(" WHERE r.id IN (");
            for (int i = 0; i < run.length; i++) {
              // ids the store itself gave out: numbers, written into the SQL as they are
              ids.append(i == 0 ? "" : ",").append(run[i]);
            }
            count += stream(connection, ids.append(')').toString(), List.of(), scans, sink);
          }
          return count;
        });
  }

  private static int stream(
      Store store, Connection connection, Filter filter, Map<String, Scan> scans, ResponseSink sink)
      throws SQLException {
    List<String> args = new ArrayList<>();
    return stream(connection, where(store, filter, args), args, scans, sink);
  }

  private static int stream(
      Connection connection,
      String where,
      List<String> args,
      Map<String, Scan> scans,
      ResponseSink sink)
      throws SQLException {
    String selected = "SELECT r.id" + FROM + where;
    int count = 0;
    try (PreparedStatement responses =
            prepare(
                connection,
                "SELECT r.id, r.scan_hash, r.class, r.school_year, r.date, r.respondent_id, p.name,"
                    + " c.company_key, c.name, c.city, c.kvk, c.sector, r.status, r.exact_score,"
                    + " r.exact_grade, r.level, r.question_figures"
                    + FROM
                    + " LEFT JOIN respondent p ON p.id = r.respondent_id"
                    + where
                    + " ORDER BY r.id",
                args);
        PreparedStatement themes =
            prepare(
                connection,
                "SELECT t.response_id, t.theme_id, t.status, t.exact_score, t.exact_coverage"
                    + " FROM theme_score t WHERE t.response_id IN ("
                    + selected
                    + ") ORDER BY t.response_id",
                args);
        PreparedStatement answers =
            prepare(
                connection,
                "SELECT a.response_id, a.question_id, a.value, a.hidden FROM answer a"
                    + " WHERE a.response_id IN ("
                    + selected
                    + ") ORDER BY a.response_id",
                args);
        ResultSet r = responses.executeQuery();
        ResultSet t = themes.executeQuery();
        ResultSet a = answers.executeQuery()) {
      ResponseDetails.Cursor themeRows = new ResponseDetails.Cursor(t);
      ResponseDetails.Cursor answerRows = new ResponseDetails.Cursor(a);
      Decoded decoded = new Decoded();
      while (r.next()) {
        long id = r.getLong(1);
        Map<String, Response.Figure> themeFigures = themeFigures(themeRows, t, id, true);
        Map<String, Response.QuestionFigure> questionFigures =
            questionFigures(id, r.getString(17), decoded);
        Scan scan = scans.get(r.getString(2));
        if (scan != null) {
          decoded.requireEveryScored(id, scan, questionFigures);
        }
        Map<String, AnswerValue> given = new HashMap<>(128);
        Set<String> hidden = new HashSet<>();
        while (answerRows.upTo(id)) {
          String question = a.getString(2);
          AnswerValue value = scan == null ? null : decoded.value(scan, question, a.getString(3));
          if (value != null) {
            given.put(question, value);
          }
          if (a.getInt(4) != 0) {
            hidden.add(question);
          }
        }
        sink.accept(
            new Response(
                id,
                r.getString(2),
                r.getString(3),
                r.getString(4),
                StoredResponses.date(r.getString(5)),
                StoredResponses.nullableLong(r, 6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                status(r.getString(13)),
                ExactFigures.oneDecimal(r.getString(14)),
                ExactFigures.oneDecimal(r.getString(15)),
                r.getString(16),
                // read-only views: copying some 250 entries per response into immutable maps cost
                // more than reading them
                Collections.unmodifiableMap(themeFigures),
                Collections.unmodifiableMap(questionFigures),
                Collections.unmodifiableMap(given),
                Set.copyOf(hidden)));
        count++;
      }
    }
    return count;
  }

  static PreparedStatement prepare(Connection connection, String sql, List<String> args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      statement.setFetchSize(FETCH);
      for (int i = 0; i < args.size(); i++) {
        statement.setString(i + 1, args.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  static String where(Store store, Filter filter, List<String> args) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    anyOf(
        sql,
        filter.classes(),
        value -> {
          args.add(value.trim());
          return store.caseless("r.class");
        });
    // a spelling absorbed by a merge (company_alias) finds the company it was merged into
    anyOf(
        sql,
        filter.companies(),
        value -> {
          args.add(Keys.company(value, null));
          args.add(value.trim());
          args.add(value.trim());
          args.add(Keys.company(value, null));
          return "c.company_key = ? OR "
              + store.caseless("c.name")
              + " OR c.kvk = ?"
              + " OR c.id IN (SELECT a.company_id FROM company_alias a WHERE a.company_key = ?)";
        });
    anyOf(
        sql,
        filter.schoolYears(),
        value -> {
          args.add(value.trim());
          return "r.school_year = ?";
        });
    anyOf(
        sql,
        filter.scans(),
        value -> {
          String v = value.trim();
          args.add(v);
          args.add(v);
          args.add(v);
          String condition = "s.scan_id = ? OR (s.scan_id || '@' || s.version) = ? OR s.hash = ?";
          String hex =
              v.toLowerCase(Locale.ROOT).startsWith("sha256:")
                  ? v.substring(7).toLowerCase(Locale.ROOT)
                  : "";
          if (hex.length() >= 8 && hex.matches("[0-9a-f]+")) {
            args.add("sha256:" + hex + "%");
            condition += " OR s.hash LIKE ?";
          }
          return condition;
        });
    return sql.toString();
  }

  private interface Condition {
    String of(String value);
  }

  private static void anyOf(StringBuilder sql, List<String> values, Condition condition) {
    if (values.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add("(" + condition.of(v) + ")"));
    sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(Connection connection, String sql, List<String> args, Row row)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        select.setString(i + 1, args.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    }
  }

  /**
   * The stored theme figures of response {@code id}, read from {@code themes} (response_id,
   * theme_id, status, exact_score and, when {@code withCoverage}, exact_coverage, ordered by
   * response) up to that response.
   */
  static Map<String, Response.Figure> themeFigures(
      ResponseDetails.Cursor rows, ResultSet themes, long id, boolean withCoverage)
      throws SQLException {
    Map<String, Response.Figure> figures = new HashMap<>();
    while (rows.upTo(id)) {
      figures.put(
          themes.getString(2),
          new Response.Figure(
              status(themes.getString(3)),
              ExactFigures.oneDecimal(themes.getString(4)),
              withCoverage ? ExactFigures.percent(themes.getString(5)) : null));
    }
    return figures;
  }

  static Status status(String id) {
    Status known = STATUSES.get(id);
    return known != null ? known : Status.valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The statuses by the spelling the database keeps ({@link Status#id}). */
  private static final Map<String, Status> STATUSES = new HashMap<>();

  static {
    for (Status status : Status.values()) {
      STATUSES.put(status.id(), status);
    }
  }
}
