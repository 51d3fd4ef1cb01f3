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
   * descriptor 2 goes, elsewhere a console (stdin and stdout on a terminal) is the best guess.
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
