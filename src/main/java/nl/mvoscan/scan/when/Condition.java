package nl.mvoscan.scan.when;

import java.math.BigDecimal;
import java.util.Collection;

/** A parsed and type-checked {@code when} condition. */
public final class Condition {

  /** The answers a condition can see: only visible questions have values. */
  public interface Values {
    /**
     * What a reference to a visible, answered question compares: a {@link String} (the option id of
     * a choice, or a text) or a {@link BigDecimal} (a number); {@code null} when hidden, unanswered
     * or a multi question. An {@code na} or {@code unknown} choice still has its option id as
     * value.
     */
    Object valueOf(String id);

    /**
     * The option ids chosen in a visible, answered choice or multi question; empty when hidden or
     * unanswered.
     */
    Collection<String> optionsOf(String id);

    /** Whether the question is visible and has any answer. */
    boolean answered(String id);
  }

  private final String source;
  private final Expr expr;

  Condition(String source, Expr expr) {
    this.source = source;
    this.expr = expr;
  }

  public String source() {
    return source;
  }

  /** The parsed condition, for what reads it other than the evaluator (a form, a simplifier). */
  public Expr expr() {
    return expr;
  }

  public boolean test(Values values) {
    return (Boolean) eval(expr, values);
  }

  private static Object eval(Expr expr, Values values) {
    if (expr instanceof Expr.Or or) {
      for (Expr operand : or.operands()) {
        if ((Boolean) eval(operand, values)) {
          return true;
        }
      }
      return false;
    }
    if (expr instanceof Expr.And and) {
      for (Expr operand : and.operands()) {
        if (!(Boolean) eval(operand, values)) {
          return false;
        }
      }
      return true;
    }
    if (expr instanceof Expr.Not not) {
      return !(Boolean) eval(not.operand(), values);
    }
    if (expr instanceof Expr.Compare compare) {
      Object left = eval(compare.left(), values);
      Object right = eval(compare.right(), values);
      if (left == null || right == null) {
        return false;
      }
      if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
        int order = a.compareTo(b);
        return switch (compare.op()) {
          case EQ -> order == 0;
          case NE -> order != 0;
          case LT -> order < 0;
          case LE -> order <= 0;
          case GT -> order > 0;
          case GE -> order >= 0;
        };
      }
      boolean equal = left.equals(right);
      return compare.op() == Expr.Op.EQ ? equal : !equal;
    }
    if (expr instanceof Expr.In in) {
      Object left = eval(in.left(), values);
      if (left == null) {
        return false;
      }
      for (Expr.Literal literal : in.values()) {
        Object item = literal.value();
        boolean equal =
            left instanceof BigDecimal a && item instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : left.equals(item);
        if (equal) {
          return true;
        }
      }
      return false;
    }
    if (expr instanceof Expr.Ref ref) {
      return values.valueOf(ref.id());
    }
    if (expr instanceof Expr.Selected selected) {
      return values.optionsOf(selected.id()).contains(selected.option());
    }
    if (expr instanceof Expr.Answered answered) {
      return values.answered(answered.id());
    }
    return ((Expr.Literal) expr).value();
  }

  @Override
  public String toString() {
    return source;
  }
}
