package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;

/** One stored response with everything that was stored about it, for {@code mvoscan show}. */
public final class ResponseDetails {

  /**
   * A theme's stored figures; {@code score} and {@code coverage} are {@code null} when they do not
   * exist.
   */
  public record Theme(String id, String status, BigDecimal score, BigDecimal coverage) {}

  /**
   * One stored answer.
   *
   * @param value the answer as JSON: a string, a number or a list of option ids
   * @param status the scoring status for scored questions ({@code answered}, {@code na}…), else
   *     {@code null}
   */
  public record Answer(
      long responseId,
      String questionId,
      JsonNode value,
      String evidence,
      String note,
      String status,
      BigDecimal points) {}

  /** The company a response is about; {@code null} fields were not given. */
  public record Company(long id, String name, String kvk, String city, String sector) {}

  /** Everything stored about one response. */
  public record Details(
      long id,
      String student,
      String studentNumber,
      String className,
      Company company,
      String schoolYear,
      String date,
      String language,
      String scanId,
      String scanVersion,
      String scanHash,
      String sourceFile,
      Integer sourceRow,
      String importedAt,
      String status,
      BigDecimal score,
      BigDecimal coverage,
      BigDecimal grade,
      String level,
      List<Theme> themes,
      List<Answer> answers) {}

  private ResponseDetails() {}

