package nl.mvoscan.report.pdf;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.mvoscan.io.AtomicFiles;

/**
 * File names made from people's and companies' names, safe on Linux, macOS and Windows: no path
 * separators or {@code ..}, none of {@code <>:"/\|?*}, no control or invisible formatting
 * characters, no Windows device names (CON, NUL, COM1…), no leading or trailing dots or spaces, at
 * most {@value #MAX_LENGTH} characters and {@link #MAX_BYTES} bytes. {@link Claims} adds {@code
 * -2}, {@code -3}… so names in one folder never overwrite each other, compared without case as
 * Windows and macOS do.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 80;

  /**
   * File systems count a name in bytes (255 on ext4 and APFS), and the name is written first as a
   * temporary file with a longer name: room is left for that suffix, the longest extension ({@code
   * .xlsx}) and a claim's {@code -9999}. Counted in UTF-8, and in its decomposed form, which macOS
   * may store.
   */
  public static final int MAX_BYTES = 255 - AtomicFiles.TEMP_OVERHEAD - ".xlsx".length() - 5;

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
    text = truncateBytes(text, MAX_BYTES);
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

  /** At most {@code max} bytes in UTF-8, composed or decomposed, cut between characters. */
  private static String truncateBytes(String text, int max) {
    int composed = 0;
    int decomposed = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String one = new String(Character.toChars(cp));
      composed += one.getBytes(StandardCharsets.UTF_8).length;
      decomposed +=
          Normalizer.normalize(one, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8).length;
      if (composed > max || decomposed > max) {
        return text.substring(0, i);
      }
      i += Character.charCount(cp);
    }
    return text;
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
