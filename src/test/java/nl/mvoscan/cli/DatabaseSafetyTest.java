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
    Cli.Run first = Cli.run("import", "--db", db(), "examples/");
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
