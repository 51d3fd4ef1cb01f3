package nl.mvoscan.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in mvoscan's own words: what is wrong at that place and what to write
 * instead. The parser's own message is English, names parser features a teacher cannot enable, and
 * reads "Unexpected character ('}' (code 125))" where a student needs "a comma before }"; it is
 * only used here to tell the kinds of error apart, together with the character at the place and
 * what is open there (an object, a list, a text). Nothing of it reaches the user.
 */
final class JsonSyntax {

  private static final Pattern NON_NUMERIC = Pattern.compile("^Non-standard token '([^']{1,20})'");

  private JsonSyntax() {}

  /**
   * The problem {@code e} stands for in {@code text}; {@code ended} when the document's value was
   * read completely and the parser failed on what follows it.
   */
  static JsonProblem problem(String text, JsonParseException e, boolean ended) {
    String message = String.valueOf(e.getOriginalMessage());
    JsonLocation at = e.getLocation();
    int line = at == null ? 1 : Math.max(1, at.getLineNr());
    int column = at == null ? 1 : Math.max(1, at.getColumnNr());
    int offset = at == null ? -1 : (int) Math.min(Integer.MAX_VALUE, at.getCharOffset());
    int found = offset >= 0 && offset < text.length() ? text.codePointAt(offset) : -1;
    JsonParser parser = e.getProcessor();
    JsonStreamContext context = parser == null ? null : parser.getParsingContext();
    boolean inObject = context != null && context.inObject();
    boolean inArray = context != null && context.inArray();

    Matcher token = NON_NUMERIC.matcher(message);
    if (token.find()) {
      return new JsonProblem("", line, column, "json.nonNumeric", token.group(1));
    }
    if (message.contains("plus sign")) {
      return new JsonProblem("", line, column, "json.plusSign");
    }
    if (message.contains("Leading zeroes")) {
      return new JsonProblem("", line, column, "json.leadingZero");
    }
    if (e instanceof JsonEOFException || message.contains("end-of-input")) {
      if (message.contains("closing quote") || message.contains("field name")) {
        int[] start = place(text, openQuote(text, text.length()));
        return new JsonProblem("", line, column, "json.unclosedString", start[0], start[1]);
      }
      JsonLocation opened = opened(context);
      if (opened != null) {
        return new JsonProblem(
            "",
            line,
            column,
            inObject ? "json.unclosedObject" : "json.unclosedArray",
            opened.getLineNr(),
            opened.getColumnNr());
      }
      return new JsonProblem("", line, column, "json.unexpectedEnd");
    }
    if (ended) {
      return found == '}' || found == ']'
          ? new JsonProblem("", line, column, "json.extraCloseAfterEnd", shown(found))
          : new JsonProblem("", line, column, "json.trailing");
    }
    if (message.startsWith("Unexpected close marker")) {
      JsonLocation opened = opened(context);
      if (opened == null) {
        return new JsonProblem("", line, column, "json.extraClose", shown(found));
      }
      return new JsonProblem(
          "",
          line,
          column,
          inObject ? "json.wrongCloseObject" : "json.wrongCloseArray",
          shown(found),
          opened.getLineNr(),
          opened.getColumnNr());
    }
    if (message.startsWith("Illegal unquoted character")) {
      if (found == '\n' || found == '\r') {
        int[] start = place(text, openQuote(text, offset));
        return new JsonProblem("", line, column, "json.lineBreakInString", start[0], start[1]);
      }
      return new JsonProblem("", line, column, "json.controlInString", codePoint(found));
    }
    if (message.startsWith("Illegal character")) {
      // between values the parser has already passed the character when it says so
      int before = offset > 0 && offset <= text.length() ? text.codePointBefore(offset) : found;
      return new JsonProblem(
          "", line, Math.max(1, column - 1), "json.controlCharacter", codePoint(before));
    }
    if (message.startsWith("Unrecognized character escape")) {
      return new JsonProblem("", line, column, "json.invalidEscape", shown(found));
    }
    if (message.contains("hex-digit for character escape")) {
      return new JsonProblem("", line, column, "json.invalidUnicodeEscape");
    }
    if (message.startsWith("Unrecognized token")) {
      String word = word(text, offset);
      String lower = word.toLowerCase(Locale.ROOT);
      if (!word.equals(lower)
          && (lower.equals("true") || lower.equals("false") || lower.equals("null"))) {
        return new JsonProblem("", line, column, "json.literalCase", word, lower);
      }
      return new JsonProblem("", line, column, "json.unknownWord", word);
    }
    // an unexpected character: what it is says more than where the parser was
    if (found == '/') {
      return new JsonProblem("", line, column, "json.comment");
    }
    if (found == '\'') {
      return new JsonProblem("", line, column, "json.singleQuote");
    }
    if (found == '\u201C'
        || found == '\u201D'
        || found == '\u201E'
        || found == '\u2018'
        || found == '\u2019'
        || found == '\u00AB'
        || found == '\u00BB') {
      return new JsonProblem("", line, column, "json.curlyQuote", shown(found));
    }
    if (found >= 0 && invisible(found)) {
      return new JsonProblem("", line, column, "json.invisible", codePoint(found));
    }
    if (message.contains("colon to separate")) {
      String key = context == null ? null : context.getCurrentName();
      return new JsonProblem("", line, column, "json.missingColon", key == null ? "" : key);
    }
    if (message.contains("comma to separate")) {
      return new JsonProblem("", line, column, "json.missingComma", inObject ? "}" : "]");
    }
    if (message.contains("start field name")) {
      if (found == '}') {
        return new JsonProblem("", line, column, "json.trailingComma", "}");
      }
      if (found == ',') {
        return new JsonProblem("", line, column, "json.extraComma");
      }
      if (found >= 0 && (Character.isLetterOrDigit(found) || found == '_' || found == '$')) {
        return new JsonProblem("", line, column, "json.unquotedKey");
      }
      return new JsonProblem("", line, column, "json.keyExpected", shown(found));
    }
    if (message.contains("expected a value") || message.contains("expected a valid value")) {
      if (inArray && found == ']') {
        return new JsonProblem("", line, column, "json.trailingComma", "]");
      }
      if (inArray && found == ',') {
        return new JsonProblem("", line, column, "json.extraComma");
      }
      if (inObject && (found == '}' || found == ',' || found == ']' || found == ':')) {
        String key = context.getCurrentName();
        return new JsonProblem("", line, column, "json.missingValue", key == null ? "" : key);
      }
      return new JsonProblem("", line, column, "json.unexpectedChar", shown(found));
    }
    return new JsonProblem("", line, column, "json.syntax");
  }

