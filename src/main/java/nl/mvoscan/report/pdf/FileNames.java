package nl.mvoscan.report.pdf;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names made from people's and companies' names, safe on Linux, macOS and Windows: no path
 * separators or {@code ..}, none of {@code <>:"/\|?*}, no control or invisible formatting
 * characters, no Windows device names (CON, NUL, COM1…), no leading or trailing dots or spaces, at
 * most {@value #MAX_LENGTH} characters. {@link Claims} adds {@code -2}, {@code -3}… so names in one
 * folder never overwrite each other, compared without case as Windows and macOS do.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 80;

  private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*]");
  private static final Pattern DOTS = Pattern.compile("\\.{2,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern EDGES = Pattern.compile("^[\\s.]+|[\\s.]+$");
  private static final Pattern DEVICE =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$)(\\..*)?");

  private FileNames() {}

  /**
   * A safe base name (without extension) for {@code name}; {@code fallback} when nothing usable is
   * left.
   */
  public static String safe(String name, String fallback) {
    String text = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              boolean invisible =
                  type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.SURROGATE
                      || type == Character.PRIVATE_USE
                      || type == Character.UNASSIGNED
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR;
              kept.appendCodePoint(invisible ? ' ' : cp);
            });
    text = FORBIDDEN.matcher(kept).replaceAll(" ");
    text = DOTS.matcher(text).replaceAll(".");
    text = SPACES.matcher(text).replaceAll(" ");
    text = EDGES.matcher(text).replaceAll("");
    text = truncate(text, MAX_LENGTH);
    text = EDGES.matcher(text).replaceAll("");
    if (text.isEmpty()) {
      return fallback == null ? "report" : safe(fallback, "report");
    }
    if (DEVICE.matcher(text).matches()) {
      text = "_" + text;
    }
    return text;
  }

  private static String truncate(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max));
  }

  /** Hands out file names in one folder, each only once. */
  public static final class Claims {
    private final Set<String> taken = new HashSet<>();

    /**
     * {@code base.ext}, or {@code base-2.ext}, {@code base-3.ext}… when that name is already handed
     * out.
     */
    public String claim(String base, String extension) {
      String candidate = base + extension;
      for (int n = 2; !taken.add(key(candidate)); n++) {
        candidate = base + "-" + n + extension;
      }
      return candidate;
    }

    private static String key(String name) {
      return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
  }
}
