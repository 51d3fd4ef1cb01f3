package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database is never written to; a busy one is waited for, and the user told so. */
class DatabaseSafetyTest {

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  /** Zeroes a page in the middle of the file, as a failing disk or a bad copy does. */
  private void damage() throws Exception {
    Path file = Path.of(db());
    byte[] bytes = Files.readAllBytes(file);
    int pageSize = ((bytes[16] & 0xFF) << 8) | (bytes[17] & 0xFF);
    int page = bytes.length / pageSize / 2;
    java.util.Arrays.fill(bytes, page * pageSize, (page + 1) * pageSize, (byte) 0);
    Files.write(file, bytes);
  }

  @Test
  void aDamagedDatabaseIsRefusedForWritingAndLeftAsItWas() throws Exception {
    Cli.Run first = Cli.run("import", "--db", db(), "examples/klas-3a.csv");
    assertThat(first.exitCode()).as(first.err()).isZero();
    // move everything into the main file, so the damage is where SQLite reads
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    damage();
    byte[] before = Files.readAllBytes(Path.of(db()));

    for (String[] args :
        new String[][] {
          {"import", "--lang", "en", "--db", db(), "examples/bakkerij-emmen.json"},
          {"forget", "--lang", "en", "--db", db(), "--student", "Sanne de Vries"},
          {"delete", "--lang", "en", "--db", db(), "1"},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.out() + run.err()).isEqualTo(1);
      assertThat(run.err()).as(args[0]).contains("is damaged").contains(db());
      assertThat(run.out()).isEmpty();
      assertNoStackTrace(run);
    }
    assertThat(Files.readAllBytes(Path.of(db()))).isEqualTo(before);
  }

  private static final String[][] READS = {
    {"responses"}, {"show", "1"}, {"aggregate"}, {"export"}, {"companies"},
  };

  private static final String[][] WRITES = {
    {"import", "examples/bakkerij-emmen.json"},
    {"forget", "--student", "Sanne de Vries"},
    {"delete", "1"},
  };

  private static String[] with(String[] command, String language, String database) {
    String[] args = new String[command.length + 4];
    args[0] = command[0];
    args[1] = "--lang";
    args[2] = language;
    args[3] = "--db";
    args[4] = database;
    System.arraycopy(command, 1, args, 5, command.length - 1);
    return args;
  }

  @Test
  void aTruncatedOrOverwrittenDatabaseIsCalledDamagedByEveryCommandAndLeftAsItWas()
      throws Exception {
    Cli.Run first = Cli.run("import", "--db", db(), "examples/klas-3a.csv");
    assertThat(first.exitCode()).as(first.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    byte[] whole = Files.readAllBytes(Path.of(db()));
    Path truncated = dir.resolve("truncated.db");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
    Path overwritten = dir.resolve("overwritten.db");
    Files.writeString(
        overwritten, "not a database, a text someone saved under its name\n".repeat(200));
    for (Path broken : new Path[] {truncated, overwritten}) {
      byte[] before = Files.readAllBytes(broken);
      for (String[][] commands : new String[][][] {READS, WRITES}) {
        for (String[] command : commands) {
          for (String language : new String[] {"en", "nl"}) {
            Cli.Run run = Cli.run(with(command, language, broken.toString()));
            String what = broken.getFileName() + " " + String.join(" ", command) + " " + language;
            assertThat(run.exitCode()).as(what + run.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.err())
                .as(what)
                .contains(broken.toString())
                .contains(language.equals("en") ? "is damaged" : "is beschadigd")
                .contains(language.equals("en") ? "Put back a backup" : "Zet een reservekopie")
                .doesNotContain("[SQLITE_")
                .doesNotContain("malformed")
                .doesNotContain("file is not a database");
            assertThat(run.err().lines().count()).as(what + run.err()).isEqualTo(1);
            assertNoStackTrace(run);
          }
        }
      }
      assertThat(Files.readAllBytes(broken)).as(broken.toString()).isEqualTo(before);
    }
  }

  @Test
  void aCommandThatReadsLeavesAnEmptyFileUntouchedAndMakesNoMissingDatabase() throws Exception {
    Path empty = dir.resolve("leeg.db");
    Files.write(empty, new byte[0]);
    java.nio.file.attribute.FileTime time =
        java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(empty, time);
    Path missing = dir.resolve("bestaat-niet.db");
    for (String[] command : READS) {
      Cli.Run run = Cli.run(with(command, "en", empty.toString()));
      String what = String.join(" ", command);
      assertThat(run.exitCode()).as(what + run.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err())
          .as(what)
          .isEqualTo(
              "database "
                  + empty.toAbsolutePath()
                  + " is an empty file (0 bytes), not a database, and was left as it is; import"
                  + " answers first (mvoscan import), or give the right --db"
                  + System.lineSeparator());
      assertThat(Files.size(empty)).as(what).isZero();
      assertThat(Files.getLastModifiedTime(empty)).as(what).isEqualTo(time);

      Cli.Run none = Cli.run(with(command, "nl", missing.toString()));
      assertThat(none.exitCode()).as(what + none.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(none.err()).as(what).startsWith("geen database op ").contains(missing.toString());
      assertThat(missing).as(what).doesNotExist();
    }
    Cli.Run dutch = Cli.run("responses", "--lang", "nl", "--db", empty.toString());
    assertThat(dutch.err()).contains("is een leeg bestand (0 bytes), geen database");
    assertThat(dir.toFile().list()).containsExactly("leeg.db");
  }

  @Test
  void anImporterWaitsForAnotherWriterAndSaysSo() throws Exception {
    Cli.run("import", "--db", db(), "examples/garage-assen.json");
    CountDownLatch locked = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                  Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                locked.countDown();
                Thread.sleep(3_500);
                s.execute("COMMIT");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    other.start();
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    Cli.Run run = Cli.run("import", "--lang", "en", "--db", db(), "examples/bakkerij-emmen.json");
    other.join();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("another program is writing to " + db()).contains("waiting");
    assertThat(run.out()).contains("imported 1 response (");
  }
}
