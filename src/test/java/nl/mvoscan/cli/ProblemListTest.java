package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem is counted, but a file with thousands of them lists the first ones and says how
 * many more there are, instead of scrolling a terminal for minutes.
 */
class ProblemListTest {

  @TempDir Path dir;

  @Test
  void anImportWithThousandsOfBadCellsListsTheFirstAndCountsTheRest() throws IOException {
    StringBuilder csv = new StringBuilder("naam;bedrijf;visie\n");
    for (int i = 0; i < 3000; i++) {
      csv.append("Student ").append(i).append(";Bakkerij;jaa\n");
    }
    Path file = dir.resolve("klas.csv");
    Files.writeString(file, csv);
    Cli.Run run =
        Cli.run("import", "--lang", "nl", "--db", dir.resolve("t.db").toString(), file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    List<String> lines = lines(run.err());
    assertThat(lines.stream().filter(l -> l.matches(".*klas\\.csv:[0-9]+: .*")))
        .hasSize(Problems.MAX_LISTED)
        .first()
        .asString()
        .contains("klas.csv:2:")
        .contains("\"jaa\"");
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo("… en nog " + (3000 - Problems.MAX_LISTED) + " problemen");
    assertThat(lines.get(lines.size() - 1)).startsWith("niets geïmporteerd");
  }

  @Test
  void skippingInvalidRowsCapsTheListToo() throws IOException {
    StringBuilder csv = new StringBuilder("naam;bedrijf;visie\nGoed;Bakkerij;ja\n");
    for (int i = 0; i < 500; i++) {
      csv.append("Student ").append(i).append(";Bakkerij;jaa\n");
    }
    Path file = dir.resolve("klas.csv");
    Files.writeString(file, csv);
    Cli.Run run =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--skip-invalid",
            "--db",
            dir.resolve("t.db").toString(),
            file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SKIPPED);
    List<String> lines = lines(run.err());
    assertThat(lines.stream().filter(l -> l.matches(".*klas\\.csv:[0-9]+: .*")))
        .hasSize(Problems.MAX_LISTED);
    assertThat(lines).last().isEqualTo("… and " + (500 - Problems.MAX_LISTED) + " more problems");
  }

  @Test
  void aScanWithThousandsOfBadOptionsListsTheFirstAndCountsTheRest() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode scan =
        (ObjectNode) mapper.readTree(Path.of("scans/circulair-quickscan.json").toFile());
    ObjectNode question = (ObjectNode) scan.get("profile").get(0);
    ArrayNode options = question.putArray("options");
    for (int i = 0; i < 20_000; i++) {
      options.addObject().put("id", "o" + (i % 10)).put("wrong", i);
    }
    Path file = dir.resolve("scan.json");
    Files.writeString(file, mapper.writeValueAsString(scan));
    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    List<String> lines = lines(run.err());
    assertThat(lines).hasSize(Problems.MAX_LISTED + 1);
    assertThat(lines.get(Problems.MAX_LISTED)).matches("… and [0-9]+ more problems");
  }
}
