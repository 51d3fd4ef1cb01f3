package nl.mvoscan.cli;

/** The exit codes scripts can rely on. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  /** The work is done, but input was left out on request ({@code --skip-invalid}). */
  public static final int SKIPPED = 3;

  private ExitCode() {}
}
