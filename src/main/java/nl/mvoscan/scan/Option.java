package nl.mvoscan.scan;

import java.math.BigDecimal;

/**
 * One answer option; exactly one of {@code points}, {@code na} and {@code unknown} applies to
 * scored questions.
 */
public record Option(
    String id,
    Text label,
    BigDecimal points,
    boolean na,
    boolean unknown,
    boolean exclusive,
    Text feedback) {

  /** {@code na} and {@code unknown} options can never be combined with another option. */
  public boolean isExclusive() {
    return exclusive || na || unknown;
  }
}
