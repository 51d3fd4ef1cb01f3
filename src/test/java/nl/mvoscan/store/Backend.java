package nl.mvoscan.store;

import java.nio.file.Path;

/**
 * The two engines every store test runs on. A PostgreSQL test needs {@code MVOSCAN_TEST_PG}: with
 * it the test runs (an unreachable server fails it); without it, it is skipped with a message,
 * unless {@code CI} is set, where a skip would hide a missing server and so fails instead.
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  /** A new, empty database of this engine, as {@code --db} takes it. */
  public String newDatabase(Path dir) {
    return switch (this) {
      case SQLITE -> dir.resolve("mvoscan-" + System.nanoTime() + ".db").toString();
      case POSTGRESQL -> TestDatabases.newPostgresDatabase().address();
    };
  }

  /** Opens (creating) a new, empty database of this engine. */
  public Store openNew(Path dir) {
    return open(newDatabase(dir));
  }

  /** Opens the database at {@code address} as mvoscan does. */
  public static Store open(String address) {
    return Store.open(StoreAddress.parse(address), TestDatabases.env());
  }
}
