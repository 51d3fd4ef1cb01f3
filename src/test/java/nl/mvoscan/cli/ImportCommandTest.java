package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  @TempDir Path dir;

  private CommandLineFactory.Run run(String... args) {
    return CommandLineFactory.run(args);
  }

  private Path examples() throws Exception {
    Path copy = dir.resolve("answers");
    Files.createDirectories(copy);
    for (String name : new String[] {"bakkerij-emmen.json", "garage-assen.json", "zorghuis-groningen.json", "installatiebedrijf-leeuwarden.json"}) {
      Files.copy(Path.of("examples", name), copy.resolve(name));
    }
    return copy;
  }

  @Test
  void importsAFolderOnceAndSaysSoTheSecondTime() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    CommandLineFactory.Run first = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported 4 responses (4 companies, class 3A); 0 already present; 0 skipped");

    CommandLineFactory.Run again = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(again.out()).contains("imported 0 responses").contains("4 already present");

    CommandLineFactory.Run list = run("responses", "--lang", "en", "--db", db, "--json");
    assertThat(list.out()).contains("\"Sanne de Vries\"", "\"koploper\"", "\"starter\"", "\"2026-2027\"");
  }

  @Test
  void storedScoresEqualWhatScorePrints() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    run("import", "--db", db, folder.toString());
    String scored = run("score", "--json", folder.resolve("installatiebedrijf-leeuwarden.json").toString()).out();
    String listed = run("responses", "--db", db, "--json", "--company", "Installatiebedrijf Dijkstra & Zn.").out();
    String overall = scored.substring(scored.indexOf("\"overall\""), scored.indexOf("\"themes\""));
    String score = overall.replaceAll("(?s).*\"score\" : ([0-9.]+).*", "$1");
    assertThat(listed).contains("\"score\" : " + score);
  }

  @Test
  void aBadFileMeansNothingIsImportedAndEveryProblemIsListed() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    Files.writeString(folder.resolve("zz-bad.json"),
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\",\n \"answers\": {\"visie\": \"jaa\", \"onbekend\": 1}}");
    CommandLineFactory.Run result = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("zz-bad.json:2: /answers/visie: \"jaa\" is not an option of question \"visie\"")
        .contains("zz-bad.json:2: /answers/onbekend: unknown question \"onbekend\"")
        .contains("nothing imported")
        .doesNotContain("Exception");
    CommandLineFactory.Run list = run("responses", "--lang", "en", "--db", db, "--json");
    assertThat(list.out().trim()).isEqualTo("[ ]");

    CommandLineFactory.Run skipping = run("import", "--lang", "en", "--db", db, "--skip-invalid", folder.toString());
    assertThat(skipping.exitCode()).isZero();
    assertThat(skipping.out()).contains("imported 4 responses").contains("1 skipped");
  }

  @Test
  void dryRunStoresNothing() throws Exception {
    Path db = dir.resolve("t.db");
    CommandLineFactory.Run result = run("import", "--lang", "en", "--db", db.toString(), "--dry-run", examples().toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("dry run: 4 responses would be imported");
    assertThat(db).doesNotExist();
  }

  @Test
  void forgetRemovesAStudentAndDeleteRemovesAResponse() throws Exception {
    String db = dir.resolve("t.db").toString();
    run("import", "--db", db, examples().toString());
    CommandLineFactory.Run forget = run("forget", "--lang", "en", "--db", db, "--student", "Sanne de Vries");
    assertThat(forget.out()).contains("forgotten: 1 student(s), 1 responses");
    assertThat(run("responses", "--db", db, "--json").out()).doesNotContain("Sanne");
    assertThat(run("forget", "--lang", "en", "--db", db, "--student", "Sanne de Vries").exitCode()).isEqualTo(2);

    CommandLineFactory.Run delete = run("delete", "--lang", "en", "--db", db, "999");
    assertThat(delete.exitCode()).isEqualTo(2);
    assertThat(delete.err()).contains("no response with id 999");
  }

  @Test
  void importsTheDutchExcelClassCsvOnceAndRejectsABadRowWithItsLineAndColumn() throws Exception {
    String db = dir.resolve("t.db").toString();
    CommandLineFactory.Run first = run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported 28 responses").contains("class 3A");
    assertThat(run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv").out()).contains("28 already present");

    Path bad = dir.resolve("bad.csv");
    Files.write(bad, ("\uFEFFnaam;klas;bedrijf;Staat duurzaamheid of MVO in de missie of visie van het bedrijf?\r\n"
        + "Piet;3B;AH;Ja\r\nKees;3B;AH;jaa\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CommandLineFactory.Run rejected = run("import", "--lang", "en", "--db", db, bad.toString());
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).contains("bad.csv:3: Staat duurzaamheid of MVO in de missie of visie van het bedrijf?: \"jaa\" is not an option");
    assertThat(run("responses", "--db", db, "--json", "--class", "3B").out().trim()).isEqualTo("[ ]");
  }
}
