package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static nl.mvoscan.cli.CliFixtures.fixture;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The top-level command: help, version, and how bad command lines end (exit 2, one clear line, no
 * stack trace).
 */
class MvoscanCommandTest {

  private static final String NL = System.lineSeparator();
  private static final Locale ORIGINAL = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(ORIGINAL);
  }

  @Test
  void helpListsEverySubcommandAndTheExitCodes() {
    Cli.Run run = Cli.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("Usage: mvoscan")
        .contains("validate", "scans", "template", "score")
        .contains("Exit codes: 0 ok, 1 failure / mislukt, 2 bad input / foute invoer,")
        .contains("3 done, bad input skipped (--skip-invalid)")
        .contains("4 take ended before the scan was finished")
        .contains("take stopte voordat de scan af was");
  }

  @Test
  void takeHelpNamesTheExitCodeForAnUnfinishedScan() {
    Cli.Run run = Cli.run("take", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Exit codes: 0 ok")
        .contains("4 input ended before the scan was finished")
        .contains("invoer stopte voordat de scan af was");
  }

  @Test
  void withoutArgumentsPrintsTheUsageAndExits0() {
    Cli.Run run = Cli.run();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Cli.run("--help").out());
  }

  @Test
  void subcommandHelpDescribesItsOptions() {
    Cli.Run run = Cli.run("score", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: mvoscan score")
        .contains(
            "--scan=FILE|ID",
            "--json",
            "--explain",
            "--lang=nl|en",
            "--scans=DIR",
            "--verbose",
            "ANSWERS");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command : List.of("validate", "scans", "template", "score")) {
      Cli.Run run = Cli.run(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: mvoscan " + command).contains("--lang");
    }
  }

  @Test
  void versionPrintsTheProgramVersionAndExits0() {
    Cli.Run run = Cli.run("--version");

    assertThat(run.exitCode()).isZero();
    List<String> lines = lines(run.out());
    // the version and the day of the build, as the release zip's users need to report it
    assertThat(lines.get(0))
        .matches("mvoscan \\d+\\.\\d+\\.\\d+\\S* \\(build \\d{4}-\\d{2}-\\d{2}\\)|mvoscan dev");
    assertThat(lines.get(0)).doesNotContain("${");
    assertThat(lines).contains("Java " + System.getProperty("java.version"));
    assertThat(Cli.run("-V").out()).isEqualTo(run.out());
  }

  @Test
  void unknownOptionOfASubcommandGivesOneClearLineAHintAndExit2() {
    Cli.Run run = Cli.run("validate", "--lang", "en", "--strikt", "scan.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("Unknown option: '--strikt'" + NL + "see: mvoscan validate --help" + NL);
    assertNoStackTrace(run);
  }

  @Test
  void aMistypedCommandGetsPicoclisSuggestionAndTheHelpHintInEnglish() {
    Cli.Run run = Cli.run("--lang", "en", "socre", "x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly(
            "unknown command: 'socre'; did you mean score, report, aggregate?",
            "see: mvoscan --help");
    assertNoStackTrace(run);
  }

  @Test
  void aMistypedCommandGetsTheSameAdviceInDutch() {
    Cli.Run run = Cli.run("--lang", "nl", "socre", "x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly(
            "onbekende opdracht: 'socre'; bedoel je score, report, aggregate?",
            "zie: mvoscan --help");
  }

  @Test
  void aMistypedSubcommandOfReportIsNamedAsACommandOfReport() {
    Cli.Run run = Cli.run("report", "--lang", "en", "clas", "--db", "x.db");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()).get(0)).startsWith("unknown command: 'clas'; did you mean class");
    assertThat(lines(run.err()).get(1)).isEqualTo("see: mvoscan report --help");
  }

  @Test
  void unknownOptionHintIsDutchWithLangNl() {
    Cli.Run run = Cli.run("score", "--lang", "nl", "--strikt", "a.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .containsExactly("onbekende optie: '--strikt'", "zie: mvoscan score --help");
  }

  @Test
  void unknownTopLevelOptionGivesOneClearLineAndExit2() {
    Cli.Run run = Cli.run("--strikt", "--lang=en");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(lines(run.err())).hasSize(2);
    assertThat(lines(run.err()).get(0)).contains("'--strikt'");
    assertThat(lines(run.err()).get(1)).isEqualTo("see: mvoscan --help");
    assertNoStackTrace(run);
  }

  @Test
  void unknownSubcommandGivesOneClearLineAndExit2() {
    Cli.Run run = Cli.run("scoor", "--lang", "en", "a.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(lines(run.err())).hasSize(2);
    assertThat(lines(run.err()).get(0)).contains("'scoor'");
    assertThat(lines(run.err()).get(1)).isEqualTo("see: mvoscan --help");
    assertNoStackTrace(run);
  }

  @Test
  void missingRequiredParameterGivesExit2() {
    Cli.Run run = Cli.run("score", "--lang", "en");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err())).hasSize(2);
    assertThat(lines(run.err()).get(0)).contains("ANSWERS");
    assertThat(lines(run.err()).get(1)).isEqualTo("see: mvoscan score --help");
    assertNoStackTrace(run);
  }

  @Test
  void unsupportedLanguageGivesOneClearLineAndExit2() {
    Cli.Run run = Cli.run("validate", "--lang", "fr", fixture("scans/mini-scan.json").toString());

    // the language asked for is unusable, so the message comes in the system's default language
    String expected =
        nl.mvoscan.i18n.Messages.defaultLanguage().equals("en")
            ? "unknown language \"fr\"; use nl or en"
            : "onbekende taal \"fr\"; gebruik nl of en";
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(expected + NL);
  }

  @Test
  void langOptionAcceptsUpperCase() {
    Cli.Run run = Cli.run("validate", "--lang", "EN", fixture("scans/mini-scan.json").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void acceptsLangBeforeTheSubcommand() {
    Cli.Run run = Cli.run("--lang", "en", "validate", fixture("scans/mini-scan.json").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("OK ");
  }
}
