package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be used is one worded line and exit code 1, in every command. */
class StoreErrorsTest {

  @TempDir Path dir;

  private Path notADatabase() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "these are my notes, not a database\n".repeat(200));
    return file;
  }

  @Test
  void aFileThatIsNoDatabaseIsOneLineWithExitCodeOneForReadsAndWrites() throws Exception {
    String db = notADatabase().toString();
    for (String[] args :
        new String[][] {
          {"responses", "--lang", "en", "--db", db},
          {"aggregate", "--lang", "en", "--db", db},
          {"import", "--lang", "en", "--db", db, "examples/bakkerij-emmen.json"},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.FAILURE);
      assertThat(lines(run.err())).as(run.err()).hasSize(1);
      // the damaged-database line of the integrity check, not the driver's English
      assertThat(run.err()).startsWith("database " + db + " is damaged (SQLITE_NOTADB); ");
      assertNoStackTrace(run);
    }
  }

  @Test
  void theMessageIsInTheLanguageAskedForAndVerboseAddsTheCause() throws Exception {
    String db = notADatabase().toString();
    Cli.Run dutch = Cli.run("responses", "--lang", "nl", "--db", db);
    assertThat(dutch.err()).startsWith("database " + db + " is beschadigd (SQLITE_NOTADB); ");

    Cli.Run verbose = Cli.run("responses", "--lang", "en", "--verbose", "--db", db);
    assertThat(verbose.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(verbose.err()).contains("SQLException").contains("\tat ");
  }

  /** A new database file in an existing folder is made; a missing folder is a typo, as for -o. */
  @Test
  void aDatabaseInAMissingOrClosedFolderIsRefusedWithTheFolderAsTheReason() {
    Path nested = dir.resolve("a").resolve("b").resolve("c.db");
    Cli.Run run =
        Cli.run(
            "import", "--lang", "en", "--db", nested.toString(), "examples/bakkerij-emmen.json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err())
        .contains("cannot create database " + nested)
        .contains("folder " + nested.getParent() + " does not exist")
        .doesNotContain(".tmp");
    assertThat(dir.resolve("a")).doesNotExist();
    assertNoStackTrace(run);

    Cli.Run proc =
        Cli.run(
            "import", "--lang", "en", "--db", "/proc/nope/x.db", "examples/bakkerij-emmen.json");
    assertThat(proc.exitCode()).isEqualTo(1);
    assertThat(proc.err()).contains("folder /proc/nope does not exist").doesNotContain(".tmp");

    Cli.Run made =
        Cli.run("import", "--db", dir.resolve("new.db").toString(), "examples/bakkerij-emmen.json");
    assertThat(made.exitCode()).as(made.err()).isZero();
  }
}
