package nl.mvoscan.scan;

import java.util.Map;

/**
 * A text in one or more languages. A plain JSON string is stored under {@link #ANY} and reads the
 * same in every language.
 */
public record Text(Map<String, String> values) {

  public static final String ANY = "*";

  public Text {
    values = Map.copyOf(values);
  }

  public static Text plain(String text) {
    return new Text(Map.of(ANY, text));
  }

  public boolean has(String language) {
    return values.containsKey(ANY) || values.containsKey(language);
  }

  /** The text in {@code language}, else in {@code fallback} (the scan's default language). */
  public String in(String language, String fallback) {
    String text = values.get(ANY);
    if (text == null) {
      text = values.get(language);
    }
    if (text == null) {
      text = values.get(fallback);
    }
    return text == null ? "" : text;
  }
}
