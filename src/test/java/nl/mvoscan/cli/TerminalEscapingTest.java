package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name, class or company with terminal control characters (an OSC title change, a bell, a C1 CSI,
 * a line break, a bidi override) is refused at input, and one already stored is shown escaped in
 * every terminal output, never acted upon by the terminal nor able to forge a row.
 */
class TerminalEscapingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a terminal acts on: C0 except tab and line feed, DEL, C1; a CR not before a LF. */
  private static final Pattern CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]|\\r(?!\\n)");

  private static final String NAME = "Evil\u001B]0;pwned\u0007 Student";
  private static final String CLASS = "3\u009B2J";
  private static final String COMPANY = "Bakkerij\u001B[8m verborgen";

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  private static void assertEscaped(Cli.Run run, String what) {
    assertThat(CONTROL.matcher(run.out()).find()).as(what + " stdout: " + run.out()).isFalse();
    assertThat(CONTROL.matcher(run.err()).find()).as(what + " stderr: " + run.err()).isFalse();
  }

  /**
   * A database with these values in it, as an older mvoscan (which did not refuse them at input) or
   * another school's import could have left it.
   */
  private void hostileDatabase(String name, String className, String company, String city)
      throws Exception {
    Cli.Run imported = Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
      try (PreparedStatement s = c.prepareStatement("UPDATE respondent SET name = ?")) {
        s.setString(1, name);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE response SET class = ?")) {
        s.setString(1, className);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE company SET name = ?, city = ?")) {
        s.setString(1, company);
        s.setString(2, city);
        s.executeUpdate();
      }
    }
  }

  private static final String[][] READS = {
    {"responses"},
    {"show", "1"},
    {"companies"},
    {"companies", "suggest"},
    {"aggregate"},
    {"aggregate", "--by", "class"},
    {"aggregate", "--by", "company"},
  };

  private Cli.Run read(String[] command) {
    return readAt(command, db());
  }

  @Test
  void everyTerminalOutputShowsControlCharactersEscaped() throws Exception {
    hostileDatabase(NAME, CLASS, COMPANY, "Emmen\u0007");
    for (String[] command : READS) {
      Cli.Run run = read(command);
      assertThat(run.exitCode()).as(String.join(" ", command) + run.err()).isZero();
      assertEscaped(run, command[0]);
    }
    assertThat(read(new String[] {"companies"}).out()).contains("Bakkerij\\u001b[8m verborgen");
    assertThat(read(new String[] {"show", "1"}).out()).contains("Evil\\u001b]0;pwned\\u0007");
    Cli.Run byClass = Cli.run("responses", "--db", db(), "--class", CLASS);
    assertThat(byClass.exitCode()).as(byClass.err()).isZero();
    assertEscaped(byClass, "responses --class");
  }

  /** Bidirectional controls: an override shows the rest of a line backwards. */
  private static final Pattern BIDI =
      Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  @Test
  void lineBreaksTabsAndBidiControlsInStoredValuesCannotForgeRows() throws Exception {
    Cli.Run clean =
        Cli.run(
            "import", "--db", dir.resolve("clean.db").toString(), "examples/bakkerij-emmen.json");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    hostileDatabase(
        "Jan\nforged 99  Piet",
        "3A\t\u202Eevil",
        "Bakkerij\r\nforged\u2066row",
        "Emmen\u200F\nforged");
    for (String[] command : READS) {
      Cli.Run run = read(command);
      Cli.Run baseline = readAt(command, dir.resolve("clean.db").toString());
      assertThat(run.exitCode()).as(String.join(" ", command) + run.err()).isZero();
      String what = String.join(" ", command);
      assertThat(run.out()).as(what).doesNotContainPattern("(?m)^forged");
      assertThat(BIDI.matcher(run.out() + run.err()).find()).as(what + run.out()).isFalse();
      // as many lines as with ordinary values: no row was added by a line break in a name
      assertThat(run.out().lines().count())
          .as(what + run.out())
          .isEqualTo(baseline.out().lines().count());
    }
    assertThat(read(new String[] {"responses"}).out())
        .contains("Jan\\nforged 99", "3A\\t\\u202eevil");
    assertThat(read(new String[] {"companies"}).out())
        .contains("Bakkerij\\r\\nforged\\u2066row", "Emmen\\u200f\\nforged");
    assertThat(read(new String[] {"show", "1"}).out()).contains("Jan\\nforged 99  Piet");
  }

  private static Cli.Run readAt(String[] command, String database) {
    String[] args = new String[command.length + 2];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--db";
    args[command.length + 1] = database;
    return Cli.run(args);
  }

  @Test
  void controlCharactersInNamesClassesCompaniesAndCitiesAreRefusedAtInput() throws IOException {
    for (String[] field :
        new String[][] {
          {"respondent", "name", "Jan\nPiet"},
          {"respondent", "class", "3A\t"},
          {"respondent", "id", "12\u00073"},
          {"company", "name", "Bakkerij\u001B[2J"},
          {"company", "city", "Emmen\r"},
        }) {
      ObjectNode answers =
          (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
      ((ObjectNode) answers.get(field[0])).put(field[1], field[2]);
      Path file = dir.resolve("bad.json");
      Files.writeString(file, MAPPER.writeValueAsString(answers));
      Cli.Run score = Cli.run("score", "--lang", "en", file.toString());
      assertThat(score.exitCode()).as(field[1] + score.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(score.err())
          .as(field[1])
          .contains("/" + field[0] + "/" + field[1])
          .contains("invisible control character (U+00");
      assertThat(score.err().lines().count()).as(score.err()).isEqualTo(1);
      Cli.Run nl = Cli.run("import", "--lang", "nl", "--db", db(), file.toString());
      assertThat(nl.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(nl.err()).contains("onzichtbaar stuurteken (U+00");
    }
    assertThat(Files.exists(dir.resolve("t.db"))).isFalse();

    Path csv = dir.resolve("klas.csv");
    Files.writeString(
        csv, "naam;bedrijf;klas\n\"Jan\nPiet\";Bakkerij;3A\nSanne;\"Kap\tsalon\";3A\n");
    Cli.Run table = Cli.run("import", "--lang", "en", "--db", db(), csv.toString());
    assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(table.err()).contains("klas.csv:2", "klas.csv:4", "invisible control character");
    assertThat(Files.exists(dir.resolve("t.db"))).isFalse();
  }

  @Test
  void jsonOutputKeepsTheDataExactly() throws Exception {
    hostileDatabase(NAME, CLASS, COMPANY, "Emmen");
    Cli.Run json = Cli.run("show", "--db", db(), "--json", "1");
    assertEscaped(json, "show --json");
    JsonNode show = MAPPER.readTree(json.out());
    assertThat(show.get("student").asText()).isEqualTo(NAME);
    assertThat(show.get("class").asText()).isEqualTo(CLASS);
  }

  @Test
  void importMessagesShowHostileCellsAndHeadersEscaped() throws IOException {
    Path csv = dir.resolve("klas.csv");
    Files.writeString(
        csv, "naam;bedrijf;\u001B[31mrood\u0007;visie\nJan;Bakkerij;x;\u001B[2Jjaa\n");
    Cli.Run run = Cli.run("import", "--db", db(), "--dry-run", csv.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertEscaped(run, "import");
    assertThat(run.err()).contains("\\u001b[2Jjaa", "\\u001b[31mrood\\u0007");
  }

  @Test
  void csvAndXlsxExportsKeepALineBreakInANoteAndARightToLeftMarkInAName() throws Exception {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    String company = "\u0645\u062E\u0628\u0632\u200F Korenschoof";
    ((ObjectNode) answers.get("company")).put("name", company);
    ((ObjectNode) answers.get("answers").get("medewerkers")).put("note", "regel een\nregel twee");
    Path file = dir.resolve("rtl.json");
    Files.writeString(file, MAPPER.writeValueAsString(answers));
    Cli.Run imported = Cli.run("import", "--db", db(), file.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Cli.Run stdout = Cli.run("export", "--long", "--db", db());
    assertThat(stdout.exitCode()).as(stdout.err()).isZero();
    Path csv = dir.resolve("lang.csv");
    assertThat(Cli.run("export", "--long", "--db", db(), "-o", csv.toString()).exitCode()).isZero();
    for (String text : new String[] {stdout.out(), Files.readString(csv)}) {
      assertThat(text).contains(company).contains("\"regel een\nregel twee\"");
    }
    Path xlsx = dir.resolve("lang.xlsx");
    Cli.Run workbook =
        Cli.run("export", "--long", "--format", "xlsx", "--db", db(), "-o", xlsx.toString());
    assertThat(workbook.exitCode()).as(workbook.err()).isZero();
    java.util.List<String> cells = new java.util.ArrayList<>();
    try (org.dhatim.fastexcel.reader.ReadableWorkbook book =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
      for (org.dhatim.fastexcel.reader.Sheet sheet : book.getSheets().toList()) {
        try (java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
          rows.forEach(
              row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue())));
        }
      }
    }
    assertThat(cells).contains(company, "regel een\nregel twee");
  }
}
