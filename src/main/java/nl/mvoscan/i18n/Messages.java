package nl.mvoscan.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts in Dutch and English. Placeholders are {@code {0}}, {@code {1}}… and are
 * replaced literally: {@link java.text.MessageFormat} would eat apostrophes and format numbers with
 * the platform's grouping, which differs per default locale.
 */
public final class Messages {

  public static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "nl.mvoscan.i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Dutch or English; anything else falls back to Dutch, the language of the students. */
  public static Messages forLanguage(String language) {
    return new Messages("en".equals(language) ? Locale.ENGLISH : DUTCH);
  }

  /**
   * The default language: English only when the system asks for English, else Dutch. A POSIX "C"
   * locale (a bare server or CI shell) asks for nothing, although Java reports it as English.
   */
  public static String defaultLanguage() {
    for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value.startsWith("en") ? "en" : "nl";
      }
    }
    return "en".equals(Locale.getDefault().getLanguage()) ? "en" : "nl";
  }

  public String language() {
    return locale.getLanguage();
  }

  public Locale locale() {
    return locale;
  }

  /** A figure as people read it in this language: a decimal comma in Dutch, a point in English. */
  public String decimal(java.math.BigDecimal value) {
    String plain = value.toPlainString();
    return locale.getLanguage().equals("nl") ? plain.replace('.', ',') : plain;
  }

  /**
   * A quantity as people read it in a table: {@link #decimal} with thousands grouped from five
   * digits on (12.500 in Dutch, 12,500 in English; 9800 and a year such as 2025 stay as they are,
   * as Dutch and English style guides allow for four digits). Built by hand, never from the
   * platform locale, so a Turkish or German default changes nothing.
   */
  public String number(java.math.BigDecimal value) {
    String plain = value.toPlainString();
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String fraction = point < 0 ? "" : digits.substring(point + 1);
    boolean dutch = locale.getLanguage().equals("nl");
    StringBuilder out = new StringBuilder();
    if (whole.length() >= 5) {
      int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
      out.append(whole, 0, first);
      for (int i = first; i < whole.length(); i += 3) {
        out.append(dutch ? '.' : ',').append(whole, i, i + 3);
      }
    } else {
      out.append(whole);
    }
    if (!fraction.isEmpty()) {
      out.append(dutch ? ',' : '.').append(fraction);
    }
    return (negative ? "-" : "") + out;
  }

  /**
   * A count with its noun in the right number: {@code count("response", 1)} is "1 antwoord", with 2
   * "2 antwoorden" (keys {@code count.<noun>.one} and {@code count.<noun>.other}).
   */
  public String count(String noun, long n) {
    return get("count." + noun + (n == 1 ? ".one" : ".other"), n);
  }

  /**
   * The text of {@code key.one} when {@code n} is 1, else of {@code key.other}: for a message whose
   * words around the count change with it ("1 antwoord zou worden vervangen", "2 antwoorden zouden
   * worden vervangen"), which a count phrase alone cannot carry.
   */
  public String plural(String key, long n, Object... args) {
    return get(key + (n == 1 ? ".one" : ".other"), args);
  }

  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key + (args.length == 0 ? "" : " {0} {1} {2}");
    }
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && close <= i + 3 && Character.isDigit(pattern.charAt(i + 1))) {
        int index = Integer.parseInt(pattern.substring(i + 1, close));
        out.append(index < args.length ? String.valueOf(args[index]) : "");
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
