package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Listing, deleting and forgetting stored responses. */
public final class ResponseQueries {

  /** One stored response as teachers browse them. */
  public record Summary(
      long id, String student, String className, String company, String schoolYear, String date,
      String scanId, String status, Double score, Double grade, String level) {}

  /** Which responses to list; {@code null} fields do not filter. */
  public record Filter(String className, String company, String schoolYear) {}

  /** What {@link #forget} removed. */
  public record Forgotten(int respondents, int responses, int answers) {}

  private ResponseQueries() {}

  public static List<Summary> list(Store store, Filter filter) throws SQLException {
    return store.read(connection -> {
      StringBuilder sql = new StringBuilder(
          "SELECT r.id, p.name, r.class, c.name, r.school_year, r.date, s.scan_id, r.status, r.score, r.grade, r.level"
              + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
              + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id WHERE 1 = 1");
      List<String> args = new ArrayList<>();
      if (filter.className() != null) {
        sql.append(" AND r.class = ?");
        args.add(filter.className());
      }
      if (filter.company() != null) {
        sql.append(" AND (c.company_key = ? OR c.name COLLATE NOCASE = ?)");
        args.add(Keys.company(filter.company(), null));
        args.add(filter.company());
      }
      if (filter.schoolYear() != null) {
        sql.append(" AND r.school_year = ?");
        args.add(filter.schoolYear());
      }
      sql.append(" ORDER BY r.class, p.name, r.id");
      try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          select.setString(i + 1, args.get(i));
        }
        List<Summary> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), nullableDouble(rs, 9), nullableDouble(rs, 10),
                rs.getString(11)));
          }
        }
        return rows;
      }
    });
  }

  /** Deletes responses with their answers and scores; returns the ids that did not exist. */
  public static List<Long> delete(Store store, List<Long> ids) throws SQLException {
    return store.inTransaction(connection -> {
      List<Long> unknown = new ArrayList<>();
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
        for (long id : ids) {
          delete.setLong(1, id);
          if (delete.executeUpdate() == 0) {
            unknown.add(id);
          }
        }
      }
      return unknown;
    });
  }

  /** Removes every trace of a student (by student number or name): respondent, responses, answers. */
  public static Forgotten forget(Store store, String student) throws SQLException {
    return store.inTransaction(connection -> {
      List<Long> respondents = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id FROM respondent WHERE student_number = ? OR name COLLATE NOCASE = ?")) {
        select.setString(1, student);
        select.setString(2, student);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            respondents.add(rs.getLong(1));
          }
        }
      }
      int responses = 0;
      int answers = 0;
      for (long respondent : respondents) {
        answers += count(connection, "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.respondent_id = ?", respondent);
        responses += count(connection, "SELECT count(*) FROM response WHERE respondent_id = ?", respondent);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM response WHERE respondent_id = ?")) {
          delete.setLong(1, respondent);
          delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM respondent WHERE id = ?")) {
          delete.setLong(1, respondent);
          delete.executeUpdate();
        }
      }
      return new Forgotten(respondents.size(), responses, answers);
    });
  }

  private static int count(Connection connection, String sql, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
