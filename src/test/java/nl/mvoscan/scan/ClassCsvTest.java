package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.CsvTable;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract §7, the scan level: headers, metadata, cell values, problems and warnings. */
class ClassCsvTest {

  static final String SCAN =
      """
      {
        "format": "mvoscan-scan/1",
        "id": "test-scan",
        "version": "1",
        "languages": ["nl", "en"],
        "title": {"nl": "Test", "en": "Test"},
        "scales": {
          "jdn": [
            {"id": "ja", "label": {"nl": "Ja", "en": "Yes"}, "points": 2},
            {"id": "nee", "label": {"nl": "Nee", "en": "No"}, "points": 0},
            {"id": "nvt", "label": {"nl": "N.v.t.", "en": "N/A"}, "na": true},
            {"id": "weetniet", "label": {"nl": "Weet ik niet", "en": "Don't know"}, "unknown": true}
          ]
        },
        "profile": [
          {"id": "sector", "type": "choice", "text": {"nl": "Sector", "en": "Industry"},
           "options": [{"id": "bouw", "label": {"nl": "Bouw", "en": "Construction"}},
                       {"id": "zorg", "label": {"nl": "Zorg", "en": "Care"}}]},
          {"id": "medewerkers", "type": "number", "min": 0, "integer": true,
           "text": {"nl": "Aantal  medewerkers", "en": "Number of employees"}},
          {"id": "omzet", "type": "number", "min": 0, "max": 1000,
           "text": {"nl": "Omzet in miljoen euro", "en": "Turnover in million euro"}},
          {"id": "vestiging", "type": "text", "text": {"nl": "Plaats", "en": "Location"}}
        ],
        "themes": [
          {"id": "beleid", "title": {"nl": "Beleid", "en": "Policy"},
           "questions": [
             {"id": "visie", "type": "choice", "scale": "jdn",
              "text": {"nl": "Staat duurzaamheid in de visie?", "en": "Is sustainability in the vision?"}},
             {"id": "maatregelen", "type": "multi", "text": {"nl": "Maatregelen", "en": "Measures"},
              "options": [{"id": "led", "label": "LED", "points": 1},
                          {"id": "zon", "label": {"nl": "Zonnepanelen", "en": "Solar panels"}, "points": 2},
                          {"id": "isolatie", "label": {"nl": "Isolatie; dak of muur", "en": "Insulation"}, "points": 1},
                          {"id": "geen", "label": {"nl": "Geen", "en": "None"}, "points": 0, "exclusive": true}]},
             {"id": "toelichting", "type": "text", "maxLength": 20, "text": {"nl": "Toelichting", "en": "Notes"}}
           ]}
        ],
        "levels": [{"id": "starter", "min": 0, "label": {"nl": "Starter", "en": "Starter"}}]
      }
      """;

  @TempDir Path dir;

  static Scan scan(String json) {
    ScanLoader.Result result =
        ScanLoader.load(Path.of("t.json"), JsonReader.parse("t.json", json), Locale.ENGLISH);
    assertThat(result.problems()).isEmpty();
    return result.scan();
  }

  /**
   * {@code csv} with an unanswered question column after the others: a table of details alone is
   * refused (csv.noQuestionColumn), these tests are about the details.
   */
  private static String withQuestionColumn(String csv) {
    StringBuilder out = new StringBuilder();
    String[] lines = csv.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isEmpty()) {
        out.append(lines[i]).append(i == 0 ? ";medewerkers" : ";");
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static ClassCsv.Result importCsv(String csv) {
    return importCsv(scan(SCAN), csv, Map.of(), null);
  }

  private static ClassCsv.Result importCsv(
      Scan scan, String csv, Map<String, String> mapping, String defaultClass) {
    return ClassCsv.read(
        CsvTable.parse(csv.getBytes(StandardCharsets.UTF_8)), scan, mapping, defaultClass);
  }

  private static Answers only(ClassCsv.Result result) {
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows()).hasSize(1);
    return result.rows().get(0).answers();
  }

  /** The answer as a plain Java value: an option id or text, a list of ids, a BigDecimal. */
  private static Object value(Answers answers, String question) {
    Answers.Answer answer = answers.answers().get(question);
    return answer == null
        ? null
        : answer
            .value()
            .<Object>match(
                AnswerValue.Choice::optionId,
                AnswerValue.Multi::optionIds,
                AnswerValue.Number::value,
                AnswerValue.Text::text);
  }

