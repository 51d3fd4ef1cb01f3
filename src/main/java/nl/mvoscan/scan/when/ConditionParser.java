package nl.mvoscan.scan.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser for the {@code when} language of the contract (§3.4).
 * Tokens are read straight from the code points of the condition so columns match what an author
 * sees in an editor.
 */
public final class ConditionParser {

  public static final int MAX_LENGTH = 500;
  public static final int MAX_NESTING = 32;
  static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "true", "false", "selected", "answered");

  private final int[] cps;
  private int pos;
  private int nesting;

  private ConditionParser(String source) {
    this.cps = source.codePoints().toArray();
  }

  public static Expr parse(String source) throws ConditionException {
    int length = source.codePointCount(0, source.length());
    if (length > MAX_LENGTH) {
      throw new ConditionException(MAX_LENGTH + 1, "when.tooLong", length, MAX_LENGTH);
    }
    ConditionParser parser = new ConditionParser(source);
    parser.skipSpace();
    if (parser.atEnd()) {
      throw new ConditionException(1, "when.empty");
    }
    Expr expr = parser.or();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw new ConditionException(parser.pos + 1, "when.unexpected", parser.describeHere());
    }
    return expr;
  }

  private Expr or() throws ConditionException {
    int start = here();
    List<Expr> operands = new ArrayList<>();
    operands.add(and());
    while (acceptKeyword("or")) {
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Expr.Or(List.copyOf(operands), start);
  }

  private Expr and() throws ConditionException {
    int start = here();
    List<Expr> operands = new ArrayList<>();
    operands.add(not());
    while (acceptKeyword("and")) {
      operands.add(not());
    }
    return operands.size() == 1 ? operands.get(0) : new Expr.And(List.copyOf(operands), start);
  }

  private Expr not() throws ConditionException {
    int start = here();
    if (acceptKeyword("not")) {
      return new Expr.Not(not(), start);
    }
    return comparison();
  }

  private Expr comparison() throws ConditionException {
    int start = here();
    Expr left = value();
    skipSpace();
    Expr.Op op = acceptOperator();
    if (op != null) {
      return new Expr.Compare(op, left, value(), start);
    }
    if (acceptKeyword("in")) {
      return new Expr.In(left, list(), start);
    }
    return left;
  }

  private Expr value() throws ConditionException {
    skipSpace();
    int start = here();
    if (atEnd()) {
      throw new ConditionException(start, "when.unexpectedEnd");
    }
    int c = cps[pos];
    if (c == '(') {
      pos++;
      nesting++;
      if (nesting > MAX_NESTING) {
        throw new ConditionException(start, "when.tooDeep", MAX_NESTING);
      }
      Expr inner = or();
      expect(')');
      nesting--;
      return inner;
    }
    if (c == '\'' || c == '"' || c == '-' || isDigit(c)) {
      return literal();
    }
    if (isWordStart(c)) {
      String word = word();
      switch (word) {
        case "true":
          return new Expr.Literal(Boolean.TRUE, start);
        case "false":
          return new Expr.Literal(Boolean.FALSE, start);
        case "selected":
          {
            expect('(');
            String id = identifier();
            expect(',');
            skipSpace();
            int optionAt = here();
            if (atEnd() || (cps[pos] != '\'' && cps[pos] != '"')) {
              throw new ConditionException(optionAt, "when.expectedString", describeHere());
            }
            String option = string();
            expect(')');
            return new Expr.Selected(id, option, start);
          }
        case "answered":
          {
            expect('(');
            String id = identifier();
            expect(')');
            return new Expr.Answered(id, start);
          }
        default:
          if (KEYWORDS.contains(word)) {
            throw new ConditionException(start, "when.misplacedKeyword", word);
          }
          return new Expr.Ref(word, start);
      }
    }
    throw new ConditionException(start, "when.unexpected", describeHere());
  }

  private List<Expr.Literal> list() throws ConditionException {
    expect('[');
    List<Expr.Literal> values = new ArrayList<>();
    skipSpace();
    if (!atEnd() && cps[pos] == ']') {
      pos++;
      return List.of();
    }
    do {
      values.add(literal());
      skipSpace();
    } while (accept(','));
    expect(']');
    return List.copyOf(values);
  }

  private Expr.Literal literal() throws ConditionException {
    skipSpace();
    int start = here();
    if (atEnd()) {
      throw new ConditionException(start, "when.unexpectedEnd");
    }
    int c = cps[pos];
    if (c == '\'' || c == '"') {
      return new Expr.Literal(string(), start);
    }
    if (c == '-' || isDigit(c)) {
      return new Expr.Literal(number(), start);
    }
    if (isWordStart(c)) {
      int save = pos;
      String word = word();
      if (word.equals("true") || word.equals("false")) {
        return new Expr.Literal(Boolean.valueOf(word), start);
      }
      pos = save;
    }
    throw new ConditionException(start, "when.expectedLiteral", describeHere());
  }

  private String string() throws ConditionException {
    int start = here();
    int quote = cps[pos++];
    StringBuilder text = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw new ConditionException(start, "when.unclosedString");
      }
      int c = cps[pos++];
      if (c == quote) {
        return text.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          throw new ConditionException(start, "when.unclosedString");
        }
        int escaped = cps[pos];
        if (escaped != '\'' && escaped != '"' && escaped != '\\') {
          throw new ConditionException(
              pos, "when.badEscape", new String(Character.toChars(escaped)));
        }
        pos++;
        text.appendCodePoint(escaped);
      } else {
        text.appendCodePoint(c);
      }
    }
  }

  private BigDecimal number() throws ConditionException {
    int start = pos;
    if (cps[pos] == '-') {
      pos++;
    }
    if (atEnd() || !isDigit(cps[pos])) {
      throw new ConditionException(start + 1, "when.badNumber");
    }
    while (!atEnd() && isDigit(cps[pos])) {
      pos++;
    }
    if (!atEnd() && cps[pos] == '.') {
      pos++;
      if (atEnd() || !isDigit(cps[pos])) {
        throw new ConditionException(start + 1, "when.badNumber");
      }
      while (!atEnd() && isDigit(cps[pos])) {
        pos++;
      }
    }
    if (!atEnd() && isWordPart(cps[pos])) {
      throw new ConditionException(start + 1, "when.badNumber");
    }
    return new BigDecimal(new String(cps, start, pos - start));
  }

  private String identifier() throws ConditionException {
    skipSpace();
    int start = here();
    if (atEnd() || !isWordStart(cps[pos])) {
      throw new ConditionException(start, "when.expectedId", describeHere());
    }
    String word = word();
    if (KEYWORDS.contains(word)) {
      throw new ConditionException(start, "when.misplacedKeyword", word);
    }
    return word;
  }

  private String word() {
    int start = pos;
    while (!atEnd() && isWordPart(cps[pos])) {
      pos++;
    }
    return new String(cps, start, pos - start);
  }

  private Expr.Op acceptOperator() {
    if (pos + 1 < cps.length && cps[pos + 1] == '=') {
      Expr.Op op =
          switch (cps[pos]) {
            case '=' -> Expr.Op.EQ;
            case '!' -> Expr.Op.NE;
            case '<' -> Expr.Op.LE;
            case '>' -> Expr.Op.GE;
            default -> null;
          };
      if (op != null) {
        pos += 2;
        return op;
      }
    }
    if (!atEnd() && (cps[pos] == '<' || cps[pos] == '>')) {
      return cps[pos++] == '<' ? Expr.Op.LT : Expr.Op.GT;
    }
    return null;
  }

  private boolean acceptKeyword(String keyword) {
    skipSpace();
    int save = pos;
    if (!atEnd() && isWordStart(cps[pos]) && word().equals(keyword)) {
      return true;
    }
    pos = save;
    return false;
  }

  private boolean accept(int c) {
    skipSpace();
    if (!atEnd() && cps[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(int c) throws ConditionException {
    if (!accept(c)) {
      throw new ConditionException(
          here(), "when.expected", new String(Character.toChars(c)), describeHere());
    }
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(cps[pos])) {
      pos++;
    }
  }

  private String describeHere() {
    if (atEnd()) {
      return "end";
    }
    int end = Math.min(cps.length, pos + 12);
    return "'" + new String(cps, pos, end - pos) + "'";
  }

  private int here() {
    skipSpace();
    return pos + 1;
  }

  private boolean atEnd() {
    return pos >= cps.length;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(int c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
