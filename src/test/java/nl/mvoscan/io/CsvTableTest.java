package nl.mvoscan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §7, the file level: encodings, delimiters, quoting, line numbers, empty and bad rows.
 */
class CsvTableTest {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  private static CsvTable utf8(String text) {
    return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<List<String>> cells(CsvTable table) {
    return table.rows().stream().map(CsvTable.Row::cells).toList();
  }

  private static List<Integer> lines(CsvTable table) {
    return table.rows().stream().map(CsvTable.Row::line).toList();
  }

  @Test
  void semicolonIsDetectedFromTheHeader() {
    CsvTable table = utf8("naam;klas\nZoë;3A\n");
    assertThat(table.delimiter()).isEqualTo(';');
    assertThat(table.header()).containsExactly("naam", "klas");
    assertThat(cells(table)).containsExactly(List.of("Zoë", "3A"));
    assertThat(table.problems()).isEmpty();
  }

  @Test
  void commaIsDetectedFromTheHeader() {
    CsvTable table = utf8("naam,klas,datum\nZoë,3A,3-11-2026\n");
    assertThat(table.delimiter()).isEqualTo(',');
    assertThat(cells(table)).containsExactly(List.of("Zoë", "3A", "3-11-2026"));
  }

  @Test
  void tabIsDetectedFromTheHeader() {
    CsvTable table = utf8("naam\tklas\nZoë\t3A\n");
    assertThat(table.delimiter()).isEqualTo('\t');
    assertThat(cells(table)).containsExactly(List.of("Zoë", "3A"));
  }

  @Test
  void theDelimiterFoundMostOftenOnTheHeaderLineWinsOverOnesInLaterLines() {
    CsvTable table = utf8("a,b;c,d\n1;2;3;4;5;6\n");
    assertThat(table.delimiter()).isEqualTo(',');
  }

  @Test
  void onATieSemicolonWinsThenTabThenComma() {
    assertThat(utf8("a;b,c\tx\n").delimiter()).isEqualTo(';');
    assertThat(utf8("a\tb,c\n").delimiter()).isEqualTo('\t');
    assertThat(utf8("a,b;c;d,e\n").delimiter()).isEqualTo(';');
    assertThat(utf8("naam\n").delimiter()).isEqualTo(';');
  }

  @Test
  void delimitersInsideQuotesOnTheHeaderDoNotCount() {
    CsvTable table = utf8("\"Welke maatregelen; noem ze\",naam\nLED,Zoë\n");
    assertThat(table.delimiter()).isEqualTo(',');
    assertThat(table.header()).containsExactly("Welke maatregelen; noem ze", "naam");
  }

  @Test
  void utf8WithBomIsReadWithoutTheBom() {
    byte[] body = "naam;klas\nZoë;3A\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[UTF8_BOM.length + body.length];
    System.arraycopy(UTF8_BOM, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);
    CsvTable table = CsvTable.parse(bytes);
    assertThat(table.encoding()).isEqualTo("UTF-8");
    assertThat(table.header()).containsExactly("naam", "klas");
    assertThat(table.rows().get(0).cells()).containsExactly("Zoë", "3A");
  }

