package nl.mvoscan.scan.when;

/** A condition that cannot be parsed or typed; {@link #column()} is 1-based in code points. */
public final class ConditionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String key;
  private final transient Object[] args;

  ConditionException(int column, String key, Object... args) {
    super(key);
    this.column = column;
    this.key = key;
    this.args = args;
  }

  public int column() {
    return column;
  }

  /** Message key in the {@code messages} bundle; the column is always its first argument. */
  public String key() {
    return key;
  }

  public Object[] args() {
    Object[] all = new Object[args.length + 1];
    all[0] = column;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
