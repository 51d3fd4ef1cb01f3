package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports in separate JVMs: killed half-way, or two at once, the database stays whole. */
class ReliabilityTest {

  @TempDir Path dir;

  private static String answers(int i) {
    return """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf", "scanVersion": "2026.1",
         "respondent": {"name": "Student %d", "id": "%d", "class": "4B"},
         "company": {"name": "Bedrijf %d", "city": "Zwolle"},
         "date": "2026-10-01",
         "answers": {"sector": "handel", "medewerkers": %d, "visie": "ja", "doelen": "gestart",
                     "veiligheid": "ingevoerd", "eerlijk_loon": "deels"}}
        """
        .formatted(i, 100000 + i, i % 40, 5 + i % 60);
  }

  private Path writeAnswers(String folder, int from, int count) throws IOException {
    Path target = dir.resolve(folder);
    Files.createDirectories(target);
    for (int i = from; i < from + count; i++) {
      Files.writeString(target.resolve("s" + i + ".json"), answers(i));
    }
    return target;
  }

  private Process importInChildJvm(Path db, Path folder) throws IOException {
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
        .redirectOutput(dir.resolve("child-" + folder.getFileName() + ".log").toFile())
        .start();
  }

  private static int responses(Path db) throws Exception {
    try (Store store = Store.open(db)) {
      assertThat(StoreChecks.integrity(store)).isEqualTo("ok");
      return store.read(
          c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM response")) {
              rs.next();
              return rs.getInt(1);
            }
          });
    }
  }

  @Test
  void aKilledImportLeavesAnIntactDatabaseWithoutAnyOfItAndARerunImportsAllOnce() throws Exception {
    Path db = dir.resolve("kill.db");
    Path folder = writeAnswers("big", 0, 1500);
    Process child = importInChildJvm(db, folder);
    Path wal = Path.of(db + "-wal");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // wait until the import is writing its transaction, then pull the plug
    while (child.isAlive()
        && System.nanoTime() < deadline
        && !(Files.exists(wal) && Files.size(wal) > 256 * 1024)) {
      Thread.sleep(5);
    }
    boolean killedMidway = child.isAlive();
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    int after = responses(db);
    if (killedMidway) {
      assertThat(after).as("nothing of a killed import").isZero();
    } else {
      assertThat(after).as("the import finished before it could be killed").isEqualTo(1500);
    }
    Process rerun = importInChildJvm(db, folder);
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(dir.resolve("child-big.log"))).isZero();
    assertThat(responses(db)).isEqualTo(1500);
  }

  @Test
  void twoProcessesImportingAtOnceBothSucceedAndLoseNothing() throws Exception {
    Path db = dir.resolve("both.db");
    Path first = writeAnswers("first", 0, 300);
    Path second = writeAnswers("second", 300, 300);
    List<Process> children = new ArrayList<>();
    children.add(importInChildJvm(db, first));
    children.add(importInChildJvm(db, second));
    for (Process child : children) {
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(children.get(0).exitValue())
        .as(Files.readString(dir.resolve("child-first.log")))
        .isZero();
    assertThat(children.get(1).exitValue())
        .as(Files.readString(dir.resolve("child-second.log")))
        .isZero();
    assertThat(responses(db)).isEqualTo(600);
  }
}
