package nl.mvoscan.scan;

import nl.mvoscan.io.JsonReader;

/**
 * The most one value may hold, the same for answers files, class tables, {@code take} and the web
 * app: what one way in accepts, every other reads back, and no single value can make scoring, a
 * report or a terminal take minutes.
 */
public final class Limits {

  /**
   * Digits in a number (whole and fraction part together, without sign): the JSON reader refuses a
   * longer number, so a table cell or a typed answer may not have one either.
   */
  public static final int MAX_DIGITS = JsonReader.MAX_NUMBER_LENGTH;

  /**
   * Code points in a name, student number, class, school, company, city or sector: far more than
   * any real one, and small enough that a report lays it out at once.
   */
  public static final int MAX_NAME = 200;

  /**
   * The years a scan can have been filled in: a date outside them is a typing error (0026 for 2026)
   * that would otherwise put a response in a school year no one looks for.
   */
  public static final int FIRST_YEAR = 1900;

  public static final int LAST_YEAR = 2100;

  private Limits() {}

  /** True when {@code date} lies in the years a scan can have been filled in. */
  public static boolean plausible(java.time.LocalDate date) {
    return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
  }

  /**
   * The digits in {@code text}, counted without reading it as a number, so a cell of a million
   * digits costs a scan of the text and nothing more.
   */
  public static int digits(CharSequence text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }

  /** True when {@code text} has more digits than a number may have. */
  public static boolean tooManyDigits(CharSequence text) {
    return digits(text) > MAX_DIGITS;
  }

  /**
   * True when {@code number}, written out, has at most {@link #MAX_DIGITS} digits: the check for a
   * value that never was text in a file (a class-table row, a web form), which the JSON reader's
   * own limit does not see. Decided from precision and scale, without writing the number out.
   */
  public static boolean fits(java.math.BigDecimal number) {
    long whole = Math.max(1L, (long) number.precision() - number.scale());
    long fraction = Math.max(0L, number.scale());
    return whole + fraction <= MAX_DIGITS;
  }

  /**
   * The length of {@code text} in code points after NFC normalisation, as a person counts
   * characters: an é written as e and a combining accent is one.
   */
  public static int length(String text) {
    String composed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    return composed.codePointCount(0, composed.length());
  }

  /**
   * True when {@code text} shows nothing: absent, empty, or only spaces (any kind, also
   * non-breaking) and invisible format characters (zero-width space, soft hyphen, byte-order mark).
   * Such a name is no name, wherever it is typed.
   */
  public static boolean blank(String text) {
    return text == null || nl.mvoscan.io.CsvTable.isBlank(text);
  }

  /**
   * The first control character in {@code name} (Unicode category Cc: C0 with tab and line breaks,
   * DEL, C1), or -1 when there is none. A name, class, company or city is one line of visible text;
   * a line break or escape in it would forge a row of a listing or act on the reader's terminal.
   */
  public static int control(String name) {
    if (name == null) {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.getType(c) == Character.CONTROL) {
        return c;
      }
    }
    return -1;
  }

  /** {@code c} as people look it up: {@code U+000A}. */
  public static String codePoint(int c) {
    return String.format(java.util.Locale.ROOT, "U+%04X", c);
  }

  /** True when {@code name} is longer than a name may be. */
  public static boolean nameTooLong(String name) {
    return name != null && length(name) > MAX_NAME;
  }
}
