package nl.mvoscan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** What the store tests check below the store's own API. */
final class StoreChecks {

  private StoreChecks() {}

  /** SQLite's own check of the file: {@code ok} when every page and index is whole. */
  static String integrity(Store store) {
    return store.read(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement("PRAGMA integrity_check");
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "no result";
          }
        });
  }

  /** The single number {@code sql} selects. */
  static long number(Store store, String sql) {
    return store.read(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql);
              ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
