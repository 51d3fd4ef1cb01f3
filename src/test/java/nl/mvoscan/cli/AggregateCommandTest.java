package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.mvoscan.report.AggregateCsv;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The golden data and its hand computation are in src/test/resources/aggregate/README.md. */
@ParameterizedClass
@EnumSource(Backend.class)
class AggregateCommandTest {

  /** Every command test runs on SQLite and on PostgreSQL, with the same expectations. */
  @Parameter Backend backend;

  private String database;

  private static final Path GOLDEN = Path.of("src", "test", "resources", "aggregate");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private String db;

  @BeforeEach
  void importTheGoldenClass() {
    db = backend.newDatabase(dir);
    Cli.Run imported =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            "--scan",
            GOLDEN.resolve("scan.json").toString(),
            GOLDEN.resolve("answers").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 6 responses (3 companies");
  }

  private Cli.Run aggregate(String... args) {
    List<String> all = new ArrayList<>(List.of("aggregate", "--lang", "en", "--db", db));
    all.addAll(Arrays.asList(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--json");
    Cli.Run run = aggregate(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }

  private static JsonNode group(JsonNode root, int pool, int group) {
    return root.get("pools").get(pool).get("groups").get(group);
  }

  private static List<String> row(String text, String title) {
    return text.lines()
        .filter(l -> l.startsWith(title + " "))
        .findFirst()
        .map(l -> Arrays.asList(l.substring(title.length()).trim().split("\\s+")))
        .orElseThrow();
  }

  @Test
  void theWholeClassGivesTheHandComputedGoldenFigures() throws Exception {
    JsonNode root = json();
    assertThat(root).isEqualTo(MAPPER.readTree(GOLDEN.resolve("expected-all.json").toFile()));

    // the README's hand computation, figure by figure
    JsonNode all = group(root, 0, 0);
    assertThat(all.get("n").asInt()).isEqualTo(6);
    JsonNode overall = all.get("overall");
    assertThat(overall.get("scored").asInt()).isEqualTo(5);
    assertThat(overall.get("insufficient").asInt()).isEqualTo(1);
    assertThat(overall.get("mean").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(overall.get("median").decimalValue()).isEqualByComparingTo("62.5");
    assertThat(overall.get("sd").decimalValue()).isEqualByComparingTo("28.5");
    assertThat(overall.get("p25").decimalValue()).isEqualByComparingTo("62.5");
    assertThat(overall.get("p75").decimalValue()).isEqualByComparingTo("75.0");
    JsonNode beleid = all.get("themes").get(0);
    assertThat(beleid.get("scored").asInt()).isEqualTo(6);
    assertThat(beleid.get("median").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(beleid.get("p25").decimalValue()).isEqualByComparingTo("37.5");
    assertThat(beleid.get("p75").decimalValue()).isEqualByComparingTo("93.8");
    assertThat(beleid.get("sd").decimalValue()).isEqualByComparingTo("41.1");
    assertThat(all.get("levels").toString())
        .isEqualTo(
            "[{\"id\":\"starter\",\"count\":1},{\"id\":\"gevorderd\",\"count\":2},{\"id\":\"koploper\",\"count\":2},{\"id\":null,\"count\":1}]");
    JsonNode b2 = all.get("questions").get(3);
    assertThat(b2.get("id").asText()).isEqualTo("b2");
    assertThat(
            List.of(
                b2.get("answered").asInt(),
                b2.get("na").asInt(),
                b2.get("unknown").asInt(),
                b2.get("missing").asInt(),
                b2.get("hidden").asInt()))
        .containsExactly(3, 0, 1, 1, 1);
    assertThat(all.get("improvements").findValuesAsText("id"))
        .containsExactly("a2", "a1", "b1", "b2");
    JsonNode bakery = all.get("agreement").get(0);
    assertThat(bakery.get("name").asText()).isEqualTo("Bakkerij Jansen");
    assertThat(bakery.get("agreement").decimalValue()).isEqualByComparingTo("54.2");
    assertThat(bakery.get("overall").get("spread").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(bakery.get("overall").get("sd").decimalValue()).isEqualByComparingTo("38.2");
    JsonNode garage = all.get("agreement").get(1);
    assertThat(garage.get("overall").get("spread").isNull()).isTrue();
    assertThat(garage.get("overall").get("sd").isNull()).isTrue();
  }

  @Test
  void companiesAreCountedPerStoredCompanyWhateverTheSpelling() throws Exception {
    JsonNode root = json("--by", "company");
    assertThat(root)
        .isEqualTo(MAPPER.readTree(GOLDEN.resolve("expected-by-company.json").toFile()));
    JsonNode groups = root.get("pools").get(0).get("groups");
    // "Bakkerij Jansen", "bakkerij jansen B.V." and "BAKKERIJ  JANSEN" are one company; so are the
    // two names
    // with KvK 12345678; "Smit Garage" without a KvK number is another
    assertThat(groups.findValuesAsText("label"))
        .containsExactly("Bakkerij Jansen", "Garage Smit", "Smit Garage");
    assertThat(groups.findValuesAsText("key").subList(0, 3))
        .containsExactly("name:bakkerij jansen", "kvk:12345678", "name:smit garage");
    assertThat(
            List.of(
                groups.get(0).get("n").asInt(),
                groups.get(1).get("n").asInt(),
                groups.get(2).get("n").asInt()))
        .containsExactly(3, 2, 1);
    assertThat(group(root, 0, 2).get("overall").get("sd").isNull()).isTrue();
  }

  @Test
  void filtersSelectByClassWithoutCaseByKvkNumberAndBySchoolYear() throws Exception {
    assertThat(json("--class", "3a").get("n").asInt()).isEqualTo(3);
    assertThat(json("--class", "3a", "--class", "3B").get("n").asInt()).isEqualTo(6);
    assertThat(json("--class", "3b", "--class", "3A").get("n").asInt()).isEqualTo(6);
    assertThat(json("--company", "12345678").get("n").asInt()).isEqualTo(2);
    assertThat(json("--company", "garage smit", "--company", "SMIT GARAGE").get("n").asInt())
        .isEqualTo(3);
    assertThat(json("--company", "bakkerij jansen bv").get("n").asInt()).isEqualTo(3);
    assertThat(
            json("--school-year", "2026-2027", "--class", "3B", "--company", "Smit Garage")
                .get("n")
                .asInt())
        .isEqualTo(1);
    assertThat(json("--scan", "klas-golden").get("n").asInt()).isEqualTo(6);
    // a school year that names nothing stored is bad input (issue #10)
    assertThat(aggregate("--school-year", "2025-2026").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void companiesMergedByTheTeacherAreOneGroupAndTheOldSpellingStillFindsThem() throws Exception {
    JsonNode before = json("--by", "company").get("pools").get(0).get("groups");
    long garage = 0;
    long other = 0;
    Cli.Run list = Cli.run("companies", "--lang", "en", "--db", db);
    for (String line : list.out().lines().toList()) {
      String[] cells = line.trim().split("\\s+");
      if (line.contains("kvk:12345678")) {
        garage = Long.parseLong(cells[0]);
      } else if (line.contains("name:smit garage")) {
        other = Long.parseLong(cells[0]);
      }
    }
    assertThat(before.size()).isEqualTo(3);
    Cli.Run merge =
        Cli.run(
            "companies",
            "merge",
            "--lang",
            "en",
            "--db",
            db,
            Long.toString(garage),
            Long.toString(other));
    assertThat(merge.exitCode()).as(merge.err()).isZero();

    JsonNode groups = json("--by", "company").get("pools").get(0).get("groups");
    assertThat(groups.findValuesAsText("label")).containsExactly("Bakkerij Jansen", "Garage Smit");
    assertThat(groups.get(1).get("n").asInt()).isEqualTo(3);
    assertThat(json("--company", "Smit Garage").get("n").asInt()).isEqualTo(3);
  }

  @Test
  void responsesOfAnotherScanVersionAreReportedApartWithAWarning() throws Exception {
    Cli.Run imported =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            "--scan",
            GOLDEN.resolve("scan-v2.json").toString(),
            GOLDEN.resolve("answers").resolve("r1.json").toString(),
            GOLDEN.resolve("answers").resolve("r3.json").toString());
    assertThat(imported.out()).as(imported.err()).contains("imported 2 responses");

    Cli.Run run = aggregate("--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains("warning: 2 responses use scan klas-golden 2 (sha256:")
        .contains("not klas-golden 1 (sha256:1d9e79711ca6)")
        .contains("reported separately, not pooled");
    JsonNode root = MAPPER.readTree(run.out());
    assertThat(root.get("n").asInt()).isEqualTo(8);
    JsonNode pools = root.get("pools");
    assertThat(pools.size()).isEqualTo(2);
    assertThat(pools.get(0).get("scan").get("version").asText()).isEqualTo("1");
    assertThat(pools.get(0).get("n").asInt()).isEqualTo(6);
    // version 1's figures are exactly those without the other version
    assertThat(pools.get(0))
        .isEqualTo(
            MAPPER.readTree(GOLDEN.resolve("expected-all.json").toFile()).get("pools").get(0));
    assertThat(pools.get(1).get("scan").get("version").asText()).isEqualTo("2");
    // r1 87.5 and r3 12.5: mean 50
    assertThat(group(root, 1, 0).get("overall").get("mean").decimalValue())
        .isEqualByComparingTo("50.0");

    Cli.Run text = aggregate();
    assertThat(text.out())
        .contains("Test scan for class figures 1 (sha256:1d9e79711ca6): 6 responses, not grouped")
        .contains("Test scan for class figures 2 (sha256:");

    Cli.Run onlyV2 = aggregate("--scan", "klas-golden@2", "--json");
    assertThat(onlyV2.err()).doesNotContain("warning");
    assertThat(MAPPER.readTree(onlyV2.out()).get("n").asInt()).isEqualTo(2);
  }

  @Test
  void aCompanyScannedInTwoSchoolYearsShowsItsTrendAndAgreementPerYear() throws Exception {
    Cli.Run imported =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            "--scan",
            GOLDEN.resolve("scan.json").toString(),
            GOLDEN.resolve("answers-2025").toString());
    assertThat(imported.out()).as(imported.err()).contains("imported 2 responses");

    JsonNode bakery = group(json("--by", "company", "--company", "Bakkerij Jansen"), 0, 0);
    assertThat(bakery.get("n").asInt()).isEqualTo(5);
    JsonNode trend = bakery.get("trend").get(0);
    assertThat(trend.get("name").asText()).isEqualTo("Bakkerij Jansen");
    JsonNode years = trend.get("years");
    assertThat(years.findValuesAsText("schoolYear")).containsExactly("2025-2026", "2026-2027");
    assertThat(years.get(0).get("n").asInt()).isEqualTo(2);
    assertThat(years.get(0).get("mean").decimalValue()).isEqualByComparingTo("37.5");
    assertThat(years.get(1).get("n").asInt()).isEqualTo(3);
    assertThat(years.get(1).get("mean").decimalValue()).isEqualByComparingTo("54.2");
    assertThat(trend.get("change").decimalValue()).isEqualByComparingTo("16.7");
    assertThat(bakery.get("agreement").findValuesAsText("schoolYear"))
        .containsExactly("2025-2026", "2026-2027");

    Cli.Run text = aggregate("--by", "company", "--company", "Bakkerij Jansen");
    assertThat(text.out())
        .contains("Bakkerij Jansen: 2025-2026 37.5 (n 2) → 2026-2027 54.2 (n 3); change +16.7");
    assertThat(
            json("--by", "school-year").get("pools").get(0).get("groups").findValuesAsText("key"))
        .containsExactly("2025-2026", "2026-2027");
  }

  @Test
  void textIsAReadableTableInEnglishAndInDutch() {
    Cli.Run english = aggregate();
    assertThat(english.exitCode()).isZero();
    assertThat(english.out())
        .contains("== All responses: 6 responses ==")
        .contains("sd: sample standard deviation (n − 1)")
        .contains("Levels: Starter 1 · Advanced 2 · Leader 2 · no level 1")
        .contains("1. a2                     sum 2.5, mean 0.5 over 5 responses: Question a2?")
        .contains(
            "b2                     ja 1 · deels 1 · nee 1 · nvt 0 · weetniet 1 | missing 1 · hidden 1")
        .contains(
            "Bakkerij Jansen, 2026-2027: 3 students; on average 54.2% gave the same answer, over 4 questions (0 unanimous)")
        .contains("overall scores 12.5 to 87.5: spread 75.0, sd 38.2");
    assertThat(
            english
                .out()
                .lines()
                .filter(l -> l.trim().startsWith("n "))
                .findFirst()
                .orElseThrow()
                .trim()
                .split("\\s+"))
        .containsExactly("n", "mean", "median", "sd", "min", "p25", "p75", "max", "insuff.", "n/a");
    assertThat(row(english.out(), "Overall"))
        .containsExactly("5", "60.0", "62.5", "28.5", "12.5", "62.5", "75.0", "87.5", "1", "0");
    assertThat(row(english.out(), "Policy"))
        .containsExactly("6", "62.5", "75.0", "41.1", "0.0", "37.5", "93.8", "100.0", "0", "0");

    Cli.Run dutch = Cli.run("aggregate", "--lang", "nl", "--db", db, "--by", "class");
    assertThat(dutch.out())
        .contains("Testscan voor klascijfers 1 (sha256:1d9e79711ca6): 6 antwoorden, per klas")
        .contains("== 3A: 3 antwoorden ==")
        .contains("== 3B: 3 antwoorden ==")
        .contains("Niveaus: Starter 0 · Gevorderd 1 · Koploper 2 · geen niveau 0");
    // 3A: r1 87.5, r2 62.5, r4 75 → mean 75, p25 h = 0.5 → 68.75 → 68,8
    assertThat(row(dutch.out(), "Totaal"))
        .containsExactly("3", "75,0", "75,0", "12,5", "62,5", "68,8", "81,3", "87,5", "0", "0");
  }

  @Test
  void csvHasOneRowPerGroupAndFigureWithStableColumnsForExcel() {
    Cli.Run english = aggregate("--by", "class", "--csv");
    assertThat(english.exitCode()).isZero();
    // one dialect for scripts, whatever the language: no BOM, ',' and a decimal point
    assertThat(english.out()).doesNotStartWith("\uFEFF");
    List<String> lines = english.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", AggregateCsv.COLUMNS));
    assertThat(lines.get(0))
        .isEqualTo(
            "scan_id,scan_version,scan_hash,group_by,group_key,group_label,figure,figure_label,"
                + "n,scored,insufficient,not_applicable,mean,median,sd,min,max,p25,p75");
    assertThat(lines).hasSize(1 + 2 * 3);
    assertThat(english.out()).contains("\r\n");
    String hash = "sha256:1d9e79711ca6facf8636bc2fec976b2a6936e02150016fc8ae1d2296185c4874";
    assertThat(lines.get(1))
        .isEqualTo(
            "klas-golden,1,"
                + hash
                + ",class,3A,3A,overall,Overall,3,3,0,0,75.0,75.0,12.5,62.5,87.5,68.8,81.3");
    // 3B: r3 12.5, r5 insufficient, r6 62.5
    assertThat(lines.get(4))
        .isEqualTo(
            "klas-golden,1,"
                + hash
                + ",class,3B,3B,overall,Overall,3,2,1,0,37.5,37.5,35.4,12.5,62.5,25.0,50.0");

    Cli.Run dutch = Cli.run("aggregate", "--lang", "nl", "--db", db, "--csv", "--excel");
    assertThat(dutch.out()).startsWith("\uFEFF");
    List<String> rows = dutch.out().substring(1).lines().toList();
    assertThat(rows.get(0)).isEqualTo(String.join(";", AggregateCsv.COLUMNS));
    assertThat(rows.get(1))
        .isEqualTo(
            "klas-golden;1;"
                + hash
                + ";all;all;all;overall;Totaal;6;5;1;0;60,0;62,5;28,5;12,5;87,5;62,5;75,0");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAsAFormulaGetAnApostrophe() throws Exception {
    Path evil = dir.resolve("evil");
    Files.createDirectories(evil);
    Files.writeString(
        evil.resolve("x.json"),
        """
        {"format": "mvoscan-answers/1", "scan": "klas-golden",
         "respondent": {"name": "X", "class": "@3C"},
         "company": {"name": "=HYPERLINK(\\"http://x\\")"}, "date": "2026-10-01",
         "answers": {"groot": "nee", "a1": "ja", "a2": "ja", "b1": "ja"}}
        """);
    Cli.Run imported =
        Cli.run(
            "import",
            "--lang",
            "en",
            "--db",
            db,
            "--scan",
            GOLDEN.resolve("scan.json").toString(),
            evil.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    String byCompany =
        aggregate("--by", "company", "--csv", "--company", "=HYPERLINK(\"http://x\")").out();
    assertThat(byCompany).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",overall,");
    String byClass = aggregate("--by", "class", "--csv", "--class", "@3C").out();
    assertThat(byClass).contains(",'@3C,'@3C,overall,");

    assertThat(nl.mvoscan.report.CsvExport.neutralise("+31")).isEqualTo("'+31");
    assertThat(nl.mvoscan.report.CsvExport.neutralise("-1")).isEqualTo("'-1");
    assertThat(nl.mvoscan.report.CsvExport.neutralise("\tx")).isEqualTo("'\tx");
    assertThat(nl.mvoscan.report.CsvExport.neutralise("\rx")).isEqualTo("'\rx");
    assertThat(nl.mvoscan.report.CsvExport.neutralise("Smit = goed")).isEqualTo("Smit = goed");
    assertThat(nl.mvoscan.report.CsvExport.neutralise("")).isEmpty();
  }

  @Test
  void aSelectionThatMatchesNothingSaysSoAndExitsZero() throws Exception {
    // each value is known, together they select nothing: an empty selection, not a typo
    Cli.Run text = aggregate("--class", "3A", "--company", "Smit Garage");
    assertThat(text.exitCode()).isZero();
    assertThat(text.err()).contains("no responses match the selection (n = 0)");
    assertThat(text.out()).isEmpty();

    Cli.Run json = aggregate("--class", "3A", "--company", "Smit Garage", "--json");
    assertThat(json.exitCode()).isZero();
    JsonNode root = MAPPER.readTree(json.out());
    assertThat(root.get("n").asInt()).isZero();
    assertThat(root.get("pools").size()).isZero();
    assertThat(root.get("selection").get("class").get(0).asText()).isEqualTo("3A");

    // a value that names nothing stored is a typo: bad input with what there is (issue #10)
    Cli.Run unknown = aggregate("--class", "9Z");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unknown.err())
        .contains("--class 9Z: matches no stored response")
        .contains("known values: 3A, 3B");

    Cli.Run csv = aggregate("--class", "3A", "--company", "Smit Garage", "--csv");
    assertThat(csv.exitCode()).isZero();
    assertThat(csv.out().lines().toList()).containsExactly(String.join(",", AggregateCsv.COLUMNS));

    String empty = backend.newDatabase(dir);
    Backend.open(empty).close();
    Cli.Run emptyDb = Cli.run("aggregate", "--lang", "nl", "--db", empty);
    assertThat(emptyDb.exitCode()).isZero();
    assertThat(emptyDb.err()).contains("geen antwoorden passen bij de selectie (n = 0)");
  }

  @Test
  void wrongOptionsAreBadInputWithExitCodeTwo() {
    Cli.Run by = aggregate("--by", "teacher");
    assertThat(by.exitCode()).isEqualTo(2);
    assertThat(by.err())
        .contains("--by \"teacher\" is not one of: all, class, company, sector, school-year");

    Cli.Run both = aggregate("--json", "--csv");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("choose --json or --csv, not both");

    Cli.Run year = aggregate("--school-year", "2026", "--school-year", "2026-2028");
    assertThat(year.exitCode()).isEqualTo(2);
    assertThat(year.err())
        .contains("school year \"2026\" is not two consecutive years like 2026-2027")
        .contains("school year \"2026-2028\" is not");
    assertThat(year.out()).isEmpty();
  }

  @Test
  void outputDoesNotDependOnTheMachineLocale() {
    java.util.Locale original = java.util.Locale.getDefault();
    List<String> expected = new ArrayList<>();
    List<String> turkish = new ArrayList<>();
    try {
      for (java.util.Locale locale :
          List.of(
              java.util.Locale.ROOT,
              java.util.Locale.forLanguageTag("tr"),
              java.util.Locale.forLanguageTag("nl"))) {
        java.util.Locale.setDefault(locale);
        List<String> outputs = locale == java.util.Locale.ROOT ? expected : turkish;
        outputs.clear();
        for (String lang : List.of("en", "nl")) {
          outputs.add(
              Cli.run(
                      "aggregate",
                      "--lang",
                      lang,
                      "--db",
                      db,
                      "--by",
                      "class",
                      "--class",
                      "3a",
                      "--class",
                      "3b")
                  .out());
          outputs.add(
              Cli.run("aggregate", "--lang", lang, "--db", db, "--by", "company", "--csv").out());
          outputs.add(
              Cli.run("aggregate", "--lang", lang, "--db", db, "--by", "sector", "--json").out());
        }
        if (locale != java.util.Locale.ROOT) {
          assertThat(turkish).as(locale.toString()).isEqualTo(expected);
        }
      }
    } finally {
      java.util.Locale.setDefault(original);
    }
    assertThat(expected.get(0)).contains("== 3B: 3 responses ==");
  }

  @Test
  void theSectorIsTheAnsweredProfileQuestionElseTheStoredCompanySector() throws Exception {
    JsonNode groups = json("--by", "sector").get("pools").get(0).get("groups");
    // productie r1 r2 r3, zorg r6 (option order), then Handel: r4's company.sector, r5 shares r4's
    // KvK company
    assertThat(groups.findValuesAsText("key")).containsExactly("productie", "zorg", "handel");
    assertThat(groups.findValuesAsText("label")).containsExactly("Manufacturing", "Care", "Handel");
    assertThat(
            List.of(
                groups.get(0).get("n").asInt(),
                groups.get(1).get("n").asInt(),
                groups.get(2).get("n").asInt()))
        .containsExactly(3, 1, 2);
  }

  @Test
  void aHashPrefixShorterThanEightDigitsIsBadInput() {
    Cli.Run run =
        Cli.run(
            "aggregate",
            "--lang",
            "en",
            "--db",
            dir.resolve("x.db").toString(),
            "--scan",
            "sha256:cf48");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--scan sha256:cf48: give at least 8 hex digits");
  }
}
