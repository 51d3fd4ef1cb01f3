package nl.mvoscan.scan.when;

import java.math.BigDecimal;

/**
 * Types a condition when the scan loads (§3.4), so that a scan with a condition that could never be
 * evaluated sensibly is rejected before any student fills it in.
 */
public final class ConditionChecker {

  private enum Type {
    TEXT,
    NUMBER,
    BOOLEAN,
    MULTI
  }

  private final Scope scope;

  private ConditionChecker(Scope scope) {
    this.scope = scope;
  }

  /** Parses and types {@code source}; the result is ready for {@link Condition#test}. */
  public static Condition compile(String source, Scope scope) throws ConditionException {
    Expr expr = ConditionParser.parse(source);
    Type type = new ConditionChecker(scope).type(expr);
    if (type != Type.BOOLEAN) {
      throw new ConditionException(1, "when.notBoolean", name(type));
    }
    return new Condition(source, expr);
  }

  private Type type(Expr expr) throws ConditionException {
    if (expr instanceof Expr.Or or) {
      for (Expr operand : or.operands()) {
        requireBoolean(operand, "or");
      }
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.And and) {
      for (Expr operand : and.operands()) {
        requireBoolean(operand, "and");
      }
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.Not not) {
      requireBoolean(not.operand(), "not");
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.Compare compare) {
      Type left = type(compare.left());
      Type right = type(compare.right());
      rejectMulti(compare.left(), left);
      rejectMulti(compare.right(), right);
      boolean ordering = compare.op() != Expr.Op.EQ && compare.op() != Expr.Op.NE;
      if (ordering && (left != Type.NUMBER || right != Type.NUMBER)) {
        throw new ConditionException(
            compare.column(),
            "when.orderingNeedsNumbers",
            compare.op().symbol(),
            name(left),
            name(right));
      }
      if (left != right) {
        throw new ConditionException(
            compare.column(), "when.typeMismatch", compare.op().symbol(), name(left), name(right));
      }
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.In in) {
      Type left = type(in.left());
      rejectMulti(in.left(), left);
      for (Expr.Literal literal : in.values()) {
        Type item = type(literal);
        if (item != left) {
          throw new ConditionException(
              literal.column(), "when.listTypeMismatch", name(item), name(left));
        }
      }
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.Ref ref) {
      Scope.Reference target = reachable(ref.id(), ref.column());
      return switch (target.kind()) {
        case CHOICE, TEXT -> Type.TEXT;
        case NUMBER -> Type.NUMBER;
        case MULTI -> Type.MULTI;
      };
    }
    if (expr instanceof Expr.Selected selected) {
      Scope.Reference target = reachable(selected.id(), selected.column());
      if (target.kind() != Scope.Kind.CHOICE && target.kind() != Scope.Kind.MULTI) {
        throw new ConditionException(selected.column(), "when.selectedNeedsChoice", selected.id());
      }
      if (!target.optionIds().contains(selected.option())) {
        throw new ConditionException(
            selected.column(), "when.unknownOption", selected.option(), selected.id());
      }
      return Type.BOOLEAN;
    }
    if (expr instanceof Expr.Answered answered) {
      reachable(answered.id(), answered.column());
      return Type.BOOLEAN;
    }
    Object value = ((Expr.Literal) expr).value();
    if (value instanceof String) {
      return Type.TEXT;
    }
    if (value instanceof BigDecimal) {
      return Type.NUMBER;
    }
    return Type.BOOLEAN;
  }

  private void requireBoolean(Expr operand, String operator) throws ConditionException {
    Type type = type(operand);
    if (type != Type.BOOLEAN) {
      throw new ConditionException(
          operand.column(), "when.operandNotBoolean", operator, name(type));
    }
  }

  private static void rejectMulti(Expr side, Type type) throws ConditionException {
    if (type == Type.MULTI) {
      throw new ConditionException(
          side.column(), "when.multiOnlyInSelected", ((Expr.Ref) side).id());
    }
  }

  private Scope.Reference reachable(String id, int column) throws ConditionException {
    Scope.Reference target = scope.resolve(id);
    switch (target.reach()) {
      case EARLIER:
        return target;
      case SELF:
        throw new ConditionException(column, "when.selfReference", id);
      case LATER:
        throw new ConditionException(column, "when.laterReference", id);
      case THEME:
        throw new ConditionException(column, "when.themeReference", id);
      default:
        throw new ConditionException(column, "when.unknownReference", id);
    }
  }

  private static String name(Type type) {
    return switch (type) {
      case TEXT -> "text";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case MULTI -> "multi";
    };
  }
}
