package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.mvoscan.scan.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name of only spaces or invisible characters is no name, wherever it is typed; a name's length
 * is counted as a person counts it; a table without a question is not a class's answers.
 */
class InvisibleNamesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Path answers(String name) throws IOException {
    ObjectNode sanne =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) sanne.get("respondent")).put("name", name);
    Path file = dir.resolve("sanne-" + Integer.toHexString(name.hashCode()) + ".json");
    Files.writeString(file, MAPPER.writeValueAsString(sanne));
    return file;
  }

  @Test
  void anAnswersFileWhoseStudentNameShowsNothingIsBadInput() throws IOException {
    String db = dir.resolve("t.db").toString();
    for (String name : new String[] {"", " ", "\u00A0\u2003", "\u200B\uFEFF\u00AD"}) {
      Cli.Run run = Cli.run("import", "--lang", "en", "--db", db, answers(name).toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err())
          .contains("/respondent/name")
          .contains("the name is empty or only spaces or invisible characters");
      CliFixtures.assertNoStackTrace(run);
    }
  }

  @Test
  void anAnswersFileWhoseClassOrCompanyShowsNothingIsBadInput() throws IOException {
    String db = dir.resolve("t.db").toString();
    ObjectNode sanne =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) sanne.get("respondent")).put("class", " \u00A0");
    Path blankClass = dir.resolve("class.json");
    Files.writeString(blankClass, MAPPER.writeValueAsString(sanne));
    sanne = (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) sanne.get("company")).put("name", "\u200B ");
    Path blankCompany = dir.resolve("company.json");
    Files.writeString(blankCompany, MAPPER.writeValueAsString(sanne));

    Cli.Run run =
        Cli.run(
            "import", "--lang", "en", "--db", db, blankClass.toString(), blankCompany.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err())
        .contains("class.json: /respondent/class: the class is empty or only spaces")
        .contains("company.json: /company/name: the company name is empty or only spaces");
    CliFixtures.assertNoStackTrace(run);
  }

  @Test
  void aClassTableNameOfInvisibleCharactersIsAnAnonymousRowAsAnEmptyOneIs() throws IOException {
    Path csv = dir.resolve("klas.csv");
    Files.writeString(csv, "naam;visie\n\u200B\u00A0;ja\n");
    Cli.Run run =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), csv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Cli.Run listed = Cli.run("export", "--db", dir.resolve("t.db").toString());
    assertThat(listed.out()).doesNotContain("\u200B");
    Path empty = dir.resolve("leeg.csv");
    Files.writeString(empty, "naam;visie\n;ja\n");
    Cli.Run same =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("u.db").toString(), empty.toString());
    assertThat(run.err().replace("klas.csv", "F")).isEqualTo(same.err().replace("leeg.csv", "F"));
  }

  @Test
  void aDecomposedAccentCountsAsOneCharacterOfAName() {
    assertThat(Limits.length("Ze\u0301")).isEqualTo(2);
    assertThat(Limits.nameTooLong("e\u0301".repeat(200))).isFalse();
    assertThat(Limits.nameTooLong("e".repeat(201))).isTrue();
    assertThat(Limits.blank("\u200B\u00A0\u00AD")).isTrue();
    assertThat(Limits.blank(" a ")).isFalse();
  }

  @Test
  void aClassTableWithOnlyNameAndClassIsBadInputAndStoresNothing() throws IOException {
    Path csv = dir.resolve("klas.csv");
    Files.writeString(csv, "naam;klas\nZoë de Wit;3A\n");
    String db = dir.resolve("t.db").toString();
    Cli.Run run = Cli.run("import", "--lang", "nl", "--db", db, csv.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("geen kolom herkend als vraag");
    assertThat(Cli.run("responses", "--db", db).out()).doesNotContain("Zoë");
  }
}
