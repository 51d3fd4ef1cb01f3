package nl.mvoscan.cli;

import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.Store;

/**
 * {@code --class}, {@code --company} and {@code --school-year} that name nothing stored are bad
 * input, with the values there are: a typo must not look like an empty class.
 */
final class Selections {

  /** How many known values a message lists before it only counts the rest. */
  private static final int LISTED = 20;

  private Selections() {}

  /** Bad input (exit 2) for every value that matches no stored response; nothing when all do. */
  static void requireKnown(
      Store store,
      Messages messages,
      List<String> classes,
      List<String> companies,
      List<String> schoolYears) {
    List<AggregateQueries.Unmatched> unmatched =
        AggregateQueries.unmatched(
            store, new AggregateQueries.Filter(classes, companies, schoolYears, List.of()));
    if (unmatched.isEmpty()) {
      return;
    }
    throw MvoscanException.invalidInput(
        unmatched.stream()
            .map(
                u ->
                    messages.get(
                        "selection.unknown", u.option(), u.value(), known(u.known(), messages)))
            .toList());
  }

  private static String known(List<String> values, Messages messages) {
    if (values.isEmpty()) {
      return "-";
    }
    if (values.size() <= LISTED) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, LISTED))
        + " "
        + messages.get("selection.more", values.size() - LISTED);
  }

  /** A list of one value, or none for {@code null}. */
  static List<String> of(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
