package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  @TempDir Path dir;

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path examples() throws Exception {
    Path copy = dir.resolve("answers");
    Files.createDirectories(copy);
    for (String name :
        new String[] {
          "bakkerij-emmen.json",
          "garage-assen.json",
          "zorghuis-groningen.json",
          "installatiebedrijf-leeuwarden.json"
        }) {
      Files.copy(Path.of("examples", name), copy.resolve(name));
    }
    return copy;
  }

  @Test
  void aTableWithoutOneRecognisableColumnIsBadInputAndStoresNothing() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path table = dir.resolve("bestellingen.csv");
    Files.writeString(table, "artikel;aantal\nbrood;3\nkoek;12\n");

    Cli.Run run = run("import", "--lang", "en", "--db", db, table.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err())
        .contains(table + ":1: no column is a question of scan mvo-stagebedrijf")
        .doesNotContain("Exception");
    assertThat(run("responses", "--db", db, "--json").out()).doesNotContain("response_id");
  }

  @Test
  void importsAFolderOnceAndSaysSoTheSecondTime() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    Cli.Run first = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("imported 4 responses (4 companies, class 3A); 0 already present; 0 skipped");

    Cli.Run again = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(again.out()).contains("imported 0 responses").contains("4 already present");

    Cli.Run list = run("responses", "--lang", "en", "--db", db, "--json");
    assertThat(list.out())
        .contains("\"Sanne de Vries\"", "\"gevorderd\"", "\"starter\"", "\"2026-2027\"");
  }

  @Test
  void storedScoresEqualWhatScorePrints() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    run("import", "--db", db, folder.toString());
    String scored =
        run("score", "--json", folder.resolve("installatiebedrijf-leeuwarden.json").toString())
            .out();
    String listed =
        run("responses", "--db", db, "--json", "--company", "Installatiebedrijf Dijkstra & Zn.")
            .out();
    String overall = scored.substring(scored.indexOf("\"overall\""), scored.indexOf("\"themes\""));
    String score = overall.replaceAll("(?s).*\"score\" : ([0-9.]+).*", "$1");
    assertThat(listed).contains("\"score\" : " + score);
  }

  @Test
  void aBadFileMeansNothingIsImportedAndEveryProblemIsListed() throws Exception {
    String db = dir.resolve("t.db").toString();
    Path folder = examples();
    Files.writeString(
        folder.resolve("zz-bad.json"),
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\",\n \"answers\": {\"visie\": \"jaa\", \"onbekend\": 1}}");
    Cli.Run result = run("import", "--lang", "en", "--db", db, folder.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("zz-bad.json:2: /answers/visie: \"jaa\" is not an option of question \"visie\"")
        .contains("zz-bad.json:2: /answers/onbekend: unknown question \"onbekend\"")
        .contains("nothing imported")
        .doesNotContain("Exception");
    assertThat(Path.of(db))
        .as("a rejected import does not even create the database")
        .doesNotExist();

    Cli.Run skipping =
        run("import", "--lang", "en", "--db", db, "--skip-invalid", folder.toString());
    assertThat(skipping.exitCode()).as("done, with input skipped").isEqualTo(3);
    assertThat(skipping.out()).contains("imported 4 responses").contains("1 skipped");
  }

  @Test
  void dryRunStoresNothingAndTellsWhatIsAlreadyThere() throws Exception {
    Path db = dir.resolve("t.db");
    Path folder = examples();
    Cli.Run result =
        run("import", "--lang", "en", "--db", db.toString(), "--dry-run", folder.toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("dry run: 4 responses would be imported; 0 already present");
    assertThat(db).doesNotExist();

    run("import", "--db", db.toString(), "examples/bakkerij-emmen.json");
    Cli.Run again =
        run("import", "--lang", "en", "--db", db.toString(), "--dry-run", folder.toString());
    assertThat(again.out()).contains("dry run: 3 responses would be imported; 1 already present");
  }

  @Test
  void forgetRemovesAStudentAndDeleteRemovesAResponse() throws Exception {
    String db = dir.resolve("t.db").toString();
    run("import", "--db", db, examples().toString());
    Cli.Run forget = run("forget", "--lang", "en", "--db", db, "--student", "Sanne de Vries");
    assertThat(forget.out()).contains("forgotten: 1 student, 1 response");
    assertThat(run("responses", "--db", db, "--json").out()).doesNotContain("Sanne");
    assertThat(run("forget", "--lang", "en", "--db", db, "--student", "Sanne de Vries").exitCode())
        .isEqualTo(2);

    Cli.Run delete = run("delete", "--lang", "en", "--db", db, "999");
    assertThat(delete.exitCode()).isEqualTo(2);
    assertThat(delete.err()).contains("no response with id 999");
  }

  @Test
  void importsTheDutchExcelClassCsvOnceAndRejectsABadRowWithItsLineAndColumn() throws Exception {
    String db = dir.resolve("t.db").toString();
    Cli.Run first = run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported 28 responses").contains("class 3A");
    assertThat(run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv").out())
        .contains("28 already present");

    Path bad = dir.resolve("bad.csv");
    Files.write(
        bad,
        ("\uFEFFnaam;klas;bedrijf;Staat duurzaamheid of MVO in de missie of visie van het bedrijf?\r\n"
                + "Piet;3B;AH;Ja\r\nKees;3B;AH;jaa\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Cli.Run rejected = run("import", "--lang", "en", "--db", db, bad.toString());
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err())
        .contains(
            "bad.csv:3: Staat duurzaamheid of MVO in de missie of visie van het bedrijf?: \"jaa\" is not an option");
    // nothing of the rejected file was stored: class 3B names no stored response (issue #10)
    Cli.Run none = run("responses", "--lang", "en", "--db", db, "--json", "--class", "3B");
    assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(none.err()).contains("--class 3B: matches no stored response");
  }

  /** The same two students in three dialects of contract §7, and as answers files. */
  @Test
  void everyCsvDialectImportsWithTheScoresThatScoreGivesForTheSameAnswers() throws Exception {
    String utf8Comma =
        "naam,klas,bedrijf,datum,sector,medewerkers,visie,doelen,welzijn\n"
            + "Zoë,3C,Bakkerij,2026-11-03,productie,12,ja,gestart,werkplek|werkdruk\n"
            + "İlker,3C,Garage,2026-11-04,handel,7.5,deels,weetniet,geen\n";
    String excel =
        "\uFEFFName;Class;Company;Date;In welke sector werkt het bedrijf?;Hoeveel medewerkers heeft het bedrijf?;"
            + "Staat duurzaamheid of MVO in de missie of visie van het bedrijf?;"
            + "Heeft het bedrijf meetbare doelen voor duurzaamheid, zoals 20% minder energie in 2030?;"
            + "Wat doet het bedrijf voor de gezondheid en het welzijn van medewerkers?\r\n"
            + "Zoë;3C;Bakkerij;3-11-2026;Productie en industrie;12;Ja;Gestart;\"Goede werkplekken en hulpmiddelen, zoals een tilhulp;Aandacht voor werkdruk en stress\"\r\n"
            + "İlker;3C;Garage;4-11-2026;handel en retail;7,5;DEELS;weet ik niet;Geen van deze\r\n";
    String tabEnglish =
        "student\tklas\tcompany\tdatum\tIn which sector does the company work?\tHow many employees does the company have?\t"
            + "Are sustainability or CSR part of the company's mission or vision?\t"
            + "Does the company have measurable sustainability goals, such as 20% less energy by 2030?\t"
            + "What does the company do for the health and wellbeing of its staff?\n"
            + "Zoë\t3C\tBakkerij\t03-11-2026\tManufacturing and industry\t12\tYes\tStarted\twerkplek|Attention to workload and stress\n"
            + "İlker\t3C\tGarage\t4-11-2026\tTrade and retail\t7,5\tPartly\tDon't know\tNone of these\n";
    // the headers are the question texts of edition 2026.1 of the bundled scan, so that edition
    // reads them; "medewerkers" is a whole number in it: 7.5 must be rejected the same way in all
    // dialects
    String edition = Path.of("scans", "archive", "mvo-stagebedrijf-2026.1.json").toString();
    for (String[] dialect :
        new String[][] {
          {"utf8.csv", utf8Comma, "UTF-8"},
          {"excel.csv", excel, "UTF-8"},
          {"tab.csv", tabEnglish, "windows-1252"}
        }) {
      Path file = dir.resolve(dialect[0]);
      Files.write(
          file,
          dialect[1].getBytes(
              java.nio.charset.Charset.forName(
                  dialect[2].equals("windows-1252") ? "UTF-8" : dialect[2])));
      Cli.Run rejected =
          run(
              "import",
              "--lang",
              "en",
              "--scan",
              edition,
              "--db",
              dir.resolve("x.db").toString(),
              file.toString());
      assertThat(rejected.exitCode()).as(dialect[0]).isEqualTo(2);
      assertThat(rejected.err())
          .as(dialect[0])
          .contains(dialect[0] + ":3: ")
          .contains("7.5 must be a whole number");
    }

    java.util.List<String> stored = new java.util.ArrayList<>();
    String[][] dialects = {
      {"utf8.csv", utf8Comma.replace("7.5", "7"), "UTF-8"},
      {"excel.csv", excel.replace("7,5", "7"), "UTF-8"},
      {
        "tab.csv",
        tabEnglish.replace("7,5", "7").replace("İlker", "Ilker").replace("Zoë", "Zoe"),
        "windows-1252"
      }
    };
    for (String[] dialect : dialects) {
      Path file = dir.resolve(dialect[0]);
      Files.write(file, dialect[1].getBytes(java.nio.charset.Charset.forName(dialect[2])));
      String db = dir.resolve(dialect[0] + ".db").toString();
      Cli.Run imported =
          run("import", "--lang", "en", "--scan", edition, "--db", db, file.toString());
      assertThat(imported.exitCode()).as(dialect[0] + imported.err()).isZero();
      assertThat(imported.out()).contains("imported 2 responses");
      stored.add(scoresOf(run("responses", "--db", db, "--json").out()));
    }
    assertThat(stored.get(1)).isEqualTo(stored.get(0));
    assertThat(stored.get(2)).isEqualTo(stored.get(0));

    Path zoe = dir.resolve("zoe.json");
    Files.writeString(
        zoe,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf", "scanVersion": "2026.1",
         "answers": {"sector": "productie", "medewerkers": 12, "visie": "ja", "doelen": "gestart",
                     "welzijn": ["werkplek", "werkdruk"]}}
        """);
    Path ilker = dir.resolve("ilker.json");
    Files.writeString(
        ilker,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf", "scanVersion": "2026.1",
         "answers": {"sector": "handel", "medewerkers": 7, "visie": "deels", "doelen": "weetniet", "welzijn": ["geen"]}}
        """);
    String scored = run("score", "--json", zoe.toString(), ilker.toString()).out();
    assertThat(stored.get(0)).isEqualTo(scoresOf(scored));
  }

  /** "status score grade level" per response, in order. */
  private static String scoresOf(String json) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode node :
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
      com.fasterxml.jackson.databind.JsonNode figures =
          node.has("overall") ? node.get("overall") : node;
      out.append(figures.get("status").asText())
          .append(' ')
          .append(figures.get("score"))
          .append(' ')
          .append(figures.get("grade"))
          .append(' ')
          .append(figures.get("level"))
          .append('\n');
    }
    return out.toString();
  }

  @Test
  void commandsThatReadStoredResultsDoNotCreateADatabaseAtAMistypedPath() {
    Path missing = dir.resolve("tikfout/mvoscan.db");
    for (String[] command :
        new String[][] {
          {"responses"},
          {"aggregate"},
          {"export"},
          {"companies"},
          {"show", "1"},
          {"delete", "1"},
          {"forget", "--student", "x"},
          {"report", "class", "3A"}
        }) {
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(command),
                  java.util.stream.Stream.of("--lang", "en", "--db", missing.toString()))
              .toArray(String[]::new);
      Cli.Run run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", command)).contains("no database at " + missing);
    }
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void aCsvWithABadHeaderIsSkippedWholeEvenWithSkipInvalid() throws Exception {
    Path bad = dir.resolve("dubbel.csv");
    Files.writeString(
        bad,
        "naam,klas,visie,Staat duurzaamheid of MVO in de missie of visie van het bedrijf?\nPiet,3A,ja,nee\nKees,3A,nee,nee\n");
    Cli.Run run =
        run(
            "import",
            "--lang",
            "en",
            "--db",
            dir.resolve("t.db").toString(),
            "--skip-invalid",
            bad.toString());
    assertThat(run.out()).contains("imported 0 responses").contains("1 skipped");
  }

  @Test
  void aCo2HeaderSavedAsPlainTextByExcelStillMatchesItsQuestion() throws Exception {
    Path csv = dir.resolve("co2.csv");
    Files.write(
        csv,
        "naam,klas,Weet het bedrijf hoe groot zijn CO2-voetafdruk is?\nPiet,3A,Nee\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252")));
    Cli.Run run =
        run(
            "import",
            "--lang",
            "en",
            "--dry-run",
            "--db",
            dir.resolve("t.db").toString(),
            csv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("not recognised");
  }

  @Test
  void folderImportSkipsLockFilesAndTheMappingFile() throws Exception {
    Path folder = examples();
    Files.writeString(folder.resolve("~$klas.csv"), "garbage");
    Files.writeString(folder.resolve("._klas.csv"), "garbage");
    Path mapping = folder.resolve("koppeling.json");
    Files.writeString(mapping, "{\"columns\": {\"Visie\": \"visie\"}}");
    Cli.Run run =
        run(
            "import",
            "--lang",
            "en",
            "--db",
            dir.resolve("t.db").toString(),
            "--map",
            mapping.toString(),
            folder.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("imported 4 responses");
  }

  @Test
  void responsesFindsACompanyByKvkNumberAndByAMergedSpelling() throws Exception {
    String db = dir.resolve("t.db").toString();
    // one after the other: Sanne de Vries is in both, and in one import that is a conflict
    run("import", "--db", db, "examples/klas-3a.csv");
    run("import", "--db", db, "examples/bakkerij-emmen.json");
    assertThat(run("responses", "--db", db, "--json", "--company", "04187352").out())
        .contains("Sanne de Vries");
    com.fasterxml.jackson.databind.JsonNode companies =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run("companies", "--db", db, "--json").out());
    long keep = -1;
    long other = -1;
    for (com.fasterxml.jackson.databind.JsonNode c : companies) {
      if (c.get("name").asText().equals("Albert Heijn")) {
        keep = c.get("id").asLong();
      }
      if (c.get("name").asText().equals("AH Emmen Centrum")) {
        other = c.get("id").asLong();
      }
    }
    // "AH Emmen Centrum" is filed under Albert Heijn at import; its spelling still finds it
    assertThat(other).isEqualTo(-1);
    assertThat(run("responses", "--db", db, "--json", "--company", "AH Emmen Centrum").out().trim())
        .isNotEqualTo("[ ]");
    assertThat(run("responses", "--db", db, "--json", "--class", "3a").out().trim())
        .isNotEqualTo("[ ]");
  }

  @Test
  void theResponsesTableUsesADecimalCommaInDutch() throws Exception {
    String db = dir.resolve("t.db").toString();
    run("import", "--db", db, "examples/bakkerij-emmen.json");
    assertThat(run("responses", "--lang", "nl", "--db", db).out()).contains("30,6").contains("3,8");
    assertThat(run("responses", "--lang", "en", "--db", db).out()).contains("30.6").contains("3.8");
  }

  @Test
  void anEmptyCsvIsOneLineWithoutALineNumber() throws Exception {
    Path empty = dir.resolve("leeg.csv");
    Files.writeString(empty, "");
    Cli.Run run =
        run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(empty + ": ").doesNotContain(empty + ":0");
  }

  @Test
  void aTableWithNoRecognisableColumnGetsOneShortLineNotItsWholeHeader() throws Exception {
    Path csv = dir.resolve("breed.csv");
    Files.writeString(csv, "x".repeat(3000) + "\nJan\n");
    Cli.Run run =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), csv.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err())
        .contains(csv + ":1: no column is a question of scan mvo-stagebedrijf")
        .doesNotContain("x".repeat(81));
    // the problem and what was not done; no list of unrecognised columns or unanswered questions
    assertThat(run.err().lines().toList()).hasSize(2).allMatch(line -> line.length() < 400);
    assertThat(dir.resolve("t.db")).doesNotExist();

    Path wide = dir.resolve("kolom.csv");
    Files.writeString(wide, "naam;bedrijf;visie;" + "y".repeat(3000) + "\nJan;Bakkerij;ja;ja\n");
    Cli.Run warned =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--dry-run",
            "--db",
            dir.resolve("t.db").toString(),
            wide.toString());
    assertThat(warned.err()).contains("y".repeat(80) + "\u2026").doesNotContain("y".repeat(81));
  }

  @Test
  void twoSpellingsOfOneCompanyAndThenItsKvkNumberImportInOneFile(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("klas.csv");
    java.nio.file.Files.writeString(
        csv,
        "naam;klas;bedrijf;kvk;plaats;visie\n"
            + "Sanne;3A;hotel het baken apeldoorn;;Apeldoorn;ja\n"
            + "Daan;3A;Hotel Het Baken Apeldoorn;;Apeldoorn;ja\n"
            + "Zoë;3A;Hotel Het Baken Apeldoorn;10000255;Apeldoorn;ja\n");
    String db = dir.resolve("k.db").toString();
    Cli.Run run = Cli.run("import", "--lang", "nl", "--db", db, csv.toString());
    assertThat(run.err()).doesNotContain("SQLITE");
    assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
    assertThat(run.out()).contains("3 antwoorden geïmporteerd");
  }

  @Test
  void aDryRunIntoAFolderThatIsNotThereFailsAsTheImportWould() {
    String db = dir.resolve("no-such-folder").resolve("x.db").toString();
    Cli.Run dry =
        Cli.run("import", "--lang", "en", "--db", db, "--dry-run", "examples/klas-3a.csv");
    Cli.Run real = Cli.run("import", "--lang", "en", "--db", db, "examples/klas-3a.csv");
    assertThat(real.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(dry.exitCode()).as(dry.out() + dry.err()).isEqualTo(real.exitCode());
    assertThat(dry.err()).isEqualTo(real.err()).contains("no-such-folder");
    assertThat(dry.out()).isEmpty();
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }
}
