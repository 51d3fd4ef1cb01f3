package nl.mvoscan.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The dialog of {@code take}: lines out, typed lines in. On a terminal the student's typing shows
 * itself and a little colour helps; piped (scripts, tests) there are no escape codes and each line
 * read is echoed after the prompt, so the output reads as a transcript.
 */
final class TakeConsole {

  static final String PROMPT = "> ";

  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String YELLOW = "\u001B[33m";
  private static final String CYAN = "\u001B[36m";
  private static final String RESET = "\u001B[0m";
  private static final java.util.List<String> CODES =
      java.util.List.of(BOLD, DIM, YELLOW, CYAN, RESET);

  private final BufferedReader in;
  private final PrintWriter out;
  private final boolean ansi;
  private final boolean echo;

  /**
   * @param ansi colour and bold (only on a terminal without {@code NO_COLOR})
   * @param echo repeat each line read (when the input is not typed on a terminal)
   */
  private boolean ended;

  TakeConsole(BufferedReader in, PrintWriter out, boolean ansi, boolean echo) {
    this.in = in;
    this.out = out;
    this.ansi = ansi;
    this.echo = echo;
  }

  /** True once the input has ended (a pipe ran dry, Ctrl-D). */
  boolean ended() {
    return ended;
  }

  /** Prints the prompt and reads one line; {@code null} at the end of the input. */
  String ask() throws IOException {
    out.print(PROMPT);
    out.flush();
    String line = in.readLine();
    if (line == null) {
      ended = true;
      out.println();
      out.flush();
      return null;
    }
    if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
      line = line.substring(1);
    }
    if (echo) {
      out.println(line);
    }
    return line;
  }

  void line(String text) {
    print(text);
    out.println();
  }

  /**
   * The text, with this console's own colour codes sent to the terminal as codes; every other
   * control character (one in a name from a resumed file, say) is shown escaped by the writer.
   */
  private void print(String text) {
    int from = 0;
    for (int at = ansi ? text.indexOf('\u001B') : -1;
        at >= 0;
        at = text.indexOf('\u001B', at + 1)) {
      for (String code : CODES) {
        if (text.startsWith(code, at)) {
          out.print(text.substring(from, at));
          TerminalWriter.control(out, code);
          from = at + code.length();
          break;
        }
      }
    }
    out.print(text.substring(from));
  }

  void blank() {
    out.println();
  }

  void flush() {
    out.flush();
  }

  String bold(String text) {
    return ansi ? BOLD + text + RESET : text;
  }

  String dim(String text) {
    return ansi ? DIM + text + RESET : text;
  }

  String warn(String text) {
    return ansi ? YELLOW + text + RESET : text;
  }

  String heading(String text) {
    return ansi ? CYAN + BOLD + text + RESET : text;
  }
}
