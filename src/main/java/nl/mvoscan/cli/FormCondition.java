package nl.mvoscan.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.when.Expr;

/**
 * A {@code when} condition in words for a teacher who builds branching in a form tool: each
 * question by its number in the printed form and the start of its text, each option by its label,
 * every operator of §3.4 as a phrase ("vraag 7 (…) 'Zorg' of 'Onderwijs' is"). Groups inside a
 * group stand in brackets, so "en" and "of" never read two ways.
 */
final class FormCondition {

  /** How much of a question's text names it; the number says which one, the text reassures. */
  private static final int TEXT_SHOWN = 50;

  private final Messages messages;
  private final Map<String, Question> questions;
  private final Map<String, Integer> numbers;
  private final String language;
  private final String fallback;
  private final Set<String> named = new HashSet<>();
  private final Offered offered;

  /**
   * What one form fixes about its questions: the options a question offers there where that is not
   * all of them (a form variant's split question), and the questions that always have an answer
   * there (asked in every response and required), so "or not answered" would be a case that cannot
   * happen.
   */
  record Offered(Map<String, Set<String>> options, Set<String> alwaysAnswered) {
    static final Offered ALL = new Offered(Map.of(), Set.of());

    boolean offers(String question, Object value) {
      Set<String> ids = options.get(question);
      return ids == null || !(value instanceof String id) || ids.contains(id);
    }
  }

  private FormCondition(
      Messages messages,
      Map<String, Question> questions,
      Map<String, Integer> numbers,
      String language,
      String fallback,
      Offered offered) {
    this.messages = messages;
    this.questions = questions;
    this.numbers = numbers;
    this.language = language;
    this.fallback = fallback;
    this.offered = offered;
  }

  /**
   * {@code expr} in words; a question is named with its text the first time, by number after.
   *
   * @param numbers each question's number in the printed form
   * @param offered what the form fixes: an option it does not offer is left out of a list, and a
   *     question always answered is not said to be possibly unanswered
   */
  static String words(
      Expr expr,
      Messages messages,
      Map<String, Question> questions,
      Map<String, Integer> numbers,
      String language,
      String fallback,
      Offered offered) {
    return new FormCondition(messages, questions, numbers, language, fallback, offered)
        .phrase(expr, true);
  }

  /** "x is not y", with "(or is not answered)" only where x can be left unanswered in the form. */
  private String notIn(Expr left, String a, String b) {
    return left instanceof Expr.Ref ref && offered.alwaysAnswered().contains(ref.id())
        ? messages.get("when.notInAnswered", a, b)
        : messages.get("when.notIn", a, b);
  }

  private String phrase(Expr expr, boolean top) {
    if (expr instanceof Expr.And and) {
      return group(and.operands(), "when.and", top);
    }
    if (expr instanceof Expr.Or or) {
      return group(or.operands(), "when.or", top);
    }
    if (expr instanceof Expr.Not not) {
      return negation(not.operand());
    }
    if (expr instanceof Expr.Compare compare) {
      return compare(compare, false);
    }
    if (expr instanceof Expr.In in) {
      return messages.get("when.in", side(in.left()), list(in.left(), in.values()));
    }
    if (expr instanceof Expr.Selected selected) {
      return selected(selected, false);
    }
    if (expr instanceof Expr.Answered answered) {
      return messages.get("when.answered", question(answered.id()));
    }
    if (expr instanceof Expr.Literal literal && literal.value() instanceof Boolean b) {
      return messages.get(b ? "when.always" : "when.never");
    }
    return side(expr);
  }

  private String group(List<Expr> operands, String joiner, boolean top) {
    List<String> parts = new ArrayList<>();
    for (Expr operand : operands) {
      parts.add(phrase(operand, false));
    }
    String joined = String.join(messages.get(joiner), parts);
    return top ? joined : "(" + joined + ")";
  }

  /** "not x" in the words of x where there are some; an unanswered question counts as not. */
  private String negation(Expr operand) {
    if (operand instanceof Expr.In in) {
      return notIn(in.left(), side(in.left()), list(in.left(), in.values()));
    }
    if (operand instanceof Expr.Compare compare && compare.op() == Expr.Op.EQ) {
      String words = compare(compare, true);
      if (words != null) {
        return words;
      }
    }
    if (operand instanceof Expr.Selected selected) {
      return selected(selected, true);
    }
    if (operand instanceof Expr.Answered answered) {
      return messages.get("when.notAnswered", question(answered.id()));
    }
    return messages.get("when.not", phrase(operand, false));
  }

