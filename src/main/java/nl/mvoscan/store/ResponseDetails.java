package nl.mvoscan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

/** One stored response with everything that was stored about it, for {@code mvoscan show}. */
public final class ResponseDetails {

  private static final ObjectMapper VALUES =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(new JsonNodeFactory(true))
          .build();

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
        connection ->
            snapshot(
                connection,
                c -> {
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT r.id, p.name, p.student_number, r.class, c.id, c.name, c.kvk, c.city, c.sector, r.school_year, r.date,"
                              + " r.language, s.scan_id, s.version, s.hash, r.source_file, r.source_row, r.imported_at, r.status,"
                              + " r.score, r.coverage, r.grade, r.level"
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
                      String hash = rs.getString(15);
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
                              hash,
                              rs.getString(16),
                              sourceRow,
                              rs.getString(18),
                              rs.getString(19),
                              oneDecimal(rs, 20),
                              oneDecimal(rs, 21),
                              oneDecimal(rs, 22),
                              rs.getString(23),
                              themes(connection, "r.id = ?", List.of(id))
                                  .getOrDefault(id, List.of()),
                              answers(connection, "r.id = ?", List.of(id), new HashMap<>())
                                  .getOrDefault(id, List.of())));
                    }
                  }
                }));
  }

  /**
   * Runs several reads on one snapshot of the database, so a concurrent import cannot show half of
   * itself. The deferred transaction takes no write lock.
   */
  static <T> T snapshot(Connection connection, Store.Work<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run(connection);
    }
    try (var statement = connection.createStatement()) {
      statement.execute("BEGIN DEFERRED");
    }
    try {
      return work.run(connection);
    } finally {
      try (var statement = connection.createStatement()) {
        statement.execute("COMMIT");
      }
    }
  }

  /**
   * Theme figures of the responses matching {@code where} (on alias {@code r}), in document order.
   */
  static Map<Long, List<Theme>> themes(Connection connection, String where, List<Object> args)
      throws SQLException {
    Map<Long, List<Theme>> themes = new LinkedHashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT t.response_id, t.theme_id, t.status, t.score, t.coverage FROM theme_score t"
                + " JOIN response r ON r.id = t.response_id LEFT JOIN respondent p ON p.id = r.respondent_id"
                + " WHERE "
                + where
                + " ORDER BY t.response_id, t.position")) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          themes
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new Theme(
                      rs.getString(2), rs.getString(3), oneDecimal(rs, 4), oneDecimal(rs, 5)));
        }
      }
    }
    return themes;
  }

  /**
   * Answers of the responses matching {@code where}, per response in the scan's document order
   * (profile questions first, then the themes' questions).
   *
   * @param orders question order per scan hash; filled as scans are read
   */
  static Map<Long, List<Answer>> answers(
      Connection connection,
      String where,
      List<Object> args,
      Map<String, Map<String, Integer>> orders)
      throws SQLException {
    Map<Long, List<Answer>> answers = new LinkedHashMap<>();
    Map<Long, String> scanOf = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT a.response_id, a.question_id, a.value, a.evidence, a.note, a.status, a.points, r.scan_hash FROM answer a"
                + " JOIN response r ON r.id = a.response_id LEFT JOIN respondent p ON p.id = r.respondent_id"
                + " WHERE "
                + where
                + " ORDER BY a.response_id, a.rowid")) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long response = rs.getLong(1);
          scanOf.put(response, rs.getString(8));
          answers
              .computeIfAbsent(response, k -> new ArrayList<>())
              .add(
                  new Answer(
                      response,
                      rs.getString(2),
                      parseValue(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      plain(rs, 7)));
        }
      }
    }
    for (Map.Entry<Long, List<Answer>> entry : answers.entrySet()) {
      String hash = scanOf.get(entry.getKey());
      if (!orders.containsKey(hash)) {
        orders.put(hash, questionOrder(connection, hash));
      }
      Map<String, Integer> order = orders.get(hash);
      // stable sort: a question the definition does not know (never expected) keeps its stored
      // place at the end
      entry
          .getValue()
          .sort(
              Comparator.comparingInt(a -> order.getOrDefault(a.questionId(), Integer.MAX_VALUE)));
    }
    return answers;
  }

  /**
   * Question id → position in the stored scan definition: profile questions, then each theme's
   * questions.
   */
  static Map<String, Integer> questionOrder(Connection connection, String scanHash)
      throws SQLException {
    Map<String, Integer> order = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT definition FROM scan WHERE hash = ?")) {
      select.setString(1, scanHash);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return order;
        }
        JsonNode definition = VALUES.readTree(rs.getString(1));
        for (JsonNode question : definition.path("profile")) {
          order.putIfAbsent(question.path("id").asText(), order.size());
        }
        for (JsonNode theme : definition.path("themes")) {
          for (JsonNode question : theme.path("questions")) {
            order.putIfAbsent(question.path("id").asText(), order.size());
          }
        }
      } catch (JsonProcessingException e) {
        return order;
      }
    }
    return order;
  }

  static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      statement.setObject(i + 1, args.get(i));
    }
  }

  /** The stored JSON of an answer value, with numbers as exact decimals. */
  static JsonNode parseValue(String json) {
    if (json == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    try {
      return VALUES.readTree(json);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.textNode(json);
    }
  }

  /** A stored percentage or grade: one decimal, as reported ({@code 100.0}, {@code 30.2}). */
  static BigDecimal oneDecimal(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull()
        ? null
        : BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_EVEN);
  }

  /** Stored points as the scan author wrote them: {@code 2}, {@code 0.3}, never {@code 2.0}. */
  static BigDecimal plain(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    if (rs.wasNull()) {
      return null;
    }
    BigDecimal stripped = BigDecimal.valueOf(value).stripTrailingZeros();
    return stripped.signum() == 0
        ? BigDecimal.ZERO
        : stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