  private static CsvProblem onlyProblem(ClassCsv.Result result) {
    assertThat(result.problems()).hasSize(1);
    return result.problems().get(0);
  }

  // ---------------------------------------------------------------- headers

  @Test
  void questionColumnsAreFoundByIdByDutchTextAndByEnglishText() {
    Answers answers =
        only(importCsv("naam;visie;Maatregelen;Number of employees\nZoë;ja;LED;12\n"));
    assertThat(value(answers, "visie")).isEqualTo("ja");
    assertThat(value(answers, "maatregelen")).isEqualTo(List.of("led"));
    assertThat(value(answers, "medewerkers")).isEqualTo(new BigDecimal("12"));
  }

  @Test
  void headersAreComparedTrimmedCaseFoldedAndWithWhiteSpaceCollapsed() {
    ClassCsv.Result result =
        importCsv("  NAAM ;  staat   DUURZAAMHEID in de visie?  ;aantal medewerkers\nZoë;Ja;12\n");
    Answers answers = only(result);
    assertThat(answers.respondent().name()).isEqualTo("Zoë");
    assertThat(value(answers, "visie")).isEqualTo("ja");
    assertThat(value(answers, "medewerkers")).isEqualTo(new BigDecimal("12"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aMappingTiesAnyHeaderToAQuestion() {
    Map<String, String> mapping =
        Map.of("V1 duurzaam?", "visie", "  welke MAATREGELEN ", "maatregelen");
    Answers answers =
        only(
            importCsv(
                scan(SCAN), "naam;V1 duurzaam?;Welke maatregelen\nZoë;nee;zon\n", mapping, null));
    assertThat(value(answers, "visie")).isEqualTo("nee");
    assertThat(value(answers, "maatregelen")).isEqualTo(List.of("zon"));
  }

  @Test
  void aMappingWinsOverMetadataAndAutomaticMatchesAndNullIgnoresAColumn() {
    Map<String, String> mapping = new HashMap<>();
    mapping.put("plaats", "vestiging");
    mapping.put("Opmerking docent", null);
    ClassCsv.Result result =
        importCsv(scan(SCAN), "naam;Plaats;Opmerking docent\nZoë;Emmen;goed\n", mapping, null);
    Answers answers = only(result);
    assertThat(value(answers, "vestiging")).isEqualTo("Emmen");
    assertThat(answers.company()).isNull();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aMappingToAnUnknownQuestionIsAProblemOnTheHeaderLine() {
    ClassCsv.Result result =
        importCsv(scan(SCAN), "naam;V1\nZoë;ja\n", Map.of("V1", "vissie"), null);
    CsvProblem problem = result.problems().get(0);
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.column()).isEqualTo("V1");
    assertThat(problem.key()).isEqualTo("csv.mappingUnknownQuestion");
    assertThat(problem.args()).containsExactly("V1", "vissie", "test-scan");
  }

  @Test
  void aHeaderThatMatchesTwoQuestionsIsAnErrorAskingForAMapping() {
    Scan scan = scan(SCAN.replace("\"en\": \"Notes\"", "\"en\": \"Measures\""));
    ClassCsv.Result result = importCsv(scan, "naam;Measures\nZoë;LED\nBram;Zon\n", Map.of(), null);
    CsvProblem problem = onlyProblem(result);
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.column()).isEqualTo("Measures");
    assertThat(problem.key()).isEqualTo("csv.ambiguousHeader");
    assertThat(problem.args()).containsExactly("Measures", "maatregelen, toelichting");

    ClassCsv.Result mapped =
        importCsv(
            scan, "naam;Measures\nZoë;LED\nBram;Zon\n", Map.of("Measures", "maatregelen"), null);
    assertThat(mapped.problems()).isEmpty();
    assertThat(mapped.rows()).hasSize(2);
  }

  @Test
  void twoHeadersThatMatchOneQuestionAreOneErrorAskingForAMapping() {
    ClassCsv.Result result =
        importCsv("naam;visie;Is sustainability in the vision?\nZoë;ja;nee\nBram;nee;ja\n");
    CsvProblem problem = onlyProblem(result);
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.column()).isEqualTo("Is sustainability in the vision?");
    assertThat(problem.key()).isEqualTo("csv.duplicateColumn");
    assertThat(problem.args())
        .containsExactly("visie", "Is sustainability in the vision?", "visie");
  }

  @Test
  void unrecognisedColumnsAreOneWarningEachAndNeverScored() {
    ClassCsv.Result result =
        importCsv("naam;visie;Cijfer;Opmerking;;\nZoë;ja;8;zoe@example.org;;x\nBram;nee;6;;;\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings())
        .extracting(CsvProblem::key)
        .containsExactly("csv.unknownColumn", "csv.unknownColumn", "csv.unnamedColumn");
    assertThat(result.warnings())
        .extracting(CsvProblem::column)
        .containsExactly("Cijfer", "Opmerking", "");
    assertThat(result.warnings().get(0).args()).containsExactly("Cijfer");
    assertThat(result.warnings().get(2).args()).containsExactly(6);
    assertThat(result.warnings()).allSatisfy(w -> assertThat(w.line()).isEqualTo(1));
    assertThat(result.rows())
        .allSatisfy(r -> assertThat(r.answers().answers()).containsOnlyKeys("visie"));
  }

  // ---------------------------------------------------------------- metadata

  @Test
  void metadataColumnsByDutchHeadersFillRespondentCompanyAndDate() {
    Answers answers =
        only(
            importCsv(
                withQuestionColumn(
                    "naam;studentnummer;klas;bedrijf;kvk;plaats;datum\n"
                        + " Zoë Mulder ;104201;3A;Bakkerij De Korenschoof;04187352;Emmen;3-11-2026\n")));
    assertThat(answers.scanId()).isEqualTo("test-scan");
    assertThat(answers.scanVersion()).isEqualTo("1");
    assertThat(answers.respondent())
        .isEqualTo(new Answers.Respondent("Zoë Mulder", "104201", "3A", null));
    assertThat(answers.company())
        .isEqualTo(new Answers.Company("Bakkerij De Korenschoof", "04187352", "Emmen", null));
    assertThat(answers.date()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(answers.answers()).isEmpty();
  }

  @Test
  void metadataColumnsByEnglishHeadersInAnyCase() {
    Answers answers =
        only(
            importCsv(
                withQuestionColumn(
                    "Student;STUDENT_ID;Class;Company;KVK;City;Date\nZoë;104201;3A;Garage;01093846;Assen;2026-11-17\n")));
    assertThat(answers.respondent()).isEqualTo(new Answers.Respondent("Zoë", "104201", "3A", null));
    assertThat(answers.company())
        .isEqualTo(new Answers.Company("Garage", "01093846", "Assen", null));
    assertThat(answers.date()).isEqualTo(LocalDate.of(2026, 11, 17));
    assertThat(
            importCsv(withQuestionColumn("name\nZoë\n"))
                .rows()
                .get(0)
                .answers()
                .respondent()
                .name())
        .isEqualTo("Zoë");
  }

  @Test
  void aMetadataNameWinsOverAQuestionWithTheSameHeader() {
    // "Plaats" is the Dutch text of question vestiging, and the metadata header for the city
    ClassCsv.Result result =
        importCsv(withQuestionColumn("naam;bedrijf;Plaats\nZoë;Garage;Emmen\n"));
    Answers answers = only(result);
    assertThat(answers.company().city()).isEqualTo("Emmen");
    assertThat(answers.answers()).doesNotContainKey("vestiging");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aNonEmptyKlasCellWinsOverTheDefaultClass() {
    ClassCsv.Result result =
        importCsv(
            scan(SCAN), withQuestionColumn("naam;klas\nZoë;3A\nBram;\nLotte; \n"), Map.of(), "4B");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> r.answers().respondent().className())
        .containsExactly("3A", "4B", "4B");
    ClassCsv.Result noColumn =
        importCsv(scan(SCAN), withQuestionColumn("naam\nZoë\n"), Map.of(), "4B");
    assertThat(noColumn.rows().get(0).answers().respondent().className()).isEqualTo("4B");
  }

  @Test
  void datesAreIsoOrDayMonthYearWithOneOrTwoDigits() {
    ClassCsv.Result result =
        importCsv(
            withQuestionColumn(
                "naam;datum\nA;3-1-2026\nB;03-01-2026\nC;2026-01-03\nD;29-2-2028\n"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> r.answers().date())
        .containsExactly(
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2028, 2, 29));
  }

  @Test
  void anImpossibleOrOtherwiseWrittenDateIsAProblemInItsColumn() {
    ClassCsv.Result result =
        importCsv(
            withQuestionColumn(
                "naam;Datum\nA;31-2-2026\nB;2026-02-30\nC;1/3/2026\nD;2026-1-3\nE;3-1-2026\n"));
    assertThat(result.problems()).extracting(CsvProblem::line).containsExactly(2, 3, 4, 5);
    assertThat(result.problems())
        .allSatisfy(
            p -> {
              assertThat(p.key()).isEqualTo("csv.badDate");
              assertThat(p.column()).isEqualTo("Datum");
            });
    assertThat(result.problems().get(0).args()).containsExactly("31-2-2026");
    assertThat(result.rows()).extracting(ClassCsv.Row::line).containsExactly(6);
  }

  @Test
  void aKvkNumberThatIsNotEightDigitsIsAProblemInTheKvkColumn() {
    ClassCsv.Result result = importCsv(withQuestionColumn("naam;bedrijf;KvK\nZoë;Garage;109384\n"));
    CsvProblem problem = onlyProblem(result);
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.column()).isEqualTo("KvK");
    assertThat(problem.key()).isEqualTo("answers.badKvk");
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void aCityWithoutACompanyIsAProblemAndAStudentNumberWithoutANameAWarning() {
    ClassCsv.Result result =
        importCsv(withQuestionColumn("naam;studentnummer;bedrijf;plaats\n;104201;;Emmen\n"));
    assertThat(result.problems())
        .extracting(p -> p.column() + " " + p.key())
        .containsExactly("bedrijf csv.missingCompany");
    // §4: an answers file may have no respondent, and a respondent needs a name
    assertThat(result.warnings())
        .extracting(p -> p.column() + " " + p.key())
        .containsExactly("naam csv.anonymousRowNumber");
  }

  @Test
  void rowsWithoutNameOrClassHaveNoRespondent() {
    Answers answers = only(importCsv("visie\nja\n"));
    assertThat(answers.respondent()).isNull();
    assertThat(answers.company()).isNull();
    assertThat(answers.date()).isNull();
  }

  // ---------------------------------------------------------------- values

  @Test
  void choiceValuesAreAnOptionIdOrALabelInAnyLanguageInAnyCase() {
    ClassCsv.Result result =
        importCsv(
            "naam;visie;sector\n"
                + "A;ja;bouw\nB;Ja;Bouw\nC;Yes;Construction\nD; yES ;ZORG\nE;weet ik niet;care\nF;DON'T KNOW;Zorg\nG;N/A;zorg\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "visie"))
        .containsExactly("ja", "ja", "ja", "ja", "weetniet", "weetniet", "nvt");
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "sector"))
        .containsExactly("bouw", "bouw", "bouw", "zorg", "zorg", "zorg", "zorg");
  }

  @Test
  void anUnknownOptionIsAProblemListingTheLabelsInTheLanguageOfTheHeader() {
    ClassCsv.Result dutch = importCsv("naam;Staat duurzaamheid in de visie?\nZoë;Misschien\n");
    CsvProblem problem = onlyProblem(dutch);
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.column()).isEqualTo("Staat duurzaamheid in de visie?");
    assertThat(problem.key()).isEqualTo("csv.unknownOption");
    assertThat(problem.args()).containsExactly("Misschien", "Ja, Nee, N.v.t., Weet ik niet");

    CsvProblem english =
        onlyProblem(importCsv("naam;Is sustainability in the vision?\nZoë;Maybe\n"));
    assertThat(english.args()).containsExactly("Maybe", "Yes, No, N/A, Don't know");
  }

  @Test
  void multiAnswersAreSeparatedBySemicolonOrBar() {
    ClassCsv.Result result =
        importCsv(
            "naam,maatregelen\n"
                + "A,led;zon\nB,LED | Zonnepanelen\nC,Solar panels|led;Insulation\nD,led|\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "maatregelen"))
        .containsExactly(
            List.of("led", "zon"),
            List.of("led", "zon"),
            List.of("zon", "led", "isolatie"),
            List.of("led"));
  }

  @Test
  void aMultiLabelThatContainsASeparatorIsStillOneOption() {
    Answers answers = only(importCsv("naam,maatregelen\nA,Isolatie; dak of muur\n"));
    assertThat(value(answers, "maatregelen")).isEqualTo(List.of("isolatie"));
  }

  @Test
  void anExclusiveOptionAloneIsAListOfOneAndCombinedIsAProblem() {
    ClassCsv.Result result = importCsv("naam;maatregelen\nA;Geen\nB;Geen|LED\nC;\"led;LED\"\n");
    assertThat(result.rows())
        .singleElement()
        .satisfies(r -> assertThat(value(r.answers(), "maatregelen")).isEqualTo(List.of("geen")));
    assertThat(result.problems()).extracting(CsvProblem::line).containsExactly(3, 4);
    assertThat(result.problems())
        .extracting(CsvProblem::key)
        .containsExactly("answers.exclusiveCombined", "answers.duplicateOption");
    assertThat(result.problems()).extracting(CsvProblem::column).containsOnly("maatregelen");
  }

  @Test
  void anEmptyMultiCellIsMissingNotAnEmptyList() {
    Answers answers = only(importCsv("naam;maatregelen;visie\nA;  ;ja\n"));
    assertThat(answers.answers()).containsOnlyKeys("visie");
  }

  @Test
  void numbersTakeAPointOrACommaAsDecimalSeparator() {
    ClassCsv.Result result =
        importCsv("naam;omzet;medewerkers\nA;2,5;12\nB;2.5;12,0\nC;1.000;0\nD; 7 ;-0\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "omzet"))
        .containsExactly(
            new BigDecimal("2.5"), new BigDecimal("2.5"), new BigDecimal("1"), new BigDecimal("7"));
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "medewerkers"))
        .containsExactly(
            new BigDecimal("12"), new BigDecimal("12"), new BigDecimal("0"), new BigDecimal("0"));
  }

  @Test
  void badNumbersAreProblemsWithTheirReason() {
    ClassCsv.Result result =
        importCsv("naam;omzet;medewerkers\nA;1.234,5;ten\nB;1001;2,5\nC;-1;12\n");
    assertThat(result.rows()).isEmpty();
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.column() + " " + p.key())
        .containsExactly(
            "2 omzet csv.notNumber",
            "2 medewerkers csv.notWholeNumber",
            "3 omzet answers.aboveMax",
            "3 medewerkers answers.notWhole",
            "4 omzet answers.belowMin");
  }

