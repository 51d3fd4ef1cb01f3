package nl.mvoscan.scan;

import java.math.BigDecimal;

/**
 * One answer option; exactly one of {@code points}, {@code na} and {@code unknown} applies to
 * scored questions.
 *
 * @param advice the next step from this answer (§8.1): for a choice question the step after
 *     choosing it, for a multi question the step to take when it is <em>not</em> selected; {@code
 *     null} when the option has none
 */
public record Option(
    String id,
    Text label,
    BigDecimal points,
    boolean na,
    boolean unknown,
    boolean exclusive,
    Text feedback,
    Text advice) {

  /** {@code na} and {@code unknown} options can never be combined with another option. */
  public boolean isExclusive() {
    return exclusive || na || unknown;
  }
}
