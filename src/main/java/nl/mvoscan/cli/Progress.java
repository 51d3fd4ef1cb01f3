package nl.mvoscan.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, shown only on a terminal and only once the work has taken more
 * than a second: pipes and log files get no escape codes, quick runs no flicker.
 */
final class Progress implements AutoCloseable {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final String label;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean shown;

  Progress(PrintWriter err, int total, String label) {
    this(err, total, label, onTerminal());
  }

  Progress(PrintWriter err, int total, String label, boolean enabled) {
    this.err = err;
    this.total = total;
    this.label = label;
    this.enabled = enabled && total > 1;
  }

  /**
   * Whether stderr is a terminal. Java has no isatty for stderr; on Linux /proc tells where file
   * descriptor 2 goes, so there only stderr counts: {@code mvoscan import x.csv < /dev/null} or
   * {@code > out.txt} on a terminal still shows the bar, {@code 2> log.txt} never writes it into
   * the log (checked on Java 17).
   *
   * <p>Elsewhere (macOS, Windows) a console is the best guess, and on Java 17 {@link
   * System#console()} means stdin and stdout on a terminal, whatever stderr is: the bar is missing
   * when stdin or stdout is redirected, and {@code 2> log.txt} with both on a terminal puts its
   * carriage returns into the log. macOS's /dev/fd/2 is a device, not a link that names the
   * terminal, so nothing without native code (isatty) does better there.
   */
  static boolean onTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    java.nio.file.Path stderr = java.nio.file.Path.of("/proc/self/fd/2");
    if (java.nio.file.Files.exists(stderr, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = java.nio.file.Files.readSymbolicLink(stderr).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  void update(int done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS
        || (shown && now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    TerminalWriter.control(err, "\r");
    err.print(
        "["
            + "#".repeat(filled)
            + ".".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total
            + " "
            + label);
    err.flush();
    shown = true;
    lastDraw = now;
  }

  @Override
  public void close() {
    if (shown) {
      TerminalWriter.control(err, "\r");
      err.print(" ".repeat(WIDTH + label.length() + 24));
      TerminalWriter.control(err, "\r");
      err.flush();
    }
  }
}
