package nl.mvoscan.cli;

import nl.mvoscan.i18n.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --lang} and {@code --verbose}, shared by every command. */
public final class CommonOptions {

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      description =
          "Taal van meldingen en teksten / language of messages and texts (nl, en). Default: system language, else nl.")
  String lang;

  @Option(
      names = "--verbose",
      description = "Toon technische details bij fouten / show technical details on errors.")
  boolean verbose;

  /** The command this mixin sits on, to find a --lang given before the subcommand. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The language asked for with {@code --lang}, or {@code null}. */
  String explicitLanguage() {
    String given = lang;
    for (CommandSpec parent = mixee == null ? null : mixee.parent();
        given == null && parent != null;
        parent = parent.parent()) {
      Object options =
          parent.mixins().containsKey("common") ? parent.mixins().get("common").userObject() : null;
      if (options instanceof CommonOptions common) {
        given = common.lang;
      }
    }
    if (given == null) {
      return null;
    }
    String normalized = given.trim().toLowerCase(java.util.Locale.ROOT);
    if (!normalized.equals("nl") && !normalized.equals("en")) {
      throw MvoscanException.invalidInput(
          Messages.forLanguage(Messages.defaultLanguage()).get("cli.badLang", given));
    }
    return normalized;
  }

  /**
   * The language of a scan's texts for one response: --lang first, then the language the answers
   * were given in, then the scan's first language. score, report and take all choose this way.
   */
  String textLanguage(nl.mvoscan.scoring.ScoreResult result) {
    String explicit = explicitLanguage();
    if (explicit != null) {
      return explicit;
    }
    String answers = result.answers().language();
    return answers != null ? answers : result.scan().defaultLanguage();
  }

  String language() {
    String explicit = explicitLanguage();
    return explicit != null ? explicit : Messages.defaultLanguage();
  }

  Messages messages() {
    return Messages.forLanguage(language());
  }
}
