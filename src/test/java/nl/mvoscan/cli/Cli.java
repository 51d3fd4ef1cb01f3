package nl.mvoscan.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs mvoscan as {@code main} does, on captured streams: what the command tests drive. */
public final class Cli {

  private Cli() {}

  /** What a run printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  /** Runs a command line on captured streams. */
  public static Run run(String... args) {
    return run(null, args);
  }

  /** Runs a command line on captured streams, {@code take} reading the student's input from in. */
  public static Run run(BufferedReader in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        commandLine(new PrintWriter(out, true), new PrintWriter(err, true), in).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** What a run wrote as bytes with {@code -o -}, besides its text. */
  public record BinaryRun(int exitCode, byte[] bytes, String out, String err) {}

  /**
   * Runs a command line whose {@code -o -} bytes go to a buffer, as to a pipe ({@code terminal}
   * false) or to a terminal.
   */
  public static BinaryRun runBinary(boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int code =
        CommandLineFactory.create(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                CommandLine.defaultFactory(),
                StandardInput.system(),
                new StandardOutput(bytes, terminal),
                null)
            .execute(args);
    return new BinaryRun(code, bytes.toByteArray(), out.toString(), err.toString());
  }

  /** The command line of {@code main} on these streams; {@code take} reads from {@code in}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, BufferedReader in) {
    return CommandLineFactory.create(
        out,
        err,
        CommandLine.defaultFactory(),
        in == null ? StandardInput.system() : StandardInput.of(in),
        StandardOutput.system(),
        null);
  }
}
