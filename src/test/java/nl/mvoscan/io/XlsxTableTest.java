package nl.mvoscan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract §8.4: a workbook read like a CSV, cells as the text Excel shows. */
class XlsxTableTest {

  @TempDir Path dir;

  private static final String STYLES =
      """
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <numFmts count="2"><numFmt numFmtId="164" formatCode="[$-413]d\\-m\\-yyyy\\ h:mm"/>
      <numFmt numFmtId="165" formatCode="&quot;dag &quot;0"/></numFmts>
      <fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
      <cellStyleXfs count="1"><xf/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>
      <xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>
      <xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>
      """;

  /** A workbook with one sheet, its rows given as sheet XML, strings inline. */
  static byte[] workbook(String sheetData, boolean date1904) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
              + "</Types>");
      put(
          zip,
          "_rels/.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
              + "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
              + "</Relationships>");
      put(zip, "xl/styles.xml", STYLES);
      put(
          zip,
          "xl/worksheets/sheet1.xml",
          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              + sheetData
              + "</sheetData></worksheet>");
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String s(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  private static String n(String ref, String value, int style) {
    return "<c r=\"" + ref + "\" s=\"" + style + "\"><v>" + value + "</v></c>";
  }

  private static CsvTable read(String sheetData, boolean date1904) throws IOException {
    return XlsxTable.read(new ByteArrayInputStream(workbook(sheetData, date1904)));
  }

  @Test
  void theFirstRowIsTheHeaderAndLineNumbersAreWorksheetRows() throws IOException {
    CsvTable table =
        read(
            "<row r=\"1\">"
                + s("A1", "Naam")
                + s("B1", "visie")
                + "</row>"
                + "<row r=\"2\">"
                + s("A2", "Zoë")
                + s("B2", "Ja")
                + "</row>"
                + "<row r=\"3\"></row>"
                + "<row r=\"7\">"
                + s("B7", "Nee")
                + "</row>",
            false);
    assertThat(table.problems()).isEmpty();
    assertThat(table.header()).containsExactly("Naam", "visie");
    assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 7);
    assertThat(table.rows().get(1).cells()).containsExactly("", "Nee");
    assertThat(table.encoding()).isEqualTo("xlsx");
  }

  @Test
  void numbersAreShownAsExcelsGeneralFormatShowsThem() throws IOException {
    CsvTable table =
        read(
            "<row r=\"1\">"
                + s("A1", "a")
                + s("B1", "b")
                + s("C1", "c")
                + s("D1", "d")
                + s("E1", "e")
                + s("F1", "f")
                + "</row>"
                + "<row r=\"2\">"
                + n("A2", "4187352", 0)
                + n("B2", "0.30000000000000004", 0)
                + n("C2", "1200", 0)
                + n("D2", "2.5", 0)
                + n("E2", "1E-3", 0)
                + n("F2", "7", 4)
                + "</row>",
            false);
    assertThat(table.rows().get(0).cells())
        .containsExactly("4187352", "0.3", "1200", "2.5", "0.001", "7");
  }

  @Test
  void numbersInADateFormatAreDatesInBothDateSystems() throws IOException {
    String rows =
        "<row r=\"1\">"
            + s("A1", "datum")
            + s("B1", "Tijd van voltooien")
            + s("C1", "Tijdstempel")
            + "</row>"
            + "<row r=\"2\">"
            + n("A2", "46086", 1)
            + n("B2", "46086.385787037", 2)
            + n("C2", "46086.5", 3)
            + "</row>";
    assertThat(read(rows, false).rows().get(0).cells())
        .containsExactly("2026-03-05", "2026-03-05T09:15:32", "2026-03-05T12:00:00");
    // the same serials in the 1904 date system (old Mac workbooks) are four years and a day later
    assertThat(read(rows, true).rows().get(0).cells())
        .containsExactly("2030-03-06", "2030-03-06T09:15:32", "2030-03-06T12:00:00");
  }

  @Test
  void textsBooleansFormulasAndErrorsShowWhatExcelShows() throws IOException {
    CsvTable table =
        read(
            "<row r=\"1\">"
                + s("A1", "a")
                + s("B1", "b")
                + s("C1", "c")
                + s("D1", "d")
                + "</row>"
                + "<row r=\"2\">"
                + s("A2", "=1+1")
                + "<c r=\"B2\" t=\"b\"><v>1</v></c>"
                + "<c r=\"C2\"><f>1+1</f><v>2</v></c>"
                + "<c r=\"D2\" t=\"e\"><v>#N/A</v></c></row>",
            false);
    assertThat(table.rows().get(0).cells()).containsExactly("=1+1", "TRUE", "2", "#N/A");
  }

  @Test
  void dataBeyondTheLastHeaderIsAProblemOnItsRow() throws IOException {
    CsvTable table =
        read(
            "<row r=\"1\">"
                + s("A1", "a")
                + "</row>"
                + "<row r=\"2\">"
                + s("A2", "x")
                + s("C2", "y")
                + "</row>"
                + "<row r=\"3\">"
                + s("A3", "z")
                + "</row>",
            false);
    assertThat(table.problems())
        .extracting(p -> p.line() + " " + p.key())
        .containsExactly("2 xlsx.tooManyCells");
    assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(3);
  }

  @Test
  void aSheetWhoseFirstRowIsEmptyHasNoHeader() throws IOException {
    CsvTable table = read("<row r=\"2\">" + s("A2", "Naam") + "</row>", false);
    assertThat(table.problems()).extracting(CsvProblem::key).containsExactly("csv.noHeader");
  }

  @Test
  void tablesReadsAWorkbookByItsContentAndNamesOldAndFakeFiles() throws IOException {
    Path renamed = dir.resolve("export.csv");
    Files.write(renamed, workbook("<row r=\"1\">" + s("A1", "Naam") + "</row>", false));
    assertThat(Tables.read(renamed).header()).containsExactly("Naam");

    Path fake = dir.resolve("klas.xlsx");
    Files.writeString(fake, "naam;klas\nZoë;3A\n");
    assertThat(Tables.read(fake).problems())
        .extracting(CsvProblem::key)
        .containsExactly("xlsx.notXlsx");

    Path broken = dir.resolve("kapot.xlsx");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    assertThat(Tables.read(broken).problems())
        .extracting(CsvProblem::key)
        .containsExactly("xlsx.unreadable");
    // the reader's own words ("Error reading Zip content from a SeekableByteChannel") stay out
    assertThat(Tables.read(broken).problems().get(0).args()).isEmpty();

    Path ods = dir.resolve("klas.ods");
    Files.write(ods, workbook("", false));
    assertThat(Tables.read(ods).problems())
        .extracting(CsvProblem::key)
        .containsExactly("xlsx.openDocument");

    assertThat(Tables.read(dir.resolve("weg.xlsx")).problems())
        .extracting(CsvProblem::key)
        .containsExactly("file.notFound");
    assertThat(Tables.isTable(Path.of("a.XLSX"))).isTrue();
    assertThat(List.of("a.json", "a.txt")).noneMatch(f -> Tables.isTable(Path.of(f)));
  }
}
