package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The store on a PostgreSQL server, for a school's or a region's database that many teachers use at
 * once. Reads run on a repeatable-read, read-only transaction (one snapshot, as on SQLite); writes
 * take one transaction-level advisory lock first, so that writers follow each other as SQLite's
 * {@code BEGIN IMMEDIATE} makes them, and a duplicate check never races another import. Rows are
 * fetched in pages of {@value #FETCH_SIZE}, so large reads stream.
 */
final class PostgresStore extends Store {

  /** Advisory lock keys, in mvoscan's own range ("mvo" in ASCII, then a number). */
  static final long WRITE_LOCK = 0x6d766f_0001L;

  static final long MIGRATE_LOCK = 0x6d766f_0002L;

  static final int FETCH_SIZE = 1000;

  private final Connection connection;
  private final StoreAddress.Postgres address;

  private PostgresStore(Connection connection, StoreAddress.Postgres address) {
    super(connection, address.display());
    this.connection = connection;
    this.address = address;
  }

  /** The address this store was opened on. */
  StoreAddress.Postgres address() {
    return address;
  }

  static Store open(StoreAddress.Postgres address, Map<String, String> env) {
    Connection connection;
    try {
      connection = connect(address, env);
    } catch (SQLException e) {
      throw StoreException.unavailable(address.display(), e);
    }
    try {
      migrate(connection, address);
      return new PostgresStore(connection, address);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof StoreException store) {
        throw store;
      }
      throw StoreException.unavailable(address.display(), e);
    }
  }

  /** A connection with the password from PGPASSWORD or the password file, never autocommitting. */
  static Connection connect(StoreAddress.Postgres address, Map<String, String> env)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", address.user());
    PgPass.password(address, env).ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "mvoscan");
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("defaultRowFetchSize", Integer.toString(FETCH_SIZE));
    // a batch of inserts goes as multi-row statements: one round trip for many rows
    properties.setProperty("reWriteBatchedInserts", "true");
    address
        .parameters()
        .forEach(
            (key, value) ->
                properties.setProperty(
                    switch (key) {
                      case "application_name" -> "ApplicationName";
                      case "connect_timeout" -> "connectTimeout";
                      default -> key;
                    },
                    value));
    Connection connection = DriverManager.getConnection(address.jdbcUrl(), properties);
    connection.setAutoCommit(false);
    return connection;
  }

  private static void migrate(Connection connection, StoreAddress.Postgres address)
      throws SQLException {
    int version = version(connection);
    connection.commit();
    if (version > Migrations.VERSION) {
      throw StoreException.newerSchema(address.display(), version, Migrations.VERSION);
    }
    if (version == Migrations.VERSION) {
      return;
    }
    requireServer(connection, address);
    try (Statement statement = connection.createStatement()) {
      // two processes opening a new database at once: the second waits, then finds it migrated
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATE_LOCK + ")");
      int from = version(connection);
      if (from > Migrations.VERSION) {
        throw StoreException.newerSchema(address.display(), from, Migrations.VERSION);
      }
      if (from == 0) {
        statement.execute("CREATE TABLE mvoscan_schema (version INTEGER NOT NULL)");
        statement.execute("INSERT INTO mvoscan_schema(version) VALUES (0)");
        statement.execute("GRANT SELECT ON mvoscan_schema TO PUBLIC");
      }
      for (int i = from; i < Migrations.FILES.size(); i++) {
        for (String sql : Migrations.forPostgres(Migrations.FILES.get(i))) {
          statement.execute(sql);
        }
        Store.Work<Void> after = Migrations.AFTER.get(Migrations.FILES.get(i));
        if (after != null) {
          after.run(connection);
        }
      }
      statement.execute("UPDATE mvoscan_schema SET version = " + Migrations.VERSION);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  /**
   * The oldest server the migrations run on ({@code server_version_num}): migration 006 makes its
   * views {@code security_invoker} (so that a school's role reads only its own figures through
   * them), which PostgreSQL knows since version 15; an older server would stop the migration
   * half-way with its own words about a parameter it does not know.
   */
  static final int OLDEST_SERVER = 150000;

  /** Whether the migrations may run on a server of this {@code server_version_num}. */
  static boolean supported(int serverVersionNum) {
    return serverVersionNum >= OLDEST_SERVER;
  }

  /** {@code server_version_num} as people write the version: 14.10, 9.6.24. */
  static String versionText(int serverVersionNum) {
    int major = serverVersionNum / 10000;
    return major >= 10
        ? major + "." + serverVersionNum % 10000
        : major + "." + serverVersionNum / 100 % 100 + "." + serverVersionNum % 100;
  }

  /** Refuses, before anything is changed, a server the migrations cannot run on. */
  private static void requireServer(Connection connection, StoreAddress.Postgres address)
      throws SQLException {
    int found;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
      rs.next();
      found = Integer.parseInt(rs.getString(1).strip());
    } finally {
      connection.commit();
    }
    if (!supported(found)) {
      throw StoreException.oldServer(address.display(), versionText(found));
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT to_regclass('mvoscan_schema') IS NULL")) {
        if (rs.next() && rs.getBoolean(1)) {
          return 0;
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT max(version) FROM mvoscan_schema")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  @Override
  public int schemaVersion() {
    return read(PostgresStore::version);
  }

  /**
   * Deleted rows stay in the table's pages until a vacuum reuses them: vacuum the tables that hold
   * personal data now. (What lingers in the server's write-ahead log and backups is the server's
   * retention, docs/regional.md.) A role that does not own the tables gets a warning from the
   * server, not an error, and the owner's regular autovacuum does the same.
   */
  @Override
  public void eraseTraces() {
    try {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("VACUUM respondent, response, answer");
      } finally {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw StoreException.writeFailed(location(), e);
    }
  }

  @Override
  protected void beginRead(Connection connection) throws SQLException {
    execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  }

  @Override
  protected void endRead(Connection connection) throws SQLException {
    connection.commit();
  }

  @Override
  protected void beginWrite(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, WRITE_LOCK);
      lock.execute();
    }
  }

  @Override
  protected void commit(Connection connection) throws SQLException {
    connection.commit();
  }

  @Override
  protected void rollback(Connection connection) throws SQLException {
    connection.rollback();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public String caseless(String column) {
    // lower() under the C collation folds ASCII letters only, as SQLite's NOCASE does
    return "lower(" + column + ") = lower(CAST(? AS TEXT) COLLATE \"C\")";
  }

  @Override
  public String caselessOrder(String column) {
    return "lower(" + column + ")";
  }

  @Override
  public String insertOrIgnore(String table, String... columns) {
    return "INSERT INTO "
        + table
        + "("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.length, "?"))
        + ") ON CONFLICT DO NOTHING";
  }
}