  @Test
  void textCellsAreKeptAsTheyAreButOnlySpacesIsMissing() {
    ClassCsv.Result result = importCsv("naam;toelichting\nA;  twee  spaties \nB;   \n");
    assertThat(result.rows())
        .extracting(r -> value(r.answers(), "toelichting"))
        .containsExactly("  twee  spaties ", null);
  }

  @Test
  void aTextOverItsMaximumLengthIsAProblem() {
    CsvProblem problem =
        onlyProblem(importCsv("naam;toelichting\nA;dit is veel te lang voor twintig tekens\n"));
    assertThat(problem.key()).isEqualTo("answers.tooLong");
    assertThat(problem.column()).isEqualTo("toelichting");
  }

  @Test
  void aRowWithFewerCellsHasItsLastCellsMissing() {
    ClassCsv.Result result = importCsv("naam;klas;visie;sector\nZoë;3A\nBram;3B;nee\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).answers().answers()).isEmpty();
    assertThat(result.rows().get(1).answers().answers()).containsOnlyKeys("visie");
  }

  @Test
  void aRowWithTooManyCellsIsAProblemOfTheImportAndTheOtherRowsAreStillChecked() {
    ClassCsv.Result result = importCsv("naam;visie\nZoë;ja\nJansen; Piet;nee\nBram;misschien\n");
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.key())
        .containsExactly("3 csv.tooManyCells", "4 csv.unknownOption");
    assertThat(result.ok()).isFalse();
    assertThat(result.rows()).extracting(ClassCsv.Row::line).containsExactly(2);
  }

