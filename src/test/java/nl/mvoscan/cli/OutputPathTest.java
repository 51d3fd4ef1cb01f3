package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o newdir/} names a folder: a report goes inside it, a command that writes one file says
 * it needs a file name; it never writes a file called {@code newdir}. Names of any script fit.
 */
class OutputPathTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  private static String[] list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void aTrailingSlashMakesAReportGoIntoTheFolder() throws IOException {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    // mvoscan never creates an output folder (README): a missing one is refused, see
    // ReportCommandTest
    Files.createDirectory(dir.resolve("nieuw"));
    Files.createDirectory(dir.resolve("ander"));
    String folder = dir.resolve("nieuw").toString() + "/";
    Cli.Run run = Cli.run("report", "class", "3A", "--db", db(), "-o", folder);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.isDirectory(dir.resolve("nieuw"))).isTrue();
    assertThat(list(dir.resolve("nieuw"))).hasSize(1).allMatch(name -> name.endsWith(".pdf"));

    Cli.Run student =
        Cli.run(
            "report", "student", "examples/bakkerij-emmen.json", "-o", dir.resolve("ander") + "/");
    assertThat(student.exitCode()).as(student.err()).isZero();
    assertThat(list(dir.resolve("ander"))).hasSize(1).allMatch(name -> name.endsWith(".pdf"));
  }

  @Test
  void aCommandThatWritesOneFileRefusesAFolder() throws IOException {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    Files.createDirectories(dir.resolve("bestaat"));
    for (String[] args :
        new String[][] {
          {"export", "--lang", "en", "--db", db(), "-o", dir.resolve("bestaat").toString()},
          {"export", "--lang", "en", "--db", db(), "-o", dir.resolve("bestaat") + "/"},
          {"template", "--lang", "en", "mvo-stagebedrijf", "-o", dir.resolve("bestaat") + "/"},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isEqualTo(2);
      assertThat(run.err()).contains("is a folder");
    }
    assertThat(list(dir.resolve("bestaat"))).isEmpty();
  }

  @Test
  void aTrailingSlashNamingNoFolderSaysTheFolderDoesNotExist() throws IOException {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    for (String[] args :
        new String[][] {
          {"export", "--lang", "en", "--db", db(), "-o", dir.resolve("nieuw") + "/"},
          {
            "export",
            "--lang",
            "en",
            "--db",
            db(),
            "--format",
            "xlsx",
            "-o",
            dir.resolve("nieuw") + "/"
          },
          {"template", "--lang", "en", "mvo-stagebedrijf", "-o", dir.resolve("nieuw") + "/"},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isEqualTo(2);
      assertThat(run.err())
          .as(String.join(" ", args))
          .contains("nieuw/: no such folder", "leave out the / at the end")
          .doesNotContain("is a folder");
      assertThat(run.err().lines().count()).isEqualTo(1);
    }
    Cli.Run nl = Cli.run("export", "--lang", "nl", "--db", db(), "-o", dir.resolve("nieuw") + "/");
    assertThat(nl.err()).contains("nieuw/: deze map bestaat niet");
    assertThat(Files.exists(dir.resolve("nieuw"))).isFalse();
  }

  @Test
  void takeToAFolderSaysSoBeforeAnyQuestion() throws IOException {
    Files.createDirectories(dir.resolve("map"));
    for (String target : new String[] {dir.resolve("map").toString(), dir.resolve("map") + "/"}) {
      Cli.Run run =
          Cli.run(
              new BufferedReader(new StringReader("Sanne\n")),
              "take",
              "--lang",
              "en",
              "mvo-stagebedrijf",
              "-o",
              target);
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
      assertThat(run.err()).contains("is a folder");
      assertThat(run.out()).doesNotContain("Sanne");
    }
    assertThat(list(dir.resolve("map"))).isEmpty();
    Cli.Run missing =
        Cli.run(
            new BufferedReader(new StringReader("Sanne\n")),
            "take",
            "--lang",
            "en",
            "mvo-stagebedrijf",
            "-o",
            dir.resolve("nieuw") + "/");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such folder");
    assertThat(Files.exists(dir.resolve("nieuw"))).isFalse();
  }

  @Test
  void aBatchOfStudentsWithLongNamesInAnyScriptIsWrittenWhole() throws IOException {
    String[] names = {"张".repeat(80), "😀".repeat(70), "한".repeat(90)};
    for (int i = 0; i < names.length; i++) {
      ObjectNode answers =
          (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
      ((ObjectNode) answers.get("respondent")).put("name", names[i]).put("id", "90000" + i);
      Path file = dir.resolve("s" + i + ".json");
      Files.writeString(file, MAPPER.writeValueAsString(answers));
      assertThat(Cli.run("import", "--db", db(), file.toString()).exitCode()).isZero();
    }
    Path out = Files.createDirectory(dir.resolve("batch"));
    Cli.Run run = Cli.run("report", "batch", "--class", "3A", "--db", db(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] written = list(out);
    assertThat(written).hasSize(names.length + 1);
    for (String name : written) {
      assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }
  }

  @Test
  void aFolderThatTakesNoNewFileIsNamedWithTheReason() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    for (String language : new String[] {"en", "nl"}) {
      Cli.Run run = Cli.run("export", "--lang", language, "--db", db(), "-o", "/proc/x.csv");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(run.err().lines().toList())
          .containsExactly(
              language.equals("en")
                  ? "cannot write /proc/x.csv: folder /proc takes no new files (a system folder);"
                      + " choose another place with -o"
                  : "kan /proc/x.csv niet schrijven: in map /proc kan geen bestand worden gemaakt"
                      + " (een systeemmap); kies met -o een andere plek");
    }
  }
}
