package nl.mvoscan.scan.when;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree of a {@code when} condition; built once when the scan loads. */
public sealed interface Expr {

  /** Where the node starts in the condition text (1-based, in code points), for error messages. */
  int column();

  record Or(List<Expr> operands, int column) implements Expr {}

  record And(List<Expr> operands, int column) implements Expr {}

  record Not(Expr operand, int column) implements Expr {}

  record Compare(Op op, Expr left, Expr right, int column) implements Expr {}

  record In(Expr left, List<Literal> values, int column) implements Expr {}

  record Ref(String id, int column) implements Expr {}

  record Selected(String id, String option, int column) implements Expr {}

  record Answered(String id, int column) implements Expr {}

  /** A literal: a {@link String}, a {@link BigDecimal} or a {@link Boolean}. */
  record Literal(Object value, int column) implements Expr {}

  enum Op {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
