package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVG side of the database: forgetting and deleting leave nothing behind and never too much.
 */
class ForgetCommandTest {

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  private void write(String name, String student, String number, String className)
      throws IOException {
    Files.writeString(
        dir.resolve(name),
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "%s", %s "class": "%s"},
         "company": {"name": "Bakkerij"},
         "answers": {"visie": "ja"}}
        """
            .formatted(student, number == null ? "" : "\"id\": \"" + number + "\",", className));
  }

  private static boolean fileContains(Path file, String text) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
        .contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aForgottenStudentLeavesNoTraceInTheDatabaseFiles() throws IOException {
    Cli.Run imported =
        Cli.run(
            "import", "--db", db(), "examples/bakkerij-emmen.json", "examples/garage-assen.json");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(
            fileContains(Path.of(db()), "Sanne de Vries")
                || fileContains(Path.of(db() + "-wal"), "Sanne de Vries"))
        .isTrue();

    Cli.Run forget =
        Cli.run("forget", "--lang", "en", "--db", db(), "--student", "sanne  de VRIES");
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");
    assertThat(fileContains(Path.of(db()), "Sanne de Vries")).as("database file").isFalse();
    assertThat(fileContains(Path.of(db() + "-wal"), "Sanne de Vries"))
        .as("write-ahead log")
        .isFalse();
    assertThat(Cli.run("responses", "--db", db(), "--json").out()).contains("Yusuf Demir");
  }

  @Test
  void aNameInSeveralClassesIsForgottenOnlyWithTheClassGiven() throws IOException {
    write("a.json", "Jan de Vries", null, "3A");
    write("b.json", "Jan de Vries", null, "4B");
    Cli.run(
        "import", "--db", db(), dir.resolve("a.json").toString(), dir.resolve("b.json").toString());

    Cli.Run ambiguous =
        Cli.run("forget", "--lang", "en", "--db", db(), "--student", "Jan de Vries");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .contains("several students are named \"Jan de Vries\" (classes 3A, 4B)");
    assertThat(Cli.run("responses", "--db", db(), "--json").out()).contains("\"3A\"", "\"4B\"");

    Cli.Run one =
        Cli.run(
            "forget", "--lang", "en", "--db", db(), "--student", "Jan de Vries", "--class", "4B");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(Cli.run("responses", "--db", db(), "--json").out())
        .contains("\"3A\"")
        .doesNotContain("\"4B\"");
  }

  @Test
  void aStudentNumberTypedTwiceNeverRenamesAnotherStudent() throws IOException {
    write("piet.json", "Piet Jansen", "123", "3A");
    write("kees.json", "Kees Bakker", "123", "4B");
    Cli.run(
        "import",
        "--db",
        db(),
        dir.resolve("piet.json").toString(),
        dir.resolve("kees.json").toString());
    assertThat(Cli.run("responses", "--db", db(), "--json").out())
        .contains("Piet Jansen", "Kees Bakker");
    Cli.Run forget = Cli.run("forget", "--lang", "en", "--db", db(), "--student", "Piet Jansen");
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");
    assertThat(Cli.run("responses", "--db", db(), "--json").out())
        .contains("Kees Bakker")
        .doesNotContain("Piet");
  }

  @Test
  void deleteIsAllOrNothing() throws IOException {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json");
    Cli.Run delete = Cli.run("delete", "--lang", "en", "--db", db(), "1", "999");
    assertThat(delete.exitCode()).isEqualTo(2);
    assertThat(delete.err()).contains("no response with id 999").contains("nothing deleted");
    assertThat(Cli.run("responses", "--db", db(), "--json").out()).contains("Sanne de Vries");
    assertThat(Cli.run("delete", "--lang", "en", "--db", db(), "1").out())
        .contains("deleted 1 response");
  }
}
