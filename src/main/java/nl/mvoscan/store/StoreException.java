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
