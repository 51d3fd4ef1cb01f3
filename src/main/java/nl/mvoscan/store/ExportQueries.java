package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;

/**
 * Reads stored responses for {@code mvoscan export}: one consistent snapshot, in response id order.
 */
public final class ExportQueries {

  /** Which responses to export; {@code null} fields do not filter. */
  public record Filter(String className, String schoolYear) {}

  /**
   * One stored response with its figures.
   *
   * @param respondentId the database id of the student, {@code null} when the answers named nobody
   */
  public record Response(
      long id,
      String schoolYear,
      String className,
      Long respondentId,
      String student,
      String studentNumber,
      String company,
      String kvk,
      String city,
      String date,
      String scanId,
      String scanVersion,
      String status,
      BigDecimal score,
      BigDecimal coverage,
      BigDecimal grade,
      String level,
      List<ResponseDetails.Theme> themes) {}

  /**
   * What an export needs.
   *
   * @param answers per response id, in the scan's document order; empty unless asked for
   * @param respondentsByClass per class ({@code ""} for responses without a class), the database
   *     ids of every student with a response in that class, ascending; the whole database, not only
   *     the exported rows, so a pseudonym does not depend on the filters
   */
  public record Data(
      List<Response> responses,
      Map<Long, List<ResponseDetails.Answer>> answers,
      Map<String, List<Long>> respondentsByClass,
      List<Known> known) {

    /** Data whose only known students are those of its responses. */
    public Data(
        List<Response> responses,
        Map<Long, List<ResponseDetails.Answer>> answers,
        Map<String, List<Long>> respondentsByClass) {
      this(responses, answers, respondentsByClass, List.of());
    }

    public Data {
      known = List.copyOf(known);
    }
  }

  /**
   * A student the database knows by name, in any class, school or year.
   *
   * @param respondentId their database id, {@code null} for a student of the web app who has not
   *     sent their answers yet
   */
  public record Known(Long respondentId, String name, String studentNumber) {}

  /**
   * A student with a response among the exported ones, with the class of their first exported
   * response.
   */
  public record Student(long respondentId, String name, String studentNumber, String className) {}

  /**
   * The exported responses, read while they are written, all on one snapshot: what is known before
   * the first row (columns, pseudonyms) comes from small queries, the rows come one response at a
   * time, so an export of any size takes the memory of one response.
   */
  public interface Source {
    /** As {@link Data#respondentsByClass}. */
    Map<String, List<Long>> respondentsByClass();

    /** Every student of the exported responses, in order of their first response. */
    List<Student> students();

    /**
     * Every student the database knows by name, exported or not (every class, school and year, and
     * the web app's students who have not finished): a note may name any of them.
     */
    List<Known> known();

    /** The theme ids of the exported responses: each scan's in order, in order of first use. */
    Set<String> themeIds();

    /**
     * Hands every exported response, in id order, to {@code sink} with its answers in the scan's
     * document order (none unless the source was opened with answers).
     */
    void forEach(Sink sink);
  }

  /** Receives one exported response. */
  @FunctionalInterface
  public interface Sink {
    void accept(Response response, List<ResponseDetails.Answer> answers);
  }

  private ExportQueries() {}

  public static Data read(Store store, Filter filter, boolean withAnswers) {
    return stream(
        store,
        filter,
        withAnswers,
        source -> {
          List<Response> responses = new ArrayList<>();
          Map<Long, List<ResponseDetails.Answer>> answers = new LinkedHashMap<>();
          source.forEach(
              (response, given) -> {
                responses.add(response);
                if (!given.isEmpty()) {
                  answers.put(response.id(), given);
                }
              });
          return new Data(
              responses,
              withAnswers ? answers : Map.of(),
              source.respondentsByClass(),
              source.known());
        });
  }

  /** Runs {@code work} on a {@link Source} of the selected responses, on one read snapshot. */
  public static <T> T stream(
      Store store, Filter filter, boolean withAnswers, Function<Source, T> work) {
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> args = new ArrayList<>();
    if (filter.className() != null) {
      // without case, as every other command compares a class
      where.append(" AND ").append(store.caseless("r.class"));
      args.add(filter.className().trim());
    }
    if (filter.schoolYear() != null) {
      where.append(" AND r.school_year = ?");
      args.add(filter.schoolYear().trim());
    }
    return store.read(
        connection -> {
          try {
            return work.apply(new Snapshot(connection, where.toString(), args, withAnswers));
          } catch (ReadFailure e) {
            throw e.getCause();
          }
        });
  }

