package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --anonymize} finds a student however a note writes them: with a non-breaking space, a soft
 * hyphen, in capitals, in the other Unicode normal form, or only by their student number.
 */
class AnonymizeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  @Test
  void namesWrittenOddlyAndStudentNumbersInNotesAreReplaced() throws IOException {
    ObjectNode sanne =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) sanne.at("/answers/medewerkers"))
        .put(
            "note",
            "Gevraagd met Yusuf\u00A0Demir (104251), YUSUF DEMIR, Yu\u00ADsuf Demir en"
                + " Ana\u0069\u0308s Bakker; mijn nummer is 104233.");
    Path file = dir.resolve("sanne.json");
    Files.writeString(file, MAPPER.writeValueAsString(sanne));
    Cli.Run imported =
        Cli.run(
            "import",
            "--db",
            db(),
            file.toString(),
            "examples/garage-assen.json",
            "examples/zorghuis-groningen.json");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    for (String format : new String[] {"csv", "json"}) {
      Cli.Run run = Cli.run("export", "--db", db(), "--long", "--anonymize", "--format", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .as(format)
          .doesNotContainIgnoringCase("yusuf")
          .doesNotContainIgnoringCase("yu\u00ADsuf")
          .doesNotContain("Demir", "104251", "104233", "Anaïs", "Ana\u0069\u0308s");
      assertThat(run.out()).contains("Gevraagd met Student 0");
    }
  }

  /**
   * A note may name a student of another class, school or year: the export of one class must not
   * print them, so the names to replace come from every student in the database.
   */
  @Test
  void aStudentOfAnotherClassNamedInANoteIsReplacedToo() throws IOException {
    ObjectNode sanne =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) sanne.at("/answers/medewerkers"))
        .put("note", "Samen met Yusuf Demir (nummer 104251) gevraagd.");
    Path file = dir.resolve("sanne.json");
    Files.writeString(file, MAPPER.writeValueAsString(sanne));
    ObjectNode yusuf = (ObjectNode) MAPPER.readTree(Path.of("examples/garage-assen.json").toFile());
    ((ObjectNode) yusuf.get("respondent")).put("class", "4B");
    Path other = dir.resolve("yusuf.json");
    Files.writeString(other, MAPPER.writeValueAsString(yusuf));
    Cli.Run imported = Cli.run("import", "--db", db(), file.toString(), other.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Cli.Run run = Cli.run("export", "--db", db(), "--long", "--anonymize", "--class", "3A");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContainIgnoringCase("yusuf").doesNotContain("Demir", "104251");
    assertThat(run.out()).contains("Samen met [student] (nummer [student]) gevraagd.");
  }
}
