package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A school's students on the regional database, found by the pseudonyms the school's key makes: for
 * {@code forget} and for a student's right of access across the network.
 */
public final class NetworkQueries {

  /** What {@link #forget} removed on the regional database. */
  public record Forgotten(int respondents, int responses) {}

  private NetworkQueries() {}

  /**
   * The school of every response that has one (pushed to a regional database), by response id;
   * empty for a school's own database.
   */
  public static java.util.Map<Long, String> schoolOf(Store store) {
    return store.read(
        connection -> {
          java.util.Map<Long, String> schools = new java.util.HashMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT r.id, s.name FROM response r JOIN school s ON s.id = r.school_id");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              schools.put(rs.getLong(1), rs.getString(2));
            }
          }
          return schools;
        });
  }

  /**
   * True when the results are the network's: pushed by more than one school, or read by the network
   * role (through the views of the schema {@code network}, without rights on the tables). A
   * school's role sees only its own school and gets its own figures, as in its own file.
   */
  public static boolean isNetwork(Store store, java.util.Map<Long, String> schoolOf) {
    if (new java.util.HashSet<>(schoolOf.values()).size() > 1) {
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
