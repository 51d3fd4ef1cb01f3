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
import java.util.Set;
import java.util.TreeSet;

/** Listing, deleting and forgetting stored responses. */
public final class ResponseQueries {

  /** One stored response as teachers browse them. */
  public record Summary(
      long id,
      String student,
      String className,
      String company,
      String schoolYear,
      String date,
      String scanId,
      String status,
      BigDecimal score,
      BigDecimal grade,
      String level) {}

  /** Which responses to list; {@code null} fields do not filter. */
  public record Filter(String className, String company, String schoolYear) {}

  /** What {@link #forget} removed. */
  public record Forgotten(
      int respondents, int responses, int answers, List<String> ambiguousClasses) {}

  private ResponseQueries() {}

  public static List<Summary> list(Store store, Filter filter) {
    return store.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT r.id, p.name, r.class, c.name, r.school_year, r.date, s.scan_id, r.status, r.exact_score, r.exact_grade, r.level"
                      + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
                      + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id WHERE 1 = 1");
          List<String> args = new ArrayList<>();
          if (filter.className() != null) {
            sql.append(" AND ").append(store.caseless("r.class"));
            args.add(filter.className());
          }
          if (filter.company() != null) {
            sql.append(
                " AND (c.company_key = ? OR "
                    + store.caseless("c.name")
                    + " OR c.kvk = ?"
                    + " OR c.id IN (SELECT company_id FROM company_alias WHERE company_key = ?))");
            args.add(Keys.company(filter.company(), null));
            args.add(filter.company());
            args.add(filter.company().trim());
            args.add(Keys.company(filter.company(), null));
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
                rows.add(
                    new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        ExactFigures.oneDecimal(rs.getString(9)),
                        ExactFigures.oneDecimal(rs.getString(10)),
                        rs.getString(11)));
              }
            }
            return rows;
          }
        });
  }

  /**
   * Deletes responses with their answers and scores, all or none: when an id does not exist,
   * nothing is deleted and the unknown ids are returned.
   */
  public static List<Long> delete(Store store, List<Long> ids) {
    List<Long> unknown =
        store.inTransaction(
            connection -> {
              List<Long> missing = new ArrayList<>();
              try (PreparedStatement exists =
                  connection.prepareStatement("SELECT 1 FROM response WHERE id = ?")) {
                for (long id : ids) {
                  exists.setLong(1, id);
                  try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                      missing.add(id);
                    }
                  }
                }
              }
              if (!missing.isEmpty()) {
                return missing;
              }
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
                for (long id : ids) {
                  delete.setLong(1, id);
                  delete.executeUpdate();
                }
              }
              return List.<Long>of();
            });
    if (unknown.isEmpty()) {
      store.eraseTraces();
    }
    return unknown;
  }

  /**
   * Removes every trace of a student: respondent, responses, answers. {@code student} is a student
   * number or a name (compared without case or extra spaces); {@code className} narrows a name to
   * one class. A name that fits students in several classes deletes nothing and lists the classes
   * in {@link Forgotten#ambiguousClasses()}, so that one request never erases two people.
   */
  public static Forgotten forget(Store store, String student, String className) {
    Forgotten forgotten =
        store.inTransaction(
            connection -> {
              Map<Long, Set<String>> byNumber = new LinkedHashMap<>();
              Map<Long, Set<String>> byName = new LinkedHashMap<>();
              String wanted = Keys.normalizedName(student);
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT p.id, p.name, p.student_number, r.class FROM respondent p LEFT JOIN response r ON r.respondent_id = p.id")) {
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    long id = rs.getLong(1);
                    String clazz = rs.getString(4) == null ? "" : rs.getString(4);
                    if (className != null && !clazz.equalsIgnoreCase(className.trim())) {
                      continue;
                    }
                    if (student.trim().equals(rs.getString(3))) {
                      byNumber.computeIfAbsent(id, k -> new TreeSet<>()).add(clazz);
                    } else if (Keys.normalizedName(rs.getString(2)).equals(wanted)) {
                      byName.computeIfAbsent(id, k -> new TreeSet<>()).add(clazz);
                    }
                  }
                }
              }
              Map<Long, Set<String>> matched = byNumber.isEmpty() ? byName : byNumber;
              Set<String> classes = new TreeSet<>();
              matched.values().forEach(classes::addAll);
              if (matched.size() > 1 && byNumber.isEmpty() && className == null) {
                return new Forgotten(0, 0, 0, List.copyOf(classes));
              }
              int responses = 0;
              int answers = 0;
              for (long respondent : matched.keySet()) {
                answers +=
                    count(
                        connection,
                        "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.respondent_id = ?",
                        respondent);
                responses +=
                    count(
                        connection,
                        "SELECT count(*) FROM response WHERE respondent_id = ?",
                        respondent);
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM response WHERE respondent_id = ?")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM respondent WHERE id = ?")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
              }
              return new Forgotten(matched.size(), responses, answers, List.of());
            });
    if (forgotten.respondents() > 0) {
      store.eraseTraces();
    }
    return forgotten;
  }

  private static int count(Connection connection, String sql, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
