package nl.mvoscan.aggregate;

import java.util.Locale;

/** What responses are grouped by; {@link #ALL} puts the whole selection in one group. */
public enum Grouping {
  ALL,
  CLASS,
  COMPANY,
  SECTOR,
  SCHOOL_YEAR;

  /** The spelling on the command line and in output: {@code all}, {@code school-year}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Accepts {@code school-year}, {@code school_year} and {@code schoolyear}, in any case. */
  public static Grouping fromId(String id) {
    String normalized = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (normalized.equals("SCHOOLYEAR")) {
      return SCHOOL_YEAR;
    }
    return valueOf(normalized);
  }
}
