package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.mvoscan.scan.when.Expr;

/**
 * The two forms of a scan whose questions come in twins {@code <id>} and {@code <id>_org} with
 * exclusive conditions on one choice question (docs/decisions.md, "De organisatie"): one form for
 * companies, one for public organisations, each with only the questions that can be asked there and
 * the split question's options of that kind. A Microsoft form holds at most 200 questions; the
 * whole scan does not fit, each variant does.
 *
 * <p>Which questions a variant keeps is decided by evaluating every condition with three values
 * (true, false, unknown) on what the form itself fixes: the split question is answered with one of
 * the variant's options, and a question the variant leaves out is hidden in every response of it. A
 * question is left out only when its condition is false for every such response, so an export of
 * either form scores as the whole scan would on the same answers.
 */
public final class FormVariants {

  /** Which form: for a company, or for a public organisation (care, welfare, education, state). */
  public enum Kind {
    COMPANY,
    ORGANISATION
  }

  /**
   * One form: the split question, the ids of its options this form offers (in scan order), the
   * questions it asks (in document order), and of those the ones that are always asked in this form
   * (their condition is true for every response of it).
   */
  public record Variant(
      Kind kind,
      Question split,
      List<String> options,
      List<Question> questions,
      Set<String> alwaysAsked) {}

  private static final String TWIN_SUFFIX = "_org";

  private final Map<Kind, Variant> variants;
  private final List<String> allIds;

  private FormVariants(Map<Kind, Variant> variants, List<String> allIds) {
    this.variants = variants;
    this.allIds = allIds;
  }

  public Variant variant(Kind kind) {
    return variants.get(kind);
  }

  /** The variants of a scan, or empty when it has no twins split by one choice question. */
  public static Optional<FormVariants> of(Scan scan) {
    Map<String, Question> byId = scan.questionsById();
    List<Question[]> twins = new ArrayList<>();
    for (Question question : scan.questions()) {
      Question twin = byId.get(question.id() + TWIN_SUFFIX);
      if (twin != null && question.when() != null && twin.when() != null) {
        twins.add(new Question[] {question, twin});
      }
    }
    if (twins.isEmpty()) {
      return Optional.empty();
    }
    Set<String> referenced = new LinkedHashSet<>();
    references(twins.get(0)[1].when().expr(), referenced);
    for (String id : referenced) {
      Question split = byId.get(id);
      if (split == null || split.type() != QuestionType.CHOICE || split.when() != null) {
        continue;
      }
      List<String> company = new ArrayList<>();
      List<String> organisation = new ArrayList<>();
      boolean splits = true;
      for (Option option : split.options()) {
        Known known = new Known(split.id(), Set.of(option.id()), Set.of());
        boolean companyOnly = true;
        boolean organisationOnly = true;
        for (Question[] pair : twins) {
          companyOnly &= known.truth(pair[1].when().expr()) == Truth.FALSE;
          organisationOnly &= known.truth(pair[0].when().expr()) == Truth.FALSE;
        }
        if (companyOnly == organisationOnly) {
          splits = false;
          break;
        }
        (companyOnly ? company : organisation).add(option.id());
      }
      if (splits && !company.isEmpty() && !organisation.isEmpty()) {
        return Optional.of(
            new FormVariants(
                Map.of(
                    Kind.COMPANY,
                    variant(scan, Kind.COMPANY, split, company),
                    Kind.ORGANISATION,
                    variant(scan, Kind.ORGANISATION, split, organisation)),
                scan.questions().stream().map(Question::id).toList()));
      }
    }
    return Optional.empty();
  }

  private static Variant variant(Scan scan, Kind kind, Question split, List<String> options) {
    Set<String> hidden = new HashSet<>();
    List<Question> asked = new ArrayList<>();
    Set<String> always = new HashSet<>();
    for (Question question : scan.questions()) {
      if (question.when() == null) {
        asked.add(question);
        always.add(question.id());
        continue;
      }
      Truth truth =
          new Known(split.id(), Set.copyOf(options), hidden).truth(question.when().expr());
      if (truth == Truth.FALSE) {
        hidden.add(question.id());
      } else {
        asked.add(question);
        if (truth == Truth.TRUE) {
          always.add(question.id());
        }
      }
    }
    return new Variant(kind, split, List.copyOf(options), List.copyOf(asked), Set.copyOf(always));
  }

