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

  /** The database cannot be opened or created at all. */
  public static StoreException unavailable(String location, Throwable cause) {
    return new StoreException("store.unavailable", cause, location, reason(cause));
  }

  /** A read failed; nothing was changed. */
  public static StoreException readFailed(String location, Throwable cause) {
    return new StoreException("store.readFailed", cause, location, reason(cause));
  }

  /** A write failed and was rolled back: nothing was changed. */
  public static StoreException writeFailed(String location, Throwable cause) {
    return new StoreException("store.writeFailed", cause, location, reason(cause));
  }

  /**
   * The database is damaged (its integrity check fails): nothing is written to it, so the damage
   * does not spread and a backup can still be put back.
   */
  public static StoreException damaged(String location, String detail) {
    return new StoreException("store.damaged", null, location, detail);
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

  private static String reason(Throwable cause) {
    return cause == null ? "" : String.valueOf(cause.getMessage());
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
