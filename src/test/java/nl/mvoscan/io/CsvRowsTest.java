package nl.mvoscan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV read row by row tells the same lines, cells and encoding as one read whole. */
class CsvRowsTest {

  @TempDir Path dir;

  @Test
  void lineNumbersStayRightOverManyPiecesWithEveryKindOfLineEndAndQuotedLineBreaks()
      throws Exception {
    Random random = new Random(7);
    String[] ends = {"\r\n", "\n", "\r"};
    StringBuilder csv = new StringBuilder("naam;opmerking\r\n");
    List<Integer> expectedLines = new ArrayList<>();
    List<String> expectedNotes = new ArrayList<>();
    int line = 2;
    for (int i = 0; i < 5000; i++) {
      expectedLines.add(line);
      String note = "regel " + i;
      if (random.nextInt(5) == 0) {
        String inner = ends[random.nextInt(ends.length)];
        note = "twee" + inner + "regels " + i;
        line++;
      }
      expectedNotes.add(note);
      csv.append("Student ").append(i).append(";\"").append(note).append('"');
      csv.append(ends[random.nextInt(ends.length)]);
      line++;
      if (random.nextInt(10) == 0) {
        csv.append("\r\n"); // an empty line between rows (after a CR, an LF would join it)
        line++;
      }
    }
    Path file = dir.resolve("groot.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    List<Integer> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (CsvRows rows = CsvRows.open(file)) {
      assertThat(rows.header()).containsExactly("naam", "opmerking");
      while (rows.hasNext()) {
        CsvTable.Row row = rows.next();
        lines.add(row.line());
        notes.add(row.cell(1));
      }
      assertThat(rows.problems()).isEmpty();
      assertThat(rows.encoding()).isEqualTo("UTF-8");
    }
    assertThat(lines).isEqualTo(expectedLines);
    assertThat(notes).isEqualTo(expectedNotes);
  }

  @Test
  void aCharacterCutInTwoByAPieceIsStillUtf8AndOneBadByteFarOnMakesItWindows1252()
      throws Exception {
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    utf8.write("naam;plaats\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 20_000; i++) {
      utf8.write(("Zoë " + i + ";Café €\n").getBytes(StandardCharsets.UTF_8));
    }
    Path good = dir.resolve("utf8.csv");
    Files.write(good, utf8.toByteArray());
    CsvTable table = CsvRows.open(good).collect();
    assertThat(table.encoding()).isEqualTo("UTF-8");
    assertThat(table.rows()).hasSize(20_000);
    assertThat(table.rows().get(19_999).cells()).containsExactly("Zoë 19999", "Café €");

    byte[] bytes = utf8.toByteArray();
    byte[] tail = "Ren\u00e9;Emmen\n".getBytes(CsvTable.WINDOWS_1252);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
    System.arraycopy(tail, 0, bad, bytes.length, tail.length);
    Path windows = dir.resolve("1252.csv");
    Files.write(windows, bad);
    CsvTable read = CsvRows.open(windows).collect();
    assertThat(read.encoding()).isEqualTo("windows-1252");
    assertThat(read.rows().get(20_000).cells()).containsExactly("René", "Emmen");
    assertThat(read).isEqualTo(CsvTable.parse(bad));
  }

  @Test
  void aFileThatIsNotThereIsOneProblemAtLineZero() {
    try (CsvRows rows = CsvRows.open(dir.resolve("weg.csv"))) {
      assertThat(rows.hasNext()).isFalse();
      assertThat(rows.problems()).extracting(CsvProblem::key).containsExactly("file.notFound");
    }
  }
}
