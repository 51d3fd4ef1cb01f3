package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;

/**
 * What scoring needs of a scan, worked out once per scan rather than once per response: the
 * questions in document order, each question's options and maximum, the lens groups, and a common
 * denominator for weights and one for points, so that the sums of §5 are sums of whole numbers.
 *
 * <p>A weight w is counted in units of 1/W and a point value p in units of 1/P, W and P being the
 * powers of ten of the most decimals any weight or point value of the scan has. Then Σw and Σw·p
 * are exact long integers (in units of 1/W and 1/(W·P)), and a ratio of two such sums is the exact
 * fraction, reduced once, when a figure is made. Any step that would overflow a long makes the
 * scorer fall back to {@link Rational} arithmetic, which gives the same value.
 */
final class ScanPlan {

  /** A lens (§5): a tag key and value, and the indexes of its questions among the scored ones. */
  record Lens(String key, String value, int[] members) {}

  // import and aggregate score thousands of responses of one scan in a row
  private static volatile ScanPlan last;

  final Scan scan;
  final List<Question> questions;
  final List<Lens> lenses;
  final long weightScale;
  final long pointScale;

  /** Whether W, P and W·P are longs, so that the sums can be whole numbers at all. */
  final boolean whole;

  final Rational minCoverage;
  final Rational maxNa;
  private final int weightDecimals;
  private final int pointDecimals;
  private final Map<String, Map<String, Option>> options = new HashMap<>();
  private final Map<String, BigDecimal> maxima = new HashMap<>();
  private final Map<BigDecimal, Long> weightUnits = new ConcurrentHashMap<>();
  private final Map<BigDecimal, Long> pointUnits = new ConcurrentHashMap<>();

  private ScanPlan(Scan scan) {
    this.scan = scan;
    this.questions = scan.questions();
    int weights = 0;
    int points = 0;
    Map<String, Map<String, List<Integer>>> groups = new LinkedHashMap<>();
    int index = 0;
    for (Question question : questions) {
      Map<String, Option> byId = new HashMap<>();
      question.options().forEach(o -> byId.put(o.id(), o));
      options.put(question.id(), byId);
      if (!question.scored()) {
        continue;
      }
      BigDecimal max = question.maximum();
      maxima.put(question.id(), max);
      weights = Math.max(weights, question.weight().scale());
      points = Math.max(points, max.scale());
      for (Option option : question.options()) {
        if (option.points() != null) {
          points = Math.max(points, option.points().scale());
        }
      }
      // keys in order of first appearance on a scored question, then values likewise
      int member = index++;
      question
          .tags()
          .forEach(
              (key, values) -> {
                Map<String, List<Integer>> byValue =
                    groups.computeIfAbsent(key, k -> new LinkedHashMap<>());
                values.forEach(v -> byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(member));
              });
    }
    List<Lens> lensList = new ArrayList<>();
    groups.forEach(
        (key, byValue) ->
            byValue.forEach(
                (value, members) ->
                    lensList.add(
                        new Lens(
                            key, value, members.stream().mapToInt(Integer::intValue).toArray()))));
    this.lenses = List.copyOf(lensList);
    this.weightDecimals = Math.max(0, weights);
    this.pointDecimals = Math.max(0, points);
    this.weightScale = powerOfTen(weightDecimals);
    this.pointScale = powerOfTen(pointDecimals);
    this.whole = weightScale > 0 && pointScale > 0 && weightScale <= Long.MAX_VALUE / pointScale;
    this.minCoverage = Rational.of(scan.minCoverage());
    this.maxNa = scan.maxNa() == null ? null : Rational.of(scan.maxNa());
  }

  static ScanPlan of(Scan scan) {
    ScanPlan plan = last;
    if (plan == null || plan.scan != scan) {
      plan = new ScanPlan(scan);
      last = plan;
    }
    return plan;
  }

  /** The option of {@code question} with this id, or {@code null}. */
  Option option(Question question, String id) {
    Map<String, Option> byId = options.get(question.id());
    return byId == null ? null : byId.get(id);
  }

  /** M(q) of a scored question. */
  BigDecimal maximum(Question question) {
    BigDecimal max = maxima.get(question.id());
    return max != null ? max : question.maximum();
  }

  /** w in units of 1/W; throws {@link ArithmeticException} when that is no long. */
  long weightUnits(BigDecimal weight) {
    Long units = weightUnits.get(weight);
    if (units == null) {
      units = units(weight, weightDecimals);
      weightUnits.put(weight, units);
    }
    return units;
  }

  /** p in units of 1/P; throws {@link ArithmeticException} when that is no long. */
  long pointUnits(BigDecimal points) {
    Long units = pointUnits.get(points);
    if (units == null) {
      units = units(points, pointDecimals);
      pointUnits.put(points, units);
    }
    return units;
  }

  private static long units(BigDecimal value, int decimals) {
    // setScale throws when decimals would be lost, longValueExact when the value is too large
    return value.setScale(decimals).unscaledValue().longValueExact();
  }

  /** 10^decimals, or 0 when that is beyond a long. */
  private static long powerOfTen(int decimals) {
    long power = 1;
    for (int i = 0; i < decimals; i++) {
      if (power > Long.MAX_VALUE / 10) {
        return 0;
      }
      power *= 10;
    }
    return power;
  }
}
