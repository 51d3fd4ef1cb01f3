package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name, class or company with terminal control characters (an OSC title change, a bell, a C1 CSI)
 * is shown escaped in every terminal output, never acted upon by the terminal.
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

  private Path hostileAnswers() throws IOException {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) answers.get("respondent")).put("name", NAME).put("class", CLASS);
    ((ObjectNode) answers.get("company")).put("name", COMPANY).put("city", "Emmen\u0007");
    Path file = dir.resolve("hostile.json");
    Files.writeString(file, MAPPER.writeValueAsString(answers));
    return file;
  }

  private static void assertEscaped(Cli.Run run, String what) {
    assertThat(CONTROL.matcher(run.out()).find()).as(what + " stdout: " + run.out()).isFalse();
    assertThat(CONTROL.matcher(run.err()).find()).as(what + " stderr: " + run.err()).isFalse();
  }

  @Test
  void everyTerminalOutputShowsControlCharactersEscaped() throws IOException {
    Path answers = hostileAnswers();
    Cli.Run score = Cli.run("score", answers.toString());
    assertThat(score.exitCode()).as(score.err()).isZero();
    assertEscaped(score, "score");
    assertThat(score.out()).contains("Evil\\u001b]0;pwned\\u0007 Student");

    Cli.Run imported = Cli.run("import", "--db", db(), answers.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertEscaped(imported, "import");
    assertThat(imported.out()).contains("3\\u009b2J");

    for (String[] args :
        new String[][] {
          {"responses", "--db", db()},
          {"show", "--db", db(), "1"},
          {"companies", "--db", db()},
          {"aggregate", "--db", db()},
          {"aggregate", "--db", db(), "--by", "company"},
          {"responses", "--db", db(), "--class", CLASS},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isZero();
      assertEscaped(run, args[0]);
    }
    assertThat(Cli.run("companies", "--db", db()).out()).contains("Bakkerij\\u001b[8m verborgen");
  }

  @Test
  void jsonOutputKeepsTheDataExactly() throws IOException {
    Path answers = hostileAnswers();
    Cli.run("import", "--db", db(), answers.toString());
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
}
