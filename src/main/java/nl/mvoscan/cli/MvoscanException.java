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

  private MvoscanException(int exitCode, List<String> lines, Throwable cause) {
    super(String.join(System.lineSeparator(), lines), cause);
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  /** Input that the user must fix: one line per problem, exit code 2. */
  public static MvoscanException invalidInput(List<String> problems) {
    return new MvoscanException(ExitCode.BAD_INPUT, problems, null);
  }

  public static MvoscanException invalidInput(String problem) {
    return invalidInput(List.of(problem));
  }

  /** Something that went wrong while doing the work (disk full, database locked): exit code 1. */
  public static MvoscanException failure(String message, Throwable cause) {
    return new MvoscanException(ExitCode.FAILURE, List.of(message), cause);
  }

  public int exitCode() {
    return exitCode;
  }

  public List<String> lines() {
    return lines;
  }
}