  private String selected(Expr.Selected selected, boolean negated) {
    Question q = questions.get(selected.id());
    String label = "'" + label(q, selected.option()) + "'";
    if (q.type() == QuestionType.CHOICE) {
      String named = question(q.id());
      return negated
          ? notIn(new Expr.Ref(q.id(), selected.column()), named, label)
          : messages.get("when.is", named, label);
    }
    return messages.get(negated ? "when.notTicked" : "when.ticked", question(q.id()), label);
  }

  /**
   * A comparison; with {@code negated} the words of "not (a == b)", or null when there are none.
   */
  private String compare(Expr.Compare compare, boolean negated) {
    Expr left = compare.left();
    Expr right = compare.right();
    Expr.Op op = compare.op();
    if (!(left instanceof Expr.Ref) && right instanceof Expr.Ref) {
      // 50 <= medewerkers reads as medewerkers >= 50
      Expr swap = left;
      left = right;
      right = swap;
      op =
          switch (op) {
            case LT -> Expr.Op.GT;
            case LE -> Expr.Op.GE;
            case GT -> Expr.Op.LT;
            case GE -> Expr.Op.LE;
            default -> op;
          };
    }
    if (isBoolean(left) || isBoolean(right)) {
      if (negated) {
        return null;
      }
      return messages.get(
          op == Expr.Op.EQ ? "when.sameTruth" : "when.otherTruth",
          phrase(left, false),
          phrase(right, false));
    }
    String a = side(left);
    String b = value(left, right);
    if (negated) {
      return notIn(left, a, b);
    }
    if (left instanceof Expr.Ref && right instanceof Expr.Ref) {
      return switch (op) {
        case EQ -> messages.get("when.sameAnswer", a, b);
        case NE -> messages.get("when.otherAnswer", a, b);
        default -> messages.get("when." + op.name().toLowerCase(java.util.Locale.ROOT), a, b);
      };
    }
    return messages.get("when." + op.name().toLowerCase(java.util.Locale.ROOT), a, b);
  }

  private static boolean isBoolean(Expr expr) {
    return !(expr instanceof Expr.Ref)
        && !(expr instanceof Expr.Literal literal && !(literal.value() instanceof Boolean));
  }

  /** A side of a comparison: a question, or a literal as written. */
  private String side(Expr expr) {
    if (expr instanceof Expr.Ref ref) {
      return question(ref.id());
    }
    return literal(null, ((Expr.Literal) expr).value());
  }

  /** The right side, a literal shown as the left question's option label where it is one. */
  private String value(Expr left, Expr right) {
    if (right instanceof Expr.Literal literal && left instanceof Expr.Ref ref) {
      return literal(questions.get(ref.id()), literal.value());
    }
    return side(right);
  }

  private String list(Expr left, List<Expr.Literal> values) {
    if (values.isEmpty()) {
      return messages.get("when.emptyList");
    }
    Question q = left instanceof Expr.Ref ref ? questions.get(ref.id()) : null;
    List<String> shown = new ArrayList<>();
    for (Expr.Literal literal : values) {
      // an option this form cannot have would name a choice the reader never sees
      if (q == null || offered.offers(q.id(), literal.value())) {
        shown.add(literal(q, literal.value()));
      }
    }
    if (shown.isEmpty()) {
      return messages.get("when.emptyList");
    }
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1))
        + messages.get("when.or")
        + shown.get(shown.size() - 1);
  }

  private String literal(Question question, Object value) {
    if (value instanceof BigDecimal number) {
      return messages.decimal(
          number.stripTrailingZeros().scale() < 0
              ? number.setScale(0)
              : number.stripTrailingZeros());
    }
    if (value instanceof Boolean b) {
      return messages.get(b ? "when.true" : "when.false");
    }
    String text = (String) value;
    if (question != null && question.type() == QuestionType.CHOICE) {
      return "'" + label(question, text) + "'";
    }
    return "'" + text + "'";
  }

  private String label(Question question, String optionId) {
    return question.option(optionId).map(o -> o.label().in(language, fallback)).orElse(optionId);
  }

  /** A question by its number, with the start of its text the first time it is named. */
  private String question(String id) {
    Integer number = numbers.get(id);
    Question q = questions.get(id);
    if (number == null || q == null) {
      return id; // not in this form: named as the scan does
    }
    if (!named.add(id)) {
      return messages.get("when.questionAgain", number);
    }
    String text = q.text().in(language, fallback);
    if (text.length() > TEXT_SHOWN) {
      int cut = text.lastIndexOf(' ', TEXT_SHOWN);
      text = text.substring(0, cut > 20 ? cut : TEXT_SHOWN) + "\u2026";
    }
    return messages.get("when.question", number, text);
  }
}
