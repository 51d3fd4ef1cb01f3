package nl.mvoscan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files hold personal data (a student's PDF, a class export): one a killed run left
 * behind is removed by the next run in that folder, one a running program writes is left alone.
 */
class AtomicFilesTest {

  @TempDir Path dir;

  /** The id of a process that has ended. */
  private static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.pid();
  }

  private static String[] names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void aSymbolicLinkStaysALinkAndTheFileItPointsToGetsTheContent() throws Exception {
    Path real = dir.resolve("echt.csv");
    Files.writeString(real, "oud");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);

    AtomicFiles.write(link, "nieuw");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("nieuw");
  }

  @Test
  void aDeviceIsWrittenThroughNotReplaced() throws Exception {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device here");

    AtomicFiles.write(devNull, "weg");

    assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
    assertThat(Files.size(devNull)).isZero();
  }

  @Test
  void aTempFileOfAKilledRunIsRemovedByTheNextWriteInThatFolder() throws Exception {
    Path stale = dir.resolve(".Sanne de Vries.pdf." + deadPid() + ".8213987.tmp");
    Files.writeString(stale, "Sanne de Vries, 104233");
    Path older = dir.resolve(".klas.csv.1234567890.tmp");
    Files.writeString(older, "Sanne de Vries");
    Files.setLastModifiedTime(older, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

    AtomicFiles.write(dir.resolve("export.csv"), "a,b\r\n");

    assertThat(names(dir)).containsExactly("export.csv");
  }

  @Test
  void aTempFileOfARunningProgramIsLeftAlone() throws Exception {
    Process running = new ProcessBuilder("sleep", "30").start();
    try {
      Path live = dir.resolve(".x.pdf." + running.pid() + ".42.tmp");
      Files.writeString(live, "being written");
      Path recent = dir.resolve(".y.pdf.987654.tmp");
      Files.writeString(recent, "written by an older mvoscan just now");
      Path mine = dir.resolve("notes.tmp");
      Files.writeString(mine, "not ours");

      AtomicFiles.write(dir.resolve("export.csv"), "a,b\r\n");

      assertThat(names(dir))
          .containsExactly(
              ".x.pdf." + running.pid() + ".42.tmp",
              ".y.pdf.987654.tmp",
              "export.csv",
              "notes.tmp");
    } finally {
      running.destroy();
    }
  }

  @Test
  void aNameThatFitsTheFileSystemIsWrittenEvenWhenItsTempNameWouldNot() throws IOException {
    String name = "a".repeat(240) + ".pdf";
    AtomicFiles.write(dir.resolve(name), "pdf");
    assertThat(Files.readString(dir.resolve(name), StandardCharsets.UTF_8)).isEqualTo("pdf");
    assertThat(names(dir)).containsExactly(name);
  }

  @Test
  void aStagedFileAppearsOnlyWhenCommittedAndLeavesNothingWhenDiscarded() throws IOException {
    Path kept = Files.writeString(dir.resolve("a.pdf"), "old");
    AtomicFiles.Staged replacing = AtomicFiles.stage(kept, "new".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.Staged dropped =
        AtomicFiles.stage(dir.resolve("b.pdf"), "b".getBytes(StandardCharsets.UTF_8));
    assertThat(kept).hasContent("old");
    dropped.discard();
    replacing.commit();
    assertThat(kept).hasContent("new");
    assertThat(names(dir)).containsExactly("a.pdf");
  }

  @Test
  void anEmptyFolderInTheWayIsNotReplaceable() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("c.pdf"));
    assertThat(AtomicFiles.notReplaceable(folder).failure())
        .isEqualTo(AtomicFiles.Failure.IN_THE_WAY);
    assertThat(AtomicFiles.notReplaceable(dir.resolve("d.pdf"))).isNull();
    assertThat(folder).isDirectory();
  }
}
