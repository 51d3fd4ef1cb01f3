package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Listing the stored companies and merging spellings of one company ("AH", "Albert Heijn"). */
public final class CompanyQueries {

  /** One stored company and how many responses are about it. */
  public record Company(long id, String key, String name, String kvk, String city, int responses) {}

  /**
   * What {@link #merge} did.
   *
   * @param unknown ids that name no company; when not empty nothing was changed
   * @param merged how many companies were merged into {@code kept} (and deleted)
   * @param moved how many responses now point at {@code kept} instead
   */
  public record Merged(List<Long> unknown, Company kept, int merged, int moved) {
    public boolean done() {
      return unknown.isEmpty();
    }
  }

  private CompanyQueries() {}

  /** Every company, by name (case-insensitive), then id. */
  public static List<Company> list(Store store) {
    return store.read(connection -> select(store, connection, "1 = 1", null));
  }

  /**
   * Moves every response of {@code others} to {@code keep} and deletes {@code others}, in one
   * transaction. Responses keep their scores; the kept company's empty KvK number, city and sector
   * are filled in from the merged ones. When any id is unknown nothing changes.
   */
  public static Merged merge(Store store, long keep, List<Long> others) {
    return store.inTransaction(
        connection -> {
          List<Long> unknown = new ArrayList<>();
          List<Long> all = new ArrayList<>();
          all.add(keep);
          all.addAll(others);
          for (long id : all) {
            if (select(store, connection, "id = ?", id).isEmpty() && !unknown.contains(id)) {
              unknown.add(id);
            }
          }
          if (!unknown.isEmpty()) {
            return new Merged(List.copyOf(unknown), null, 0, 0);
          }
          int moved = 0;
          int merged = 0;
          for (long other : others) {
            if (other == keep) {
              continue;
            }
            try (PreparedStatement fill =
                connection.prepareStatement(
                    "UPDATE company SET kvk = coalesce(kvk, (SELECT kvk FROM company WHERE id = ?)),"
                        + " city = coalesce(city, (SELECT city FROM company WHERE id = ?)),"
                        + " sector = coalesce(sector, (SELECT sector FROM company WHERE id = ?)) WHERE id = ?")) {
              fill.setLong(1, other);
              fill.setLong(2, other);
              fill.setLong(3, other);
              fill.setLong(4, keep);
              fill.executeUpdate();
            }
            try (PreparedStatement move =
                connection.prepareStatement(
                    "UPDATE response SET company_id = ? WHERE company_id = ?")) {
              move.setLong(1, keep);
              move.setLong(2, other);
              moved += move.executeUpdate();
            }
            // remember the merged spelling, and every spelling it had absorbed before
            try (PreparedStatement forget =
                connection.prepareStatement(
                    "DELETE FROM company_alias WHERE company_key = (SELECT company_key FROM company WHERE id = ?)")) {
              forget.setLong(1, other);
              forget.executeUpdate();
            }
            try (PreparedStatement alias =
                connection.prepareStatement(
                    "INSERT INTO company_alias(company_key, company_id) SELECT company_key, ? FROM company WHERE id = ?")) {
              alias.setLong(1, keep);
              alias.setLong(2, other);
              alias.executeUpdate();
            }
            // a merged name without KvK is remembered in its own city too: the plain spelling
            // above counts at import only in the kept company's city
            try (PreparedStatement named =
                connection.prepareStatement(
                    "SELECT name, city FROM company WHERE id = ? AND kvk IS NULL")) {
              named.setLong(1, other);
              try (ResultSet rs = named.executeQuery()) {
                if (rs.next()) {
                  try (PreparedStatement alias =
                      connection.prepareStatement(
                          store.insertOrIgnore("company_alias", "company_key", "company_id"))) {
                    alias.setString(1, Keys.companyInCity(rs.getString(1), rs.getString(2)));
                    alias.setLong(2, keep);
                    alias.executeUpdate();
                  }
                }
              }
            }
            try (PreparedStatement repoint =
                connection.prepareStatement(
                    "UPDATE company_alias SET company_id = ? WHERE company_id = ?")) {
              repoint.setLong(1, keep);
              repoint.setLong(2, other);
              repoint.executeUpdate();
            }
            try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM company WHERE id = ?")) {
              delete.setLong(1, other);
              merged += delete.executeUpdate();
            }
          }
          return new Merged(
              List.of(), select(store, connection, "id = ?", keep).get(0), merged, moved);
        });
  }

  private static List<Company> select(Store store, Connection connection, String where, Long id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT c.id, c.company_key, c.name, c.kvk, c.city,"
                + " (SELECT count(*) FROM response r WHERE r.company_id = c.id)"
                + " FROM company c WHERE "
                + where
                + " ORDER BY "
                + store.caselessOrder("c.name")
                + ", c.id")) {
      if (id != null) {
        select.setLong(1, id);
      }
      List<Company> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Company(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6)));
        }
      }
      return rows;
    }
  }
}
