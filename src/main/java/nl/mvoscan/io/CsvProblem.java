package nl.mvoscan.io;

/**
 * One problem (or warning) in a CSV file; the message key and arguments are translated later.
 *
 * @param line the physical line where the record starts (the header is line 1), 0 for the whole
 *     file
 * @param column the column header the problem is about, {@code null} for a whole row or file
 */
public record CsvProblem(int line, String column, String key, Object... args) {}
