package nl.mvoscan.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scoring.ScoreResult;

/**
 * A response's question and lens figures as the database keeps them since schema version 6: one
 * column each on the response ({@code question_figures}, {@code lens_figures}), a JSON array with
 * one array per question or lens in the scan's document order, so that import writes one value
 * instead of some 235 rows and a report reads one value instead of streaming them.
 *
 * <ul>
 *   <li>a question: {@code [question_id, status, points]}, points exact as the scan writes them, as
 *       text ({@code "2"}, {@code "0.3"}) or {@code null}
 *   <li>a lens: {@code [lens_key, lens_value, status, score, coverage, reason, exact_score,
 *       exact_coverage]}, score and coverage rounded to one decimal as numbers, the exact ones
 *       fractions as text ({@code "175/3"})
 * </ul>
 *
 * The position of a question or lens is its place in the array, from 0. The views {@code
 * question_score} and {@code lens_score} unpack the arrays into the rows of the tables they
 * replaced (migrations 006). SQLite writes the arrays without spaces, PostgreSQL's {@code json_agg}
 * with them; {@link #rows} reads either.
 */
final class PackedFigures {

  private PackedFigures() {}

  /** The question figures of a scored response, packed. */
  static String questions(List<ScoreResult.QuestionScore> questions) {
    // room for the ~33 characters a question takes in the bundled scan, so the text is never
    // copied to a larger buffer half-way (it was, for every response of an import)
    StringBuilder out = new StringBuilder(questions.size() * 40 + 2).append('[');
    for (ScoreResult.QuestionScore q : questions) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('[');
      string(out, q.question().id()).append(',');
      string(out, q.status().id()).append(',');
      string(out, q.points() == null ? null : Decimals.text(q.points())).append(']');
    }
    return out.append(']').toString();
  }

  /** The lens figures of a scored response, packed. */
  static String lenses(List<ScoreResult.LensScore> lenses) {
    StringBuilder out = new StringBuilder(lenses.size() * 64 + 2).append('[');
    for (ScoreResult.LensScore l : lenses) {
      if (out.length() > 1) {
        out.append(',');
      }
      ScoreResult.Figures f = l.figures();
      out.append('[');
      string(out, l.key()).append(',');
      string(out, l.value()).append(',');
      string(out, f.status().id()).append(',');
      number(out, f.roundedScore()).append(',');
      number(out, f.roundedCoverage()).append(',');
      string(out, f.reason() == null ? null : f.reason().id()).append(',');
      string(out, ExactFigures.text(f.score())).append(',');
      string(out, ExactFigures.text(f.coverage())).append(']');
    }
    return out.append(']').toString();
  }

  /**
   * The rows of a packed column: strings as {@link String}, numbers as {@link Double} (what the
   * REAL columns of the old tables gave), {@code null} as {@code null}. A {@code null} column has
   * no rows.
   *
   * @throws Damaged when the text is not such an array (never written by mvoscan)
   */
  static List<Object[]> rows(String packed) {
    List<Object[]> rows = new ArrayList<>();
    if (packed == null) {
      return rows;
    }
    Reader in = new Reader(packed);
    in.expect('[');
    if (in.peek() == ']') {
      in.next();
      in.end();
      return rows;
    }
    List<Object> row = new ArrayList<>();
    while (true) {
      in.expect('[');
      row.clear();
      if (in.peek() == ']') {
        in.next();
      } else {
        while (true) {
          row.add(in.value());
          char c = in.next();
          if (c == ']') {
            break;
          }
          if (c != ',') {
            throw in.broken();
          }
        }
      }
      rows.add(row.toArray());
      char c = in.next();
      if (c == ']') {
        in.end();
        return rows;
      }
      if (c != ',') {
        throw in.broken();
      }
    }
  }

  /**
   * Runs {@code decode} on the packed figures of response {@code responseId}: whatever it cannot
   * make of them (not such an array, a number where text belongs, a row too short) is {@link
   * Damaged} with the response's id, which {@link Store} words for the user.
   */
  static <T> T of(long responseId, java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalStateException
        | IllegalArgumentException
        | ClassCastException
        | NullPointerException
        | IndexOutOfBoundsException e) {
      throw new Damaged(responseId, e);
    }
  }

  /**
   * Packed figures that cannot be decoded: only a hand-edited or damaged database has them. {@code
   * responseId} is the response's, or -1 when the reader did not know it.
   */
  static final class Damaged extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    final long responseId;

    Damaged(long responseId, Throwable cause) {
      super(String.valueOf(cause.getMessage()), cause);
      this.responseId = responseId;
    }

    Damaged(String message) {
      super(message);
      this.responseId = -1;
    }
  }

  /** A rounded figure as the REAL column kept it: a double ({@code 62.5}, {@code 50.0}). */
  private static StringBuilder number(StringBuilder out, BigDecimal value) {
    return out.append(value == null ? "null" : Double.toString(value.doubleValue()));
  }

  private static StringBuilder string(StringBuilder out, String value) {
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static final String HEX = "0123456789abcdefABCDEF";

  /** Reads JSON strings, numbers and null, passing over white space between tokens. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    char peek() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at >= text.length()) {
        throw broken();
      }
      return text.charAt(at);
    }

    char next() {
      char c = peek();
      at++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        throw broken();
      }
    }

    void end() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at != text.length()) {
        throw broken();
      }
    }

    Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw broken();
      }
      try {
        return Double.valueOf(text.substring(start, at));
      } catch (NumberFormatException e) {
        at = start;
        throw broken();
      }
    }

    private String string() {
      at++;
      int start = at;
      // the common case, no escapes: one substring
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          return text.substring(start, at++);
        }
        if (c == '\\') {
          break;
        }
        at++;
      }
      StringBuilder out = new StringBuilder(text.substring(start, at));
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw broken();
        }
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            // exactly four ASCII hex digits: parseInt would also take a sign ("\\u+041"), and
            // Character.digit other scripts' digits
            int code = 0;
            for (int end = at + 4; at < end; at++) {
              int digit = at < text.length() ? HEX.indexOf(text.charAt(at)) : -1;
              if (digit >= 16) {
                digit -= 6; // A to F after a to f
              }
              if (digit < 0) {
                throw broken();
              }
              code = code * 16 + digit;
            }
            out.append((char) code);
          }
          default -> throw broken();
        }
      }
      throw broken();
    }

    Damaged broken() {
      return new Damaged("packed figures are not a JSON array of arrays at character " + at);
    }
  }
}