  @Test
  void utf8WithoutBomIsUtf8() {
    CsvTable table = utf8("naam;klas\nŞeyma Yılmaz;3A\n");
    assertThat(table.encoding()).isEqualTo("UTF-8");
    assertThat(table.rows().get(0).cells()).containsExactly("Şeyma Yılmaz", "3A");
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsWindows1252() throws Exception {
    Path file = dir.resolve("klas.csv");
    Files.write(
        file,
        "naam;bedrijf\r\nZoë;Café “De Hoek” – €\r\n".getBytes(Charset.forName("windows-1252")));
    CsvTable table = CsvTable.read(file);
    assertThat(table.encoding()).isEqualTo("windows-1252");
    assertThat(table.rows().get(0).cells()).containsExactly("Zoë", "Café “De Hoek” – €");
  }

  @Test
  void utf16WithBomAsExcelsUnicodeTextIsRead() {
    byte[] body = "naam\tklas\r\nZoë\t3A\r\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    CsvTable table = CsvTable.parse(bytes);
    assertThat(table.encoding()).isEqualTo("UTF-16LE");
    assertThat(table.delimiter()).isEqualTo('\t');
    assertThat(cells(table)).containsExactly(List.of("Zoë", "3A"));
  }

  @Test
  void crlfAndLfLineEndsGiveTheSameRowsAndLines() {
    CsvTable crlf = utf8("a;b\r\n1;2\r\n3;4\r\n");
    CsvTable lf = utf8("a;b\n1;2\n3;4\n");
    CsvTable noFinalEnd = utf8("a;b\n1;2\n3;4");
    assertThat(cells(crlf))
        .isEqualTo(cells(lf))
        .isEqualTo(cells(noFinalEnd))
        .containsExactly(List.of("1", "2"), List.of("3", "4"));
    assertThat(lines(crlf)).isEqualTo(lines(lf)).isEqualTo(lines(noFinalEnd)).containsExactly(2, 3);
  }

  @Test
  void quotedCellsHoldDelimitersNewlinesAndDoubledQuotes() {
    CsvTable table =
        utf8(
            "naam;toelichting;klas\r\n"
                + "Zoë;\"Supermarkt; ook \"\"vers\"\"\r\nen een afhaalpunt\";3A\r\n"
                + "Bram;\"a\nb\nc\";3B\r\n"
                + "Lotte;gewoon;3C\r\n");
    assertThat(table.problems()).isEmpty();
    assertThat(cells(table))
        .containsExactly(
            List.of("Zoë", "Supermarkt; ook \"vers\"\r\nen een afhaalpunt", "3A"),
            List.of("Bram", "a\nb\nc", "3B"),
            List.of("Lotte", "gewoon", "3C"));
    assertThat(lines(table)).containsExactly(2, 4, 7);
  }

  @Test
  void emptyRowsAreSkippedButCountForLineNumbers() {
    CsvTable table = utf8("a;b\n\n1;2\n;\n  ; \t\n3;4\n\n");
    assertThat(cells(table)).containsExactly(List.of("1", "2"), List.of("3", "4"));
    assertThat(lines(table)).containsExactly(3, 6);
    assertThat(table.problems()).isEmpty();
  }

  @Test
  void aRowWithMoreCellsThanTheHeaderIsAProblemAndTheOtherRowsStay() {
    CsvTable table = utf8("naam;klas\nZoë;3A\nJansen; Piet;3B\nBram;3C\n");
    assertThat(cells(table)).containsExactly(List.of("Zoë", "3A"), List.of("Bram", "3C"));
    assertThat(table.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.column()).isNull();
              assertThat(p.key()).isEqualTo("csv.tooManyCells");
              assertThat(p.args()).containsExactly(3, 2);
            });
  }

  @Test
  void evenEmptyExtraCellsMakeARowTooLong() {
    CsvTable table = utf8("naam;klas\nZoë;3A;\n");
    assertThat(table.rows()).isEmpty();
    assertThat(table.problems()).extracting(CsvProblem::key).containsExactly("csv.tooManyCells");
  }

  @Test
  void aRowWithFewerCellsIsKeptAndItsMissingCellsReadEmpty() {
    CsvTable table = utf8("a;b;c\n1\n");
    assertThat(table.problems()).isEmpty();
    CsvTable.Row row = table.rows().get(0);
    assertThat(row.cells()).containsExactly("1");
    assertThat(row.cell(0)).isEqualTo("1");
    assertThat(row.cell(2)).isEmpty();
  }

  @Test
  void anUnclosedQuoteIsReportedOnTheLineWhereItsRecordStarts() {
    CsvTable table = utf8("a;b\n1;2\n3;\"open\n4;5\n");
    assertThat(cells(table)).containsExactly(List.of("1", "2"));
    assertThat(table.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.key()).isEqualTo("csv.unclosedQuote");
            });
  }

  @Test
  void textAfterAClosingQuoteIsReported() {
    CsvTable table = utf8("a;b\n\"De Hoek\" BV;2\n");
    assertThat(table.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.key()).isEqualTo("csv.textAfterQuote");
            });
  }

  @Test
  void anEmptyFileOrEmptyFirstLineIsAProblem() {
    assertThat(utf8("").problems()).extracting(CsvProblem::key).containsExactly("csv.empty");
    assertThat(CsvTable.parse(UTF8_BOM).problems())
        .extracting(CsvProblem::key)
        .containsExactly("csv.empty");
    assertThat(utf8("\nnaam\nZoë\n").problems())
        .extracting(CsvProblem::key)
        .containsExactly("csv.noHeader");
  }

  @Test
  void aMissingFileIsAProblemNotAnException() {
    CsvTable table = CsvTable.read(dir.resolve("nope.csv"));
    assertThat(table.problems()).extracting(CsvProblem::key).containsExactly("file.notFound");
    assertThat(table.header()).isEmpty();
  }

  @Test
  void theBundledClassFileHas28RowsOnLines2To29() {
    CsvTable table = CsvTable.read(Path.of("examples/klas-3a.csv"));
    assertThat(table.problems()).isEmpty();
    assertThat(table.encoding()).isEqualTo("UTF-8");
    assertThat(table.delimiter()).isEqualTo(';');
    assertThat(table.header())
        .startsWith("naam", "studentnummer", "klas", "bedrijf", "kvk", "plaats", "datum");
    assertThat(table.rows()).hasSize(28);
    assertThat(lines(table)).startsWith(2, 3).endsWith(29);
    assertThat(table.rows().get(0).cell(0)).isEqualTo("Zoë Mulder");
    assertThat(table.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(table.header().size()));
  }
}
