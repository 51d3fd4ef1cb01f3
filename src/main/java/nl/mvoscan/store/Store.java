package nl.mvoscan.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The results database. Every write is one transaction, so an import that fails half-way, or a
 * process that is killed, leaves the database exactly as it was.
 */
public final class Store implements AutoCloseable {

  /** Migrations in order; the schema version is the number of migrations applied. */
  static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-company-alias.sql");

  public static final int SCHEMA_VERSION = MIGRATIONS.size();
  private static final int BUSY_TIMEOUT_MS = 30_000;

  private final Connection connection;
  private final Path file;

  private Store(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (and on first use creates, readable by the owner only) the database at {@code file}. */
  public static Store open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      createPrivately(absolute);
      Properties properties = new Properties();
      properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
      properties.setProperty("foreign_keys", "true");
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
      Store store = new Store(absolute, connection);
      try {
        store.refuseNewerSchema();
        store.configure();
        store.migrate();
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      return store;
    } catch (SQLException | IOException e) {
      throw StoreException.unavailable(absolute.toString(), e);
    }
  }

  private static void createPrivately(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    if (Files.notExists(file)
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private void configure() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      statement.execute("PRAGMA journal_mode = WAL");
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA synchronous = NORMAL");
      // forgotten students must not linger in free pages of the file (AVG)
      statement.execute("PRAGMA secure_delete = ON");
    }
  }

  /** Checked before anything else, so a newer database is not even switched to WAL. */
  private void refuseNewerSchema() throws SQLException {
    int version = userVersion();
    if (version > SCHEMA_VERSION) {
      throw StoreException.newerSchema(file.toString(), version, SCHEMA_VERSION);
    }
  }

  private void migrate() throws SQLException {
    int version = userVersion();
    if (version >= SCHEMA_VERSION) {
      return;
    }
    // BEGIN IMMEDIATE: two processes opening a new database at once must not both migrate
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        int current = userVersion();
        for (int i = current; i < MIGRATIONS.size(); i++) {
          for (String sql : statements(MIGRATIONS.get(i))) {
            statement.execute(sql);
          }
        }
        statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        statement.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private int userVersion() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static List<String> statements(String migration) {
    try (InputStream in =
        Store.class.getResourceAsStream("/nl/mvoscan/store/migrations/" + migration)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the build: " + migration);
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> statements = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : sql.split("\n")) {
        String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
        current.append(code).append('\n');
        if (code.trim().endsWith(";")) {
          statements.add(current.toString().trim());
          current.setLength(0);
        }
      }
      return statements;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + migration, e);
    }
  }

  public Path file() {
    return file;
  }

  public int schemaVersion() {
    return read(connection -> userVersion());
  }

  /** Runs {@code work} in one write transaction: all of it lands, or none of it. */
  public <T> T inTransaction(Work<T> work) {
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
      }
      try {
        T result = work.run(connection);
        try (Statement statement = connection.createStatement()) {
          statement.execute("COMMIT");
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ROLLBACK");
        }
        throw e;
      }
    } catch (SQLException e) {
      throw StoreException.writeFailed(file.toString(), e);
    }
  }

  /**
   * Moves the write-ahead log into the database and empties it, so deleted rows leave no copy
   * behind.
   */
  public void checkpoint() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw StoreException.writeFailed(file.toString(), e);
    }
  }

  /** Read access for queries. */
  public <T> T read(Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw StoreException.readFailed(file.toString(), e);
    }
  }

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Integrity check, for tests and for {@code mvoscan doctor}-like checks. */
  public String integrityCheck() {
    return read(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement("PRAGMA integrity_check");
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "no result";
          }
        });
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw StoreException.writeFailed(file.toString(), e);
    }
  }
}