  @Test
  void problemsNameThePhysicalLineWhereTheirRecordStartsAfterMultiLineCells() {
    ClassCsv.Result result =
        importCsv(
            "naam;toelichting;visie\r\n"
                + "Zoë;\"regel 1\r\nregel 2\";ja\r\n"
                + "\r\n"
                + "Bram;\"a;b\";jein\r\n");
    CsvProblem problem = onlyProblem(result);
    assertThat(problem.line()).isEqualTo(5);
    assertThat(problem.column()).isEqualTo("visie");
    assertThat(result.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(2);
              assertThat(value(r.answers(), "toelichting")).isEqualTo("regel 1\r\nregel 2");
            });
  }

  @Test
  void aRowsProblemsAreListedLeftToRight() {
    ClassCsv.Result result =
        importCsv("naam;visie;bedrijf;kvk;medewerkers;datum\nZoë;jein;Garage;123;veel;31-2-2026\n");
    assertThat(result.problems())
        .extracting(CsvProblem::column)
        .containsExactly("visie", "kvk", "medewerkers", "datum");
  }

  @Test
  void turkishDefaultLocaleChangesNothing() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      ClassCsv.Result result =
          importCsv(
              "NAAM;STAAT DUURZAAMHEID IN DE VISIE? ;MAATREGELEN;SECTOR;KLAS;DATUM\n"
                  + "Zoë;WEET IK NIET;\"ISOLATIE; DAK OF MUUR\";ZORG;3A;3-11-2026\n"
                  + "Şeyma;DON'T KNOW;LED|INSULATION;Zorg;3A;03-11-2026\n");
      assertThat(result.problems()).isEmpty();
      assertThat(result.warnings()).isEmpty();
      assertThat(result.rows())
          .extracting(r -> value(r.answers(), "visie"))
          .containsExactly("weetniet", "weetniet");
      assertThat(result.rows())
          .extracting(r -> value(r.answers(), "maatregelen"))
          .containsExactly(List.of("isolatie"), List.of("led", "isolatie"));
      Answers byId = only(importCsv("VISIE;NAAM;KLAS\nN.V.T.;Zoë;3A\n"));
      assertThat(value(byId, "visie")).isEqualTo("nvt");
      assertThat(byId.respondent().className()).isEqualTo("3A");
      assertThat(result.rows()).hasSize(2);
    } finally {
      Locale.setDefault(before);
    }
  }

  // ---------------------------------------------------------------- mapping file

  @Test
  void aMappingFileMapsHeadersToQuestionIdsOrNull(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("mapping.json");
    Files.writeString(file, "{\"columns\": {\"V1 duurzaam?\": \"visie\", \"Opmerking\": null}}");
    ClassCsv.Mapping mapping = ClassCsv.readMapping(file);
    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.columns())
        .containsEntry("V1 duurzaam?", "visie")
        .containsEntry("Opmerking", null);
    ClassCsv.Result result =
        importCsv(scan(SCAN), "naam;V1 duurzaam?;Opmerking\nZoë;ja;x\n", mapping.columns(), null);
    assertThat(value(only(result), "visie")).isEqualTo("ja");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aMappingFileOfTheWrongShapeIsAProblem(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("mapping.json");
    Files.writeString(file, "{\"V1\": \"visie\"}");
    assertThat(ClassCsv.readMapping(file).problems())
        .extracting(p -> p.key())
        .contains("csv.mappingShape");
    Files.writeString(
        file, "{\"columns\": {\"V1\": 3, \"Visie\": \"visie\", \" visie \": \"visie\"}}");
    assertThat(ClassCsv.readMapping(file).problems())
        .extracting(p -> p.key())
        .containsExactly("csv.mappingBadValue", "csv.mappingDuplicate");
  }

  @Test
  void everyClassCsvMessageExistsInDutchAndEnglish() {
    List<String> keys =
        List.of(
            "csv.tooLarge",
            "csv.empty",
            "csv.noHeader",
            "csv.tooManyCells",
            "csv.unclosedQuote",
            "csv.textAfterQuote",
            "csv.syntax",
            "csv.unknownColumn",
            "csv.unknownColumnDidYouMean",
            "csv.unknownColumnDidYouMeanEither",
            "csv.unknownColumnDidYouMeanOneOf",
            "csv.unnamedColumn",
            "csv.ambiguousHeader",
            "csv.duplicateColumn",
            "csv.duplicateMetadata",
            "csv.mappingUnknownQuestion",
            "csv.mappingShape",
            "csv.mappingBadValue",
            "csv.mappingDuplicate",
            "csv.unknownOption",
            "csv.ambiguousOption",
            "csv.notNumber",
            "csv.notWholeNumber",
            "csv.badDate",
            "csv.anonymousRow",
            "csv.anonymousRowNumber",
            "csv.hiddenAnswers.one",
            "csv.hiddenAnswers.other",
            "csv.missingCompany");
    for (String language : List.of("nl", "en")) {
      nl.mvoscan.i18n.Messages messages = nl.mvoscan.i18n.Messages.forLanguage(language);
      assertThat(keys)
          .allSatisfy(key -> assertThat(messages.get(key, "x", "y", "z")).doesNotStartWith(key));
    }
    assertThat(nl.mvoscan.i18n.Messages.forLanguage("en").get("csv.unknownColumn", "Cijfer"))
        .isEqualTo("column \"Cijfer\" not recognised; ignored");
  }

  // ---------------------------------------------------------------- the bundled example

  @Test
  void theBundledClassFileImportsAll28RowsWithoutProblemsOrWarnings() {
    Scan scan = ScanLoader.load(Path.of("scans/mvo-stagebedrijf.json"), Locale.ENGLISH).scan();
    ClassCsv.Result result = ClassCsv.read(Path.of("examples/klas-3a.csv"), scan, Map.of(), "4B");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    // a column for every question, as a form export has: no scored question goes unanswered
    // for want of a column
    assertThat(result.missing()).isEmpty();
    assertThat(result.rows()).hasSize(28);
    assertThat(result.rows()).extracting(ClassCsv.Row::line).startsWith(2, 3, 4).endsWith(29);
    assertThat(result.rows())
        .allSatisfy(r -> assertThat(r.answers().respondent().className()).isEqualTo("3A"));
    assertThat(result.rows().stream().mapToInt(r -> r.answers().answers().size()).sum())
        .isEqualTo(1907);

    Answers zoe = result.rows().get(0).answers();
    assertThat(zoe.respondent())
        .isEqualTo(new Answers.Respondent("Zoë Mulder", "104201", "3A", null));
    assertThat(zoe.company()).isEqualTo(new Answers.Company("Albert Heijn", null, "Emmen", null));
    assertThat(zoe.date()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(zoe.answers()).hasSize(65);
    assertThat(value(zoe, "sector")).isEqualTo("handel");
    assertThat(value(zoe, "vestiging")).isEqualTo("franchise");
    assertThat(value(zoe, "medewerkers")).isEqualTo(new BigDecimal("95"));
    assertThat(value(zoe, "producten")).isEqualTo(List.of("eten", "verkoopt"));
    assertThat(value(zoe, "activiteiten")).isEqualTo("Supermarkt in het centrum van Emmen.");
    assertThat(value(zoe, "stakeholders")).isEqualTo("weetniet");
    assertThat(value(zoe, "visie")).isNull();
    assertThat(value(zoe, "rapportage")).isEqualTo("ingevoerd");
    assertThat(value(zoe, "veiligheid")).isEqualTo("ingevoerd");
    assertThat(value(zoe, "welzijn"))
        .isEqualTo(List.of("werkplek", "vertrouwenspersoon", "vitaliteit"));
    assertThat(value(zoe, "energiemaatregelen"))
        .isEqualTo(List.of("led", "sensoren", "apparaten", "uitzetten", "onderhoud"));
    assertThat(value(zoe, "duurzame_energie")).isEqualTo("groen_buitenland");
    assertThat(value(zoe, "afvalstromen"))
        .isEqualTo(List.of("papier", "plastic", "gft", "elektro"));

    Answers mohammed = result.rows().get(1).answers();
    assertThat(mohammed.answers()).hasSize(68);
    assertThat(value(mohammed, "activiteiten"))
        .isEqualTo("Supermarkt; verkoopt boodschappen en heeft een afhaalpunt.");
    assertThat(value(mohammed, "woonwerk")).isEqualTo(List.of("fiets"));

    Answers sanne = result.rows().get(4).answers();
    assertThat(sanne.respondent().name()).isEqualTo("Sanne de Vries");
    assertThat(sanne.company())
        .isEqualTo(new Answers.Company("Bakkerij De Korenschoof", "04187352", "Emmen", null));
    assertThat(value(sanne, "welzijn")).isEqualTo(List.of("werkplek"));
    assertThat(value(sanne, "medewerkers")).isEqualTo(new BigDecimal("6"));
    assertThat(value(sanne, "producten")).isEqualTo(List.of("eten"));

    Answers anais = result.rows().get(11).answers();
    assertThat(anais.respondent().name()).isEqualTo("Anaïs Bakker");
    // a care home is a public organisation: its answers are to the questions for organisations
    assertThat(value(anais, "overlast")).isNull();
    assertThat(value(anais, "overlast_org")).isEqualTo("ja");
    assertThat(value(anais, "co2_voetafdruk_org")).isEqualTo("eigen");
    assertThat(value(anais, "medicijnresten")).isEqualTo("deels");
    assertThat(result.rows().get(13).answers().respondent().name()).isEqualTo("Şeyma Yılmaz");
  }
}
