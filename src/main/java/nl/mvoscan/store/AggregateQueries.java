package nl.mvoscan.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
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

  public static Selection select(Store store, Filter filter) {
    return store.read(
        connection -> {
          // one read transaction: with WAL the three queries see the same snapshot, whatever
          // imports run meanwhile
          try (Statement begin = connection.createStatement()) {
            begin.execute("BEGIN");
          }
          try {
            Selection selection = select(connection, filter);
            try (Statement commit = connection.createStatement()) {
              commit.execute("COMMIT");
            }
            return selection;
          } catch (SQLException | RuntimeException e) {
            try (Statement rollback = connection.createStatement()) {
              rollback.execute("ROLLBACK");
            }
            throw e;
          }
        });
  }

  private static Selection select(Connection connection, Filter filter) throws SQLException {
    List<String> args = new ArrayList<>();
    String where = where(filter, args);
    String from =
        " FROM response r JOIN scan s ON s.hash = r.scan_hash LEFT JOIN company c ON c.id = r.company_id";
    String selected = "SELECT r.id" + from + where;

    Map<Long, Map<String, Response.Figure>> themes = new HashMap<>();
    query(
        connection,
        "SELECT t.response_id, t.theme_id, t.status, t.score FROM theme_score t WHERE t.response_id IN ("
            + selected
            + ") ORDER BY t.response_id, t.position",
        args,
        rs ->
            themes
                .computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                .put(
                    rs.getString(2), new Response.Figure(status(rs.getString(3)), decimal(rs, 4))));

    Map<String, Scan> scans = new LinkedHashMap<>();
    List<UnreadableScan> unreadable = new ArrayList<>();
    query(
        connection,
        "SELECT hash, scan_id, version, definition FROM scan WHERE hash IN (SELECT r.scan_hash"
            + from
            + where
            + ") ORDER BY hash",
        args,
        rs -> {
          String hash = rs.getString(1);
          String name = "db:" + hash;
          JsonDocument document = JsonReader.parse(name, rs.getString(4));
          ScanLoader.Result loaded = ScanLoader.load(Path.of(name), document, Locale.ENGLISH);
          if (loaded.ok()) {
            scans.put(hash, loaded.scan());
          } else {
            unreadable.add(
                new UnreadableScan(hash, rs.getString(2), rs.getString(3), loaded.problems()));
          }
        });

    // answers are typed by their question, so they are read once the scans are known
    Map<Long, String> scanOf = new HashMap<>();
    query(
        connection,
        "SELECT r.id, r.scan_hash" + from + where,
        args,
        rs -> scanOf.put(rs.getLong(1), rs.getString(2)));
    Map<String, Map<String, Question>> questions = new HashMap<>();
    scans.forEach((hash, scan) -> questions.put(hash, scan.questionsById()));
    Map<Long, Map<String, AnswerValue>> answers = new HashMap<>();
    query(
        connection,
        "SELECT a.response_id, a.question_id, a.value FROM answer a WHERE a.response_id IN ("
            + selected
            + ")",
        args,
        rs -> {
          Question question =
              questions.getOrDefault(scanOf.get(rs.getLong(1)), Map.of()).get(rs.getString(2));
          AnswerValue value =
              question == null ? null : AnswerJson.read(question.type(), rs.getString(3));
          if (value != null) {
            answers
                .computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                .put(rs.getString(2), value);
          }
        });

    List<Response> responses = new ArrayList<>();
    query(
        connection,
        "SELECT r.id, r.scan_hash, r.class, r.school_year, c.company_key, c.name, c.sector, r.status, r.score, r.level"
            + from
            + where
            + " ORDER BY r.id",
        args,
        rs -> {
          long id = rs.getLong(1);
          responses.add(
              new Response(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  status(rs.getString(8)),
                  decimal(rs, 9),
                  rs.getString(10),
                  Map.copyOf(themes.getOrDefault(id, Map.of())),
                  Map.copyOf(answers.getOrDefault(id, Map.of()))));
        });
    return new Selection(List.copyOf(responses), Map.copyOf(scans), List.copyOf(unreadable));
  }

  private static String where(Filter filter, List<String> args) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    // the collation goes on the column: SQLite (3.40, 3.51) turns "r.class = ? COLLATE NOCASE OR
    // r.class = ?
    // COLLATE NOCASE" into a lookup in the case-sensitive index response_class and misses "3A" for
    // "3a"
    anyOf(
        sql,
        filter.classes(),
        value -> {
          args.add(value.trim());
          return "r.class COLLATE NOCASE = ?";
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
          return "c.company_key = ? OR c.name COLLATE NOCASE = ? OR c.kvk = ?"
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

  private static Status status(String id) {
    return Status.valueOf(id.toUpperCase(Locale.ROOT));
  }

  /**
   * Stored figures are one-decimal values kept as REAL; the shortest decimal of the double is that
   * value.
   */
  private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
