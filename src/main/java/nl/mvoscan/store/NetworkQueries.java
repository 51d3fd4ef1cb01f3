package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.aggregate.ResponseScores;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Scan;

/**
 * The regional database: its schools, the lean read behind a network's figures, and a school's
 * students found by the pseudonyms the school's key makes (for {@code forget} and for a student's
 * right of access across the network).
 */
public final class NetworkQueries {

  /** What {@link #forget} removed on the regional database. */
  public record Forgotten(int respondents, int responses) {}

  private NetworkQueries() {}

  /**
   * The schools that have responses (pushed to a regional database), sorted; empty for a school's
   * own database. A school's role sees only its own.
   */
  public static java.util.SortedSet<String> schools(Store store) {
    return store.read(
        connection -> {
          java.util.SortedSet<String> schools = new java.util.TreeSet<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT DISTINCT s.name FROM response r JOIN school s ON s.id = r.school_id");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              schools.add(rs.getString(1));
            }
          }
          return schools;
        });
  }

  /**
   * Hands the responses {@code filter} selects to {@code sink} one at a time, in id order, each
   * with its school, what it is grouped by and its stored overall and theme figures: what a
   * network's figures show, and nothing else. Two result sets ordered by response are read side by
   * side (the responses with their company, school and answer to the profile question {@code
   * sector}, and the theme figures), so memory does not grow with the number of responses. A
   * response to a scan not in {@code scans} is left out (its scan did not load).
   *
   * @return how many responses were handed over
   */
  public static int stream(
      Store store,
      AggregateQueries.Filter filter,
      Map<String, Scan> scans,
      Consumer<ResponseScores> sink) {
    return store.read(
        connection -> {
          List<String> args = new ArrayList<>();
          String where = AggregateQueries.where(store, filter, args);
          // the sector answer joined in, as the hand-written SQL of bench/network/run.sh does
          List<String> responseArgs = new ArrayList<>();
          responseArgs.add(Aggregator.SECTOR_QUESTION);
          responseArgs.addAll(args);
          int count = 0;
          try (PreparedStatement responses =
                  AggregateQueries.prepare(
                      connection,
                      "SELECT r.id, r.scan_hash, sc.name, r.class, r.school_year, r.date,"
                          + " c.company_key, c.name, c.sector, a.value, a.hidden, r.status,"
                          + " r.exact_score"
                          + AggregateQueries.FROM
                          + " LEFT JOIN school sc ON sc.id = r.school_id"
                          + " LEFT JOIN answer a ON a.response_id = r.id AND a.question_id = ?"
                          + where
                          + " ORDER BY r.id",
                      responseArgs);
              PreparedStatement themes =
                  AggregateQueries.prepare(
                      connection,
                      "SELECT t.response_id, t.theme_id, t.status, t.exact_score"
                          + " FROM theme_score t WHERE t.response_id IN (SELECT r.id"
                          + AggregateQueries.FROM
                          + where
                          + ") ORDER BY t.response_id",
                      args);
              ResultSet r = responses.executeQuery();
              ResultSet t = themes.executeQuery()) {
            ResponseDetails.Cursor themeRows = new ResponseDetails.Cursor(t);
            StoredResponses.Decoder decoder = new StoredResponses.Decoder();
            while (r.next()) {
              long id = r.getLong(1);
              Map<String, Response.Figure> themeFigures =
                  AggregateQueries.themeFigures(themeRows, t, id, false);
              Scan scan = scans.get(r.getString(2));
              if (scan == null) {
                continue;
              }
              String sector = r.getString(10);
              AnswerValue sectorAnswer =
                  sector == null || r.getInt(11) != 0
                      ? null
                      : decoder.value(scan, Aggregator.SECTOR_QUESTION, sector);
              sink.accept(
                  new ResponseScores(
                      id,
                      r.getString(2),
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      StoredResponses.date(r.getString(6)),
                      r.getString(7),
                      r.getString(8),
                      r.getString(9),
                      sectorAnswer,
                      AggregateQueries.status(r.getString(12)),
                      ExactFigures.oneDecimal(r.getString(13)),
                      Map.copyOf(themeFigures)));
              count++;
            }
          }
          return count;
        });
  }

  /**
   * True when the results are the network's: pushed by more than one school, or read by the network
   * role (through the views of the schema {@code network}, without rights on the tables). A
   * school's role sees only its own school and gets its own figures, as in its own file.
   */
  public static boolean isNetwork(Store store, java.util.Set<String> schools) {
    if (schools.size() > 1) {
      return true;
    }
    if (!(store instanceof PostgresStore)) {
      return false;
    }
    return store.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT NOT has_table_privilege('public.response', 'SELECT')"
                          + " AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'network')");
              ResultSet rs = select.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
          }
        });
  }

  /** The id of school {@code name} on the regional database, if it is there. */
  public static Optional<Long> school(Store network, String name) {
    return network.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT id FROM school WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /** The responses of these pseudonymised students of {@code school}, in id order. */
  public static List<Long> responses(Store network, long school, List<String> pseudonyms) {
    return network.read(
        connection -> {
          List<Long> ids = new ArrayList<>();
          for (long respondent : respondents(connection, school, pseudonyms)) {
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT id FROM response WHERE respondent_id = ? ORDER BY id")) {
              select.setLong(1, respondent);
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
            }
          }
          ids.sort(null);
          return ids;
        });
  }

  /** Deletes these pseudonymised students of {@code school} with all their responses. */
  public static Forgotten forget(Store network, long school, List<String> pseudonyms) {
    Forgotten forgotten =
        network.inTransaction(
            connection -> {
              List<Long> respondents = respondents(connection, school, pseudonyms);
              int responses = 0;
              for (long respondent : respondents) {
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM response WHERE respondent_id = ?")) {
                  delete.setLong(1, respondent);
                  responses += delete.executeUpdate();
                }
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM respondent WHERE id = ?")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
              }
              return new Forgotten(respondents.size(), responses);
            });
    if (forgotten.respondents() > 0) {
      network.eraseTraces();
    }
    return forgotten;
  }

  private static List<Long> respondents(Connection connection, long school, List<String> keys)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM respondent WHERE school_id = ? AND respondent_key = ?")) {
      for (String key : keys) {
        select.setLong(1, school);
        select.setString(2, key);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
    }
    return ids;
  }
}
