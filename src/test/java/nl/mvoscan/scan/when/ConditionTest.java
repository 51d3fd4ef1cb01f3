package nl.mvoscan.scan.when;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {

  /** sector (choice), medewerkers (number), naam (text), maatregelen (multi), pand (choice). */
  private static final Scope SCOPE =
      id ->
          switch (id) {
            case "sector" ->
                new Scope.Reference(
                    Scope.Reach.EARLIER, Scope.Kind.CHOICE, Set.of("productie", "bouw", "zorg"));
            case "medewerkers" ->
                new Scope.Reference(Scope.Reach.EARLIER, Scope.Kind.NUMBER, Set.of());
            case "naam" -> new Scope.Reference(Scope.Reach.EARLIER, Scope.Kind.TEXT, Set.of());
            case "maatregelen" ->
                new Scope.Reference(Scope.Reach.EARLIER, Scope.Kind.MULTI, Set.of("led", "zon"));
            case "pand" ->
                new Scope.Reference(Scope.Reach.EARLIER, Scope.Kind.CHOICE, Set.of("ja", "nee"));
            case "zelf" -> Scope.Reference.of(Scope.Reach.SELF);
            case "later" -> Scope.Reference.of(Scope.Reach.LATER);
            case "beleid" -> Scope.Reference.of(Scope.Reach.THEME);
            default -> Scope.Reference.of(Scope.Reach.UNKNOWN);
          };

  private static boolean eval(String condition, Map<String, Object> values)
      throws ConditionException {
    return ConditionChecker.compile(condition, SCOPE)
        .test(
            new Condition.Values() {
              @Override
              public Object valueOf(String id) {
                Object value = values.get(id);
                return value instanceof Collection<?> ? null : value;
              }

              @Override
              public Collection<String> optionsOf(String id) {
                Object value = values.get(id);
                if (value instanceof Collection<?> options) {
                  return options.stream().map(String::valueOf).toList();
                }
                return value instanceof String option ? List.of(option) : List.of();
              }

              @Override
              public boolean answered(String id) {
                return values.get(id) != null;
              }
            });
  }

  private static Map<String, Object> answers(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static ConditionException error(String condition) {
    return catchThrowableOfType(
        ConditionException.class, () -> ConditionChecker.compile(condition, SCOPE));
  }

  @Test
  void andBindsTighterThanOr() throws Exception {
    // true or (false and false) is true; (true or false) and false would be false
    assertThat(
            eval(
                "sector == 'productie' or sector == 'bouw' and medewerkers > 100",
                answers("sector", "productie", "medewerkers", new BigDecimal("5"))))
        .isTrue();
    assertThat(
            eval(
                "(sector == 'productie' or sector == 'bouw') and medewerkers > 100",
                answers("sector", "productie", "medewerkers", new BigDecimal("5"))))
        .isFalse();
  }

  @Test
  void notBindsTighterThanAndButLooserThanComparison() throws Exception {
    assertThat(
            eval(
                "not sector == 'bouw' and medewerkers >= 10",
                answers("sector", "zorg", "medewerkers", new BigDecimal("10"))))
        .isTrue();
    assertThat(eval("not not sector == 'zorg'", answers("sector", "zorg"))).isTrue();
  }

  @Test
  void textComparesExactlyAndCaseSensitively() throws Exception {
    assertThat(eval("naam == 'Bakkerij'", answers("naam", "Bakkerij"))).isTrue();
    assertThat(eval("naam == 'bakkerij'", answers("naam", "Bakkerij"))).isFalse();
    assertThat(eval("naam == 'Bakkerij '", answers("naam", "Bakkerij"))).isFalse();
  }

  @Test
  void numbersCompareByValue() throws Exception {
    Map<String, Object> ten = answers("medewerkers", new BigDecimal("10"));
    assertThat(eval("medewerkers == 10.0", ten)).isTrue();
    assertThat(eval("medewerkers >= 10", ten)).isTrue();
    assertThat(eval("medewerkers > 10", ten)).isFalse();
    assertThat(eval("medewerkers < 10.5", ten)).isTrue();
    assertThat(eval("medewerkers <= 9.99", ten)).isFalse();
    assertThat(eval("medewerkers != 10", ten)).isFalse();
    assertThat(eval("medewerkers > -1", ten)).isTrue();
  }

  @Test
  void everyComparisonWithAMissingValueIsFalseIncludingNotEquals() throws Exception {
    Map<String, Object> none = answers();
    assertThat(eval("sector == 'bouw'", none)).isFalse();
    assertThat(eval("sector != 'bouw'", none)).isFalse();
    assertThat(eval("medewerkers < 10", none)).isFalse();
    assertThat(eval("medewerkers >= 10", none)).isFalse();
    assertThat(eval("sector in ['bouw', 'zorg']", none)).isFalse();
    assertThat(eval("not sector == 'bouw'", none)).isTrue();
  }

  @Test
  void inMatchesAnyListedValue() throws Exception {
    assertThat(eval("sector in ['productie', 'bouw']", answers("sector", "bouw"))).isTrue();
    assertThat(eval("sector in ['productie', 'bouw']", answers("sector", "zorg"))).isFalse();
    assertThat(eval("medewerkers in [10, 50]", answers("medewerkers", new BigDecimal("50.0"))))
        .isTrue();
    assertThat(eval("sector in []", answers("sector", "zorg"))).isFalse();
  }

  @Test
  void selectedLooksInsideMultiAndChoiceAnswers() throws Exception {
    assertThat(eval("selected(maatregelen, 'zon')", answers("maatregelen", List.of("led", "zon"))))
        .isTrue();
    assertThat(eval("selected(maatregelen, 'zon')", answers("maatregelen", List.of("led"))))
        .isFalse();
    assertThat(eval("selected(maatregelen, 'zon')", answers())).isFalse();
    assertThat(eval("selected(sector, 'bouw')", answers("sector", "bouw"))).isTrue();
  }

  @Test
  void answeredIsTrueForAnyValueIncludingAnEmptySelection() throws Exception {
    assertThat(eval("answered(maatregelen)", answers("maatregelen", List.of()))).isTrue();
    assertThat(eval("answered(maatregelen)", answers())).isFalse();
    assertThat(eval("answered(sector) and not answered(medewerkers)", answers("sector", "zorg")))
        .isTrue();
  }

  @Test
  void stringsAcceptBothQuotesAndTheThreeEscapes() throws Exception {
    assertThat(eval("naam == \"Jan's \\\"bakkerij\\\"\"", answers("naam", "Jan's \"bakkerij\"")))
        .isTrue();
    assertThat(eval("naam == 'a\\\\b'", answers("naam", "a\\b"))).isTrue();
    assertThat(eval("naam == 'it\\'s'", answers("naam", "it's"))).isTrue();
  }

  @Test
  void booleanLiteralsAndComparisonsOfBooleans() throws Exception {
    assertThat(eval("true", answers())).isTrue();
    assertThat(eval("false or answered(sector) == false", answers())).isTrue();
  }

  @Test
  void syntaxErrorsNameTheColumn() {
    assertThat(error("sector == ").column()).isEqualTo(11); // just past the end
    assertThat(error("sector == 'bouw").key()).isEqualTo("when.unclosedString");
    assertThat(error("sector = 'bouw'").column()).isEqualTo(8);
    assertThat(error("sector == 'bouw' medewerkers").key()).isEqualTo("when.unexpected");
    assertThat(error("sector == 'bouw' medewerkers").column()).isEqualTo(18);
    assertThat(error("naam == 'a\\n'").key()).isEqualTo("when.badEscape");
    assertThat(error("medewerkers > 1.").key()).isEqualTo("when.badNumber");
    assertThat(error("").key()).isEqualTo("when.empty");
    assertThat(error("(sector == 'bouw'").key()).isEqualTo("when.expected");
  }

  @Test
  void keywordsAreLowerCaseOnly() {
    assertThat(error("sector == 'bouw' AND medewerkers > 1").key()).isEqualTo("when.unexpected");
  }

  @Test
  void chainedComparisonsAreASyntaxError() {
    assertThat(error("medewerkers > 1 == true").key()).isEqualTo("when.unexpected");
  }

  @Test
  void referencesMustBeEarlierQuestions() {
    assertThat(error("zelf == 'x'").key()).isEqualTo("when.selfReference");
    assertThat(error("later == 'x'").key()).isEqualTo("when.laterReference");
    assertThat(error("beleid == 'x'").key()).isEqualTo("when.themeReference");
    assertThat(error("onbekend == 'x'").key()).isEqualTo("when.unknownReference");
    assertThat(error("sector == 'x' or answered(later)").column()).isEqualTo(18);
  }

  @Test
  void typesAreCheckedWhenTheScanLoads() {
    assertThat(error("medewerkers == '10'").key()).isEqualTo("when.typeMismatch");
    assertThat(error("sector > 'a'").key()).isEqualTo("when.orderingNeedsNumbers");
    assertThat(error("sector in ['bouw', 3]").key()).isEqualTo("when.listTypeMismatch");
    assertThat(error("maatregelen == 'zon'").key()).isEqualTo("when.multiOnlyInSelected");
    assertThat(error("selected(medewerkers, 'x')").key()).isEqualTo("when.selectedNeedsChoice");
    assertThat(error("selected(sector, 'winkel')").key()).isEqualTo("when.unknownOption");
    assertThat(error("sector").key()).isEqualTo("when.notBoolean");
    assertThat(error("medewerkers and true").key()).isEqualTo("when.operandNotBoolean");
    assertThat(error("not naam").key()).isEqualTo("when.operandNotBoolean");
  }

  @Test
  void limitsOfLengthAndNestingAreEnforced() throws Exception {
    String open = "(".repeat(32);
    String close = ")".repeat(32);
    assertThat(eval(open + "sector == 'bouw'" + close, answers("sector", "bouw"))).isTrue();
    assertThat(error("(" + open + "sector == 'bouw'" + close + ")").key())
        .isEqualTo("when.tooDeep");
    // the parentheses of selected() and answered() do not count towards the nesting
    assertThat(
            eval(
                open + "selected(sector, 'bouw') and answered(sector)" + close,
                answers("sector", "bouw")))
        .isTrue();
    String longCondition = "sector == '" + "x".repeat(489) + "'";
    assertThat(longCondition.length()).isEqualTo(501);
    assertThat(error(longCondition).key()).isEqualTo("when.tooLong");
    assertThat(eval("naam == '" + "é".repeat(488) + "'", answers())).isFalse(); // 500 code points
  }
}
