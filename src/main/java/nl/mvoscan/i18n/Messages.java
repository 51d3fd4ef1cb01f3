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
   * A count with its noun in the right number: {@code count("response", 1)} is "1 antwoord", with 2
   * "2 antwoorden" (keys {@code count.<noun>.one} and {@code count.<noun>.other}).
   */
  public String count(String noun, long n) {
    return get("count." + noun + (n == 1 ? ".one" : ".other"), n);
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
