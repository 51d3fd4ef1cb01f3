package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --format xlsx}: a workbook read back cell by cell. */
class ExportXlsxTest {

  @TempDir Path dir;
  private String db;

  @BeforeEach
  void importTheExamples() throws IOException {
    db = dir.resolve("t.db").toString();
    Path folder = dir.resolve("answers");
    Files.createDirectories(folder);
    for (String name :
        List.of(
            "bakkerij-emmen.json",
            "garage-assen.json",
            "zorghuis-groningen.json",
            "installatiebedrijf-leeuwarden.json")) {
      String json = Files.readString(Path.of("examples", name), StandardCharsets.UTF_8);
      if (name.startsWith("garage")) {
        // a student who types a formula, and another class
        json =
            json.replace("\"class\": \"3A\"", "\"class\": \"3B\"")
                .replaceFirst(
                    "\"note\": \"[^\"]*\"",
                    "\"note\": \"=HYPERLINK(\\\\\"http://x\\\\\",\\\\\"klik\\\\\")\"");
      }
      Files.writeString(folder.resolve(name), json, StandardCharsets.UTF_8);
    }
    Cli.Run imported = Cli.run("import", "--db", db, folder.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  /** Every sheet as name → rows of cells (null for an empty cell). */
  private static Map<String, List<List<Cell>>> read(Path file) throws IOException {
    Map<String, List<List<Cell>>> sheets = new java.util.LinkedHashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        List<List<Cell>> rows = new ArrayList<>();
        int width = 0;
        for (Row row : sheet.read()) {
          List<Cell> cells = new ArrayList<>();
          width = Math.max(width, row.getCellCount());
          for (int i = 0; i < width; i++) {
            cells.add(i < row.getCellCount() ? row.getCell(i) : null);
          }
          rows.add(cells);
        }
        sheets.put(sheet.getName(), rows);
      }
    }
    return sheets;
  }

  private static Map<String, String> parts(Path file) throws IOException {
    Map<String, String> parts = new TreeMap<>();
    // the central directory, as Excel reads it
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return parts;
  }

