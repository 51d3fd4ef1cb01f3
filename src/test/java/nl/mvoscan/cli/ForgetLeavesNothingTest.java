package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code forget} no output and no byte of the database names the student: not their own rows,
 * not another student's note about them, not a copy that another program kept alive.
 */
class ForgetLeavesNothingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private String db() {
    return dir.resolve("t.db").toString();
  }

  private static boolean fileContains(Path file, String text) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
        .contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  /** Yusuf's answers with a note and a text answer that name Sanne and her student number. */
  private Path yusufWritesAboutSanne() throws IOException {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/garage-assen.json").toFile());
    ObjectNode sector = (ObjectNode) answers.get("answers").get("sector");
    sector.put("note", "Samen met SANNE  DE VRIES (104233) gevraagd aan de chef.");
    Path file = dir.resolve("yusuf.json");
    Files.writeString(file, MAPPER.writeValueAsString(answers));
    return file;
  }

  @Test
  void theNameAndNumberAreRemovedFromOtherStudentsNotes() throws IOException {
    Cli.Run imported =
        Cli.run(
            "import",
            "--db",
            db(),
            "examples/bakkerij-emmen.json",
            yusufWritesAboutSanne().toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Cli.Run forget = Cli.run("forget", "--lang", "en", "--db", db(), "--student", "104233");
    assertThat(forget.exitCode()).as(forget.err()).isZero();

    for (String[] args :
        new String[][] {
          {"export", "--db", db(), "--long"},
          {"export", "--db", db(), "--long", "--anonymize"},
          {"export", "--db", db(), "--long", "--format", "json"},
          {"show", "--db", db(), "2"},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).doesNotContainIgnoringCase("sanne");
      assertThat(run.out()).as(String.join(" ", args)).doesNotContain("104233");
    }
    assertThat(Cli.run("export", "--db", db(), "--long").out())
        .contains("Samen met [verwijderd] ([verwijderd]) gevraagd aan de chef.");
    assertThat(fileContains(Path.of(db()), "DE VRIES")).isFalse();
    assertThat(fileContains(Path.of(db() + "-wal"), "DE VRIES")).isFalse();
  }

  /**
   * A name typed into another student's company, city or class field is as personal as one in a
   * note: {@code export --anonymize} showed it as {@code [student]} before forget, and so must
   * never show it again after.
   */
  @Test
  void theNameIsRemovedFromOtherStudentsCompanyCityAndClass() throws IOException {
    ObjectNode irem =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) irem.get("respondent")).put("name", "İrem Öztürk").remove("id");
    Path iremFile = dir.resolve("irem.json");
    Files.writeString(iremFile, MAPPER.writeValueAsString(irem));
    ObjectNode yusuf = (ObjectNode) MAPPER.readTree(Path.of("examples/garage-assen.json").toFile());
    ((ObjectNode) yusuf.get("respondent")).put("class", "3A İrem Öztürk");
    ObjectNode company = (ObjectNode) yusuf.get("company");
    company.put("name", "Kapsalon İrem Öztürk").put("city", "İrem Öztürk").remove("kvk");
    Path yusufFile = dir.resolve("yusuf.json");
    Files.writeString(yusufFile, MAPPER.writeValueAsString(yusuf));
    Cli.Run imported = Cli.run("import", "--db", db(), iremFile.toString(), yusufFile.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(Cli.run("export", "--db", db(), "--anonymize").out())
        .contains("Kapsalon Student 01");

    Cli.Run forget = Cli.run("forget", "--lang", "en", "--db", db(), "--student", "irem ozturk");
    assertThat(forget.exitCode()).as(forget.err()).isZero();

    for (String[] args :
        new String[][] {
          {"export", "--db", db()},
          {"export", "--db", db(), "--anonymize"},
          {"export", "--db", db(), "--long", "--anonymize"},
          {"export", "--db", db(), "--long", "--format", "json"},
          {"companies", "--db", db()},
          {"responses", "--db", db()},
        }) {
      Cli.Run run = Cli.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).doesNotContain("Öztürk", "Ozturk");
    }
    assertThat(Cli.run("export", "--db", db()).out())
        .contains("Kapsalon [verwijderd]", "3A [verwijderd]");
    assertThat(fileContains(Path.of(db()), "Öztürk")).isFalse();
    assertThat(fileContains(Path.of(db()), "ztürk")).isFalse();
    assertThat(fileContains(Path.of(db()), "ozturk")).isFalse();
  }

  @Test
  void aSmartApostropheOrAMissingHyphenFindsTheStudent() throws IOException {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) answers.get("respondent")).put("name", "Daan O'Brien").remove("id");
    Path daan = dir.resolve("daan.json");
    Files.writeString(daan, MAPPER.writeValueAsString(answers));
    ((ObjectNode) answers.get("respondent")).put("name", "Jan-Willem van der Berg");
    Path jan = dir.resolve("jan.json");
    Files.writeString(jan, MAPPER.writeValueAsString(answers));
    assertThat(Cli.run("import", "--db", db(), daan.toString(), jan.toString()).exitCode())
        .isZero();

    Cli.Run forget =
        Cli.run("forget", "--lang", "en", "--db", db(), "--student", "Daan O\u2019Brien");
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");
    forget =
        Cli.run("forget", "--lang", "en", "--db", db(), "--student", "jan willem van der berg");
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");
  }

  @Test
  void aNameInCapitalsFindsTheTurkishDottedAndDotlessI() throws IOException {
    ObjectNode answers =
        (ObjectNode) MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    ((ObjectNode) answers.get("respondent")).put("name", "Şeyma Yılmaz").remove("id");
    Path file = dir.resolve("seyma.json");
    Files.writeString(file, MAPPER.writeValueAsString(answers));
    assertThat(Cli.run("import", "--db", db(), file.toString()).exitCode()).isZero();

    Cli.Run forget = Cli.run("forget", "--lang", "en", "--db", db(), "--student", "ŞEYMA YILMAZ");
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");

    assertThat(Cli.run("import", "--db", db(), file.toString()).exitCode()).isZero();
    assertThat(
            Cli.run("forget", "--lang", "en", "--db", db(), "--student", "şeyma yilmaz").exitCode())
        .isZero();
  }

  /**
   * A program that keeps a read transaction open pins the old pages: the copy of the forgotten
   * student stays in the file, so forget says so and fails instead of reporting success.
   */
  @Test
  void aReaderThatKeepsTheDataAliveMakesForgetFailInsteadOfLie() throws Exception {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json", "examples/garage-assen.json");
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM respondent")) {
        assertThat(rs.next()).isTrue();
      }
      Cli.Run forget =
          Cli.run("forget", "--lang", "en", "--db", db(), "--student", "Sanne de Vries");
      assertThat(forget.exitCode()).as(forget.out() + forget.err()).isEqualTo(ExitCode.FAILURE);
      assertThat(forget.out()).doesNotContain("forgotten");
      assertThat(forget.err()).contains("another program").contains(db());
      assertNoStackTrace(forget);
      reader.rollback();
    }
    Cli.Run again = Cli.run("forget", "--lang", "en", "--db", db(), "--student", "Sanne de Vries");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(fileContains(Path.of(db()), "Sanne de Vries")).isFalse();
    assertThat(fileContains(Path.of(db() + "-wal"), "Sanne de Vries")).isFalse();
  }

  @Test
  void deleteChecksTheCheckpointToo() throws Exception {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json", "examples/garage-assen.json");
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM respondent")) {
        assertThat(rs.next()).isTrue();
      }
      Cli.Run delete = Cli.run("delete", "--lang", "en", "--db", db(), "1");
      assertThat(delete.exitCode()).isEqualTo(ExitCode.FAILURE);
      assertThat(delete.err()).contains("another program");
      reader.rollback();
    }
  }

  /** Purge checks before it deletes, as forget does: a refusal changes nothing. */
  @Test
  void aReaderThatWouldKeepPurgedDataAliveRefusesThePurgeBeforeItDeletes() throws Exception {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json", "examples/garage-assen.json");
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM respondent")) {
        assertThat(rs.next()).isTrue();
      }
      Cli.Run purge = Cli.run("purge", "--lang", "en", "--db", db(), "--older-than", "1d");
      assertThat(purge.exitCode()).as(purge.out() + purge.err()).isEqualTo(ExitCode.FAILURE);
      assertThat(purge.out()).doesNotContain("purged");
      assertThat(purge.err()).contains("another program").contains("nothing was deleted");
      assertNoStackTrace(purge);
      reader.rollback();
    }
    assertThat(Cli.run("responses", "--db", db()).out()).contains("Sanne de Vries", "Yusuf Demir");
  }

  @Test
  void theSameIdTwiceIsOneDeletion() throws IOException {
    Cli.run("import", "--db", db(), "examples/bakkerij-emmen.json", "examples/garage-assen.json");
    Cli.Run delete = Cli.run("delete", "--lang", "en", "--db", db(), "1", "1");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("deleted 1 response");
  }
}
