package nl.mvoscan.cli;

import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.ScoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The one place that decides languages, for every command: {@code --lang} and {@code --verbose} are
 * inherited options of {@link MvoscanCommand}, so they stand before or after any subcommand, and
 * this mixin reads them for the command it sits on.
 *
 * <ul>
 *   <li>messages: {@code --lang}, else the system's language when it is English, else Dutch;
 *   <li>a response's texts (scorecard, reports): {@code --lang}, else the language the answers were
 *       given in, else the scan's first language;
 *   <li>a new response ({@code take}): {@code --lang}, else the language of the answers it resumes,
 *       else the messages' language, each only when the scan has it, else the scan's first
 *       language;
 *   <li>a template: {@code --lang} when the scan has it, else the scan's first language;
 *   <li>messages beside a response's texts: {@code --lang}, else the texts' language when it is
 *       Dutch or English, else the messages' language.
 * </ul>
 */
@Command
public final class CommonOptions {

  /** The command this mixin sits on. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The language asked for with {@code --lang} on {@code spec} or a parent, or {@code null}. */
  static String explicitLanguage(CommandSpec spec) {
    OptionSpec option = spec == null ? null : spec.findOption("--lang");
    String given = option == null ? null : option.getValue();
    if (given == null) {
      return null;
    }
    String normalized = known(given);
    if (normalized == null) {
      throw MvoscanException.invalidInput(
          Messages.forLanguage(Messages.defaultLanguage()).get("cli.badLang", given));
    }
    return normalized;
  }

  /**
   * {@code nl} or {@code en} for a {@code --lang} value that names one (case and spaces aside),
   * else {@code null}: the one rule for every way the option is read.
   */
  static String known(String given) {
    String normalized = given.trim().toLowerCase(Locale.ROOT);
    return normalized.equals("nl") || normalized.equals("en") ? normalized : null;
  }

  /** The language of messages for {@code spec}: {@code --lang}, else the system's. */
  static String language(CommandSpec spec) {
    String explicit;
    try {
      explicit = explicitLanguage(spec);
    } catch (MvoscanException badLanguage) {
      explicit = null;
    }
    return explicit != null ? explicit : Messages.defaultLanguage();
  }

  /** Whether {@code --verbose} was given on {@code spec} or a parent. */
  static boolean verbose(CommandSpec spec) {
    OptionSpec option = spec == null ? null : spec.findOption("--verbose");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  /** The language asked for with {@code --lang}, or {@code null}. */
  String explicitLanguage() {
    return explicitLanguage(mixee);
  }

  String language() {
    String explicit = explicitLanguage();
    return explicit != null ? explicit : Messages.defaultLanguage();
  }

  Messages messages() {
    return Messages.forLanguage(language());
  }

  /** The language of a scored response's texts: --lang, the answers' language, the scan's. */
  String textLanguage(ScoreResult result) {
    String explicit = explicitLanguage();
    if (explicit != null) {
      return explicit;
    }
    String answers = result.answers().language();
    return answers != null ? answers : result.scan().defaultLanguage();
  }

  /**
   * The language a new response to {@code scan} is given in: --lang, the resumed answers', the
   * messages', the first of them the scan has, else the scan's first.
   */
  String newResponseLanguage(Scan scan, String resumed) {
    for (String candidate : new String[] {explicitLanguage(), resumed, language()}) {
      if (candidate != null && scan.languages().contains(candidate)) {
        return candidate;
      }
    }
    return scan.defaultLanguage();
  }

  /**
   * The language of a scan's texts where no response decides it (a template): --lang when the scan
   * has it, else the scan's first language.
   */
  String scanLanguage(Scan scan) {
    String explicit = explicitLanguage();
    return explicit != null && scan.languages().contains(explicit)
        ? explicit
        : scan.defaultLanguage();
  }

  /**
   * Messages to go with texts in {@code textLanguage}: --lang, else that language when mvoscan
   * speaks it, else the messages' language.
   */
  Messages messagesFor(String textLanguage) {
    String explicit = explicitLanguage();
    if (explicit != null) {
      return Messages.forLanguage(explicit);
    }
    return Messages.forLanguage(
        "en".equals(textLanguage) || "nl".equals(textLanguage) ? textLanguage : language());
  }
}
