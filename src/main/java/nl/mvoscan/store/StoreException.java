package nl.mvoscan.store;

/**
 * A database problem, worded for the user by its message key and arguments. Unchecked: a command
 * lets it through to the one handler that prints it and exits with code 1.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient Object[] args;

  private StoreException(String key, Throwable cause, Object... args) {
    super(key, cause);
    this.key = key;
    this.args = args;
  }

  /** The database was written by a newer mvoscan; it is left untouched. */
  public static StoreException newerSchema(String location, int found, int known) {
    return new StoreException("store.newerSchema", null, location, found, known);
  }

  /**
   * The PostgreSQL server is older than the migrations need (found as 14.10); the database was not
   * changed.
   */
  public static StoreException oldServer(String location, String found) {
    return new StoreException("store.oldServer", null, location, found);
  }

  /** The database cannot be opened or created at all. */
  public static StoreException unavailable(String location, Throwable cause) {
    String damage = damage(cause);
    return damage != null
        ? new StoreException("store.damaged", cause, location, damage)
        : new StoreException("store.unavailable", cause, location, reason(cause));
  }

  /**
   * A new database file's folder is not there: never made, as no output folder is, so a typo in
   * {@code --db} cannot put students' data somewhere unexpected.
   */
  public static StoreException noFolder(String location, String folder) {
    return new StoreException("store.noFolder", null, location, folder);
  }

  /** A new database file's folder takes no new files. */
  public static StoreException folderClosed(String location, String folder) {
    return new StoreException("store.folderClosed", null, location, folder);
  }

  /** A read failed; nothing was changed. */
  public static StoreException readFailed(String location, Throwable cause) {
    if (connectionLost(cause)) {
      return new StoreException("store.connectionLost", cause, location);
    }
    String damage = damage(cause);
    return damage != null
        ? new StoreException("store.damaged", cause, location, damage)
        : new StoreException("store.readFailed", cause, location, reason(cause));
  }

  /** A write failed and was rolled back: nothing was changed. */
  public static StoreException writeFailed(String location, Throwable cause) {
    if (connectionLost(cause)) {
      return new StoreException("store.connectionLost", cause, location);
    }
    String damage = damage(cause);
    return damage != null
        ? new StoreException("store.damaged", cause, location, damage)
        : new StoreException("store.writeFailed", cause, location, reason(cause));
  }

  /**
   * The database is damaged (its integrity check fails): nothing is written to it, so the damage
   * does not spread and a backup can still be put back.
   */
  public static StoreException damaged(String location, String detail) {
    return new StoreException("store.damaged", null, location, detail);
  }

  /**
   * The packed figures of response {@code id} (PackedFigures) cannot be decoded: only a hand-edited
   * or damaged database has them. Class and file are "-" when the response has none.
   */
  public static StoreException damagedFigures(
      String location, long id, String classroom, String file, Throwable cause) {
    return new StoreException(
        "store.damagedFigures",
        cause,
        location,
        String.valueOf(id),
        classroom == null || classroom.isBlank() ? "-" : classroom,
        file == null || file.isBlank() ? "-" : file);
  }

  /** As {@link #damagedFigures(String, long, String, String, Throwable)}, response unknown. */
  public static StoreException damagedFigures(String location, Throwable cause) {
    return new StoreException("store.damagedFiguresSomewhere", cause, location);
  }

  /** Another program held the write lock longer than a write waits; nothing was changed. */
  public static StoreException busy(String location, long minutes, Throwable cause) {
    return new StoreException("store.busy", cause, location, minutes);
  }

  /**
   * Another program keeps old pages of the database alive, so deleted data could not be erased from
   * the file afterwards: nothing was deleted.
   */
  public static StoreException heldOpen(String location) {
    return new StoreException("store.heldOpen", null, location);
  }

  /**
   * The data was deleted, but another program keeps a copy of the old pages alive in the file; it
   * goes when that program lets go and the next forget or delete runs.
   */
  public static StoreException tracesRemain(String location) {
    return new StoreException("store.tracesRemain", null, location);
  }

  /**
   * SQLite's result code when it found the file damaged (SQLITE_CORRUPT: a truncated or overwritten
   * file) or no database at all (SQLITE_NOTADB), else null: either is the damaged database the
   * integrity check refuses, and is told the same way, not in the driver's English.
   */
  static String damage(Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      if (at instanceof java.sql.SQLException sql
          && String.valueOf(sql.getMessage()).startsWith("[SQLITE_")) {
        int code = sql.getErrorCode() & 0xFF;
        if (code == SQLITE_CORRUPT) {
          return "SQLITE_CORRUPT";
        }
        if (code == SQLITE_NOTADB) {
          return "SQLITE_NOTADB";
        }
      }
    }
    return null;
  }

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  /**
   * True when the server ended the connection (SQLSTATE class 08, or 57P01 to 57P03: a server shut
   * down or an administrator ended the session): the server rolls back what the transaction wrote,
   * and the driver's text would only repeat the statement it was sending.
   */
  static boolean connectionLost(Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      if (at instanceof java.sql.SQLException sql) {
        for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
          String state = e.getSQLState();
          if (state != null && (state.startsWith("08") || state.matches("57P0[1-3]"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final int REASON_LENGTH = 200;

  /**
   * The driver's reason, shortened to its first line: a failed batch's own message is the whole
   * statement with its values, so the reason is the first error inside it.
   */
  private static String reason(Throwable cause) {
    if (cause == null) {
      return "";
    }
    Throwable at = cause;
    if (at instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null) {
      at = batch.getNextException();
    }
    String message = String.valueOf(at.getMessage()).strip();
    int line = message.indexOf('\n');
    if (line >= 0) {
      message = message.substring(0, line).strip();
    }
    return message.length() <= REASON_LENGTH
        ? message
        : message.substring(0, REASON_LENGTH - 1) + "…";
  }

  /** The message key in {@code nl.mvoscan.i18n.messages}. */
  public String key() {
    return key;
  }

  /** The arguments of the message: first the database's location. */
  public Object[] args() {
    return args.clone();
  }
}
