package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction. Scores are ratios of sums of decimals, and the contract rounds half-up once at
 * output, so any binary or truncated decimal intermediate could tip a tie like 62.25 the wrong way.
 *
 * <p>Always in lowest terms with a positive denominator, so equal values are equal objects. The
 * fractions of scoring (weights, points, coverages of one scan) fit in two {@code long}s nearly
 * always: those are computed without a {@link BigInteger}, and every step that would overflow a
 * {@code long} is redone with {@link BigInteger}, so the result is exact either way.
 */
public final class Rational implements Comparable<Rational> {

  public static final Rational ZERO = new Rational(0, 1);
  public static final Rational ONE = new Rational(1, 1);
  public static final Rational HUNDRED = new Rational(100, 1);

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  // lowest terms, den > 0; used when big == null
  private final long num;
  private final long den;
  // only for a value whose numerator or denominator does not fit in a long (never both forms)
  private final BigInteger bigNum;
  private final BigInteger bigDen;

  /** Already in lowest terms, {@code den > 0}, neither is {@link Long#MIN_VALUE}. */
  private Rational(long num, long den) {
    this(num, den, null, null);
  }

  private Rational(long num, long den, BigInteger bigNum, BigInteger bigDen) {
    this.num = num;
    this.den = den;
    this.bigNum = bigNum;
    this.bigDen = bigDen;
  }

  /** Any fraction; it is brought to lowest terms. */
  public Rational(BigInteger numerator, BigInteger denominator) {
    this(reduce(numerator, denominator));
  }

  private Rational(Rational reduced) {
    this(reduced.num, reduced.den, reduced.bigNum, reduced.bigDen);
  }

  /** Already in lowest terms, {@code den > 0}, and at least one of the two beyond a long. */
  private static Rational big(BigInteger num, BigInteger den) {
    return new Rational(0, 0, num, den);
  }