  /** The response with this id, or empty when there is none. */
  public static Optional<Details> find(Store store, long id) {
    return store.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT r.id, p.name, p.student_number, r.class, c.id, c.name, c.kvk, c.city, c.sector, r.school_year, r.date,"
                      + " r.language, s.scan_id, s.version, s.hash, r.source_file, r.source_row, r.imported_at, r.status,"
                      + " r.exact_score, r.exact_coverage, r.exact_grade, r.level"
                      + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
                      + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id"
                      + " WHERE r.id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Details>empty();
              }
              long companyId = rs.getLong(5);
              Company company =
                  rs.wasNull()
                      ? null
                      : new Company(
                          companyId,
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8),
                          rs.getString(9));
              int row = rs.getInt(17);
              Integer sourceRow = rs.wasNull() ? null : row;
              return Optional.of(
                  new Details(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      company,
                      rs.getString(10),
                      rs.getString(11),
                      rs.getString(12),
                      rs.getString(13),
                      rs.getString(14),
                      rs.getString(15),
                      rs.getString(16),
                      sourceRow,
                      rs.getString(18),
                      rs.getString(19),
                      ExactFigures.oneDecimal(rs.getString(20)),
                      ExactFigures.percent(rs.getString(21)),
                      ExactFigures.oneDecimal(rs.getString(22)),
                      rs.getString(23),
                      themes(connection, "r.id = ?", List.of(id)).getOrDefault(id, List.of()),
                      answers(connection, "r.id = ?", List.of(id)).getOrDefault(id, List.of())));
            }
          }
        });
  }

  /** Theme rows of responses, before the condition on alias {@code r}. */
  static final String THEMES =
      "SELECT t.response_id, t.theme_id, t.status, t.exact_score, t.exact_coverage FROM theme_score t"
          + " JOIN response r ON r.id = t.response_id LEFT JOIN respondent p ON p.id = r.respondent_id"
          + " WHERE ";

  /** Answer rows of responses, before the condition on alias {@code r}. */
  static final String ANSWERS =
      "SELECT a.response_id, a.question_id, a.value, a.evidence, a.note, a.status,"
          + " r.scan_hash FROM answer a"
          + " JOIN response r ON r.id = a.response_id LEFT JOIN respondent p ON p.id = r.respondent_id"
          + " WHERE ";

  /**
   * Theme figures of the responses matching {@code where} (on alias {@code r}), in document order.
   */
  static Map<Long, List<Theme>> themes(Connection connection, String where, List<Object> args)
      throws SQLException {
    Map<Long, List<Theme>> themes = new LinkedHashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(THEMES + where + " ORDER BY t.response_id, t.position")) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(theme(rs));
        }
      }
    }
    return themes;
  }

  /** The theme on the current row of a {@link #THEMES} query. */
  static Theme theme(ResultSet rs) throws SQLException {
    return new Theme(
        rs.getString(2),
        rs.getString(3),
        ExactFigures.oneDecimal(rs.getString(4)),
        ExactFigures.percent(rs.getString(5)));
  }

  /**
   * Answers of the responses matching {@code where}, per response in the scan's document order
   * (profile questions first, then the themes' questions), each value decoded by its question and
   * written back as the one answer JSON.
   */
  static Map<Long, List<Answer>> answers(Connection connection, String where, List<Object> args)
      throws SQLException {
    Map<Long, List<Answer>> answers = new LinkedHashMap<>();
    Map<Long, String> scanOf = new HashMap<>();
    try (Points points = new Points(connection);
        PreparedStatement select =
            connection.prepareStatement(
                ANSWERS + where + " ORDER BY a.response_id, a.question_id")) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long response = rs.getLong(1);
          scanOf.put(response, rs.getString(7));
          answers
              .computeIfAbsent(response, k -> new ArrayList<>())
              .add(answer(connection, rs, points));
        }
      }
    }
    for (Map.Entry<Long, List<Answer>> entry : answers.entrySet()) {
      ordered(connection, scanOf.get(entry.getKey()), entry.getValue());
    }
    return answers;
  }

  /**
   * The answer on the current row of an {@link #ANSWERS} query, with the exact points of its
   * question from {@code points}.
   */
  static Answer answer(Connection connection, ResultSet rs, Points points) throws SQLException {
    Scan scan = StoredScans.scan(connection, rs.getString(7));
    AnswerValue value = StoredResponses.value(scan, rs.getString(2), rs.getString(3));
    long responseId = rs.getLong(1);
    String exact = points.of(responseId, rs.getString(2));
    return new Answer(
        rs.getLong(1),
        rs.getString(2),
        value == null ? parseValue(rs.getString(3)) : AnswerJson.write(value),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        // points that are no number are damaged figures of that response, not an internal error
        PackedFigures.of(responseId, () -> ExactFigures.points(exact)));
  }

  /**
   * The exact points of a response's questions, from its packed question figures: read once per
   * response, when the first of its answers asks, so that the answer rows need not carry them.
   */
  static final class Points implements AutoCloseable {
    private final Connection connection;
    private PreparedStatement select;
    private long response = -1;
    private final Map<String, String> byQuestion = new HashMap<>();

    Points(Connection connection) {
      this.connection = connection;
    }

    /** The points of question {@code questionId} in response {@code responseId}, or null. */
    String of(long responseId, String questionId) throws SQLException {
      if (responseId != response) {
        if (select == null) {
          select =
              connection.prepareStatement("SELECT question_figures FROM response WHERE id = ?");
        }
        byQuestion.clear();
        select.setLong(1, responseId);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            String packed = rs.getString(1);
            PackedFigures.of(
                responseId,
                () -> {
                  for (Object[] q : PackedFigures.rows(packed)) {
                    byQuestion.put((String) q[0], (String) q[2]);
                  }
                  return null;
                });
          }
        }
        response = responseId;
      }
      return byQuestion.get(questionId);
    }

    @Override
    public void close() throws SQLException {
      if (select != null) {
        select.close();
      }
    }
  }

  /**
   * One response's answers in its scan's document order. The sort is stable: a question the
   * definition does not know (never expected) keeps its stored place at the end.
   */
  static List<Answer> ordered(Connection connection, String scanHash, List<Answer> answers)
      throws SQLException {
    if (answers.isEmpty()) {
      return answers;
    }
    Map<String, Integer> order = ORDERS.get(scanHash);
    if (order == null) {
      order = order(StoredScans.scan(connection, scanHash));
      ORDERS.put(scanHash, order);
    }
    Map<String, Integer> positions = order;
    answers.sort(
        Comparator.comparingInt(a -> positions.getOrDefault(a.questionId(), Integer.MAX_VALUE)));
    return answers;
  }

  /** Question order per scan hash: a hash names one definition, so its order never changes. */
  private static final Map<String, Map<String, Integer>> ORDERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Question id → position in the scan: profile questions, then each theme's questions. */
  private static Map<String, Integer> order(Scan scan) {
    Map<String, Integer> order = new HashMap<>();
    for (Question question : scan.questions()) {
      order.putIfAbsent(question.id(), order.size());
    }
    return order;
  }

  /**
   * Walks a result ordered by response id (column 1) alongside the responses: {@link #upTo} says
   * whether the next row belongs to the given response, so rows are read once, in step.
   */
  static final class Cursor {
    private final ResultSet rs;
    private boolean pending;
    private boolean done;

    Cursor(ResultSet rs) {
      this.rs = rs;
    }

    /**
     * Whether the next row is one of response {@code id}; then the result stands on it. Rows of
     * earlier responses are passed over; a row of a later response waits for its turn.
     */
    boolean upTo(long id) throws SQLException {
      while (!done) {
        if (!pending) {
          if (!rs.next()) {
            done = true;
            return false;
          }
          pending = true;
        }
        long row = rs.getLong(1);
        if (row == id) {
          pending = false;
          return true;
        }
        if (row > id) {
          return false;
        }
        pending = false;
      }
      return false;
    }

    /** The scan hash (column 7 of {@link #ANSWERS}) of the row the result stands on. */
    String scanHash() throws SQLException {
      return rs.getString(7);
    }
  }

  static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      statement.setObject(i + 1, args.get(i));
    }
  }

  /** The stored JSON of a value no question of its scan can read (never expected): as it is. */
  static JsonNode parseValue(String json) {
    JsonNode node = json == null ? null : JsonReader.parse("answer", json).root();
    return node == null ? JsonNodeFactory.instance.textNode(String.valueOf(json)) : node;
  }
}
