package nl.mvoscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import nl.mvoscan.io.TerminalText;

/**
 * stdout and stderr of every command. Names, classes, companies, cells and file names come from
 * students and spreadsheets, so any of them may hold characters a terminal acts on: ESC starting an
 * OSC sequence that sets the window title, writes the clipboard or makes a link, BEL, a C1 CSI
 * (U+009B), a lone carriage return that overwrites what the line showed. This writer shows each
 * such character as a backslash, {@code u} and four hex digits instead (ESC as {@code \\u001b}),
 * whatever printed it ({@link TerminalText#acts}); tab and line breaks stay, since mvoscan lays out
 * its lines with them, so a value a listing or message shows is put on one line before ({@link
 * TerminalText#inline}). In JSON output that is the same string: Jackson already escapes C0 that
 * way, and that escape of a C1 character in a JSON string is the character itself, so scripts read
 * the data unchanged.
 *
 * <p>The few sequences mvoscan makes itself (take's colours, the progress bar's carriage return) go
 * through {@link #control}.
 */
final class TerminalWriter extends PrintWriter {

  private final Escaper escaper;

  private TerminalWriter(Escaper escaper) {
    super(escaper, true);
    this.escaper = escaper;
  }

  /** {@code target} behind the escaping; a writer that already escapes is returned as it is. */
  static PrintWriter of(Writer target) {
    return target instanceof TerminalWriter terminal
        ? terminal
        : new TerminalWriter(new Escaper(target));
  }

  /** Writes a control sequence mvoscan made itself, unescaped. */
  void control(String sequence) {
    synchronized (lock) {
      flush();
      escaper.raw(sequence);
    }
  }

  /** {@link #control} on a terminal writer; any other writer (a test's) gets it as text. */
  static void control(PrintWriter writer, String sequence) {
    if (writer instanceof TerminalWriter terminal) {
      terminal.control(sequence);
    } else {
      writer.print(sequence);
      writer.flush();
    }
  }

  /** Whether a terminal could act on {@code c}: see {@link TerminalText#acts}. */
  static boolean isControl(char c) {
    return TerminalText.acts(c);
  }

  /** {@code text} as this writer shows it; for text that goes to a terminal another way. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        out.append(c);
      } else if (isControl(c)) {
        appendEscaped(out, c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, char c) {
    TerminalText.appendEscaped(out, c);
  }

  /**
   * The escaping itself. A carriage return waits for the next character: before a line feed it is
   * half of a Windows line break and stays, anything else makes it an escape.
   */
  private static final class Escaper extends Writer {
    private final Writer target;
    private boolean pendingReturn;

    Escaper(Writer target) {
      super(target);
      this.target = target;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      // what needs no escape goes on in runs, straight from the buffer: an export writes
      // millions of characters through here, and almost none of them is a control character
      int end = offset + length;
      int i = offset;
      if (pendingReturn && i < end) {
        pendingReturn = false;
        if (buffer[i] == '\n') {
          target.write("\r\n");
          i++;
        } else {
          escaped('\r');
        }
      }
      int run = i;
      while (i < end) {
        char c = buffer[i];
        if (c == '\r') {
          if (i + 1 < end && buffer[i + 1] == '\n') {
            i += 2; // a Windows line break stays
            continue;
          }
          target.write(buffer, run, i - run);
          if (i + 1 < end) {
            escaped('\r');
          } else {
            pendingReturn = true;
          }
          run = ++i;
        } else if (isControl(c)) {
          target.write(buffer, run, i - run);
          escaped(c);
          run = ++i;
        } else {
          i++;
        }
      }
      target.write(buffer, run, end - run);
    }

    private void escaped(char c) throws IOException {
      StringBuilder out = new StringBuilder(6);
      appendEscaped(out, c);
      target.write(out.toString());
    }

    void raw(String sequence) {
      try {
        settleReturn();
        target.write(sequence);
        target.flush();
      } catch (IOException e) {
        // as PrintWriter does: a terminal that went away is no reason to stop the work
      }
    }

    private void settleReturn() throws IOException {
      if (pendingReturn) {
        pendingReturn = false;
        target.write("\\u000d");
      }
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      settleReturn();
      target.close();
    }
  }
}
