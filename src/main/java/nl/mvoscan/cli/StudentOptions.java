package nl.mvoscan.cli;

import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Option;

/**
 * {@code --student} and {@code --class}: the one student a privacy request is about, for {@code
 * forget} and {@code access} alike, so both find the same person the same way.
 */
public final class StudentOptions {

  @Option(
      names = "--student",
      required = true,
      paramLabel = "NAME|ID",
      description = "Naam of studentnummer / name or student number.")
  String student;

  @Option(
      names = "--class",
      paramLabel = "X",
      description =
          "Alleen in deze klas (als de naam vaker voorkomt) / only in this class (when the name occurs more than once).")
  String className;

  /**
   * The student these options name; a name that fits several classes, or nobody, is bad input
   * ({@code noneKey} says which message tells the user that nobody was found).
   */
  ResponseQueries.Found find(Store store, Messages messages, String noneKey) {
    ResponseQueries.Found found = ResponseQueries.find(store, student, className);
    if (!found.ambiguousClasses().isEmpty()) {
      throw ambiguous(messages, found.ambiguousClasses());
    }
    if (found.respondentIds().isEmpty()) {
      throw MvoscanException.invalidInput(messages.get(noneKey));
    }
    return found;
  }

  MvoscanException ambiguous(Messages messages, java.util.List<String> classes) {
    return MvoscanException.invalidInput(
        messages.get("forget.ambiguous", student, String.join(", ", classes)));
  }
}
