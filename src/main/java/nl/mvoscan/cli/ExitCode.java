package nl.mvoscan.cli;

/** The exit codes scripts can rely on. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  /** The work is done, but input was left out on request ({@code --skip-invalid}). */
  public static final int SKIPPED = 3;

  /**
   * {@code take}: the input ended before the scan was finished; what was answered is saved, so a
   * script can tell an unfinished scan from a finished one.
   */
  public static final int INPUT_ENDED = 4;

  private ExitCode() {}
}
