package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One company per real company, and a corrected file that replaces instead of doubling. */
class CorrectionsAndCompaniesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CLASS = Path.of("examples/klas-3a.csv");

  @TempDir Path dir;
  private String db;

  @BeforeEach
  void database() {
    db = dir.resolve("t.db").toString();
  }

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  /** klas-3a.csv with Zoë Mulder's answer to the vision question filled in. */
  private Path corrected() throws Exception {
    List<String> lines = Files.readAllLines(CLASS, StandardCharsets.UTF_8);
    int vision =
        List.of(lines.get(0).split(";", -1))
            .indexOf("Staat duurzaamheid of MVO in de missie of visie van het bedrijf?");
    assertThat(vision).isPositive();
    int zoe = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Zoë Mulder;")) {
        zoe = i;
      }
    }
    assertThat(zoe).isPositive();
    assertThat(lines.get(zoe)).doesNotContain("\"");
    String[] cells = lines.get(zoe).split(";", -1);
    assertThat(cells[vision]).isNotEqualTo("Ja");
    cells[vision] = "Ja";
    lines.set(zoe, String.join(";", cells));
    Path file = dir.resolve("klas-3a-verbeterd.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theExampleClassIsEightCompaniesAsTheReadmeDescribes() throws Exception {
    Cli.Run imported = run("import", "--lang", "en", "--db", db, CLASS.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 28 responses (8 companies, class 3A)");
    JsonNode companies = JSON.readTree(run("companies", "--db", db, "--json").out());
    List<String> names = new ArrayList<>();
    companies.forEach(c -> names.add(c.get("name").asText() + "/" + c.get("responses").asInt()));
    assertThat(names)
        .containsExactlyInAnyOrder(
            "Albert Heijn/4",
            "Bakkerij De Korenschoof/3",
            "Autobedrijf Van der Veen/4",
            "Zorgcentrum De Lindehof/4",
            "Installatiebedrijf Dijkstra & Zn./4",
            "Hotel-Restaurant De Gouden Leeuw/3",
            "Hoveniersbedrijf Groenrijk/3",
            "Bakker Logistiek/3");
    // the bakery's KvK number was typed by one student: every spelling lands on it
    companies.forEach(
        c -> {
          if (c.get("name").asText().startsWith("Bakkerij")) {
            assertThat(c.get("kvk").asText()).isEqualTo("04187352");
          }
        });
    Cli.Run suggest = run("companies", "suggest", "--lang", "en", "--db", db);
    assertThat(suggest.exitCode()).isZero();
    assertThat(suggest.err()).contains("no likely duplicates");
  }

  @Test
  void aCompanyKnownByNameGetsItsKvkNumberWhenAStudentGivesIt() throws Exception {
    Path first = dir.resolve("a.csv");
    Files.writeString(first, "naam;bedrijf;plaats;visie\nZoë;bakkerij de korenschoof;Emmen;Ja\n");
    Path second = dir.resolve("b.csv");
    Files.writeString(
        second,
        "naam;bedrijf;kvk;plaats;visie\nBram;Bakkerij De Korenschoof B.V.;04187352;Emmen;Nee\n");
    run("import", "--db", db, first.toString());
    Cli.Run again = run("import", "--lang", "en", "--db", db, second.toString());
    assertThat(again.out()).contains("(1 company, class -)");
    JsonNode companies = JSON.readTree(run("companies", "--db", db, "--json").out());
    assertThat(companies).hasSize(1);
    assertThat(companies.get(0).get("kvk").asText()).isEqualTo("04187352");
    assertThat(companies.get(0).get("responses").asInt()).isEqualTo(2);
  }

  @Test
  void aSevenDigitKvkNumberIsRestoredWithANotice() throws Exception {
    Path csv = dir.resolve("excel.csv");
    Files.writeString(
        csv, "naam;bedrijf;kvk;plaats;visie\nZoë;Bakkerij De Korenschoof;4187352;Emmen;Ja\n");
    Cli.Run run = run("import", "--lang", "en", "--db", db, csv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("excel.csv:2: kvk: KvK number 4187352 has 7 digits")
        .contains("read as 04187352");
    assertThat(run("companies", "--db", db, "--json").out()).contains("\"kvk\" : \"04187352\"");
  }

  @Test
  void suggestNamesLookAlikesInOneCityWithTheMergeCommand() throws Exception {
    Path csv = dir.resolve("lijkt.csv");
    Files.writeString(
        csv,
        "naam;bedrijf;kvk;plaats;visie\nZoë;Bakkerij Jansen;12345678;Emmen;Ja\nBram;Jansen Brood en Banket;;Emmen;Nee\nEva;Bakkerij Jansen;;Assen;Nee\n");
    run("import", "--db", db, csv.toString());
    Cli.Run suggest = run("companies", "suggest", "--lang", "nl", "--db", db);
    assertThat(suggest.exitCode()).isZero();
    assertThat(CliFixtures.lines(suggest.out()))
        .singleElement()
        .asString()
        .contains("Bakkerij Jansen (Emmen, KvK 12345678, 1)")
        .contains("Jansen Brood en Banket (Emmen, 1)")
        .contains("lijken één bedrijf: mvoscan companies merge 1 2");
    assertThat(run("companies", "merge", "1", "2", "--db", db).exitCode()).isZero();
    assertThat(run("companies", "suggest", "--lang", "en", "--db", db).err())
        .contains("no likely duplicates");
  }

  @Test
  void aDryRunListsEachResponseItWouldReplaceWithItsNameEscaped() throws Exception {
    Path first = dir.resolve("eerst.csv");
    Files.writeString(
        first,
        "naam;klas;bedrijf;plaats;datum;visie\n"
            + "\"Zoë\u202eMulder\";3A;Bakkerij Jansen;Emmen;5-3-2026;Ja\n"
            + "Bram;3B;Garage Assen;Assen;5-3-2026;Ja\n");
    assertThat(run("import", "--db", db, first.toString()).exitCode()).isZero();
    Path corrected = dir.resolve("verbeterd.csv");
    Files.writeString(
        corrected,
        "naam;klas;bedrijf;plaats;datum;visie\n"
            + "\"Zoë\u202eMulder\";3A;Bakkerij Jansen;Emmen;6-3-2026;Nee\n"
            + "Bram;3B;Garage Assen;Assen;5-3-2026;Ja\n");
    Cli.Run dry = run("import", "--lang", "nl", "--db", db, corrected.toString(), "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(CliFixtures.lines(dry.out()))
        .contains(
            "  zou vervangen: Zoë\\u202eMulder, klas 3A, bedrijf Bakkerij Jansen, scan"
                + " mvo-stagebedrijf 2026.2, schooljaar 2025-2026")
        .noneMatch(l -> l.contains("Bram"));
    Cli.Run english = run("import", "--lang", "en", "--db", db, corrected.toString(), "--dry-run");
    assertThat(english.out())
        .contains(
            "  would replace: Zoë\\u202eMulder, class 3A, company Bakkerij Jansen, scan"
                + " mvo-stagebedrijf 2026.2, school year 2025-2026");
  }

  @Test
  void reImportingAFileWithOneCorrectedCellReplacesOneResponse() throws Exception {
    assertThat(run("import", "--db", db, CLASS.toString()).exitCode()).isZero();
    Path corrected = corrected();

    Cli.Run dry = run("import", "--lang", "nl", "--db", db, corrected.toString(), "--dry-run");
    assertThat(dry.out())
        .contains("1 antwoord zou worden geïmporteerd; 27 waren er al")
        .contains("1 antwoord zou worden vervangen");
    assertThat(JSON.readTree(run("responses", "--db", db, "--json").out())).hasSize(28);

    Cli.Run again = run("import", "--lang", "nl", "--db", db, corrected.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "1 antwoord geïmporteerd (1 bedrijf, klas 3A); 27 waren er al; 0 overgeslagen; 1 vervangen");
    JsonNode responses = JSON.readTree(run("responses", "--db", db, "--json").out());
    assertThat(responses).hasSize(28);
    String export = run("export", "--db", db, "--long", "--format", "json").out();
    JsonNode zoe = null;
    for (JsonNode row : JSON.readTree(export)) {
      if (row.get("student").asText().equals("Zoë Mulder")
          && row.get("question_id").asText().equals("visie")) {
        assertThat(zoe).as("one answer of Zoë to visie").isNull();
        zoe = row;
      }
    }
    assertThat(zoe.get("value").asText()).isEqualTo("ja");
  }

  /** The companies as name/city/responses. */
  private List<String> companies() throws Exception {
    JsonNode companies = JSON.readTree(run("companies", "--db", db, "--json").out());
    List<String> rows = new ArrayList<>();
    companies.forEach(
        c ->
            rows.add(
                c.get("name").asText()
                    + "/"
                    + (c.get("city") == null || c.get("city").isNull()
                        ? "-"
                        : c.get("city").asText())
                    + "/"
                    + c.get("responses").asInt()));
    return rows;
  }

  private Path csv(String name, String... rows) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "naam;bedrijf;kvk;plaats;visie\n" + String.join("\n", rows) + "\n");
    return file;
  }

  @Test
  void anExactNameInAnotherCityIsAnotherCompanyEvenAfterSpellingsWereJoined() throws Exception {
    List<String> lines = Files.readAllLines(CLASS, StandardCharsets.UTF_8);
    Path albertHeijn = dir.resolve("ah.csv");
    Files.write(albertHeijn, lines.subList(0, 5), StandardCharsets.UTF_8);
    assertThat(run("import", "--db", db, albertHeijn.toString()).exitCode()).isZero();
    assertThat(companies()).containsExactly("Albert Heijn/Emmen/4");

    Cli.Run assen =
        run("import", "--db", db, csv("assen.csv", "Noa;Albert Heijn;;Assen;Ja").toString());
    assertThat(assen.exitCode()).as(assen.err()).isZero();
    assertThat(companies())
        .containsExactlyInAnyOrder("Albert Heijn/Emmen/4", "Albert Heijn/Assen/1");
    // another spelling of each lands in its own city
    run(
        "import",
        "--db",
        db,
        csv("meer.csv", "Ben;albert heijn bv;;Assen;Nee", "Kim;AH Emmen Centrum;;Emmen;Nee")
            .toString());
    assertThat(companies())
        .containsExactlyInAnyOrder("Albert Heijn/Emmen/5", "Albert Heijn/Assen/2");
  }

  @Test
  void theExampleClassKeepsNamesOfOtherCitiesApart() throws Exception {
    assertThat(run("import", "--db", db, CLASS.toString()).exitCode()).isZero();
    Cli.Run others =
        run(
            "import",
            "--db",
            db,
            csv(
                    "elders.csv",
                    "Noa;De Gouden Leeuw;;Groningen;Ja",
                    "Ben;hotel de gouden leeuw;;Zwolle;Ja",
                    "Kim;Bakkerij De Korenschoof;;Assen;Ja")
                .toString());
    assertThat(others.exitCode()).as(others.err()).isZero();
    assertThat(companies())
        .hasSize(11)
        .contains(
            "Hotel-Restaurant De Gouden Leeuw/Emmen/3",
            "Bakkerij De Korenschoof/Emmen/3",
            "De Gouden Leeuw/Groningen/1",
            "hotel de gouden leeuw/Zwolle/1",
            "Bakkerij De Korenschoof/Assen/1");
  }

  @Test
  void aNameWithoutCityIsTheOneKnownCompanyOfThatNameAndStaysThere() throws Exception {
    run("import", "--db", db, csv("emmen.csv", "Zoë;Albert Heijn;;Emmen;Ja").toString());
    run("import", "--db", db, csv("zonder.csv", "Bram;albert heijn b.v.;;;Ja").toString());
    assertThat(companies()).containsExactly("Albert Heijn/Emmen/2");
    run("import", "--db", db, csv("assen.csv", "Noa;Albert Heijn;;Assen;Ja").toString());
    // the name without a city was decided before: a correction must find the same company
    Cli.Run corrected =
        run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            csv("zonder-verbeterd.csv", "Bram;Albert Heijn;;;Nee").toString());
    assertThat(corrected.out()).contains("1 replaced");
    assertThat(companies())
        .containsExactlyInAnyOrder("Albert Heijn/Emmen/2", "Albert Heijn/Assen/1");
  }

  @Test
  void aNameWithoutCityThatSeveralCompaniesHaveIsACompanyOfItsOwn() throws Exception {
    run(
        "import",
        "--db",
        db,
        csv("steden.csv", "Zoë;Albert Heijn;;Emmen;Ja", "Noa;Albert Heijn;;Assen;Ja").toString());
    run("import", "--db", db, csv("zonder.csv", "Eva;Albert Heijn;;;Nee").toString());
    run("import", "--db", db, csv("zonder2.csv", "Bram;albert heijn bv;;;Nee").toString());
    // the import cannot tell which of the two is meant, so it guesses neither
    assertThat(companies())
        .containsExactlyInAnyOrder(
            "Albert Heijn/Emmen/1", "Albert Heijn/Assen/1", "Albert Heijn/-/2");
  }

  @Test
  void aSpellingMergedFromAMistypedCityStillLandsOnTheKeptCompany() throws Exception {
    run(
        "import",
        "--db",
        db,
        csv("a.csv", "Zoë;Hotel De Gouden Leeuw;;Emmen;Ja", "Bram;Gouden Leeuw;;Emen;Ja")
            .toString());
    assertThat(run("companies", "merge", "1", "2", "--db", db).exitCode()).isZero();
    Cli.Run again =
        run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            csv("b.csv", "Bram;Gouden Leeuw;;Emen;Nee").toString());
    assertThat(again.out()).contains("1 replaced");
    assertThat(companies()).containsExactly("Hotel De Gouden Leeuw/Emmen/2");
  }

  @Test
  void twoDifferentResponsesOfOneStudentInOneImportAreAConflictAndNothingIsStored()
      throws Exception {
    Cli.Run both = run("import", "--lang", "en", "--db", db, "examples");
    assertThat(both.exitCode()).as(both.out()).isEqualTo(2);
    assertThat(both.err())
        .contains(
            Path.of("examples", "klas-3a.csv")
                + ":6: Sanne de Vries, Bakkerij De Korenschoof: also in "
                + Path.of("examples", "bakkerij-emmen.json"))
        .contains("keep one, or import the correction separately afterwards")
        .contains("Yusuf Demir")
        .contains("Jesse Hoekstra")
        .contains(
            Path.of("examples", "zorghuis-groningen.json")
                + ": Anaïs Bakker, Zorgcentrum De Lindehof: also in "
                + Path.of("examples", "klas-3a.csv")
                + ":13");
    assertThat(Files.exists(dir.resolve("t.db"))).isFalse();

    Cli.Run dry = run("import", "--lang", "en", "--db", db, CLASS.toString());
    assertThat(dry.exitCode()).isZero();
    Cli.Run dryBoth = run("import", "--lang", "en", "--db", db, "examples", "--dry-run");
    assertThat(dryBoth.exitCode()).isEqualTo(2);
    assertThat(dryBoth.err()).contains("Sanne de Vries, Bakkerij De Korenschoof: also in");
  }

  @Test
  void aDryRunWithoutADatabaseFindsTheSameConflictsAndRepeatsAsTheFirstImport() throws Exception {
    Cli.Run dry = run("import", "--lang", "en", "--db", db, "examples", "--dry-run");
    assertThat(Files.exists(Path.of(db))).isFalse();
    Cli.Run real = run("import", "--lang", "en", "--db", db, "examples");
    assertThat(Files.exists(Path.of(db))).isFalse();
    assertThat(dry.exitCode()).isEqualTo(real.exitCode()).isEqualTo(2);
    assertThat(dry.err())
        .isEqualTo(real.err())
        .contains("Sanne de Vries, Bakkerij De Korenschoof: also in");

    // the same file twice: the second copy adds nothing, in the dry run as in the import
    Cli.Run twice =
        run("import", "--lang", "en", "--db", db, "--dry-run", CLASS.toString(), CLASS.toString());
    assertThat(twice.exitCode()).as(twice.err()).isZero();
    assertThat(twice.out()).contains("28 responses would be imported; 28 already present");
    assertThat(Files.exists(Path.of(db))).isFalse();
    Cli.Run imported =
        run("import", "--lang", "en", "--db", db, CLASS.toString(), CLASS.toString());
    assertThat(imported.out()).contains("imported 28 responses").contains("28 already present");
  }

  @Test
  void skippingTheLaterOfTwoDifferentResponsesMakesASecondImportAddNothing() throws Exception {
    Cli.Run first = run("import", "--lang", "en", "--db", db, "examples", "--skip-invalid");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
    assertThat(first.out()).contains("imported 31 responses").contains("4 skipped; 0 replaced");
    String ids = run("responses", "--db", db, "--json").out();
    Cli.Run again = run("import", "--lang", "en", "--db", db, "examples", "--skip-invalid");
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(again.out()).contains("imported 0 responses").contains("31 already present");
    assertThat(again.out()).contains("0 replaced");
    assertThat(run("responses", "--db", db, "--json").out()).isEqualTo(ids);
  }

  @Test
  void anIdenticalSecondResponseInOneImportIsAlreadyPresent() throws Exception {
    Path twice = dir.resolve("twee.csv");
    Files.writeString(
        twice,
        "naam;studentnummer;bedrijf;plaats;visie\nZoë;1;Bakkerij;Emmen;Ja\nZoë;1;Bakkerij;Emmen;Ja\n");
    Cli.Run run = run("import", "--lang", "en", "--db", db, twice.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("imported 1 response").contains("1 already present");
  }

  @Test
  void anotherSchoolYearOrAnotherCompanyIsNotACorrection() throws Exception {
    Path first = dir.resolve("a.csv");
    Files.writeString(
        first,
        "naam;studentnummer;klas;bedrijf;plaats;datum;visie\nZoë;104201;3A;Bakkerij;Emmen;3-11-2026;Ja\n");
    Path later = dir.resolve("b.csv");
    Files.writeString(
        later,
        "naam;studentnummer;klas;bedrijf;plaats;datum;visie\nZoë;104201;3A;Bakkerij;Emmen;3-11-2027;Nee\nZoë;104201;3A;Garage Pietersen;Emmen;3-11-2026;Nee\n");
    run("import", "--db", db, first.toString());
    Cli.Run again = run("import", "--lang", "en", "--db", db, later.toString());
    assertThat(again.out()).contains("imported 2 responses").contains("0 replaced");
  }
}
