package nl.mvoscan.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, shown only on a terminal and only once the work has taken
 * more than a second: pipes and log files get no escape codes, quick runs no flicker.
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

  /** Java cannot ask whether stderr alone is a terminal; a console means the user is watching. */
  static boolean onTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && !"dumb".equals(term);
  }

  void update(int done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS || (shown && now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label);
    err.flush();
    shown = true;
    lastDraw = now;
  }

  @Override
  public void close() {
    if (shown) {
      err.print("\r" + " ".repeat(WIDTH + label.length() + 24) + "\r");
      err.flush();
    }
  }
}
