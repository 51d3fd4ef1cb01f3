package nl.mvoscan.cli;

import nl.mvoscan.i18n.Messages;
import picocli.CommandLine.Option;

/** {@code --lang} and {@code --verbose}, shared by every command. */
public final class CommonOptions {

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      description = "Taal van meldingen en teksten / language of messages and texts (nl, en). Default: system language, else nl.")
  String lang;

  @Option(names = "--verbose", description = "Toon technische details bij fouten / show technical details on errors.")
  boolean verbose;

  /** The language asked for with {@code --lang}, or {@code null}. */
  String explicitLanguage() {
    if (lang == null) {
      return null;
    }
    String normalized = lang.trim().toLowerCase(java.util.Locale.ROOT);
    if (!normalized.equals("nl") && !normalized.equals("en")) {
      throw MvoscanException.invalidInput(Messages.forLanguage(Messages.defaultLanguage()).get("cli.badLang", lang));
    }
    return normalized;
  }

  String language() {
    String explicit = explicitLanguage();
    return explicit != null ? explicit : Messages.defaultLanguage();
  }

  Messages messages() {
    return Messages.forLanguage(language());
  }
}
