package nl.mvoscan.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction. Scores are ratios of sums of decimals, and the contract rounds half-up once at
 * output, so any binary or truncated decimal intermediate could tip a tie like 62.25 the wrong way.
 */
public record Rational(BigInteger numerator, BigInteger denominator)
    implements Comparable<Rational> {

  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  public static final Rational HUNDRED = of(BigDecimal.valueOf(100));

  public Rational {
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
  }

  public static Rational of(BigDecimal value) {
    if (value.scale() <= 0) {
      return new Rational(value.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Rational(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
  }

  public Rational plus(Rational other) {
    return new Rational(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  public Rational minus(Rational other) {
    return plus(new Rational(other.numerator.negate(), other.denominator));
  }

  public Rational times(Rational other) {
    return new Rational(
        numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  public Rational dividedBy(Rational other) {
    return new Rational(
        numerator.multiply(other.denominator), denominator.multiply(other.numerator));
  }

  public int signum() {
    return numerator.signum();
  }

  public boolean isZero() {
    return numerator.signum() == 0;
  }

  /** Half-up (away from zero on a tie) to {@code scale} decimals, computed from the exact value. */
  public BigDecimal round(int scale) {
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
    try {
      return new BigDecimal(numerator).divide(new BigDecimal(denominator));
    } catch (ArithmeticException nonTerminating) {
      return new BigDecimal(numerator)
          .divide(new BigDecimal(denominator), 20, RoundingMode.HALF_UP);
    }
  }

  @Override
  public int compareTo(Rational other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }
}
