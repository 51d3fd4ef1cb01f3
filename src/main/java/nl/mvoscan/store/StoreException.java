package nl.mvoscan.store;

/** A database problem, worded for the user by its message key. */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient Object[] args;

  private StoreException(String key, Throwable cause, Object... args) {
    super(key, cause);
    this.key = key;
    this.args = args;
  }

  static StoreException newerSchema(String file, int found, int known) {
    return new StoreException("store.newerSchema", null, file, found, known);
  }

  static StoreException unavailable(String file, Throwable cause) {
    return new StoreException("store.unavailable", cause, file, String.valueOf(cause.getMessage()));
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }
}
