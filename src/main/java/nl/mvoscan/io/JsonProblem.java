package nl.mvoscan.io;

/**
 * One problem in a JSON file, already worded for the user; the message key lets callers translate
 * it.
 *
 * @param pointer JSON pointer of the offending value ("" for the whole document)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record JsonProblem(String pointer, int line, int column, String key, Object... args) {}