  /** A database failure inside a {@link Source} method, carried out to {@link Store#read}. */
  private static final class ReadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  private static <T> T unchecked(Query<T> query) {
    try {
      return query.run();
    } catch (SQLException e) {
      throw new ReadFailure(e);
    }
  }

  /** Rows fetched at a time, so PostgreSQL reads through a cursor instead of all at once. */
  private static final int FETCH = 500;

  private record Snapshot(
      Connection connection, String where, List<Object> args, boolean withAnswers)
      implements Source {

    @Override
    public Map<String, List<Long>> respondentsByClass() {
      return unchecked(() -> ExportQueries.respondentsByClass(connection));
    }

    @Override
    public List<Student> students() {
      return unchecked(
          () -> {
            Map<Long, Student> students = new LinkedHashMap<>();
            try (PreparedStatement select =
                prepare(
                    "SELECT r.respondent_id, p.name, p.student_number, r.class FROM response r"
                        + " JOIN respondent p ON p.id = r.respondent_id WHERE "
                        + where
                        + " ORDER BY r.id")) {
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  students.putIfAbsent(
                      rs.getLong(1),
                      new Student(
                          rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
              }
            }
            return List.copyOf(students.values());
          });
    }

    @Override
    public List<Known> known() {
      return unchecked(() -> ExportQueries.known(connection));
    }

    @Override
    public Set<String> themeIds() {
      return unchecked(
          () -> {
            Set<String> ids = new LinkedHashSet<>();
            try (PreparedStatement select =
                prepare(
                    "SELECT t.theme_id FROM theme_score t JOIN response r ON r.id = t.response_id"
                        + " LEFT JOIN respondent p ON p.id = r.respondent_id WHERE "
                        + where
                        + " ORDER BY t.response_id, t.position")) {
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getString(1));
                }
              }
            }
            return Collections.unmodifiableSet(ids);
          });
    }

    @Override
    public void forEach(Sink sink) {
      unchecked(
          () -> {
            try (PreparedStatement responses = prepare(RESPONSES + where + " ORDER BY r.id");
                PreparedStatement themes =
                    prepare(
                        ResponseDetails.THEMES + where + " ORDER BY t.response_id, t.position");
                PreparedStatement answers =
                    withAnswers
                        ? prepare(
                            ResponseDetails.ANSWERS
                                + where
                                + " ORDER BY a.response_id, a.question_id")
                        : null;
                ResultSet r = responses.executeQuery();
                ResultSet t = themes.executeQuery();
                ResultSet a = answers == null ? null : answers.executeQuery();
                ResponseDetails.Points points = new ResponseDetails.Points(connection)) {
              ResponseDetails.Cursor themeRows = new ResponseDetails.Cursor(t);
              ResponseDetails.Cursor answerRows = a == null ? null : new ResponseDetails.Cursor(a);
              DocumentOrder order = new DocumentOrder(connection);
              while (r.next()) {
                long id = r.getLong(1);
                List<ResponseDetails.Theme> themeList = new ArrayList<>();
                while (themeRows.upTo(id)) {
                  themeList.add(ResponseDetails.theme(t));
                }
                List<ResponseDetails.Answer> answerList = new ArrayList<>();
                String scanHash = null;
                while (answerRows != null && answerRows.upTo(id)) {
                  if (scanHash == null) {
                    scanHash = answerRows.scanHash();
                  }
                  answerList.add(answer(connection, a, scanHash, points));
                }
                sink.accept(response(r, themeList), order.ordered(scanHash, answerList));
              }
            }
            return null;
          });
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      statement.setFetchSize(FETCH);
      ResponseDetails.bind(statement, args);
      return statement;
    }
  }

  /**
   * {@link ResponseDetails#ordered} at the cost of one lookup per answer: each answer's position in
   * its scan (profile questions, then each theme's; unknown questions last, in stored order) is
   * looked up once and the answers are sorted by it, instead of two map lookups in every comparison
   * of the sort, thousands per response. Same order: positions are unique and ties keep their
   * stored order, as the stable sort does.
   */
  private static final class DocumentOrder {
    private final Connection connection;
    private String scanHash;
    private Map<String, Integer> positions;
    private final Map<String, Map<String, Integer>> byScan = new java.util.HashMap<>();
    private long[] keys = new long[0];

    DocumentOrder(Connection connection) {
      this.connection = connection;
    }

    List<ResponseDetails.Answer> ordered(String hash, List<ResponseDetails.Answer> answers)
        throws SQLException {
      if (answers.isEmpty()) {
        return answers;
      }
      if (!hash.equals(scanHash)) {
        positions = byScan.get(hash);
        if (positions == null) {
          Map<String, Integer> order = new java.util.HashMap<>();
          for (Question question : StoredScans.scan(connection, hash).questions()) {
            order.putIfAbsent(question.id(), order.size());
          }
          positions = order;
          byScan.put(hash, order);
        }
        scanHash = hash;
      }
      int n = answers.size();
      if (keys.length < n) {
        keys = new long[Math.max(n, 2 * keys.length)];
      }
      boolean sorted = true;
      for (int i = 0; i < n; i++) {
        long position = positions.getOrDefault(answers.get(i).questionId(), Integer.MAX_VALUE);
        keys[i] = position << 32 | i;
        sorted &= i == 0 || keys[i] > keys[i - 1];
      }
      if (sorted) {
        return answers;
      }
      java.util.Arrays.sort(keys, 0, n);
      List<ResponseDetails.Answer> ordered = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ordered.add(answers.get((int) keys[i]));
      }
      return ordered;
    }
  }

  /**
   * The answer on the current row of a {@link ResponseDetails#ANSWERS} query, as {@link
   * ResponseDetails#answer} gives it. A stored value is almost always in the one answer JSON
   * already (import writes it so): a string or a list of strings without escapes, a plain number,
   * null. Such a value becomes its node here, the node the decoding through its question would
   * give; anything else (escapes, white space, exponents, a value its question cannot read) is
   * decoded by {@link ResponseDetails#answer}. A long export is 176 answers a response, so this is
   * where most of its time went.
   */
  static ResponseDetails.Answer answer(
      Connection connection, ResultSet rs, String scanHash, ResponseDetails.Points points)
      throws SQLException {
    String questionId = rs.getString(2);
    JsonNode value = canonical(rs.getString(3));
    if (value == null) {
      return ResponseDetails.answer(connection, rs, points);
    }
    if (value.isBigInteger()) {
      Question question =
          StoredScans.questions(StoredScans.scan(connection, scanHash)).get(questionId);
      value = typed(value, question == null ? null : question.type());
    }
    long responseId = rs.getLong(1);
    String exact = points.of(responseId, questionId);
    return new ResponseDetails.Answer(
        rs.getLong(1),
        questionId,
        value,
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        // points that are no number are damaged figures of that response, not an internal error
        exact == null ? null : PackedFigures.of(responseId, () -> points(exact)));
  }

  /**
   * Points as read, per stored text: a scan gives a handful of distinct points (0, 1, 2, 0.5) to
   * millions of answers, and a BigDecimal is immutable. The texts come from scan definitions, so
   * they stay few; past {@link #POINTS_KEPT} a new one is read each time.
   */
  private static final Map<String, BigDecimal> POINTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static BigDecimal points(String text) {
    BigDecimal known = POINTS.get(text);
    if (known == null) {
      known = ExactFigures.points(text);
      if (POINTS.size() < POINTS_KEPT) {
        POINTS.put(text, known);
      }
    }
    return known;
  }

  private static final int POINTS_KEPT = 4096;

  /**
   * A {@link #canonical} node as the decoding through a question of {@code type} ({@code null}: no
   * such question) leaves it: a number question holds 12 as a decimal, anything else as the parser
   * reads it. Either is written {@code 12}; the node is the same too.
   */
  static JsonNode typed(JsonNode canonical, QuestionType type) {
    return canonical.isBigInteger() && type == QuestionType.NUMBER
        ? NODES.numberNode(canonical.decimalValue())
        : canonical;
  }

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /** Longest plain number read here: far inside every limit of {@link nl.mvoscan.io.JsonReader}. */
  private static final int PLAIN_NUMBER = 40;

  /**
   * The node of {@code json} when it is in a form that needs no parser: {@code "text"} and {@code
   * ["a","b"]} without escapes or control characters, {@code null}, an integer or a decimal without
   * exponent. {@code null} for any other text: the caller decodes it in full.
   */
  static JsonNode canonical(String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    int length = json.length();
    char first = json.charAt(0);
    if (first == '"') {
      return length >= 2 && json.charAt(length - 1) == '"' && plain(json, 1, length - 1)
          ? NODES.textNode(json.substring(1, length - 1))
          : null;
    }
    if (first == '[') {
      return list(json);
    }
    if (json.equals("null")) {
      return NODES.nullNode();
    }
    return number(json);
  }

  /** Whether {@code json} from {@code start} to {@code end} is string content JSON writes as is. */
  private static boolean plain(String json, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = json.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@code ["a","b"]}, {@code []}: a list of plain strings, no white space; else {@code null}. */
  private static JsonNode list(String json) {
    int length = json.length();
    if (length < 2 || json.charAt(length - 1) != ']') {
      return null;
    }
    ArrayNode array = NODES.arrayNode();
    int i = 1;
    if (length == 2) {
      return array;
    }
    while (true) {
      if (json.charAt(i) != '"') {
        return null;
      }
      int close = json.indexOf('"', i + 1);
      if (close < 0 || !plain(json, i + 1, close)) {
        return null;
      }
      array.add(NODES.textNode(json.substring(i + 1, close)));
      char next = close + 1 < length ? json.charAt(close + 1) : 0;
      if (next == ']' && close + 2 == length) {
        return array;
      }
      if (next != ',' || close + 2 >= length) {
        return null;
      }
      i = close + 2;
    }
  }

  /**
   * {@code -12}, {@code 0.3}: an integer (as the parser gives it, a big integer) or a decimal,
   * exact; {@code null} for anything else (exponents, leading zeros, a plus sign).
   */
  private static JsonNode number(String json) {
    int length = json.length();
    if (length > PLAIN_NUMBER) {
      return null;
    }
    int i = json.charAt(0) == '-' ? 1 : 0;
    int digits = i;
    while (i < length && json.charAt(i) >= '0' && json.charAt(i) <= '9') {
      i++;
    }
    if (i == digits || (json.charAt(digits) == '0' && i - digits > 1)) {
      return null;
    }
    if (i == length) {
      return NODES.numberNode(new BigInteger(json));
    }
    if (json.charAt(i) != '.') {
      return null;
    }
    int fraction = ++i;
    while (i < length && json.charAt(i) >= '0' && json.charAt(i) <= '9') {
      i++;
    }
    return i == length && i > fraction ? NODES.numberNode(new BigDecimal(json)) : null;
  }

  private static final String RESPONSES =
      "SELECT r.id, r.school_year, r.class, r.respondent_id, p.name, p.student_number, c.name, c.kvk, c.city, r.date,"
          + " s.scan_id, s.version, r.status, r.exact_score, r.exact_coverage, r.exact_grade, r.level"
          + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
          + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id"
          + " WHERE ";

  private static Response response(ResultSet rs, List<ResponseDetails.Theme> themes)
      throws SQLException {
    long respondent = rs.getLong(4);
    Long respondentId = rs.wasNull() ? null : respondent;
    return new Response(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        respondentId,
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        ExactFigures.oneDecimal(rs.getString(14)),
        ExactFigures.percent(rs.getString(15)),
        ExactFigures.oneDecimal(rs.getString(16)),
        rs.getString(17),
        List.copyOf(themes));
  }

  private static List<Known> known(Connection connection) throws SQLException {
    List<Known> known = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, name, student_number FROM respondent ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        known.add(new Known(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT name, student_number FROM web_student WHERE response_id IS NULL ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        known.add(new Known(null, rs.getString(1), rs.getString(2)));
      }
    }
    return List.copyOf(known);
  }

  private static Map<String, List<Long>> respondentsByClass(Connection connection)
      throws SQLException {
    Map<String, List<Long>> byClass = new LinkedHashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT DISTINCT coalesce(class, ''), respondent_id FROM response WHERE respondent_id IS NOT NULL"
                + " ORDER BY 1, 2")) {
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byClass.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
    }
    return byClass;
  }
}
