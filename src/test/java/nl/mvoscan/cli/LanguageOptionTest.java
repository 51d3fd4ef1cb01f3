package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang} is one inherited option: anywhere on the line, the same language everywhere. */
class LanguageOptionTest {

  @TempDir Path dir;

  @Test
  void langStandsBeforeOrAfterANestedSubcommandAndDecidesCommandAndHandlerAlike() {
    String missing = dir.resolve("none.db").toString();
    Cli.Run before = Cli.run("--lang", "en", "report", "class", "3A", "--db", missing);
    Cli.Run after = Cli.run("report", "class", "3A", "--db", missing, "--lang", "en");
    Cli.Run between = Cli.run("report", "--lang", "en", "class", "3A", "--db", missing);
    assertThat(before.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(before.err()).startsWith("no database at ");
    assertThat(after.err()).isEqualTo(before.err());
    assertThat(between.err()).isEqualTo(before.err());

    Cli.Run dutch = Cli.run("report", "class", "3A", "--db", missing, "--lang", "nl");
    assertThat(dutch.err()).startsWith("geen database op ");
  }

  @Test
  void anUnknownLanguageIsBadInputWhereverItStands() {
    Cli.Run run = Cli.run("scans", "--lang", "fr");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("fr");
  }
}