  private static int column(List<List<Cell>> sheet, String name) {
    List<Cell> header = sheet.get(0);
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i) != null && header.get(i).getRawValue().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name);
  }

  @Test
  void theWorkbookHasResponsesAnswersClassFiguresAndAnExplanationWithNumbersAsNumbers()
      throws IOException {
    Path file = dir.resolve("klas.xlsx");
    Cli.Run run =
        Cli.run("export", "--lang", "nl", "--db", db, "--format", "xlsx", "-o", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, List<List<Cell>>> sheets = read(file);
    assertThat(sheets.keySet())
        .containsExactly("Antwoordensets", "Antwoorden", "Klassen", "Kolommen");

    List<List<Cell>> responses = sheets.get("Antwoordensets");
    assertThat(responses).hasSize(5);
    int score = column(responses, "score");
    int kvk = column(responses, "kvk");
    int date = column(responses, "date");
    int student = column(responses, "student");
    List<Cell> bakery =
        responses.stream()
            .filter(
                r ->
                    r.get(student) != null && r.get(student).getRawValue().equals("Sanne de Vries"))
            .findFirst()
            .orElseThrow();
    assertThat(bakery.get(score).getType()).isEqualTo(CellType.NUMBER);
    assertThat(bakery.get(score).asNumber()).isEqualByComparingTo("30.6");
    assertThat(bakery.get(kvk).getType()).isEqualTo(CellType.STRING);
    assertThat(bakery.get(kvk).getRawValue()).isEqualTo("04187352");
    assertThat(bakery.get(date).asDate().toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2026, 11, 20));
    assertThat(bakery.get(column(responses, "theme_beleid_score")).asNumber())
        .isEqualByComparingTo("9.1");

    // strings never become formulas, not even a note that is one
    for (List<List<Cell>> sheet : sheets.values()) {
      for (List<Cell> row : sheet) {
        assertThat(row)
            .allSatisfy(
                c ->
                    assertThat(c == null ? CellType.EMPTY : c.getType())
                        .isNotEqualTo(CellType.FORMULA));
      }
    }
    List<List<Cell>> answers = sheets.get("Antwoorden");
    int note = column(answers, "note");
    assertThat(answers)
        .anySatisfy(
            r ->
                assertThat(r.get(note) == null ? "" : r.get(note).getRawValue())
                    .isEqualTo("=HYPERLINK(\"http://x\",\"klik\")"));
    int points = column(answers, "points");
    assertThat(answers.subList(1, answers.size()))
        .anySatisfy(
            r -> assertThat(r.get(points)).extracting(Cell::getType).isEqualTo(CellType.NUMBER));

    List<List<Cell>> classes = sheets.get("Klassen");
    int key = column(classes, "group_key");
    int figure = column(classes, "figure");
    int n = column(classes, "n");
    int mean = column(classes, "mean");
    List<Cell> threeA =
        classes.stream()
            .filter(
                r ->
                    r.get(key) != null
                        && r.get(key).getRawValue().equals("3A")
                        && r.get(figure).getRawValue().equals("overall"))
            .findFirst()
            .orElseThrow();
    assertThat(threeA.get(n).asNumber()).isEqualByComparingTo("3");
    // the mean of the exact scores of class 3A, as aggregate computes it
    String aggregated =
        Cli.run("aggregate", "--db", db, "--by", "class", "--class", "3A", "--json").out();
    assertThat(aggregated).contains("\"mean\" : " + threeA.get(mean).asNumber().toPlainString());

    // every column of every sheet is explained, in Dutch
    List<List<Cell>> explained = sheets.get("Kolommen");
    int columns = 0;
    for (String sheet : List.of("Antwoordensets", "Antwoorden", "Klassen")) {
      columns += sheets.get(sheet).get(0).size();
    }
    assertThat(explained).hasSize(columns + 1);
    assertThat(explained.subList(1, explained.size()))
        .allSatisfy(r -> assertThat(r.get(2).getRawValue()).doesNotStartWith("xlsx.").isNotBlank());
    assertThat(explained)
        .anySatisfy(r -> assertThat(r.get(2).getRawValue()).contains("KvK-nummer, als tekst"));

    // a frozen header row and a filter on every table
    Map<String, String> parts = parts(file);
    for (int i = 1; i <= 3; i++) {
      String xml = parts.get("xl/worksheets/sheet" + i + ".xml");
      assertThat(xml).contains("ySplit=\"1\"").contains("<autoFilter").contains("<col ");
    }
    assertThat(run.err()).contains("4 ingevulde scans").contains(file.toString());
  }

  @Test
  void classSchoolYearAndAnonymizeWorkAsForCsv() throws IOException {
    Path file = dir.resolve("3b.xlsx");
    Cli.Run run =
        Cli.run(
            "export",
            "--lang",
            "en",
            "--db",
            db,
            "--format",
            "xlsx",
            "--class",
            "3B",
            "--school-year",
            "2026-2027",
            "--anonymize",
            "-o",
            file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, List<List<Cell>>> sheets = read(file);
    assertThat(sheets.keySet()).containsExactly("Responses", "Answers", "Classes", "Columns");
    List<List<Cell>> responses = sheets.get("Responses");
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0))
        .noneMatch(c -> c != null && c.getRawValue().equals("student_number"));
    assertThat(responses.get(1).get(column(responses, "student")).getRawValue())
        .isEqualTo("Student 01");
    assertThat(responses.get(1).get(column(responses, "class")).getRawValue()).isEqualTo("3B");
    List<List<Cell>> classes = sheets.get("Classes");
    assertThat(classes.subList(1, classes.size()))
        .allSatisfy(
            r -> assertThat(r.get(column(classes, "group_key")).getRawValue()).isEqualTo("3B"));
    String workbookText = String.join("\n", parts(file).values());
    assertThat(workbookText).doesNotContain("Yusuf").doesNotContain("104251");
  }

  @Test
  void aClassANameAndNotesTypedAsADateOrANumberStayTextAsTypedOnEverySheet() throws IOException {
    String json =
        Files.readString(Path.of("examples", "bakkerij-emmen.json"), StandardCharsets.UTF_8)
            .replace("\"class\": \"3A\"", "\"class\": \"2026-03-01\"")
            .replace("\"name\": \"Sanne de Vries\"", "\"name\": \"2026-03-02\"")
            .replace("\"id\": \"104233\"", "\"id\": \"007\"")
            .replaceFirst("\"note\": \"[^\"]*\"", "\"note\": \"2026-03-04\"")
            .replaceFirst("\"note\": \"De eigenaar zegt[^\"]*\"", "\"note\": \"007\"");
    Path answers = dir.resolve("datum.json");
    Files.writeString(answers, json, StandardCharsets.UTF_8);
    Cli.Run imported = Cli.run("import", "--db", db, answers.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    Path file = dir.resolve("datum.xlsx");

    Cli.Run run =
        Cli.run(
            "export",
            "--db",
            db,
            "--format",
            "xlsx",
            "--class",
            "2026-03-01",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, List<List<Cell>>> sheets = read(file);
    List<List<Cell>> responses = sheets.get("Antwoordensets");
    for (var typed :
        Map.of(
                "class", "2026-03-01",
                "student", "2026-03-02",
                "student_number", "007")
            .entrySet()) {
      Cell cell = responses.get(1).get(column(responses, typed.getKey()));
      assertThat(cell.getType()).as(typed.getKey()).isEqualTo(CellType.STRING);
      assertThat(cell.getRawValue()).as(typed.getKey()).isEqualTo(typed.getValue());
    }
    assertThat(responses.get(1).get(column(responses, "date")).asDate().toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2026, 11, 20));
    List<List<Cell>> answerRows = sheets.get("Antwoorden");
    int note = column(answerRows, "note");
    List<Cell> notes =
        answerRows.subList(1, answerRows.size()).stream()
            .map(r -> r.get(note))
            .filter(c -> c != null && List.of("2026-03-04", "007").contains(c.getRawValue()))
            .toList();
    assertThat(notes).extracting(Cell::getRawValue).containsExactly("2026-03-04", "007");
    assertThat(notes).extracting(Cell::getType).containsOnly(CellType.STRING);
    List<List<Cell>> classes = sheets.get("Klassen");
    assertThat(classes.subList(1, classes.size()))
        .allSatisfy(
            r -> {
              Cell key = r.get(column(classes, "group_key"));
              assertThat(key.getType()).isEqualTo(CellType.STRING);
              assertThat(key.getRawValue()).isEqualTo("2026-03-01");
            });
  }

  @Test
  void aWorkbookNeedsAFileAndNoExcelFlag() {
    Cli.Run run = Cli.run("export", "--lang", "en", "--db", db, "--format", "xlsx", "--excel");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--excel is for CSV only").contains("give a file with -o");
    CliFixtures.assertNoStackTrace(run);
  }
}
