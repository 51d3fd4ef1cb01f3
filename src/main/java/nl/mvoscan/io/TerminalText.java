package nl.mvoscan.io;

/**
 * What a terminal must not be handed raw, and how it is shown instead. Two levels, because a
 * terminal writer sees lines that mvoscan laid out: the writer itself escapes what a terminal acts
 * on ({@link #acts}), and every value from a student or a spreadsheet that a listing or message
 * shows is first put on one line ({@link #inline}), so a name with a line break or a tab cannot
 * forge a row.
 *
 * <p>Bidirectional controls are escaped in values only: U+202E in a name shows the rest of the row
 * backwards, so a listing would lie about what is stored; but a right-to-left mark is ordinary in
 * an Arabic name, and a CSV or JSON export on stdout must keep it as it is.
 */
public final class TerminalText {

  /** How much of a header or cell a message echoes: the start says which one, the rest is noise. */
  public static final int EXCERPT = 80;

  /**
   * How much of any other value a message echoes: room for a list of options, and still one line
   * when a cell holds a whole page.
   */
  public static final int LONG_EXCERPT = 400;

  private TerminalText() {}

  /** Whether a terminal acts on {@code c} in any output: C0 but tab and line feed, DEL and C1. */
  public static boolean acts(char c) {
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
  }

  /** The bidirectional controls: marks, embeddings, overrides and isolates. */
  public static boolean bidi(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * {@code value} on one line: tab, line feed and carriage return as {@code \t}, {@code \n} and
   * {@code \r}, everything else a terminal acts on and the bidirectional controls as {@code
   * \}{@code uXXXX}; {@code null} stays {@code null}.
   */
  public static String inline(String value) {
    if (value == null || !needsEscape(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (acts(c) || bidi(c)) {
            appendEscaped(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * {@code value} as a message names it (a column header, a cell): on one line, and at most {@link
   * #EXCERPT} characters with an ellipsis, so a header of thousands of characters does not bury the
   * message.
   */
  public static String excerpt(String value) {
    return excerpt(value, EXCERPT);
  }

  /** {@code value} on one line, and at most {@code max} characters with an ellipsis. */
  public static String excerpt(String value, int max) {
    if (value == null) {
      return null;
    }
    String shown = value;
    if (shown.length() > max && shown.codePointCount(0, shown.length()) > max) {
      shown = shown.substring(0, shown.offsetByCodePoints(0, max)) + "\u2026";
    }
    return inline(shown);
  }

  /** {@code c} as a backslash, {@code u} and four lower-case hex digits. */
  public static void appendEscaped(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || acts(c) || bidi(c)) {
        return true;
      }
    }
    return false;
  }
}
