package nl.mvoscan.scan;

import java.math.BigDecimal;

/** Numbers as an author wrote them: exact, without trailing zeros or an exponent (12, 2.5, 0). */
public final class Decimals {

  private Decimals() {}

  /**
   * {@code 2.50} → {@code 2.5}, {@code 1E+1} → {@code 10}, {@code -0.0} → {@code 0}; null stays
   * null.
   */
  public static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** {@link #plain} as text. */
  public static String text(BigDecimal value) {
    return plain(value).toPlainString();
  }
}
