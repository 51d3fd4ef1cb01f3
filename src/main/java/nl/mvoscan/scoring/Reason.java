package nl.mvoscan.scoring;

import java.util.Locale;

/**
 * Why a theme or lens is {@code insufficient} (§8.2): too little of it was resolved, or too much of
 * it was answered "not applicable". Scored and not-applicable groups have no reason.
 */
public enum Reason {
  /** R = 0, or coverage below {@code scoring.minCoverage}. */
  COVERAGE,
  /** The share of "not applicable" weight is above {@code scoring.maxNa}. */
  NA;

  /** The spelling used in JSON output: {@code coverage} or {@code na}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
