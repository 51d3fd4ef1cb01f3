package nl.mvoscan.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;

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
    StringBuilder where = new StringBuilder(store.caseless("trim(r.class)"));
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
              " WHERE "
                  + store.caseless("trim(r.class)")
                  + " AND r.scan_hash = ?"
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
    return store.read(connection -> StoredResponses.load(connection, where, args));
  }
}
