package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.mvoscan.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import streams: a class CSV of 20 000 rows imports in a JVM with a 256 MB heap, as one file,
 * in one transaction.
 */
class ImportMemoryTest {

  @TempDir Path dir;

  /** The example class's rows over and over, each time another student. */
  private Path bigClass(int rows) throws Exception {
    CsvTable example = CsvTable.read(Path.of("examples", "klas-3a.csv"));
    int name = example.header().indexOf("naam");
    int number = example.header().indexOf("studentnummer");
    Path file = dir.resolve("jaargang.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(line(example.header()));
      for (int i = 0; i < rows; i++) {
        List<String> cells = new ArrayList<>(example.rows().get(i % example.rows().size()).cells());
        cells.set(name, "Student " + i);
        cells.set(number, Integer.toString(300_000 + i));
        out.write(line(cells));
      }
    }
    return file;
  }

  private static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i > 0) {
        line.append(';');
      }
      if (cell.contains(";") || cell.contains("\"") || cell.contains("\n")) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.append("\r\n").toString();
  }

  @Test
  void twentyThousandRowsImportWithA256MegabyteHeap() throws Exception {
    Path csv = bigClass(20_000);
    Path db = dir.resolve("school.db");
    Path log = dir.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "nl.mvoscan.cli.Main",
                "import",
                "--lang",
                "en",
                "--db",
                db.toString(),
                csv.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the import finishes").isTrue();
    String output = Files.readString(log);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("imported 20000 responses").doesNotContain("OutOfMemoryError");

    Cli.Run listed = Cli.run("export", "--lang", "en", "--db", db.toString());
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.err()).contains("20000");
  }
}
