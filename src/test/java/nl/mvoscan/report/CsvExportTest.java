package nl.mvoscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.mvoscan.store.ExportQueries;
import nl.mvoscan.store.ResponseDetails;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private static ExportTable table(List<ExportTable.Column> columns, List<?>... rows) {
    return new ExportTable(
        columns,
        Arrays.stream(rows).map(row -> (List<Object>) new ArrayList<Object>(row)).toList());
  }

  private static ExportTable.Column text(String name) {
    return new ExportTable.Column(name, ExportTable.Kind.TEXT);
  }

  private static ExportTable.Column number(String name) {
    return new ExportTable.Column(name, ExportTable.Kind.NUMBER);
  }

  private static ExportTable.Column value(String name) {
    return new ExportTable.Column(name, ExportTable.Kind.VALUE);
  }

  private static List<CSVRecord> parse(String csv, char delimiter) throws IOException {
    String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  @Test
  void textCellsThatASpreadsheetWouldExecuteGetALeadingQuote() {
    for (String formula :
        List.of(
            "=1+1",
            "+31 6 1234",
            "-1",
            "@home",
            "\tTAB",
            "\rCR",
            "\nLF",
            "  =SUM(A1)",
            "\u00A0@x",
            "\uFF1D1+1",
            "\uFF0B1",
            "\uFF0D1",
            "\uFF20x",
            "=HYPERLINK(\"http://x\")")) {
      assertThat(CsvExport.neutralise(formula)).as(formula).isEqualTo("'" + formula);
    }
  }

  @Test
  void aFormulaAfterInvisibleOrWhiteSpaceCharactersIsGuardedToo() {
    // a spreadsheet skips these before it looks for a formula sign
    for (String start :
        List.of(
            "\u2002",
            "\u2003",
            "\u200B",
            "\uFEFF",
            "\u000B",
            "\u000C",
            "\u0000",
            " ",
            "\t",
            " \t\u200B ",
            "\u2060",
            "\u00AD")) {
      for (String sign : List.of("=", "+", "-", "@")) {
        String cell = start + sign + "HYPERLINK(\"http://x\")";
        assertThat(CsvExport.neutralise(cell))
            .as("%s", cell.codePoints().boxed().toList())
            .isEqualTo("'" + cell);
      }
    }
    assertThat(CsvExport.neutralise("\u200B3A")).isEqualTo("\u200B3A");
    assertThat(CsvExport.neutralise("\uFEFF")).isEqualTo("\uFEFF");
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    for (String plain :
        List.of(
            "",
            "3A",
            "a=b",
            "Albert Heijn",
            "'al gequote",
            "100%",
            "2026-2027",
            "#1",
            " ja",
            "Zoë 🌱",
            "İsmail Işık")) {
      assertThat(CsvExport.neutralise(plain)).as(plain).isEqualTo(plain);
    }
  }

  @Test
  void numberCellsAreNeverNeutralisedOnlyTextCellsAre() throws IOException {
    ExportTable t =
        table(
            List.of(number("score"), text("note"), value("value")),
            new ArrayList<>(
                List.of(new BigDecimal("-1"), "-1", NODES.numberNode(new BigDecimal("-2.5")))));
    List<CSVRecord> records = parse(CsvExport.csv(t, CsvExport.Dialect.STANDARD), ',');
    assertThat(records.get(1).toList()).containsExactly("-1", "'-1", "-2.5");
  }

  @Test
  void standardCsvIsRfc4180WithCrlfCommaAndDecimalPointAndNoBom() {
    ExportTable t =
        table(
            List.of(number("response_id"), text("student"), text("note"), number("score")),
            new ArrayList<>(
                List.of(
                    BigDecimal.ONE,
                    "Jan \"de Kei\" O'Neil",
                    "regel 1\nregel 2, met komma",
                    new BigDecimal("89.8"))),
            new ArrayList<>(Arrays.asList(BigDecimal.valueOf(2), "Anna; Bakker", null, null)));
    String csv = CsvExport.csv(t, CsvExport.Dialect.STANDARD);
    assertThat(csv)
        .isEqualTo(
            "response_id,student,note,score\r\n"
                + "1,\"Jan \"\"de Kei\"\" O'Neil\",\"regel 1\nregel 2, met komma\",89.8\r\n"
                + "2,Anna; Bakker,,\r\n");
  }

  @Test
  void excelCsvHasABomSemicolonsAndADecimalCommaInNumbersOnly() throws IOException {
    ExportTable t =
        table(
            List.of(text("student"), number("score"), value("value"), text("note")),
            new ArrayList<>(
                List.of(
                    "Anna; Bakker",
                    new BigDecimal("89.8"),
                    NODES.numberNode(new BigDecimal("2.5")),
                    "2.5 liter")));
    String csv = CsvExport.csv(t, CsvExport.Dialect.EXCEL);
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(csv)
        .isEqualTo("\uFEFFstudent;score;value;note\r\n\"Anna; Bakker\";89,8;2,5;2.5 liter\r\n");
    assertThat(parse(csv, ';').get(1).toList())
        .containsExactly("Anna; Bakker", "89,8", "2,5", "2.5 liter");
  }

  @Test
  void answerValuesAreWrittenAsOptionIdsNumbersOrGuardedText() throws IOException {
    ExportTable t =
        table(
            List.of(value("value")),
            new ArrayList<>(List.of(NODES.arrayNode().add("papier").add("gft"))),
            new ArrayList<>(List.of(NODES.arrayNode())),
            new ArrayList<>(List.of(NODES.numberNode(new BigDecimal("6")))),
            new ArrayList<>(List.of(NODES.textNode("=1+2"))),
            new ArrayList<>(List.of(NODES.nullNode())));
    List<CSVRecord> records = parse(CsvExport.csv(t, CsvExport.Dialect.STANDARD), ',');
    assertThat(records.stream().skip(1).map(r -> r.get(0)).toList())
        .containsExactly("papier|gft", "", "6", "'=1+2", "");
  }

  @Test
  void nastyTextRoundTripsThroughACsvParserExactlyExceptTheGuardQuote() throws IOException {
    List<String> texts =
        List.of(
            "Jan \"de Kei\" O'Neil",
            "Anna; Bakker, jr.",
            "Robert'); DROP TABLE response;--",
            "Zoë 🌱 Jansen",
            "İsmail Işık",
            "twee\r\nregels",
            "=HYPERLINK(\"http://x\")");
    List<List<Object>> rows = new ArrayList<>();
    texts.forEach(s -> rows.add(new ArrayList<>(List.of(s))));
    ExportTable t = new ExportTable(List.of(text("student")), rows);
    for (CsvExport.Dialect dialect : CsvExport.Dialect.values()) {
      List<CSVRecord> records = parse(CsvExport.csv(t, dialect), dialect.delimiter());
      assertThat(records).hasSize(texts.size() + 1);
      for (int i = 0; i < texts.size(); i++) {
        String expected = texts.get(i).startsWith("=") ? "'" + texts.get(i) : texts.get(i);
        assertThat(records.get(i + 1).get(0)).isEqualTo(expected);
      }
    }
  }

  @Test
  void jsonKeepsTextExactlyAndWritesNumbersAndNulls() throws IOException {
    ExportTable t =
        table(
            List.of(number("response_id"), text("company"), number("score"), value("value")),
            new ArrayList<>(
                Arrays.asList(
                    BigDecimal.ONE,
                    "=HYPERLINK(\"http://x\")",
                    null,
                    NODES.arrayNode().add("led"))),
            new ArrayList<>(
                Arrays.asList(
                    BigDecimal.valueOf(2),
                    null,
                    new BigDecimal("100.0"),
                    NODES.numberNode(new BigDecimal("0.3")))));
    JsonNode json = new ObjectMapper().readTree(CsvExport.json(t));
    assertThat(json.size()).isEqualTo(2);
    assertThat(json.get(0).get("company").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
    assertThat(json.get(0).get("score").isNull()).isTrue();
    assertThat(json.get(0).get("value").get(0).asText()).isEqualTo("led");
    assertThat(json.get(1).get("response_id").isIntegralNumber()).isTrue();
    assertThat(json.get(1).get("company").isNull()).isTrue();
    assertThat(CsvExport.json(t)).contains("\"score\" : 100.0").contains("\"value\" : 0.3");
  }

  @Test
  void jsonWrittenRowByRowIsLaidOutAsTheWholeArrayWouldBe() {
    ExportTable t =
        table(
            List.of(number("response_id"), text("company"), value("value")),
            new ArrayList<>(
                Arrays.asList(BigDecimal.ONE, "Bakkerij \"De Korst\"", NODES.textNode("ja"))),
            new ArrayList<>(Arrays.asList(BigDecimal.TEN, null, NODES.arrayNode().add("a"))));
    com.fasterxml.jackson.databind.node.ArrayNode whole = NODES.arrayNode();
    whole
        .addObject()
        .put("response_id", BigDecimal.ONE)
        .put("company", "Bakkerij \"De Korst\"")
        .put("value", "ja");
    com.fasterxml.jackson.databind.node.ObjectNode second = whole.addObject();
    second.put("response_id", BigDecimal.TEN).putNull("company");
    second.putArray("value").add("a");
    assertThat(CsvExport.json(t)).isEqualTo(ResultJson.write(whole));
    assertThat(CsvExport.json(table(List.of(text("a")))))
        .isEqualTo(ResultJson.write(NODES.arrayNode()));
  }

  private static ExportQueries.Response response(
      long id,
      String className,
      Long respondent,
      String student,
      List<ResponseDetails.Theme> themes) {
    return new ExportQueries.Response(
        id,
        "2026-2027",
        className,
        respondent,
        student,
        "nr" + id,
        "Bedrijf",
        null,
        null,
        null,
        "scan",
        "1",
        "scored",
        new BigDecimal("50.0"),
        new BigDecimal("100.0"),
        new BigDecimal("5.5"),
        "starter",
        themes);
  }

  private static ResponseDetails.Theme theme(String id, String score) {
    return new ResponseDetails.Theme(id, "scored", new BigDecimal(score), new BigDecimal("100.0"));
  }

  @Test
  void pseudonymsAreNumberedPerClassByDatabaseIdAndStudentNumbersDisappear() {
    ExportQueries.Data data =
        new ExportQueries.Data(
            List.of(
                response(1, "3A", 9L, "Bram", List.of()),
                response(2, "3B", 7L, "Cas", List.of()),
                response(3, "3A", 5L, "Anna", List.of()),
                response(4, null, null, null, List.of())),
            Map.of(),
            Map.of("3A", List.of(2L, 5L, 9L), "3B", List.of(7L)));
    ExportTable t = ExportTable.wide(data, true);
    assertThat(t.names()).doesNotContain("student_number").contains("student");
    int student = t.names().indexOf("student");
    assertThat(t.rows().stream().map(r -> r.get(student)).toList())
        .containsExactly("Student 03", "Student 01", "Student 02", null);
    assertThat(t.rows().toString()).doesNotContain("Bram", "Cas", "Anna", "nr1");
  }

  @Test
  void aClassOfMoreThanNinetyNineStudentsGetsThreeDigitPseudonyms() {
    List<Long> ids = new ArrayList<>();
    for (long i = 1; i <= 120; i++) {
      ids.add(i);
    }
    ExportQueries.Data data =
        new ExportQueries.Data(
            List.of(response(1, "3A", 7L, "Bram", List.of())), Map.of(), Map.of("3A", ids));
    assertThat(ExportTable.wide(data, true).rows().get(0)).contains("Student 007");
  }

  @Test
  void aStudentsFullNameInANoteIsReplacedByThePseudonymWhenAnonymizing() {
    ResponseDetails.Answer answer =
        new ResponseDetails.Answer(
            1,
            "visie",
            NODES.textNode("ja"),
            "gevraagd",
            "Sanne  de Vries vroeg het; sanne de vries weet het. Sannede Vries niet.",
            "answered",
            BigDecimal.valueOf(2));
    ExportQueries.Data data =
        new ExportQueries.Data(
            List.of(response(1, "3A", 4L, "Sanne de Vries", List.of())),
            Map.of(1L, List.of(answer)),
            Map.of("3A", List.of(4L)));
    ExportTable t = ExportTable.answers(data, true);
    assertThat(t.rows().get(0).get(t.names().indexOf("note")))
        .isEqualTo("Student 01 vroeg het; Student 01 weet het. Sannede Vries niet.");
    assertThat(ExportTable.answers(data, false).rows().get(0).get(t.names().indexOf("note")))
        .isEqualTo(answer.note());
  }

  @Test
  void themeColumnsAreTheUnionOfTheScansInOrderOfFirstAppearance() {
    ExportQueries.Data data =
        new ExportQueries.Data(
            List.of(
                response(1, "3A", 1L, "A", List.of(theme("beleid", "10.0"), theme("mens", "20.0"))),
                response(
                    2, "3A", 2L, "B", List.of(theme("beleid", "30.0"), theme("mensen", "40.0")))),
            Map.of(),
            Map.of());
    ExportTable t = ExportTable.wide(data, false);
    assertThat(t.names())
        .endsWith("level", "theme_beleid_score", "theme_mens_score", "theme_mensen_score");
    assertThat(t.rows().get(1).subList(t.names().size() - 3, t.names().size()))
        .containsExactly(new BigDecimal("30.0"), null, new BigDecimal("40.0"));
  }

  @Test
  void everyCellIsQuotedExactlyAsCommonsCsvQuotesIt() throws IOException {
    // the writer is mvoscan's own for speed; its output must stay what commons-csv wrote before
    List<String> cells =
        List.of(
            "",
            " ",
            "a",
            "a ",
            " a",
            "a\t",
            "\ta",
            "!",
            "#x",
            "$x",
            "\"",
            "a\"b",
            "\"\"",
            "a,b",
            "a;b",
            "a\nb",
            "a\rb",
            "a\r\n",
            "'=1+2",
            "=1+2",
            "Zoë 🌱 Jansen",
            "\u0000x",
            "x\u0000",
            "\u00a0x\u00a0",
            "12,5",
            "x\u007f");
    for (CsvExport.Dialect dialect : CsvExport.Dialect.values()) {
      org.apache.commons.csv.CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(dialect.delimiter())
              .setRecordSeparator("\r\n")
              .get();
      for (String first : cells) {
        for (String second : cells) {
          List<List<Object>> rows = new ArrayList<>();
          rows.add(new ArrayList<>(List.of(first, second)));
          rows.add(new ArrayList<>(List.of(second)));
          ExportTable t = new ExportTable(List.of(text("a"), text("b")), List.of());
          StringBuilder ours = new StringBuilder();
          try (CsvExport.Csv csv = CsvExport.csv(ours, t.columns(), dialect)) {
            rows.forEach(csv::row);
          }
          StringBuilder theirs = new StringBuilder();
          if (dialect == CsvExport.Dialect.EXCEL) {
            theirs.append('\uFEFF');
          }
          try (org.apache.commons.csv.CSVPrinter printer =
              new org.apache.commons.csv.CSVPrinter(theirs, format)) {
            printer.printRecord("a", "b");
            printer.printRecord(CsvExport.neutralise(first), CsvExport.neutralise(second));
            printer.printRecord(CsvExport.neutralise(second));
          }
          assertThat(ours.toString()).as("%s | %s", first, second).isEqualTo(theirs.toString());
        }
      }
    }
  }
}
