package nl.mvoscan.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      Map<String, List<Long>> respondentsByClass) {}

  private ExportQueries() {}

  public static Data read(Store store, Filter filter, boolean withAnswers) {
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> args = new ArrayList<>();
    if (filter.className() != null) {
      where.append(" AND r.class = ?");
      args.add(filter.className());
    }
    if (filter.schoolYear() != null) {
      where.append(" AND r.school_year = ?");
      args.add(filter.schoolYear());
    }
    return store.read(
        connection -> {
          Map<Long, List<ResponseDetails.Theme>> themes =
              ResponseDetails.themes(connection, where.toString(), args);
          List<Response> responses = responses(connection, where.toString(), args, themes);
          Map<Long, List<ResponseDetails.Answer>> answers =
              withAnswers ? ResponseDetails.answers(connection, where.toString(), args) : Map.of();
          return new Data(responses, answers, respondentsByClass(connection));
        });
  }

  private static List<Response> responses(
      Connection connection,
      String where,
      List<Object> args,
      Map<Long, List<ResponseDetails.Theme>> themes)
      throws SQLException {
    List<Response> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT r.id, r.school_year, r.class, r.respondent_id, p.name, p.student_number, c.name, c.kvk, c.city, r.date,"
                + " s.scan_id, s.version, r.status, r.exact_score, r.exact_coverage, r.exact_grade, r.level"
                + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
                + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id"
                + " WHERE "
                + where
                + " ORDER BY r.id")) {
      ResponseDetails.bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          long respondent = rs.getLong(4);
          Long respondentId = rs.wasNull() ? null : respondent;
          rows.add(
              new Response(
                  id,
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
                  themes.getOrDefault(id, List.of())));
        }
      }
    }
    return rows;
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
