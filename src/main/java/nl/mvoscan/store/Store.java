package nl.mvoscan.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The results database, whatever engine keeps it. The SQL of the query classes ({@link
 * ResponseWriter}, {@link AggregateQueries}, {@link ReportQueries}, …) is written against this
 * class: a backend ({@link SqliteStore}, {@link PostgresStore}) supplies the connection, how a read
 * snapshot and a write transaction begin and end, its migrations, and the few spellings where SQL
 * dialects differ ({@link #caseless}, {@link #insertOrIgnore}).
 *
 * <p>Every read runs on one snapshot: nested reads, and the reads of one {@link #snapshot}, see the
 * database as it was when the first of them began, whatever imports run meanwhile. Every write is
 * one transaction: an import that fails half-way, or a process that is killed, leaves the database
 * exactly as it was. Failures are {@link StoreException}s, worded for the user.
 */
public abstract class Store implements AutoCloseable {

  /** SQL work on the store's connection; only the store package sees the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Connection connection;
  private final String location;
  private int readDepth;
  private boolean writing;

  protected Store(Connection connection, String location) {
    this.connection = connection;
    this.location = location;
  }

  /** Opens (and on first use creates, readable by the owner only) the SQLite database at file. */
  public static Store open(Path file) {
    return SqliteStore.openFile(file);
  }

  /**
   * Opens the database at {@code address}: a SQLite file (created on first use), or a PostgreSQL
   * database, whose schema is created or brought up to date on first use by a role that may.
   */
  public static Store open(StoreAddress address) {
    return open(address, System.getenv());
  }

  /** As {@link #open(StoreAddress)}, with {@code PGPASSWORD} and the password file from env. */
  public static Store open(StoreAddress address, java.util.Map<String, String> env) {
    if (address instanceof StoreAddress.Postgres server) {
      return PostgresStore.open(server, env);
    }
    return SqliteStore.openFile(((StoreAddress.SqliteFile) address).file());
  }

  /**
   * Fails as {@link #createWhole} would before it writes anything: the folder of a new SQLite
   * database {@code file} must exist and take files. A dry run asks, so that it predicts the same.
   */
  public static void requireCreatable(Path file) {
    SqliteStore.refuseUncreatable(file);
  }

  /**
   * Makes a new SQLite database at {@code file} whole or not at all: {@code work} writes into a
   * private file beside it (or in the nearest folder that exists), which becomes {@code file} only
   * when {@code work} returns and nobody has made {@code file} meanwhile. So a rejected or killed
   * first import leaves no database behind, and a database that appears is complete. Empty when
   * {@code file} appeared meanwhile: the caller then writes into that one.
   */
  public static <T> java.util.Optional<T> createWhole(
      Path file, java.util.function.Function<Store, T> work) {
    return SqliteStore.buildWhole(file, work);
  }

  /**
   * An empty database of this process alone, gone when it is closed: what an import's dry run
   * writes into when the database it names does not exist yet, so that it finds what the import
   * would (a response twice, a student twice with other answers) without making that database.
   * {@code location} is the database the messages name.
   */
  public static Store temporary(String location) {
    return SqliteStore.openTemporary(location);
  }

  /** Where the database is, as messages name it: a file, or a server and database name. */
  public final String location() {
    return location;
  }

  /** How many migrations the database has had. */
  public abstract int schemaVersion();

  /**
   * Runs {@code work} on one read snapshot; inside another read or a write it joins that one. A
   * failure is a {@link StoreException#readFailed}.
   */
  public final <T> T read(Work<T> work) {
    if (readDepth > 0 || writing) {
      return runOrFail(work, false);
    }
    try {
      beginRead(connection);
    } catch (SQLException e) {
      throw StoreException.readFailed(location, e);
    }
    readDepth++;
    try {
      return runOrFail(work, false);
    } finally {
      readDepth--;
      try {
        endRead(connection);
      } catch (SQLException e) {
        // a read that ended cannot have changed anything; what it read stays valid
      }
    }
  }

  /**
   * Runs several queries on one snapshot, for a command that reads more than once: every query
   * class call inside sees the same database state.
   */
  public final <T> T snapshot(Supplier<T> work) {
    return read(connection -> work.get());
  }

  /**
   * Runs {@code work} in one write transaction: all of it lands, or none of it. A failure is a
   * {@link StoreException#writeFailed} and changes nothing.
   */
  public final <T> T inTransaction(Work<T> work) {
    if (writing) {
      return runOrFail(work, true);
    }
    if (readDepth > 0) {
      throw new IllegalStateException("a write cannot start inside a read snapshot");
    }
    try {
      beginWrite(connection);
    } catch (SQLException e) {
      throw StoreException.writeFailed(location, e);
    }
    writing = true;
    try {
      T result = work.run(connection);
      commit(connection);
      return result;
    } catch (SQLException e) {
      rollbackAfter(e);
      throw StoreException.writeFailed(location, e);
    } catch (RuntimeException e) {
      rollbackAfter(e);
      throw e;
    } finally {
      writing = false;
    }
  }

  private void rollbackAfter(Exception failure) {
    try {
      rollback(connection);
    } catch (SQLException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  private <T> T runOrFail(Work<T> work, boolean write) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw write
          ? StoreException.writeFailed(location, e)
          : StoreException.readFailed(location, e);
    } catch (PackedFigures.Damaged e) {
      throw damagedFigures(e);
    }
  }

  /**
   * Damaged packed figures, with the class and file of their response when the database still says
   * them: the teacher finds the answers to import again by those.
   */
  private StoreException damagedFigures(PackedFigures.Damaged damaged) {
    if (damaged.responseId < 0) {
      return StoreException.damagedFigures(location, damaged);
    }
    String classroom = null;
    String file = null;
    try (java.sql.PreparedStatement select =
        connection.prepareStatement("SELECT class, source_file FROM response WHERE id = ?")) {
      select.setLong(1, damaged.responseId);
      try (java.sql.ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          classroom = rs.getString(1);
          file = rs.getString(2);
        }
      }
    } catch (SQLException e) {
      damaged.addSuppressed(e); // the line names the response by its id alone
    }
    return StoreException.damagedFigures(location, damaged.responseId, classroom, file, damaged);
  }

  /**
   * After personal data was deleted: make sure no copy of it lingers in logs or free pages (AVG).
   * When that cannot be done now (another program keeps the old pages alive), a {@link
   * StoreException#tracesRemain}, never a silent success.
   */
  public abstract void eraseTraces();

  /**
   * Before personal data is deleted: a {@link StoreException#heldOpen} when {@link #eraseTraces}
   * could not finish afterwards, so nothing is deleted that would stay behind. A backend whose
   * erasure nothing can block needs no check.
   */
  public void prepareErasure() {}

  /** Told while a write waits for another program's transaction, with the seconds waited. */
  @FunctionalInterface
  public interface WaitListener {
    void waiting(long seconds);
  }

  private WaitListener waitListener = seconds -> {};

  /** Who is told while a write waits for another program (the command's stderr). */
  public final void whileWaiting(WaitListener listener) {
    this.waitListener = listener;
  }

  /** For a backend: tells the listener that a write has waited this long. */
  protected final void waited(long seconds) {
    waitListener.waiting(seconds);
  }

  // ---- what a backend supplies

  protected abstract void beginRead(Connection connection) throws SQLException;

  protected abstract void endRead(Connection connection) throws SQLException;

  protected abstract void beginWrite(Connection connection) throws SQLException;

  protected abstract void commit(Connection connection) throws SQLException;

  protected abstract void rollback(Connection connection) throws SQLException;

  /**
   * {@code column = ?} compared without case, for names and classes as people type them: SQLite's
   * {@code column COLLATE NOCASE = ?}, elsewhere {@code lower(column) = lower(?)}.
   */
  public abstract String caseless(String column);

  /**
   * {@code INSERT … VALUES (?, …)} that does nothing when a row with the same unique key exists:
   * SQLite's {@code INSERT OR IGNORE}, PostgreSQL's {@code ON CONFLICT DO NOTHING}.
   */
  public abstract String insertOrIgnore(String table, String... columns);

  /**
   * {@code ORDER BY} term for names without case: {@code column COLLATE NOCASE}, {@code
   * lower(column)}.
   */
  public abstract String caselessOrder(String column);

  @Override
  public final void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw StoreException.writeFailed(location, e);
    }
  }
}
