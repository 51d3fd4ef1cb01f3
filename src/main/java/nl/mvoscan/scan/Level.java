package nl.mvoscan.scan;

import java.math.BigDecimal;

/** A level; {@code minTheme} is {@code null} when the level puts no demand on each theme. */
public record Level(String id, BigDecimal min, BigDecimal minTheme, Text label, Text advice) {}