  /** {@code numerator / denominator}, reduced. */
  public static Rational of(long numerator, long denominator) {
    if (denominator == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
      return reduce(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }
    if (denominator < 0) {
      numerator = -numerator;
      denominator = -denominator;
    }
    if (numerator == 0) {
      return ZERO;
    }
    long g = gcd(Math.abs(numerator), denominator);
    return new Rational(numerator / g, denominator / g);
  }

  public static Rational of(BigDecimal value) {
    int scale = value.scale();
    if (scale <= 0) {
      if (scale > -POWERS_OF_TEN.length && value.precision() - scale < 19) {
        return new Rational(value.longValue(), 1);
      }
      return new Rational(value.toBigIntegerExact(), BigInteger.ONE);
    }
    if (scale < POWERS_OF_TEN.length && value.precision() < 19) {
      return of(value.unscaledValue().longValue(), POWERS_OF_TEN[scale]);
    }
    return new Rational(value.unscaledValue(), BigInteger.TEN.pow(scale));
  }

  private static Rational reduce(BigInteger numerator, BigInteger denominator) {
    if (denominator.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    if (numerator.signum() == 0) {
      return ZERO;
    }
    if (fits(numerator) && fits(denominator)) {
      return new Rational(numerator.longValue(), denominator.longValue());
    }
    return big(numerator, denominator);
  }

  /** Within a long and not {@link Long#MIN_VALUE}, so that negating it cannot overflow. */
  private static boolean fits(BigInteger value) {
    return value.bitLength() < 64
        && value.compareTo(LONG_MIN) > 0
        && value.compareTo(LONG_MAX) <= 0;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private boolean small() {
    return bigNum == null;
  }

  public BigInteger numerator() {
    return small() ? BigInteger.valueOf(num) : bigNum;
  }

  public BigInteger denominator() {
    return small() ? BigInteger.valueOf(den) : bigDen;
  }

  public Rational plus(Rational other) {
    if (small() && other.small()) {
      try {
        if (den == other.den) {
          return of(Math.addExact(num, other.num), den);
        }
        long g = gcd(den, other.den);
        long left = Math.multiplyExact(num, other.den / g);
        long right = Math.multiplyExact(other.num, den / g);
        return of(Math.addExact(left, right), Math.multiplyExact(den / g, other.den));
      } catch (ArithmeticException overflow) {
        // exact below
      }
    }
    return reduce(
        numerator().multiply(other.denominator()).add(other.numerator().multiply(denominator())),
        denominator().multiply(other.denominator()));
  }

  public Rational minus(Rational other) {
    return plus(other.negate());
  }

  private Rational negate() {
    return small() ? new Rational(-num, den) : big(bigNum.negate(), bigDen);
  }

  public Rational times(Rational other) {
    if (small() && other.small()) {
      if (num == 0 || other.num == 0) {
        return ZERO;
      }
      try {
        // cross-reduced first, so the product is in lowest terms and overflows later
        long g1 = gcd(Math.abs(num), other.den);
        long g2 = gcd(Math.abs(other.num), den);
        return of(
            Math.multiplyExact(num / g1, other.num / g2),
            Math.multiplyExact(den / g2, other.den / g1));
      } catch (ArithmeticException overflow) {
        // exact below
      }
    }
    return reduce(
        numerator().multiply(other.numerator()), denominator().multiply(other.denominator()));
  }

  public Rational dividedBy(Rational other) {
    if (other.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (other.small()) {
      return times(
          other.num < 0
              ? new Rational(-other.den, -other.num)
              : new Rational(other.den, other.num));
    }
    return times(reduce(other.bigDen, other.bigNum));
  }

  public int signum() {
    return small() ? Long.signum(num) : bigNum.signum();
  }

  public boolean isZero() {
    return signum() == 0;
  }

  /** Half-up (away from zero on a tie) to {@code scale} decimals, computed from the exact value. */
  public BigDecimal round(int scale) {
    if (small() && scale >= 0 && scale < POWERS_OF_TEN.length) {
      try {
        long scaled = Math.multiplyExact(num, POWERS_OF_TEN[scale]);
        long quotient = scaled / den;
        long remainder = Math.abs(scaled % den);
        // 2·remainder ≥ den, without overflowing the doubling
        if (remainder >= den - remainder) {
          quotient += Long.signum(num);
        }
        return BigDecimal.valueOf(quotient, scale);
      } catch (ArithmeticException overflow) {
        // exact below
      }
    }
    BigInteger numerator = numerator();
    BigInteger denominator = denominator();
    BigDecimal n = new BigDecimal(numerator).movePointRight(scale);
    BigDecimal d = new BigDecimal(denominator);
    BigDecimal[] qr = n.divideAndRemainder(d);
    BigInteger quotient = qr[0].toBigIntegerExact();
    BigInteger twiceRemainder = qr[1].toBigIntegerExact().abs().shiftLeft(1);
    if (twiceRemainder.compareTo(denominator) >= 0) {
      quotient = quotient.add(BigInteger.valueOf(numerator.signum()));
    }
    return new BigDecimal(quotient, scale);
  }

  /** The exact value when it has a finite decimal expansion, else rounded to 20 decimals. */
  public BigDecimal toBigDecimal() {
    BigDecimal numerator = new BigDecimal(numerator());
    BigDecimal denominator = new BigDecimal(denominator());
    try {
      return numerator.divide(denominator);
    } catch (ArithmeticException nonTerminating) {
      return numerator.divide(denominator, 20, RoundingMode.HALF_UP);
    }
  }

  @Override
  public int compareTo(Rational other) {
    if (small() && other.small()) {
      if (den == other.den) {
        return Long.compare(num, other.num);
      }
      try {
        return Long.compare(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den));
      } catch (ArithmeticException overflow) {
        // exact below
      }
    }
    return numerator()
        .multiply(other.denominator())
        .compareTo(other.numerator().multiply(denominator()));
  }

  /** Equal values are equal: both are kept in lowest terms, in the long form whenever it fits. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Rational other)) {
      return false;
    }
    if (small() != other.small()) {
      return false;
    }
    return small()
        ? num == other.num && den == other.den
        : bigNum.equals(other.bigNum) && bigDen.equals(other.bigDen);
  }

  @Override
  public int hashCode() {
    return small()
        ? 31 * Long.hashCode(num) + Long.hashCode(den)
        : 31 * bigNum.hashCode() + bigDen.hashCode();
  }

  @Override
  public String toString() {
    return "Rational[numerator=" + numerator() + ", denominator=" + denominator() + "]";
  }
}
