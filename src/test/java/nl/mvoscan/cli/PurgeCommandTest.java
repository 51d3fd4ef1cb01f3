package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Retention: purge deletes what is older than the period, on both engines, and nothing else. */
@ParameterizedClass
@EnumSource(Backend.class)
class PurgeCommandTest {

  @Parameter Backend backend;

  @TempDir Path dir;

  private void write(String file, String student, String number, LocalDate date)
      throws IOException {
    Files.writeString(
        dir.resolve("answers").resolve(file),
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "%s", "id": "%s", "class": "4B"},
         "company": {"name": "Bakkerij %s"}, "date": "%s",
         "answers": {"visie": "ja"}}
        """
            .formatted(student, number, file, date));
  }

  private String importThree() throws IOException {
    Files.createDirectories(dir.resolve("answers"));
    LocalDate today = LocalDate.now();
    write("a.json", "Oud Student", "1", today.minusYears(6));
    write("b.json", "Beide Student", "2", today.minusYears(5).minusDays(1));
    write("c.json", "Beide Student", "2", today);
    write("d.json", "Nieuw Student", "3", today.minusYears(5));
    String db = backend.newDatabase(dir);
    Cli.Run imported = Cli.run("import", "--db", db, dir.resolve("answers").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    return db;
  }

  @Test
  void responsesOlderThanTheRetentionGoAndSoDoStudentsLeftWithout() throws IOException {
    String db = importThree();
    Cli.Run dry = Cli.run("purge", "--lang", "en", "--db", db, "--older-than", "5y", "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("dry run: 2 responses from before", "and 1 student would be deleted");
    Cli.Run listed = Cli.run("responses", "--db", db, "--json", "--lang", "en");
    assertThat(listed.out()).contains("Oud Student");

    Cli.Run purge = Cli.run("purge", "--lang", "en", "--db", db, "--older-than", "5y");
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out())
        .contains(
            "purged everything from before "
                + LocalDate.now().minusYears(5)
                + ": 2 responses and 1 student without responses deleted");
    String left = Cli.run("responses", "--db", db, "--json").out();
    assertThat(left).doesNotContain("Oud Student").contains("Beide Student", "Nieuw Student");
    Cli.Run forgetOld = Cli.run("forget", "--lang", "en", "--db", db, "--student", "1");
    assertThat(forgetOld.exitCode()).as("the old student is gone").isEqualTo(2);

    Cli.Run again = Cli.run("purge", "--lang", "en", "--db", db, "--older-than", "5y");
    assertThat(again.out()).contains(": 0 responses and 0 students without responses deleted");
  }

  @Test
  void aPeriodWithoutUnitIsBadInput() throws IOException {
    String db = importThree();
    Cli.Run bad = Cli.run("purge", "--lang", "en", "--db", db, "--older-than", "5");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--older-than 5: give a number and a unit");
    CliFixtures.assertNoStackTrace(bad);
    assertThat(PurgeCommand.cutoff("18m", LocalDate.of(2026, 12, 1), Messages.forLanguage("en")))
        .isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(PurgeCommand.cutoff("5j", LocalDate.of(2026, 12, 1), Messages.forLanguage("nl")))
        .isEqualTo(LocalDate.of(2021, 12, 1));
  }
}
