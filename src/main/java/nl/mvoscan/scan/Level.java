package nl.mvoscan.scan;

import java.math.BigDecimal;

/**
 * A level; {@code minTheme} is {@code null} when the level puts no demand on each theme, {@code
 * minCoverage} (0..1) is {@code null} when it puts none on the overall coverage (§8.3).
 */
public record Level(
    String id,
    BigDecimal min,
    BigDecimal minTheme,
    BigDecimal minCoverage,
    Text label,
    Text advice) {}
