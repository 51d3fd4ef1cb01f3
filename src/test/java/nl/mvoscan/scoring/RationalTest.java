package nl.mvoscan.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RationalTest {

  private static Rational r(String value) {
    return Rational.of(new BigDecimal(value));
  }

  @Test
  void roundsTiesHalfUpFromTheExactValue() {
    assertThat(r("62.25").round(1)).isEqualByComparingTo("62.3");
    assertThat(r("69.95").round(1)).isEqualByComparingTo("70.0");
    assertThat(r("0.05").round(1)).isEqualByComparingTo("0.1");
    assertThat(r("62.24999").round(1)).isEqualByComparingTo("62.2");
  }

  @Test
  void keepsThirdsExactUntilRounding() {
    Rational twoThirds = r("2").dividedBy(r("3"));
    assertThat(Rational.HUNDRED.times(twoThirds).round(1)).isEqualByComparingTo("66.7");
    // 0.1 + 0.2 is exactly 0.3, unlike binary floating point
    assertThat(r("0.1").plus(r("0.2"))).isEqualTo(r("0.3"));
  }

  @Test
  void roundedFiguresAlwaysHaveOneDecimal() {
    assertThat(r("100").round(1).toPlainString()).isEqualTo("100.0");
    assertThat(Rational.ZERO.round(1).toPlainString()).isEqualTo("0.0");
  }

  /** The plain BigInteger fraction a/b in lowest terms, as the contract's exact arithmetic. */
  private static BigInteger[] exact(BigInteger a, BigInteger b) {
    if (b.signum() < 0) {
      a = a.negate();
      b = b.negate();
    }
    BigInteger g = a.gcd(b);
    return g.signum() == 0 ? new BigInteger[] {a, b} : new BigInteger[] {a.divide(g), b.divide(g)};
  }

  private static void assertIs(Rational actual, BigInteger[] expected) {
    if (expected[0].signum() == 0) {
      assertThat(actual.isZero()).isTrue();
      assertThat(actual).isEqualTo(Rational.ZERO);
      return;
    }
    assertThat(actual.numerator()).isEqualTo(expected[0]);
    assertThat(actual.denominator()).isEqualTo(expected[1]);
    assertThat(actual).isEqualTo(new Rational(expected[0], expected[1]));
    assertThat(actual.hashCode()).isEqualTo(new Rational(expected[0], expected[1]).hashCode());
  }

  private static long operand(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(201) - 100;
      case 1 -> random.nextInt();
      case 2 -> random.nextLong();
      default -> (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1) - random.nextInt(3);
    };
  }

  @Test
  void everyOperationIsExactAlsoWhereALongWouldOverflow() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      long an = operand(random);
      long ad = operand(random);
      long bn = operand(random);
      long bd = operand(random);
      if (ad == 0 || bd == 0) {
        continue;
      }
      BigInteger xn = BigInteger.valueOf(an);
      BigInteger xd = BigInteger.valueOf(ad);
      BigInteger yn = BigInteger.valueOf(bn);
      BigInteger yd = BigInteger.valueOf(bd);
      Rational a = Rational.of(an, ad);
      Rational b = new Rational(yn, yd);
      assertIs(a, exact(xn, xd));
      assertIs(a.plus(b), exact(xn.multiply(yd).add(yn.multiply(xd)), xd.multiply(yd)));
      assertIs(a.minus(b), exact(xn.multiply(yd).subtract(yn.multiply(xd)), xd.multiply(yd)));
      assertIs(a.times(b), exact(xn.multiply(yn), xd.multiply(yd)));
      if (bn != 0) {
        assertIs(a.dividedBy(b), exact(xn.multiply(yd), xd.multiply(yn)));
      }
      // a − b = (xn·yd − yn·xd) / (xd·yd)
      int expected =
          xn.multiply(yd).subtract(yn.multiply(xd)).signum() * Long.signum(ad) * Long.signum(bd);
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
    }
  }

  @Test
  void aValueBackWithinLongsAfterAnOverflowEqualsTheSameValueComputedSmall() {
    Rational huge = Rational.of(Long.MAX_VALUE, 3).times(Rational.of(Long.MAX_VALUE, 7));
    Rational back = huge.dividedBy(Rational.of(Long.MAX_VALUE, 1));
    assertThat(back).isEqualTo(Rational.of(Long.MAX_VALUE, 21));
    assertThat(back.compareTo(Rational.of(Long.MAX_VALUE, 21))).isZero();
    assertThat(huge.minus(huge)).isEqualTo(Rational.ZERO);
  }

  @Test
  void roundsHalfUpAwayFromZeroInTheLongAndTheBigIntegerForm() {
    assertThat(Rational.of(-12_225, 200).round(1)).isEqualByComparingTo("-61.1");
    assertThat(Rational.of(-6_225, 100).round(1)).isEqualByComparingTo("-62.3");
    assertThat(Rational.of(1, 3).round(0)).isEqualByComparingTo("0");
    assertThat(Rational.of(Long.MAX_VALUE - 1, 2).round(1).toPlainString())
        .isEqualTo("4611686018427387903.0");
    BigInteger big = BigInteger.TEN.pow(30).add(BigInteger.valueOf(5));
    assertThat(new Rational(big, BigInteger.TEN).round(0))
        .isEqualByComparingTo(new BigDecimal(BigInteger.TEN.pow(29).add(BigInteger.ONE)));
    assertThat(Rational.of(1, 20).round(1).toPlainString()).isEqualTo("0.1");
    assertThat(Rational.of(1, 7).round(18))
        .isEqualByComparingTo(
            new BigDecimal("1").divide(new BigDecimal("7"), 18, java.math.RoundingMode.HALF_UP));
  }

  @Test
  void decimalsOfEveryScaleBecomeTheirExactFraction() {
    assertThat(Rational.of(new BigDecimal("0.125"))).isEqualTo(Rational.of(1, 8));
    assertThat(Rational.of(new BigDecimal("1E+3"))).isEqualTo(Rational.of(1000, 1));
    assertThat(Rational.of(new BigDecimal("-2.50"))).isEqualTo(Rational.of(-5, 2));
    assertThat(Rational.of(new BigDecimal("12345678901234567890.5")))
        .isEqualTo(new Rational(new BigInteger("123456789012345678905"), BigInteger.TEN));
    assertThat(Rational.of(new BigDecimal("1E+40")))
        .isEqualTo(new Rational(BigInteger.TEN.pow(40), BigInteger.ONE));
  }
}