  /** Where the object or list open at {@code context} starts; null at the top level. */
  private static JsonLocation opened(JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return null;
    }
    // the start is counted in lines and columns; the content reference only names the source
    JsonLocation start = context.startLocation(ContentReference.unknown());
    return start == null || start.getLineNr() < 1 ? null : start;
  }

  /**
   * Where the text open at {@code end} began: the last double quote before it that is not escaped.
   * The parser read everything up to there as valid JSON, so counting quotes from the start finds
   * it; -1 when there is none.
   */
  private static int openQuote(String text, int end) {
    int open = -1;
    boolean inText = false;
    for (int i = 0; i < Math.min(end, text.length()); i++) {
      char c = text.charAt(i);
      if (inText && c == '\\') {
        i++;
      } else if (c == '"') {
        inText = !inText;
        open = inText ? i : open;
      }
    }
    return open;
  }

  /** Line and column (1-based) of {@code offset} in {@code text}; 1:1 when unknown. */
  private static int[] place(String text, int offset) {
    if (offset < 0) {
      return new int[] {1, 1};
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  /** The word at {@code offset}: up to the next white space or punctuation, at most 40 long. */
  private static String word(String text, int offset) {
    if (offset < 0 || offset >= text.length()) {
      return "";
    }
    int end = offset;
    while (end < text.length()
        && end - offset < 40
        && !Character.isWhitespace(text.charAt(end))
        && ",:{}[]\"".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end == offset ? shown(text.codePointAt(offset)) : text.substring(offset, end);
  }

  /** Shown as itself when it can be seen, else as its code (U+00A0). */
  private static String shown(int c) {
    if (c < 0) {
      return "";
    }
    return invisible(c) || Character.isISOControl(c)
        ? codePoint(c)
        : new String(Character.toChars(c));
  }

  private static String codePoint(int c) {
    return c < 0 ? "" : String.format(Locale.ROOT, "U+%04X", c);
  }

  /** A character that looks like nothing or like a space: no-break space, zero width, a BOM. */
  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return Character.isSpaceChar(c)
        || Character.isWhitespace(c)
        || type == Character.FORMAT
        || type == Character.CONTROL;
  }
}
