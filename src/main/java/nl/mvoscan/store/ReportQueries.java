package nl.mvoscan.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;

/**
 * What the PDF reports read from the database: a stored response rebuilt as its scan and answers
 * (so it can be scored again, exactly as on import), the class average per theme, and a class's
 * responses. Nothing here writes.
 */
public final class ReportQueries {

  /**
   * One stored response with everything needed to score and report it again.
   *
   * @param respondentId the database id of the student, {@code null} when the answers named none
   * @param companyId the database id of the company, {@code null} when the answers named none
   */
  public record StoredResponse(
      long id,
      Long respondentId,
      Long companyId,
      String className,
      String schoolYear,
      Scan scan,
      Answers answers) {}

  /**
   * The mean of the stored theme scores of a group of responses, rounded half-up to one decimal.
   */
  public record ThemeAverage(String themeId, BigDecimal mean, int count) {}

  /** Class averages per theme id (document order) and how many responses they come from. */
  public record ClassAverages(int responses, Map<String, ThemeAverage> themes) {
    public boolean isEmpty() {
      return responses == 0;
    }
  }

  private ReportQueries() {}

  /** The stored response with this id, or empty when there is none. */
  public static Optional<StoredResponse> response(Store store, long id) {
    List<StoredResponse> found = select(store, "r.id = ?", List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Every response of a class (case-insensitive), optionally of one school year, in database id
   * order.
   */
  public static List<StoredResponse> classResponses(
      Store store, String className, String schoolYear) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("trim(r.class) = ? COLLATE NOCASE");
    args.add(className.trim());
    if (schoolYear != null) {
      where.append(" AND r.school_year = ?");
      args.add(schoolYear.trim());
    }
    return select(store, where.toString(), args);
  }

  /**
   * The average theme scores of a class's responses to exactly this scan (same hash), optionally
   * within one school year. Themes that are not scored in a response do not count for that theme.
   */
  public static ClassAverages classAverages(
      Store store, String className, String scanHash, String schoolYear) {
    if (className == null || className.isBlank()) {
      return new ClassAverages(0, Map.of());
    }
    return store.read(
        connection -> {
          String filter =
              " WHERE trim(r.class) = ? COLLATE NOCASE AND r.scan_hash = ?"
                  + (schoolYear == null ? "" : " AND r.school_year = ?");
          int responses;
          try (PreparedStatement count =
              connection.prepareStatement("SELECT count(*) FROM response r" + filter)) {
            bind(count, className.trim(), scanHash, schoolYear);
            try (ResultSet rs = count.executeQuery()) {
              responses = rs.next() ? rs.getInt(1) : 0;
            }
          }
          Map<String, BigDecimal> sums = new LinkedHashMap<>();
          Map<String, Integer> counts = new HashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT t.theme_id, t.score FROM theme_score t JOIN response r ON r.id = t.response_id"
                      + filter
                      + " AND t.status = 'scored' AND t.score IS NOT NULL ORDER BY t.position, r.id")) {
            bind(select, className.trim(), scanHash, schoolYear);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                // the stored REAL was written from a one-decimal figure; its text form is that
                // figure
                BigDecimal score =
                    new BigDecimal(rs.getString(2)).setScale(1, RoundingMode.HALF_UP);
                sums.merge(rs.getString(1), score, BigDecimal::add);
                counts.merge(rs.getString(1), 1, Integer::sum);
              }
            }
          }
          Map<String, ThemeAverage> themes = new LinkedHashMap<>();
          sums.forEach(
              (theme, sum) -> {
                int n = counts.get(theme);
                themes.put(
                    theme,
                    new ThemeAverage(
                        theme, sum.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP), n));
              });
          return new ClassAverages(responses, themes);
        });
  }

  private static void bind(
      PreparedStatement statement, String className, String scanHash, String schoolYear)
      throws SQLException {
    statement.setString(1, className);
    statement.setString(2, scanHash);
    if (schoolYear != null) {
      statement.setString(3, schoolYear);
    }
  }

  private static List<StoredResponse> select(Store store, String where, List<Object> args) {
    return store.read(
        connection -> {
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT r.id, r.respondent_id, r.company_id, r.class, r.school_year, r.date, r.language, r.scan_hash,"
                      + " p.name, p.student_number, c.name, c.kvk, c.city, c.sector"
                      + " FROM response r LEFT JOIN respondent p ON p.id = r.respondent_id"
                      + " LEFT JOIN company c ON c.id = r.company_id WHERE "
                      + where
                      + " ORDER BY r.id")) {
            for (int i = 0; i < args.size(); i++) {
              select.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Row(
                        rs.getLong(1),
                        nullableLong(rs, 2),
                        nullableLong(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14)));
              }
            }
          }
          Map<String, Scan> scans = new HashMap<>();
          List<StoredResponse> responses = new ArrayList<>();
          for (Row row : rows) {
            Scan scan = scans.get(row.scanHash());
            if (scan == null) {
              scan = scan(connection, row.scanHash());
              scans.put(row.scanHash(), scan);
            }
            responses.add(
                new StoredResponse(
                    row.id(),
                    row.respondentId(),
                    row.companyId(),
                    row.className(),
                    row.schoolYear(),
                    scan,
                    answers(connection, row, scan)));
          }
          return responses;
        });
  }

  private record Row(
      long id,
      Long respondentId,
      Long companyId,
      String className,
      String schoolYear,
      String date,
      String language,
      String scanHash,
      String student,
      String studentNumber,
      String company,
      String kvk,
      String city,
      String sector) {}

  /** The scan exactly as it was stored with the response; it was valid then, so it loads now. */
  private static Scan scan(Connection connection, String hash) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT definition FROM scan WHERE hash = ?")) {
      select.setString(1, hash);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("scan definition " + hash + " is missing from the database");
        }
        ScanLoader.Result loaded =
            ScanLoader.load(null, JsonReader.parse(hash, rs.getString(1)), Locale.ROOT);
        if (!loaded.ok()) {
          throw new SQLException(
              "stored scan definition "
                  + hash
                  + " no longer loads: "
                  + loaded.problems().get(0).key());
        }
        return loaded.scan();
      }
    }
  }

  /** The answers as the answers loader would have made them: values typed by their question. */
  private static Answers answers(Connection connection, Row row, Scan scan) throws SQLException {
    Map<String, Answers.Answer> stored = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT question_id, value, evidence, note FROM answer WHERE response_id = ?")) {
      select.setLong(1, row.id());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String questionId = rs.getString(1);
          Question question = scan.question(questionId).orElse(null);
          AnswerValue value =
              question == null ? null : AnswerJson.read(question.type(), rs.getString(2));
          if (value != null) {
            stored.put(
                questionId,
                new Answers.Answer(questionId, value, rs.getString(3), rs.getString(4)));
          }
        }
      }
    }
    Map<String, Answers.Answer> ordered = new LinkedHashMap<>();
    for (Question question : scan.questions()) {
      Answers.Answer answer = stored.get(question.id());
      if (answer != null) {
        ordered.put(question.id(), answer);
      }
    }
    Answers.Respondent respondent =
        row.respondentId() == null
            ? null
            : new Answers.Respondent(row.student(), row.studentNumber(), row.className(), null);
    Answers.Company company =
        row.companyId() == null
            ? null
            : new Answers.Company(row.company(), row.kvk(), row.city(), row.sector());
    return new Answers(
        scan.id(), scan.version(), respondent, company, date(row.date()), row.language(), ordered);
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
