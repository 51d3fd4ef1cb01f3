package nl.mvoscan.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/** The default store: one SQLite file, in WAL mode, readable by its owner only. */
final class SqliteStore extends Store {

  static final int SCHEMA_VERSION = Migrations.VERSION;
  private static final int BUSY_TIMEOUT_MS = 30_000;

  /**
   * A write tries for the lock in steps this long, telling the user between them; another import of
   * a large class may hold it for minutes, so a write waits up to {@link #MAX_WRITE_WAIT_S}.
   */
  private static final int WRITE_STEP_MS = 1_000;

  private static final long MAX_WRITE_WAIT_S = 15 * 60;
  private static final long TELL_EVERY_S = 30;

  /**
   * How long erasing waits for a reader to let go of old pages: a command reads for seconds, a
   * program that keeps a transaction open will not let go at all.
   */
  private static final int CHECKPOINT_WAIT_MS = 5_000;

  private static final int SQLITE_BUSY = 5;

  /** The integrity check runs before the first write of this connection, and only then. */
  private boolean checked;

  private final Connection connection;

  private SqliteStore(Connection connection, String location) {
    super(connection, location);
    this.connection = connection;
  }

  static Store openFile(Path file) {
    return openFile(file, file.toAbsolutePath().toString());
  }

  private static Store openFile(Path file, String location) {
    Path absolute = file.toAbsolutePath();
    try {
      createPrivately(absolute);
      Properties properties = new Properties();
      properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
      properties.setProperty("foreign_keys", "true");
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
      try {
        refuseNewerSchema(connection, absolute);
        configure(connection);
        migrate(connection);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      return new SqliteStore(connection, location);
    } catch (SQLException | IOException e) {
      throw StoreException.unavailable(location, e);
    }
  }

  /** See {@link Store#temporary}. */
  static Store openTemporary(String location) {
    try {
      Properties properties = new Properties();
      properties.setProperty("foreign_keys", "true");
      // no file name: SQLite's private temporary database, on disk only as it grows, unlinked at
      // once and gone when the connection closes
      Connection connection = DriverManager.getConnection("jdbc:sqlite:", properties);
      try {
        configure(connection);
        migrate(connection);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      return new SqliteStore(connection, location);
    } catch (SQLException e) {
      throw StoreException.unavailable(location, e);
    }
  }

  /** See {@link Store#createWhole}. */
  static <T> Optional<T> buildWhole(Path file, Function<Store, T> work) {
    Path target = file.toAbsolutePath();
    // the draft sits beside the database, so the link that publishes it stays in one folder
    Path folder = target.getParent();
    refuseFolder(target, folder);
    String name = target.getFileName().toString();
    removeAbandoned(folder, name);
    Path draft = folder.resolve("." + name + ".import-" + ProcessHandle.current().pid() + ".tmp");
    try {
      T result;
      try (Store store = openFile(draft, target.toString())) {
        result = work.apply(store);
        ((SqliteStore) store).foldLog();
      }
      try {
        Files.createLink(target, draft);
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
          return Optional.empty();
        }
        Files.move(draft, target); // no hard links here: a move, which also refuses to replace
      }
      return Optional.of(result);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw StoreException.unavailable(target.toString(), e);
    } finally {
      // published, the draft's name is a second link to the database; failed, nothing of it stays
      deleteDraft(draft);
    }
  }

  /**
   * Moves everything into the database file itself and empties the write-ahead log (closing removes
   * it): the file alone is then the whole database, to be linked into place. It stays a WAL
   * database, as every database mvoscan makes, so a reader of the new database never stands in the
   * way of a switch of journal mode.
   */
  private void foldLog() {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        if (rs.next() && rs.getInt(1) != 0) {
          throw new SQLException("the import's draft could not be checkpointed");
        }
      }
    } catch (SQLException e) {
      throw StoreException.writeFailed(location(), e);
    }
  }

  /** See {@link Store#requireCreatable}. */
  static void refuseUncreatable(Path file) {
    Path target = file.toAbsolutePath();
    refuseFolder(target, target.getParent());
  }

  /** A new database's folder must exist and take files: the reason is the folder, not a draft. */
  private static void refuseFolder(Path target, Path folder) {
    if (folder == null) {
      return;
    }
    if (!Files.isDirectory(folder)) {
      throw StoreException.noFolder(target.toString(), folder.toString());
    }
    if (!Files.isWritable(folder)) {
      throw StoreException.folderClosed(target.toString(), folder.toString());
    }
  }

  /** Drafts of imports whose process is gone (killed): they hold students' answers. */
  private static void removeAbandoned(Path folder, String name) {
    String prefix = "." + name + ".import-";
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .forEach(
              f -> {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dot = rest.indexOf('.');
                try {
                  long pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
                  if (ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(f);
                  }
                } catch (NumberFormatException | IOException e) {
                  // not one of ours, or already gone
                }
              });
    } catch (IOException e) {
      // a folder that cannot be listed keeps its drafts; the import itself still works
    }
  }

  private static void deleteDraft(Path draft) {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(Path.of(draft + suffix));
      } catch (IOException e) {
        // the name is private to this process; a later import removes what is left
      }
    }
  }

  private static void createPrivately(Path file) throws IOException {
    if (Files.notExists(file)) {
      refuseFolder(file, file.getParent());
    }
    if (Files.notExists(file)
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static void configure(Connection connection) throws SQLException {
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
  private static void refuseNewerSchema(Connection connection, Path file) throws SQLException {
    int version = userVersion(connection);
    if (version > SCHEMA_VERSION) {
      throw StoreException.newerSchema(file.toString(), version, SCHEMA_VERSION);
    }
  }

  private static void migrate(Connection connection) throws SQLException {
    if (userVersion(connection) >= SCHEMA_VERSION) {
      return;
    }
    // BEGIN IMMEDIATE: two processes opening a new database at once must not both migrate
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        for (int i = userVersion(connection); i < Migrations.FILES.size(); i++) {
          for (String sql : Migrations.forSqlite(Migrations.FILES.get(i))) {
            statement.execute(sql);
          }
          Store.Work<Void> after = Migrations.AFTER.get(Migrations.FILES.get(i));
          if (after != null) {
            after.run(connection);
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

  private static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  @Override
  public int schemaVersion() {
    return read(SqliteStore::userVersion);
  }

  /**
   * Moves the write-ahead log into the database and empties it: deleted rows leave no copy
   * (secure_delete zeroes them in the file). The checkpoint says whether it got everything: a
   * reader whose transaction began before the delete keeps the old pages, and then the data is
   * still in the file.
   */
  @Override
  public void eraseTraces() {
    if (!checkpoint()) {
      throw StoreException.tracesRemain(location());
    }
  }

  /**
   * Writes one page to the log and checkpoints it: a reader with an old snapshot blocks that just
   * as it would block erasing a deleted student, but now nothing has been deleted yet.
   */
  @Override
  public void prepareErasure() {
    inTransaction(
        c -> {
          int version = userVersion(c);
          execute(c, "PRAGMA user_version = " + version);
          return null;
        });
    if (!checkpoint()) {
      throw StoreException.heldOpen(location());
    }
  }

  /** A full checkpoint that empties the log; false when another connection stopped it. */
  private boolean checkpoint() {
    // outside any transaction: a checkpoint cannot empty the log while this connection reads it
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + CHECKPOINT_WAIT_MS);
      try (ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        // busy, frames in the log, frames moved: TRUNCATE leaves an empty log or reports busy
        return rs.next() && rs.getInt(1) == 0 && rs.getInt(2) <= 0;
      } finally {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      }
    } catch (SQLException e) {
      throw StoreException.writeFailed(location(), e);
    }
  }

  @Override
  protected void beginRead(Connection connection) throws SQLException {
    // deferred: takes no lock until it reads, and then one snapshot of the WAL for all its reads
    execute(connection, "BEGIN DEFERRED");
  }

  @Override
  protected void endRead(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  /**
   * Immediate: takes the write lock first, so a writer never fails half-way on a busy database.
   * Another writer is waited for, in steps, and the user told; a damaged file is refused before
   * anything is written to it.
   */
  @Override
  protected void beginWrite(Connection connection) throws SQLException {
    long start = System.nanoTime();
    long told = -1;
    execute(connection, "PRAGMA busy_timeout = " + WRITE_STEP_MS);
    try {
      while (true) {
        try {
          execute(connection, "BEGIN IMMEDIATE");
          break;
        } catch (SQLException e) {
          long waited = (System.nanoTime() - start) / 1_000_000_000L;
          if ((e.getErrorCode() & 0xFF) != SQLITE_BUSY) {
            throw e;
          }
          if (waited >= MAX_WRITE_WAIT_S) {
            throw StoreException.busy(location(), MAX_WRITE_WAIT_S / 60, e);
          }
          if (told < 0 || waited - told >= TELL_EVERY_S) {
            waited(waited);
            told = waited;
          }
        }
      }
    } finally {
      execute(connection, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
    }
    if (!checked) {
      String problem = quickCheck(connection);
      if (problem != null) {
        execute(connection, "ROLLBACK");
        throw StoreException.damaged(location(), problem);
      }
      checked = true;
    }
  }

  /**
   * SQLite's quick integrity check of the whole file (pages, b-trees, free list; not indexes
   * against rows): null when it is fine, else its first finding.
   */
  private static String quickCheck(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA quick_check(1)")) {
      String first = rs.next() ? rs.getString(1) : "ok";
      if ("ok".equals(first)) {
        return null;
      }
      String detail = first.replace("*** in database main ***", "").strip();
      int newline = detail.indexOf('\n');
      return newline < 0 ? detail : detail.substring(0, newline);
    } catch (SQLException e) {
      String damage = StoreException.damage(e);
      if (damage != null) {
        return damage;
      }
      throw e;
    }
  }

  @Override
  protected void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  @Override
  protected void rollback(Connection connection) throws SQLException {
    execute(connection, "ROLLBACK");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public String caseless(String column) {
    // the collation goes on the column: SQLite (3.40, 3.51) turns "r.class = ? COLLATE NOCASE OR
    // r.class = ? COLLATE NOCASE" into a lookup in the case-sensitive index response_class and
    // misses "3A" for "3a"
    return column + " COLLATE NOCASE = ?";
  }

  @Override
  public String caselessOrder(String column) {
    return column + " COLLATE NOCASE";
  }

  @Override
  public String insertOrIgnore(String table, String... columns) {
    return "INSERT OR IGNORE INTO "
        + table
        + "("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.length, "?"))
        + ")";
  }
}
