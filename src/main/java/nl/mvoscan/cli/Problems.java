package nl.mvoscan.cli;

import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.JsonProblem;

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
    shown.add(messages.get("problems.more", lines.size() - MAX_LISTED));
    return shown;
  }

  /** {@code <file>:<line>:<col>: <json-pointer>: <message>}, the format of {@code validate}. */
  static List<String> located(String file, List<JsonProblem> problems, Messages messages) {
    return problems.stream()
        .map(
            p -> {
              String where = p.line() > 0 ? file + ":" + p.line() + ":" + p.column() : file;
              String pointer = p.pointer().isEmpty() ? "" : p.pointer() + ": ";
              return where + ": " + pointer + messages.get(p.key(), p.args());
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
              return where + ": " + pointer + messages.get(p.key(), p.args());
            })
        .toList();
  }
}
