package nl.mvoscan.cli;

import java.util.List;

/**
 * An expected failure that ends a command with a clear message and a known exit code, never a stack
 * trace (unless {@code --verbose}).
 */
public final class MvoscanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final List<String> lines;
  private final String summary;

  private MvoscanException(int exitCode, List<String> lines, String summary, Throwable cause) {
    super(String.join(System.lineSeparator(), lines), cause);
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
    this.summary = summary;
  }

  /** Input that the user must fix: one line per problem, exit code 2. */
  public static MvoscanException invalidInput(List<String> problems) {
    return new MvoscanException(ExitCode.BAD_INPUT, problems, null, null);
  }

  /**
   * Like {@link #invalidInput(List)}, with a last line after the problems (what was not done),
   * shown also when the list of problems is cut short.
   */
  public static MvoscanException invalidInput(List<String> problems, String summary) {
    return new MvoscanException(ExitCode.BAD_INPUT, problems, summary, null);
  }

  public static MvoscanException invalidInput(String problem) {
    return invalidInput(List.of(problem));
  }

  /** Something that went wrong while doing the work (disk full, database locked): exit code 1. */
  /** Several things that stop the work, one line each, and a last line on what was not done. */
  public static MvoscanException failure(List<String> lines, String summary) {
    return new MvoscanException(ExitCode.FAILURE, lines, summary, null);
  }

  public static MvoscanException failure(String message, Throwable cause) {
    return new MvoscanException(ExitCode.FAILURE, List.of(message), null, cause);
  }

  public int exitCode() {
    return exitCode;
  }

  /** The problems, one per line, without the {@link #summary}. */
  public List<String> lines() {
    return lines;
  }

  /** The line after the problems; {@code null} when there is none. */
  public String summary() {
    return summary;
  }
}
