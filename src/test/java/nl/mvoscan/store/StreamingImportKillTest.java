package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import that stores as it reads, killed while it writes: into a database that was there, it
 * leaves that database as it was; as a first import, it leaves no database (and its draft goes with
 * the next import). A rerun imports everything once.
 */
class StreamingImportKillTest {

  @TempDir Path dir;

  private Path answers(String folder, int from, int count) throws IOException {
    Path target = dir.resolve(folder);
    Files.createDirectories(target);
    for (int i = from; i < from + count; i++) {
      Files.writeString(
          target.resolve("s" + i + ".json"),
          """
          {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
           "respondent": {"name": "Student %d", "id": "%d", "class": "4B"},
           "company": {"name": "Bedrijf %d", "city": "Zwolle"},
           "answers": {"sector": "handel", "medewerkers": %d, "visie": "ja", "doelen": "gestart"}}
          """
              .formatted(i, 100000 + i, i % 40, 5 + i % 60));
    }
    return target;
  }

  private Process importing(Path db, Path folder, String log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "nl.mvoscan.cli.Main",
            "import",
            "--lang",
            "en",
            "--db",
            db.toString(),
            folder.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private static int responses(Path db) {
    try (Store store = Store.open(db)) {
      return store.read(
          c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM response")) {
              rs.next();
              return rs.getInt(1);
            }
          });
    }
  }

  /** Waits until {@code file} grows past a quarter megabyte: the import is writing. */
  private static boolean writing(Process child, Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (child.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.size(file) > 256 * 1024) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private Path draftWal(Path db) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("." + db.getFileName() + ".import-"))
          .filter(f -> f.getFileName().toString().endsWith("-wal"))
          .findFirst()
          .orElse(dir.resolve("none"));
    }
  }

  @Test
  void killedWhileAddingToADatabaseItLeavesTheDatabaseAsItWas() throws Exception {
    Path db = dir.resolve("school.db");
    Process first = importing(db, answers("first", 0, 5), "first.log");
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.log"))).isZero();

    Path big = answers("big", 5, 3000);
    Process child = importing(db, big, "big.log");
    boolean midway = writing(child, Path.of(db + "-wal")) && child.isAlive();
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(responses(db)).isEqualTo(midway ? 5 : 3005);

    Process rerun = importing(db, big, "rerun.log");
    assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(dir.resolve("rerun.log"))).isZero();
    assertThat(responses(db)).isEqualTo(3005);
  }

  @Test
  void aFirstImportKilledWhileWritingLeavesNoDatabaseAndTheNextImportClearsItsDraft()
      throws Exception {
    Path db = dir.resolve("nieuw.db");
    Path big = answers("big", 0, 3000);
    Process child = importing(db, big, "big.log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Path wal = draftWal(db);
    while (child.isAlive() && System.nanoTime() < deadline && !Files.exists(wal)) {
      Thread.sleep(5);
      wal = draftWal(db);
    }
    boolean midway = writing(child, wal) && child.isAlive();
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    if (midway) {
      assertThat(db).as("a killed first import leaves no database").doesNotExist();
    }

    Process rerun = importing(db, big, "rerun.log");
    assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(dir.resolve("rerun.log"))).isZero();
    assertThat(responses(db)).isEqualTo(3000);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no draft of an import is left")
          .noneMatch(name -> name.contains(".import-"));
    }
  }
}