  /**
   * The part of a question's condition this variant leaves open: what the form fixes (the split
   * question's options, the questions it leaves out) is taken out, so the condition names only
   * questions the form asks. Null for a question the variant does not ask or always asks.
   */
  public Expr openCondition(Kind kind, Question question) {
    Variant variant = variants.get(kind);
    if (question.when() == null
        || variant.alwaysAsked().contains(question.id())
        || !variant.questions().contains(question)) {
      return null;
    }
    Set<String> hidden = new HashSet<>();
    Set<String> asked = new HashSet<>();
    variant.questions().forEach(q -> asked.add(q.id()));
    for (String id : allIds) {
      if (!asked.contains(id)) {
        hidden.add(id);
      }
    }
    return new Known(variant.split().id(), Set.copyOf(variant.options()), hidden)
        .simplify(question.when().expr());
  }

  private static void references(Expr expr, Set<String> ids) {
    if (expr instanceof Expr.Or or) {
      or.operands().forEach(e -> references(e, ids));
    } else if (expr instanceof Expr.And and) {
      and.operands().forEach(e -> references(e, ids));
    } else if (expr instanceof Expr.Not not) {
      references(not.operand(), ids);
    } else if (expr instanceof Expr.Compare compare) {
      references(compare.left(), ids);
      references(compare.right(), ids);
    } else if (expr instanceof Expr.In in) {
      references(in.left(), ids);
    } else if (expr instanceof Expr.Ref ref) {
      ids.add(ref.id());
    } else if (expr instanceof Expr.Selected selected) {
      ids.add(selected.id());
    } else if (expr instanceof Expr.Answered answered) {
      ids.add(answered.id());
    }
  }

  enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    Truth not() {
      return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }
  }

  /**
   * What a form fixes before anyone answers it: the split question answered with one of {@code
   * options}, and the questions in {@code hidden} never shown (so without a value, §3.4).
   * Everything else is unknown.
   */
  record Known(String split, Set<String> options, Set<String> hidden) {

    /** A value a side of a comparison can have: one literal, one of a set, none, or unknown. */
    private record Value(Object literal, Set<String> oneOf, boolean none) {
      static final Value NONE = new Value(null, null, true);
      static final Value UNKNOWN = new Value(null, null, false);
    }

    Truth truth(Expr expr) {
      if (expr instanceof Expr.Or or) {
        Truth result = Truth.FALSE;
        for (Expr operand : or.operands()) {
          Truth t = truth(operand);
          if (t == Truth.TRUE) {
            return Truth.TRUE;
          }
          if (t == Truth.UNKNOWN) {
            result = Truth.UNKNOWN;
          }
        }
        return result;
      }
      if (expr instanceof Expr.And and) {
        Truth result = Truth.TRUE;
        for (Expr operand : and.operands()) {
          Truth t = truth(operand);
          if (t == Truth.FALSE) {
            return Truth.FALSE;
          }
          if (t == Truth.UNKNOWN) {
            result = Truth.UNKNOWN;
          }
        }
        return result;
      }
      if (expr instanceof Expr.Not not) {
        return truth(not.operand()).not();
      }
      if (expr instanceof Expr.Compare compare) {
        return compare(compare);
      }
      if (expr instanceof Expr.In in) {
        return in(in);
      }
      if (expr instanceof Expr.Selected selected) {
        if (hidden.contains(selected.id())) {
          return Truth.FALSE;
        }
        return selected.id().equals(split) ? equal(oneOfSplit(), selected.option()) : Truth.UNKNOWN;
      }
      if (expr instanceof Expr.Answered answered) {
        if (hidden.contains(answered.id())) {
          return Truth.FALSE;
        }
        return answered.id().equals(split) ? Truth.TRUE : Truth.UNKNOWN;
      }
      if (expr instanceof Expr.Literal literal && literal.value() instanceof Boolean b) {
        return Truth.of(b);
      }
      return Truth.UNKNOWN;
    }

    /**
     * {@code expr} with every part whose truth this knowledge fixes replaced by that truth and
     * folded away ({@code true and x} is {@code x}); a literal when the whole is fixed.
     */
    Expr simplify(Expr expr) {
      Truth truth = truth(expr);
      if (truth != Truth.UNKNOWN) {
        return new Expr.Literal(truth == Truth.TRUE, expr.column());
      }
      if (expr instanceof Expr.And and) {
        List<Expr> open = new ArrayList<>();
        for (Expr operand : and.operands()) {
          if (truth(operand) != Truth.TRUE) {
            open.add(simplify(operand));
          }
        }
        return open.size() == 1 ? open.get(0) : new Expr.And(List.copyOf(open), and.column());
      }
      if (expr instanceof Expr.Or or) {
        List<Expr> open = new ArrayList<>();
        for (Expr operand : or.operands()) {
          if (truth(operand) != Truth.FALSE) {
            open.add(simplify(operand));
          }
        }
        return open.size() == 1 ? open.get(0) : new Expr.Or(List.copyOf(open), or.column());
      }
      if (expr instanceof Expr.Not not) {
        return new Expr.Not(simplify(not.operand()), not.column());
      }
      return expr;
    }

    private Value oneOfSplit() {
      return new Value(null, options, false);
    }

    private Value value(Expr expr) {
      if (expr instanceof Expr.Ref ref) {
        if (hidden.contains(ref.id())) {
          return Value.NONE;
        }
        return ref.id().equals(split) ? oneOfSplit() : Value.UNKNOWN;
      }
      if (expr instanceof Expr.Literal literal && !(literal.value() instanceof Boolean)) {
        return new Value(literal.value(), null, false);
      }
      return null; // a boolean side
    }

    private Truth compare(Expr.Compare compare) {
      Value left = value(compare.left());
      Value right = value(compare.right());
      if (left == null || right == null) {
        if (left != null || right != null) {
          return Truth.UNKNOWN;
        }
        Truth a = truth(compare.left());
        Truth b = truth(compare.right());
        if (a == Truth.UNKNOWN || b == Truth.UNKNOWN) {
          return Truth.UNKNOWN;
        }
        boolean same = a == b;
        return Truth.of(compare.op() == Expr.Op.EQ ? same : !same);
      }
      if (left.none() || right.none()) {
        return Truth.FALSE; // a side without a value makes any comparison false, != too
      }
      if (compare.op() != Expr.Op.EQ && compare.op() != Expr.Op.NE) {
        if (left.literal() != null && right.literal() != null) {
          int order = ((BigDecimal) left.literal()).compareTo((BigDecimal) right.literal());
          return Truth.of(
              switch (compare.op()) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                default -> throw new IllegalStateException();
              });
        }
        return Truth.UNKNOWN;
      }
      Truth equal;
      if (left.literal() != null && right.literal() != null) {
        equal = Truth.of(same(left.literal(), right.literal()));
      } else if (left.oneOf() != null && right.literal() != null) {
        equal = equal(left, right.literal());
      } else if (right.oneOf() != null && left.literal() != null) {
        equal = equal(right, left.literal());
      } else {
        return Truth.UNKNOWN;
      }
      return compare.op() == Expr.Op.EQ ? equal : equal.not();
    }

    private static Truth equal(Value oneOf, Object literal) {
      if (!oneOf.oneOf().contains(literal)) {
        return Truth.FALSE;
      }
      return oneOf.oneOf().size() == 1 ? Truth.TRUE : Truth.UNKNOWN;
    }

    private Truth in(Expr.In in) {
      Value left = value(in.left());
      if (left == null) {
        return Truth.UNKNOWN;
      }
      if (left.none()) {
        return Truth.FALSE;
      }
      List<Object> values = in.values().stream().map(Expr.Literal::value).toList();
      if (left.literal() != null) {
        return Truth.of(values.stream().anyMatch(v -> same(left.literal(), v)));
      }
      if (left.oneOf() != null) {
        long inside = left.oneOf().stream().filter(values::contains).count();
        return inside == 0
            ? Truth.FALSE
            : inside == left.oneOf().size() ? Truth.TRUE : Truth.UNKNOWN;
      }
      return Truth.UNKNOWN;
    }

    private static boolean same(Object a, Object b) {
      return a instanceof BigDecimal x && b instanceof BigDecimal y
          ? x.compareTo(y) == 0
          : a.equals(b);
    }
  }
}
