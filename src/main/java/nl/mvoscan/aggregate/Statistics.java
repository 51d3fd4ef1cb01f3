package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.mvoscan.scoring.Rational;

/**
 * Descriptive statistics of exact values, all kept exact until output (docs/aggregate.md).
 *
 * <ul>
 *   <li>{@code mean}: Σx / n;
 *   <li>{@code variance}: the sample variance Σ(x − mean)² / (n − 1), {@code null} when n &lt; 2;
 *   <li>percentiles ({@code p25}, {@code median}, {@code p75}): linear interpolation between the
 *       closest ranks, type 7 of Hyndman &amp; Fan, as R's default {@code quantile} and Excel's
 *       {@code PERCENTILE.INC}: h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋) with x
 *       sorted ascending and counted from 0.
 * </ul>
 *
 * With n = 0 every figure is {@code null}.
 */
public record Statistics(
    int n,
    Rational mean,
    Rational median,
    Rational variance,
    Rational min,
    Rational max,
    Rational p25,
    Rational p75) {

  private static final Rational QUARTER = new Rational(BigInteger.ONE, BigInteger.valueOf(4));
  private static final Rational HALF = new Rational(BigInteger.ONE, BigInteger.TWO);
  private static final Rational THREE_QUARTERS =
      new Rational(BigInteger.valueOf(3), BigInteger.valueOf(4));

  public static Statistics of(Collection<Rational> values) {
    java.util.SortedMap<Rational, int[]> counts = new java.util.TreeMap<>();
    for (Rational x : values) {
      counts.computeIfAbsent(x, k -> new int[1])[0]++;
    }
    return ofCounts(counts);
  }

  /**
   * The figures of the values each key stands for as often as its count ({@code counts} ascending,
   * every count at least 1), without writing them out; {@link #of} counts its values into such a
   * map, so there is one computation of every figure: a network's group of a million responses
   * holds a few hundred distinct scores, and writing a million values out, copying, sorting and
   * summing them took a third of the network aggregate's CPU (its memory did not change: the list
   * held references to the same few keys). x·c is the sum of c times x; Rational keeps lowest
   * terms, so equal values count as one key.
   */
  public static Statistics ofCounts(java.util.SortedMap<Rational, int[]> counts) {
    long total = 0;
    Rational sum = Rational.ZERO;
    for (java.util.Map.Entry<Rational, int[]> e : counts.entrySet()) {
      int c = e.getValue()[0];
      total += c;
      sum = sum.plus(c == 1 ? e.getKey() : e.getKey().times(integer(c)));
    }
    if (total == 0) {
      return new Statistics(0, null, null, null, null, null, null, null);
    }
    int n = Math.toIntExact(total);
    Rational mean = sum.dividedBy(integer(n));
    Rational variance = null;
    if (n >= 2) {
      Rational squares = Rational.ZERO;
      for (java.util.Map.Entry<Rational, int[]> e : counts.entrySet()) {
        Rational d = e.getKey().minus(mean);
        Rational square = d.times(d);
        int c = e.getValue()[0];
        squares = squares.plus(c == 1 ? square : square.times(integer(c)));
      }
      variance = squares.dividedBy(integer(n - 1));
    }
    List<Rational> keys = new ArrayList<>(counts.keySet());
    long[] upTo = new long[keys.size()]; // how many values lie at or below each key
    long running = 0;
    int i = 0;
    for (int[] c : counts.values()) {
      running += c[0];
      upTo[i++] = running;
    }
    return new Statistics(
        n,
        mean,
        percentile(keys, upTo, n, HALF),
        variance,
        keys.get(0),
        keys.get(keys.size() - 1),
        percentile(keys, upTo, n, QUARTER),
        percentile(keys, upTo, n, THREE_QUARTERS));
  }

  /** The type-7 percentile at {@code p} in 0..1 of the n values the counted keys stand for. */
  private static Rational percentile(List<Rational> keys, long[] upTo, int n, Rational p) {
    Rational h = integer(n - 1).times(p);
    BigInteger floor = h.numerator().divide(h.denominator());
    int lo = floor.intValueExact();
    Rational fraction = h.minus(integer(lo));
    Rational low = at(keys, upTo, lo);
    if (fraction.isZero() || lo + 1 >= n) {
      return low;
    }
    return low.plus(fraction.times(at(keys, upTo, lo + 1).minus(low)));
  }

  /** The value at place {@code index} (from 0) of the ascending values the keys stand for. */
  private static Rational at(List<Rational> keys, long[] upTo, long index) {
    int found = java.util.Arrays.binarySearch(upTo, index + 1);
    return keys.get(found >= 0 ? found : -found - 1);
  }

  /**
   * The sample standard deviation √variance, rounded half-up to {@code scale} decimals; {@code
   * null} when n &lt; 2.
   */
  public BigDecimal roundedSd(int scale) {
    return variance == null ? null : sqrtRounded(variance, scale);
  }

  /**
   * √v rounded half-up to {@code scale} decimals, exactly: with m = ⌊√(4·10^(2·scale)·v)⌋ (an
   * integer square root), the rounded value is ⌊(m + 1) / 2⌋ / 10^scale, because k = round(√v·10^s)
   * is the largest k with (2k − 1)² ≤ 4·10^(2s)·v. No floating point, so a tie like √0.0025 = 0.05
   * rounds up to 0.1 as the contract's half-up rule asks.
   */
  public static BigDecimal sqrtRounded(Rational v, int scale) {
    if (v.signum() < 0) {
      throw new ArithmeticException("square root of a negative number");
    }
    BigInteger scaled =
        v.numerator().multiply(BigInteger.valueOf(4)).multiply(BigInteger.TEN.pow(2 * scale));
    BigInteger m = scaled.divide(v.denominator()).sqrt();
    BigInteger k = m.add(BigInteger.ONE).shiftRight(1);
    return new BigDecimal(k, scale);
  }

  static Rational integer(long value) {
    return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
  }
}
