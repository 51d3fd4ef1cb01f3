package nl.mvoscan.cli;

import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.TerminalText;

/** Words problems as the one-line-per-problem formats that users and scripts read. */
final class Problems {

  /** How many problems are listed before the rest is only counted. */
  static final int MAX_LISTED = 100;

  private Problems() {}

  /**
   * The first {@value #MAX_LISTED} lines and one that counts the rest: a file with a hundred
   * thousand problems is fixed one kind of mistake at a time, not read to the end.
   */
  static List<String> capped(List<String> lines, Messages messages) {
    if (lines.size() <= MAX_LISTED) {
      return lines;
    }
    List<String> shown = new java.util.ArrayList<>(lines.subList(0, MAX_LISTED));
    shown.add(
        messages.plural("problems.more", lines.size() - MAX_LISTED, lines.size() - MAX_LISTED));
    return shown;
  }

  /**
   * A problem's message with the values it echoes (a cell, a header, a name) each on one line and
   * cut short: a line break in a cell would forge a problem line, and a header of thousands of
   * characters would bury the message. {@code column}, when an argument, is cut as a header.
   */
  static String columnMessage(Messages messages, String column, String key, Object... args) {
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof CharSequence text) {
        shown[i] =
            text.toString().equals(column)
                ? TerminalText.excerpt(column)
                : TerminalText.excerpt(text.toString(), TerminalText.LONG_EXCERPT);
      }
    }
    return messages.get(key, shown);
  }

  /** {@link #columnMessage} for a problem not about a column. */
  static String message(Messages messages, String key, Object... args) {
    return columnMessage(messages, null, key, args);
  }

  /**
   * Why a file could not be written, as a short text in the reader's language (permission denied,
   * no such folder, disk full…), for the one line that says so.
   */
  static String writeReason(Messages messages, java.io.IOException e) {
    nl.mvoscan.io.AtomicFiles.WriteFailed why = nl.mvoscan.io.AtomicFiles.explain(e);
    return messages.get(why.failure().key(), why.detail());
  }

  /** A column header as a problem line names it: on one line, cut to an excerpt. */
  static String column(String header) {
    return TerminalText.excerpt(header);
  }

  /** {@code <file>:<line>:<col>: <json-pointer>: <message>}, the format of {@code validate}. */
  static List<String> located(String file, List<JsonProblem> problems, Messages messages) {
    return problems.stream()
        .map(
            p -> {
              String where = p.line() > 0 ? file + ":" + p.line() + ":" + p.column() : file;
              String pointer = p.pointer().isEmpty() ? "" : p.pointer() + ": ";
              return where + ": " + pointer + message(messages, p.key(), p.args());
            })
        .toList();
  }

  /** {@code <file>: <json-pointer>: <message>}, the format for answers files. */
  static List<String> byPointer(String file, List<JsonProblem> problems, Messages messages) {
    return problems.stream()
        .map(
            p -> {
              String where =
                  p.pointer().isEmpty() && p.line() > 0
                      ? file + ":" + p.line() + ":" + p.column()
                      : file;
              String pointer = p.pointer().isEmpty() ? "" : p.pointer() + ": ";
              return where + ": " + pointer + message(messages, p.key(), p.args());
            })
        .toList();
  }
}
