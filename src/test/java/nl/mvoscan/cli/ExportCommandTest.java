package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mvoscan.store.Backend;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ExportCommandTest {

  /** Every command test runs on SQLite and on PostgreSQL, with the same expectations. */
  @Parameter Backend backend;

  private String database;

  private static final List<String> EXAMPLES =
      List.of(
          "bakkerij-emmen.json",
          "garage-assen.json",
          "installatiebedrijf-leeuwarden.json",
          "zorghuis-groningen.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private String db() {
    if (database == null) {
      database = backend.newDatabase(dir);
    }
    return database;
  }

  /** Imports the four example answers files into a fresh database: response ids 1 to 4. */
  private void importExamples() throws IOException {
    Path folder = dir.resolve("answers");
    Files.createDirectories(folder);
    for (String name : EXAMPLES) {
      Files.copy(Path.of("examples", name), folder.resolve(name));
    }
    Cli.Run result = run("import", "--lang", "en", "--db", db(), folder.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  private byte[] export(String... options) throws IOException {
    Path file = dir.resolve("out-" + System.nanoTime() + ".csv");
    List<String> args =
        new ArrayList<>(List.of("export", "--lang", "en", "--db", db(), "-o", file.toString()));
    args.addAll(List.of(options));
    Cli.Run result = run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    return Files.readAllBytes(file);
  }

  private static byte[] golden(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/export", name));
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
  void wideCsvOfTheExamplesMatchesTheGoldenFileByteForByte() throws IOException {
    importExamples();
    assertThat(export()).isEqualTo(golden("wide.csv"));
    assertThat(export("--wide", "--format", "csv")).isEqualTo(golden("wide.csv"));
  }

  @Test
  void longCsvOfTheExamplesMatchesTheGoldenFileByteForByte() throws IOException {
    importExamples();
    assertThat(export("--long")).isEqualTo(golden("long.csv"));
  }

  @Test
  void excelCsvOfTheExamplesMatchesTheGoldenFileByteForByte() throws IOException {
    importExamples();
    byte[] excel = export("--excel");
    assertThat(excel).isEqualTo(golden("wide-excel.csv"));
    assertThat(new String(excel, StandardCharsets.UTF_8))
        .startsWith("\uFEFFresponse_id;school_year;class;student;")
        .contains(";scored;30,6;94,6;3,8;starter;9,1;42,4;13,2;36,1;45,6;37,5;\r\n");
  }

  @Test
  void theGoldenFilesHoldTheScoresOfTheExamplesReadme() throws IOException {
    String wide = new String(golden("wide.csv"), StandardCharsets.UTF_8);
    assertThat(wide)
        .startsWith(
            "response_id,school_year,class,student,student_number,company,kvk,city,date,scan_id,"
                + "scan_version,status,score,coverage,grade,level,theme_beleid_score,theme_mens_score,theme_energie_score,"
                + "theme_circulair_score,theme_keten_score,theme_omgeving_score,theme_kerncijfers_score\r\n");
    assertThat(wide)
        .contains(
            "Zorgcentrum De Lindehof,41012684,Groningen,2026-11-24,mvo-stagebedrijf,2026.2,scored,"
                + "68.2,100.0,7.1,gevorderd,77.2,67.7,74.7,51.3,70.6,67.8,\r\n");
    assertThat(wide.split("\r\n", -1)).hasSize(6).endsWith("");
    String answers = new String(golden("long.csv"), StandardCharsets.UTF_8);
    assertThat(answers)
        .startsWith(
            "response_id,school_year,class,student,company,question_id,value,evidence,note,status,points\r\n")
        .contains(
            "1,2026-2027,3A,Sanne de Vries,Bakkerij De Korenschoof,afvalstromen,papier|gft,gezien,"
                + "\"Karton wordt apart gezet, de rest gaat in één container.\",answered,2\r\n");
  }

  @Test
  void stdoutGetsTheSameBytesAsTheFileAndStderrSaysHowMany() throws IOException {
    importExamples();
    Cli.Run result = run("export", "--lang", "en", "--db", db(), "--long");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(new String(golden("long.csv"), StandardCharsets.UTF_8));
    assertThat(result.err()).contains("exported 289 answers");
    assertThat(run("export", "--lang", "nl", "--db", db()).err())
        .contains("4 ingevulde scans geëxporteerd");
  }

  @Test
  void filtersByClassAndSchoolYear() throws IOException {
    importExamples();
    // a class or school year that names nothing stored is bad input (issue #10), not an empty list
    Cli.Run other =
        run("export", "--lang", "en", "--db", db(), "--format", "json", "--class", "3B");
    assertThat(other.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(other.out()).isEmpty();
    assertThat(other.err()).contains("--class 3B: matches no stored response");
    Cli.Run year =
        run(
            "export",
            "--lang",
            "en",
            "--db",
            db(),
            "--format",
            "json",
            "--school-year",
            "2025-2026");
    assertThat(year.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(year.err()).contains("known values: 2026-2027");
    JsonNode all =
        MAPPER.readTree(
            run(
                    "export",
                    "--db",
                    db(),
                    "--format",
                    "json",
                    "--class",
                    "3A",
                    "--school-year",
                    "2026-2027")
                .out());
    assertThat(all.size()).isEqualTo(4);
    assertThat(all.get(0).get("score").decimalValue()).isEqualByComparingTo("30.6");
    assertThat(all.get(0).get("theme_mens_score").decimalValue()).isEqualByComparingTo("42.4");
  }

  @Test
  void jsonGivesTheSameDataAsObjectsWideAndAnswersLong() throws IOException {
    importExamples();
    JsonNode wide = MAPPER.readTree(run("export", "--db", db(), "--format", "json").out());
    List<CSVRecord> csv = parse(new String(golden("wide.csv"), StandardCharsets.UTF_8), ',');
    assertThat(wide.size()).isEqualTo(csv.size() - 1);
    for (int row = 1; row < csv.size(); row++) {
      JsonNode object = wide.get(row - 1);
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(csv.get(0).toList());
      for (int column = 0; column < names.size(); column++) {
        JsonNode cell = object.get(names.get(column));
        assertThat(
                cell.isNull()
                    ? ""
                    : cell.isNumber() ? cell.decimalValue().toPlainString() : cell.asText())
            .as(names.get(column))
            .isEqualTo(csv.get(row).get(column));
      }
    }
    JsonNode answers =
        MAPPER.readTree(run("export", "--db", db(), "--format", "json", "--long").out());
    assertThat(answers.size()).isEqualTo(289);
    JsonNode afval = find(answers, 1, "afvalstromen");
    assertThat(afval.get("value").isArray()).isTrue();
    assertThat(afval.get("value").toString()).isEqualTo("[\"papier\",\"gft\"]");
    assertThat(find(answers, 1, "medewerkers").get("value").asInt()).isEqualTo(6);
    assertThat(find(answers, 1, "duurzame_energie").get("points").isNull()).isTrue();
    assertThat(find(answers, 1, "duurzame_energie").get("status").asText()).isEqualTo("unknown");
  }

  private static JsonNode find(JsonNode answers, long response, String question) {
    for (JsonNode answer : answers) {
      if (answer.get("response_id").asLong() == response
          && answer.get("question_id").asText().equals(question)) {
        return answer;
      }
    }
    throw new AssertionError("no answer " + question + " of response " + response);
  }

  @Test
  void wideAndLongTogetherOrExcelWithJsonAreBadInput() throws IOException {
    importExamples();
    Cli.Run both = run("export", "--lang", "en", "--db", db(), "--wide", "--long");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("choose one of --wide and --long").doesNotContain("Exception");
    assertThat(both.out()).isEmpty();
    Cli.Run excelJson = run("export", "--lang", "nl", "--db", db(), "--excel", "--format", "json");
    assertThat(excelJson.exitCode()).isEqualTo(2);
    assertThat(excelJson.err()).contains("--excel is alleen voor CSV");
    assertThat(run("export", "--lang", "en", "--db", db(), "--format", "xml").exitCode())
        .isEqualTo(2);
  }

  @Test
  void responsesOfTwoScansGetTheUnionOfTheirThemeColumnsInOrderOfFirstAppearance()
      throws IOException {
    importExamples();
    Cli.Run mini =
        run(
            "import",
            "--lang",
            "en",
            "--db",
            db(),
            "--scan",
            "src/test/resources/cli/scans/mini-scan.json",
            "src/test/resources/cli/answers/complete.json");
    assertThat(mini.exitCode()).as(mini.err()).isZero();
    List<CSVRecord> csv = parse(run("export", "--db", db()).out(), ',');
    assertThat(csv.get(0).toList())
        .endsWith(
            "level",
            "theme_beleid_score",
            "theme_mens_score",
            "theme_energie_score",
            "theme_circulair_score",
            "theme_keten_score",
            "theme_omgeving_score",
            "theme_kerncijfers_score",
            "theme_mensen_score");
    CSVRecord last = csv.get(csv.size() - 1);
    assertThat(csv.get(0).get(9)).isEqualTo("scan_id");
    assertThat(last.get(9)).isEqualTo("mini-scan");
    assertThat(last.toList().subList(17, 23)).containsOnly("");
    assertThat(last.get(16)).isNotEmpty();
    assertThat(last.get(23)).isNotEmpty();
    assertThat(csv.get(0).get(23)).isEqualTo("theme_mensen_score");
    assertThat(csv.get(1).get(23)).isEmpty();
  }

  /** Every name, student number and text that should not survive an anonymous export. */
  private List<String> namesOfTheImportedFiles() throws IOException {
    List<String> names = new ArrayList<>();
    for (String name : EXAMPLES) {
      JsonNode file = MAPPER.readTree(Path.of("examples", name).toFile());
      names.add(file.at("/respondent/name").asText());
      names.add(file.at("/respondent/id").asText());
    }
    String classCsv = Files.readString(Path.of("examples/klas-3a.csv"), StandardCharsets.UTF_8);
    for (CSVRecord row : parse(classCsv, ';').subList(1, parse(classCsv, ';').size())) {
      names.add(row.get(0));
      names.add(row.get(1));
    }
    assertThat(names).hasSize(2 * (EXAMPLES.size() + 28)).doesNotContain("");
    return names;
  }

  @Test
  void anAnonymousExportContainsNoNameOrStudentNumberOfAnyImportedFile() throws IOException {
    importExamples();
    assertThat(run("import", "--db", db(), "examples/klas-3a.csv").exitCode()).isZero();
    List<String> names = namesOfTheImportedFiles();
    String plain = run("export", "--db", db(), "--long").out();
    assertThat(plain).contains(names.get(0));
    for (String[] options :
        List.of(
            new String[] {},
            new String[] {"--long"},
            new String[] {"--excel"},
            new String[] {"--long", "--excel"},
            new String[] {"--format", "json"},
            new String[] {"--format", "json", "--long"})) {
      List<String> args = new ArrayList<>(List.of("export", "--db", db(), "--anonymize"));
      args.addAll(List.of(options));
      Cli.Run result = run(args.toArray(String[]::new));
      assertThat(result.exitCode()).isZero();
      String output = result.out() + result.err();
      for (String name : names) {
        assertThat(output).as(String.join(" ", options)).doesNotContainIgnoringCase(name);
      }
      assertThat(output)
          .doesNotContain("student_number", "Student 29")
          .contains("Student 01", "Student 28");
    }
  }

  @Test
  void pseudonymsArePerClassAndStayTheSameWhenExportingAgainOrAfterAnotherClassIsImported()
      throws IOException {
    importExamples();
    String first = run("export", "--db", db(), "--anonymize").out();
    List<CSVRecord> rows = parse(first, ',');
    assertThat(rows.get(0).get(3)).isEqualTo("student");
    assertThat(rows.stream().skip(1).map(r -> r.get(3)).toList())
        .containsExactly("Student 01", "Student 02", "Student 03", "Student 04");
    assertThat(run("export", "--db", db(), "--anonymize").out()).isEqualTo(first);

    ObjectNode other = (ObjectNode) MAPPER.readTree(Path.of("examples/garage-assen.json").toFile());
    ((ObjectNode) other.get("respondent"))
        .put("name", "Fleur Visser")
        .put("id", "200001")
        .put("class", "4B");
    Path file = dir.resolve("fleur.json");
    MAPPER.writeValue(file.toFile(), other);
    assertThat(run("import", "--db", db(), file.toString()).exitCode()).isZero();

    String again = run("export", "--db", db(), "--anonymize").out();
    assertThat(again).startsWith(first);
    assertThat(again)
        .endsWith(
            ",4B,Student 01,Autobedrijf Van der Veen,01093846,Assen,2026-11-18,mvo-stagebedrijf,2026.2,scored,"
                + "51.1,80.4,5.6,gevorderd,38.5,64.0,43.1,67.9,59.5,33.3,\r\n")
        .doesNotContain("Fleur");
    assertThat(run("export", "--db", db(), "--anonymize", "--class", "3A").out()).isEqualTo(first);
  }

  @Test
  void aStudentsNameInTheirOwnNoteIsReplacedInAnAnonymousExport() throws IOException {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) answers.at("/answers/visie"))
        .put("note", "Sanne de Vries vroeg het aan de eigenaar.");
    Path file = dir.resolve("sanne.json");
    MAPPER.writeValue(file.toFile(), answers);
    assertThat(run("import", "--db", db(), file.toString()).exitCode()).isZero();
    String anonymous = run("export", "--db", db(), "--anonymize", "--long").out();
    assertThat(anonymous).contains("Student 01 vroeg het aan de eigenaar.").doesNotContain("Sanne");
    assertThat(run("export", "--db", db(), "--long").out())
        .contains("Sanne de Vries vroeg het aan de eigenaar.");
  }

  /** Names, companies and notes that break naive CSV, SQL or spreadsheet code. */
  private static final Map<String, String> NASTY_NAMES =
      Map.of(
          "200001", "Jan \"de Kei\" O'Neil",
          "200002", "Anna; Bakker, jr.",
          "200003", "Robert'); DROP TABLE response;--",
          "200004", "Zoë 🌱 Jansen",
          "200005", "İsmail Işık");

  @Test
  void nastyNamesCompaniesAndNotesRoundTripThroughJsonAndNoCsvCellWouldExecute()
      throws IOException {
    Path folder = dir.resolve("nasty");
    Files.createDirectories(folder);
    for (Map.Entry<String, String> student : NASTY_NAMES.entrySet()) {
      ObjectNode answers =
          (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
      ((ObjectNode) answers.get("respondent"))
          .put("name", student.getValue())
          .put("id", student.getKey());
      ((ObjectNode) answers.get("company")).put("name", "=HYPERLINK(\"http://x\")").remove("kvk");
      ((ObjectNode) answers.at("/answers/visie")).put("note", "+31 6 1234");
      ((ObjectNode) answers.at("/answers/rapportage")).put("note", "@home");
      ((ObjectNode) answers.at("/answers/medewerkers")).put("note", "-1");
      ((ObjectNode) answers.at("/answers/eigen_pand"))
          .put("note", "\tmet tab; \"quotes\"\r\nen een regel");
      ((ObjectNode) answers.get("answers")).put("activiteiten", "=1+2 " + student.getValue());
      MAPPER.writeValue(folder.resolve(student.getKey() + ".json").toFile(), answers);
    }
    Cli.Run imported = run("import", "--lang", "en", "--db", db(), folder.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 5 responses (1 company");

    JsonNode wide = MAPPER.readTree(run("export", "--db", db(), "--format", "json").out());
    assertThat(wide.size()).isEqualTo(5);
    for (JsonNode row : wide) {
      assertThat(row.get("student").asText())
          .isEqualTo(NASTY_NAMES.get(row.get("student_number").asText()));
      assertThat(row.get("company").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
    }
    JsonNode answers =
        MAPPER.readTree(run("export", "--db", db(), "--format", "json", "--long").out());
    for (long id = 1; id <= 5; id++) {
      String name = wide.get((int) id - 1).get("student").asText();
      assertThat(find(answers, id, "visie").get("note").asText()).isEqualTo("+31 6 1234");
      assertThat(find(answers, id, "rapportage").get("note").asText()).isEqualTo("@home");
      assertThat(find(answers, id, "medewerkers").get("note").asText()).isEqualTo("-1");
      assertThat(find(answers, id, "eigen_pand").get("note").asText())
          .isEqualTo("\tmet tab; \"quotes\"\r\nen een regel");
      assertThat(find(answers, id, "activiteiten").get("value").asText()).isEqualTo("=1+2 " + name);
      assertThat(find(answers, id, "activiteiten").get("student").asText()).isEqualTo(name);
    }
    assertThat(run("responses", "--db", db(), "--json").out())
        .contains("Robert'); DROP TABLE response;--");

    for (String[] options :
        List.of(
            new String[] {},
            new String[] {"--long"},
            new String[] {"--excel"},
            new String[] {"--long", "--excel"})) {
      boolean excel = List.of(options).contains("--excel");
      List<String> args = new ArrayList<>(List.of("export", "--db", db()));
      args.addAll(List.of(options));
      List<CSVRecord> csv = parse(run(args.toArray(String[]::new)).out(), excel ? ';' : ',');
      List<String> cells = new ArrayList<>();
      csv.forEach(record -> cells.addAll(record.toList()));
      for (String cell : cells) {
        assertThat(cell.stripLeading())
            .as("cell %s with %s", cell, List.of(options))
            .doesNotStartWith("=")
            .doesNotStartWith("+")
            .doesNotStartWith("-")
            .doesNotStartWith("@");
        assertThat(cell).doesNotStartWith("\t").doesNotStartWith("\r");
      }
      assertThat(cells).contains("'=HYPERLINK(\"http://x\")").containsAll(NASTY_NAMES.values());
      if (List.of(options).contains("--long")) {
        assertThat(cells)
            .contains(
                "'+31 6 1234",
                "'@home",
                "'-1",
                "'\tmet tab; \"quotes\"\r\nen een regel",
                "'=1+2 Robert'); DROP TABLE response;--");
      }
    }
  }
}
