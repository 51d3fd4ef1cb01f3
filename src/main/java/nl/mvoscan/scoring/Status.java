package nl.mvoscan.scoring;

import java.util.Locale;

/**
 * Statuses of the contract, for questions (§5 table) and for themes, lenses and the overall result.
 */
public enum Status {
  HIDDEN,
  MISSING,
  NA,
  UNKNOWN,
  ANSWERED,
  SCORED,
  INSUFFICIENT,
  NOT_APPLICABLE;

  /** The spelling used in JSON output: {@code answered}, {@code not_applicable}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
