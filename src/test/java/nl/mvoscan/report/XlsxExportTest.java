package nl.mvoscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.i18n.Messages;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The streamed workbook: sheets past Excel's row limit, texts kept as typed. */
class XlsxExportTest {

  private static final Messages NL = Messages.forLanguage("nl");

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  /** Every sheet as name → rows of raw cell values. */
  private static Map<String, List<List<String>>> read(byte[] bytes) throws IOException {
    Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet.read()) {
          List<String> cells = new ArrayList<>();
          row.forEach(c -> cells.add(c == null ? null : c.getRawValue()));
          rows.add(cells);
        }
        sheets.put(sheet.getName(), rows);
      }
    }
    return sheets;
  }

  private static byte[] workbook(List<List<Object>> answers, int sheetRows) {
    return workbook(List.of(), answers, sheetRows);
  }

  private static byte[] workbook(
      List<List<Object>> responses, List<List<Object>> answers, int sheetRows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxExport.Book book = XlsxExport.start(NL, out, sheetRows);
    book.responses(ExportTable.WIDE_COLUMNS, responses);
    book.answers(ExportTable.LONG_COLUMNS, answers);
    var classes = book.classes();
    classes.start(new Aggregate(Grouping.CLASS, 0, List.of()));
    classes.end();
    book.finish();
    return out.toByteArray();
  }

  private static List<Object> answer(int i, String note) {
    return List.of(
        BigDecimal.valueOf(i),
        "2026-2027",
        "3A",
        "Sanne",
        "Bakkerij",
        "q" + i,
        "ja",
        "gezien",
        note,
        "answered",
        BigDecimal.ONE);
  }

  @Test
  void rowsPastASheetsLimitGoOnInANumberedSheetWithTheSameHeaderAndAreExplainedToo()
      throws IOException {
    List<List<Object>> answers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      answers.add(answer(i, "notitie " + i));
    }

    Map<String, List<List<String>>> sheets = read(workbook(answers, 2));

    assertThat(sheets.keySet())
        .containsExactly(
            "Antwoordensets", "Antwoorden", "Antwoorden 2", "Antwoorden 3", "Klassen", "Kolommen");
    for (String name : List.of("Antwoorden", "Antwoorden 2", "Antwoorden 3")) {
      assertThat(sheets.get(name).get(0)).isEqualTo(ExportTable.LONG_COLUMNS);
    }
    List<String> notes = new ArrayList<>();
    for (String name : List.of("Antwoorden", "Antwoorden 2", "Antwoorden 3")) {
      sheets.get(name).subList(1, sheets.get(name).size()).forEach(r -> notes.add(r.get(8)));
    }
    assertThat(notes)
        .containsExactly("notitie 1", "notitie 2", "notitie 3", "notitie 4", "notitie 5");
    assertThat(sheets.get("Kolommen"))
        .filteredOn(r -> r.get(0).equals("Antwoorden 3"))
        .hasSize(ExportTable.LONG_COLUMNS.size());
  }

  @Test
  void aTextWithSpacesAtItsEndsOrALineBreakIsReadBackAsTyped() throws IOException {
    List<List<Object>> answers =
        List.of(
            answer(1, "  ingesprongen "), answer(2, "regel een\nregel twee"), answer(3, "=1+1"));

    List<List<String>> rows = read(workbook(answers, XlsxExport.SHEET_ROWS)).get("Antwoorden");

    assertThat(rows.subList(1, 4))
        .extracting(r -> r.get(8))
        .containsExactly("  ingesprongen ", "regel een\nregel twee", "=1+1");
  }

  @Test
  void freeTextTypedAsADateOrANumberStaysTextAsTypedAndOnlyTheResponseDateIsADate()
      throws IOException {
    String day = "2026-03-01";
    List<Object> response =
        java.util.Arrays.asList(
            BigDecimal.ONE,
            "2026-2027",
            day,
            day,
            "007",
            day,
            "04187352",
            day,
            "2026-11-20",
            day,
            day,
            "complete",
            BigDecimal.TEN,
            BigDecimal.ONE,
            null,
            "007");
    List<Object> answer =
        List.of(
            BigDecimal.ONE,
            "2026-2027",
            day,
            day,
            day,
            day,
            TextNode.valueOf(day),
            day,
            day,
            "answered",
            BigDecimal.ONE);
    List<Object> numbers =
        List.of(
            BigDecimal.ONE,
            "2026-2027",
            "007",
            "007",
            "007",
            "007",
            TextNode.valueOf("007"),
            "007",
            "007",
            "answered",
            BigDecimal.ONE);
    byte[] bytes = workbook(List.of(response), List.of(answer, numbers), XlsxExport.SHEET_ROWS);

    Map<String, List<List<CellType>>> types = types(bytes);
    Map<String, List<List<String>>> sheets = read(bytes);
    List<String> wide = sheets.get("Antwoordensets").get(1);
    int date = ExportTable.WIDE_COLUMNS.indexOf("date");
    for (int c = 0; c < ExportTable.WIDE_COLUMNS.size(); c++) {
      if (response.get(c) instanceof String typed && c != date) {
        assertThat(types.get("Antwoordensets").get(1).get(c))
            .as(ExportTable.WIDE_COLUMNS.get(c))
            .isEqualTo(CellType.STRING);
        assertThat(wide.get(c)).as(ExportTable.WIDE_COLUMNS.get(c)).isEqualTo(typed);
      }
    }
    // the date of the answers is the one date the export has: a date cell, Excel's day number
    assertThat(types.get("Antwoordensets").get(1).get(date)).isEqualTo(CellType.NUMBER);
    assertThat(new BigDecimal(wide.get(date))).isEqualByComparingTo("46346");
    for (int r = 1; r <= 2; r++) {
      List<Object> typed = r == 1 ? answer : numbers;
      for (int c = 2; c <= 8; c++) {
        assertThat(types.get("Antwoorden").get(r).get(c))
            .as(ExportTable.LONG_COLUMNS.get(c))
            .isEqualTo(CellType.STRING);
        assertThat(sheets.get("Antwoorden").get(r).get(c))
            .as(ExportTable.LONG_COLUMNS.get(c))
            .isEqualTo(
                typed.get(c) instanceof TextNode text ? text.asText() : typed.get(c).toString());
      }
    }
  }

  /** Every sheet as name → rows of cell types. */
  private static Map<String, List<List<CellType>>> types(byte[] bytes) throws IOException {
    Map<String, List<List<CellType>>> sheets = new LinkedHashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        List<List<CellType>> rows = new ArrayList<>();
        for (Row row : sheet.read()) {
          List<CellType> cells = new ArrayList<>();
          row.forEach(c -> cells.add(c == null ? CellType.EMPTY : c.getType()));
          rows.add(cells);
        }
        sheets.put(sheet.getName(), rows);
      }
    }
    return sheets;
  }

  @Test
  void theColumnsSheetIsNoWiderThanTheOtherSheetsAllowAndWrapsItsExplanations() throws IOException {
    byte[] bytes = workbook(List.of(answer(1, "notitie")), XlsxExport.SHEET_ROWS);

    String xml = part(bytes, "xl/worksheets/sheet4.xml");
    java.util.regex.Matcher col =
        java.util.regex.Pattern.compile("<col min=\"(\\d+)\"[^>]* width=\"([0-9.]+)\"")
            .matcher(xml);
    Map<Integer, Double> widths = new LinkedHashMap<>();
    while (col.find()) {
      widths.put(Integer.parseInt(col.group(1)), Double.parseDouble(col.group(2)));
    }
    assertThat(widths).containsOnlyKeys(1, 2, 3);
    assertThat(widths.values()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(60.0));
    // the explanations are long sentences: as wide as the cap allows, the rest wraps
    assertThat(widths.get(3)).isEqualTo(60.0);
    assertThat(part(bytes, "xl/styles.xml")).contains("wrapText=\"true\"");
  }

  /** A part of the workbook, found through the zip's central directory, as Excel reads it. */
  private String part(byte[] bytes, String name) throws IOException {
    java.nio.file.Path file = dir.resolve("book.xlsx");
    java.nio.file.Files.write(file, bytes);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      var entry = zip.getEntry(name);
      assertThat(entry).as(name).isNotNull();
      try (var in = zip.getInputStream(entry)) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }
}
