package nl.mvoscan.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
}
