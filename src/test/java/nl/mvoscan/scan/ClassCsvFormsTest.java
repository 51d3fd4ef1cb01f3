package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.CsvTable;
import org.junit.jupiter.api.Test;

/**
 * Contract §8.4 (class CSVs from form tools) and what spreadsheets do to header and label texts.
 */
class ClassCsvFormsTest {

  static final String SCAN =
      """
      {
        "format": "mvoscan-scan/1",
        "id": "forms-scan",
        "version": "1",
        "languages": ["nl", "en"],
        "title": {"nl": "Test", "en": "Test"},
        "profile": [
          {"id": "medewerkers", "type": "number", "min": 0, "integer": true,
           "text": {"nl": "Hoeveel medewerkers heeft het bedrijf?", "en": "How many employees?"}},
          {"id": "omzet", "type": "number", "min": 0,
           "text": {"nl": "Omzet in miljoen euro", "en": "Turnover in million euro"}}
        ],
        "themes": [
          {"id": "energie", "title": {"nl": "Energie", "en": "Energy"},
           "questions": [
             {"id": "co2", "type": "choice",
              "text": {"nl": "Weet het bedrijf hoe groot zijn CO₂-voetafdruk is?",
                       "en": "Does the company know its CO₂ footprint?"},
              "options": [{"id": "nee", "label": {"nl": "Nee", "en": "No"}, "points": 0},
                          {"id": "neutraal", "label": {"nl": "Ja, CO₂-neutraal", "en": "Yes, CO₂ neutral"}, "points": 2}]},
             {"id": "kleuren", "type": "multi",
              "text": {"nl": "Heeft het bedrijf ‘eigen’ auto’s… of busjes?", "en": "Colours"},
              "options": [{"id": "rood", "label": "Rood", "points": 1},
                          {"id": "groen", "label": "Groen", "points": 1},
                          {"id": "ggb", "label": "Groen, geel en blauw", "points": 1},
                          {"id": "ab", "label": "A, B", "points": 1},
                          {"id": "a", "label": "A", "points": 1},
                          {"id": "bc", "label": "B, C", "points": 1},
                          {"id": "geen", "label": {"nl": "Geen van deze", "en": "None of these"}, "points": 0, "exclusive": true}]},
             {"id": "visie", "type": "choice",
              "text": {"nl": "Staat duurzaamheid in de visie?", "en": "Is sustainability in the vision?"},
              "options": [{"id": "ja", "label": {"nl": "Ja", "en": "Yes"}, "points": 2},
                          {"id": "nee", "label": {"nl": "Nee", "en": "No"}, "points": 0}]}
           ]}
        ],
        "levels": [{"id": "starter", "min": 0, "label": {"nl": "Starter", "en": "Starter"}}]
      }
      """;

  private static ClassCsv.Result importCsv(String csv) {
    return importCsv(csv, Map.of());
  }

  private static ClassCsv.Result importCsv(String csv, Map<String, String> mapping) {
    return ClassCsv.read(
        CsvTable.parse(csv.getBytes(StandardCharsets.UTF_8)),
        ClassCsvTest.scan(SCAN),
        mapping,
        null);
  }

  private static Object value(ClassCsv.Row row, String question) {
    Answers.Answer answer = row.answers().answers().get(question);
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

  // ---------------------------------------------------------------- form-tool metadata

  @Test
  void microsoftFormsMetadataHeadersInDutchAndEnglishAreIgnoredWithoutAWarning() {
    ClassCsv.Result dutch =
        importCsv(
            "ID;Begintijd;Tijd van voltooien;E-mail;Naam;Tijd van laatste wijziging;visie\n"
                + "1;2026-03-05 09:10:00;2026-03-05 09:14:02;zoe@school.nl;Zoë;;ja\n");
    ClassCsv.Result english =
        importCsv(
            "Id,Start time,Completion time,Email,Name,Last modified time,visie\n"
                + "1,2026-03-05 09:10:00,2026-03-05 09:14:02,anonymous,,,ja\n");
    assertThat(dutch.warnings()).isEmpty();
    // the anonymous row (an empty name) is said, not refused
    assertThat(english.warnings())
        .extracting(w -> w.line() + " " + w.column() + " " + w.key())
        .containsExactly("2 Name csv.anonymousRow");
    for (ClassCsv.Result result : List.of(dutch, english)) {
      assertThat(result.problems()).isEmpty();
      assertThat(result.rows())
          .singleElement()
          .satisfies(r -> assertThat(r.answers().date()).isEqualTo(LocalDate.of(2026, 3, 5)));
    }
    assertThat(dutch.rows().get(0).answers().respondent().name()).isEqualTo("Zoë");
    // an anonymous Forms response: e-mail "anonymous", no name, so no respondent
    assertThat(english.rows().get(0).answers().respondent()).isNull();
  }

  @Test
  void metadataHeadersAreRecognisedWithATrailingColonOrQuestionMarkAndFoldedSpace() {
    ClassCsv.Result result =
        importCsv(
            "  E-MAILADRES: ;Email  address?;submitdate;startdate;datestamp;lastpage;startlanguage;seed;Naam:;Klas?;visie\n"
                + "a@b.nl;a@b.nl;x;x;x;1;nl;123;Zoë;3A;ja\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.rows().get(0).answers().respondent())
        .isEqualTo(new Answers.Respondent("Zoë", null, "3A", null));
  }

  @Test
  void theDateOfAResponseIsTheDatePartOfTheTimeStampWhenThereIsNoDateColumn() {
    ClassCsv.Result result =
        importCsv(
            "Tijdstempel;visie\n"
                + "2026/03/05 9:14:02 AM GMT+1;ja\n"
                + "5-3-2026 9:14:02;ja\n"
                + "2026-03-05T23:59:59.123+01:00;ja\n"
                + "2026-03-05 09:14;ja\n"
                + "05-03-2026;ja\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> r.answers().date())
        .containsOnly(LocalDate.of(2026, 3, 5))
        .hasSize(5);
  }

  @Test
  void anUnreadableTimeStampIsABadCellInItsColumn() {
    ClassCsv.Result result =
        importCsv("Timestamp,visie\n3/5/2026 9:14:02,ja\n2026/02/30 10:00:00 AM GMT+1,ja\n");
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.column() + " " + p.key())
        .containsExactly("2 Timestamp csv.badTimestamp", "3 Timestamp csv.badTimestamp");
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void aDateColumnWinsOverTheTimeStampWhichIsThenIgnored() {
    ClassCsv.Result result =
        importCsv("Tijd van voltooien;datum;visie\nniet te lezen;3-11-2026;ja\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).answers().date()).isEqualTo(LocalDate.of(2026, 11, 3));
  }

  @Test
  void thePromptsOfMvoscansOwnFormAreMetadataInBothLanguages() {
    ClassCsv.Result dutch =
        importCsv(
            "Je naam;Je studentnummer;Je klas (mag leeg);Naam van je stagebedrijf?;"
                + "KvK-nummer van het bedrijf (8 cijfers, mag leeg);Plaats van het bedrijf:;visie\n"
                + "Zoë;104201;3A;Bakkerij;04187352;Emmen;ja\n");
    ClassCsv.Result english =
        importCsv(
            "Your name,Your student number,Your class,Name of your internship company,"
                + "KvK number of the company,City of the company,visie\n"
                + "Zoë,104201,3A,Bakkerij,04187352,Emmen,ja\n");
    for (ClassCsv.Result result : List.of(dutch, english)) {
      assertThat(result.problems()).isEmpty();
      assertThat(result.warnings()).isEmpty();
      Answers answers = result.rows().get(0).answers();
      assertThat(answers.respondent())
          .isEqualTo(new Answers.Respondent("Zoë", "104201", "3A", null));
      assertThat(answers.company())
          .isEqualTo(new Answers.Company("Bakkerij", "04187352", "Emmen", null));
    }
  }

  @Test
  void thePromptsThatTakeAsksAreRecognisedAsTheyAreWritten() {
    for (String language : List.of("nl", "en")) {
      Messages messages = Messages.forLanguage(language);
      String header =
          String.join(
              ";",
              messages.get("take.meta.name"),
              messages.get("take.meta.class"),
              messages.get("take.meta.company"),
              messages.get("take.meta.kvk"),
              "visie");
      ClassCsv.Result result = importCsv(header + "\nZoë;3A;Bakkerij;04187352;ja\n");
      assertThat(result.warnings()).as(header).isEmpty();
      assertThat(result.rows().get(0).answers().company().kvk()).isEqualTo("04187352");
      assertThat(result.rows().get(0).answers().respondent().className()).isEqualTo("3A");
    }
  }

  @Test
  void twoColumnsForOneDetailAreAWarningAndTheFirstFilledCellCounts() {
    ClassCsv.Result result = importCsv("Naam;Je naam;visie\n;Zoë;ja\nBram B.;Bram;nee\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings())
        .extracting(CsvProblem::key)
        .containsExactly("csv.duplicateMetadata");
    assertThat(result.rows())
        .extracting(r -> r.answers().respondent().name())
        .containsExactly("Zoë", "Bram B.");
  }

  @Test
  void theMappingFileMapsAnyHeaderToAMetadataFieldToo() {
    ClassCsv.Result result =
        importCsv(
            "Wie ben je?;Waar loop je stage?;Wanneer?;visie\nZoë;Bakkerij;3-11-2026;ja\n",
            Map.of(
                "Wie ben je?", "@naam", "Waar loop je stage?", "@company", "Wanneer?", "@datum"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    Answers answers = result.rows().get(0).answers();
    assertThat(answers.respondent().name()).isEqualTo("Zoë");
    assertThat(answers.company().name()).isEqualTo("Bakkerij");
    assertThat(answers.date()).isEqualTo(LocalDate.of(2026, 11, 3));
  }

  @Test
  void aMappingToAnUnknownMetadataFieldIsAProblemOfTheMappingFile() {
    ClassCsv.Mapping mapping =
        ClassCsv.readMapping(
            nl.mvoscan.io.JsonReader.parse("m.json", "{\"columns\": {\"Wie?\": \"@wie\"}}"));
    assertThat(mapping.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("csv.mappingUnknownField");
              assertThat(p.args()[0]).isEqualTo("@wie");
            });
  }

  // ---------------------------------------------------------------- multi cells

  @Test
  void aMultiCellSplitsOnCommaByTheLongestLabelsFirst() {
    ClassCsv.Result result =
        importCsv(
            "kleuren\n"
                + "\"Groen, geel en blauw, Rood\"\n"
                + "\"Rood,Groen\"\n"
                + "\"Rood,   Groen, geel en blauw\"\n"
                + "\"Rood;Groen;\"\n"
                + "\"A, B, C\"\n"
                + "\"rood, ggb\"\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r, "kleuren"))
        .containsExactly(
            List.of("ggb", "rood"),
            List.of("rood", "groen"),
            List.of("rood", "ggb"),
            List.of("rood", "groen"),
            List.of("a", "bc"),
            List.of("rood", "ggb"));
  }

  @Test
  void aRemainderThatMatchesNoOptionIsABadCell() {
    ClassCsv.Result result = importCsv("kleuren\n\"Rood, Paars\"\n\"Groen, geel\"\n");
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.key() + " " + p.args()[0])
        .containsExactly("2 csv.unknownOption Paars", "3 csv.unknownOption geel");
  }

  @Test
  void anExclusiveOptionInACommaCellIsStillCheckedByTheAnswersRules() {
    ClassCsv.Result result = importCsv("kleuren\n\"Geen van deze, Rood\"\n");
    assertThat(result.problems())
        .extracting(CsvProblem::key)
        .containsExactly("answers.exclusiveCombined");
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void inAWholeNumberQuestionAPointOrCommaBeforeThreeDigitsIsAThousandsSeparator() {
    ClassCsv.Result result =
        importCsv("medewerkers;omzet\n1.200;1.200\n1,200;1,200\n1.000;2,5\n12;12.345\n-0;0,5\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r, "medewerkers"))
        .containsExactly(
            new BigDecimal("1200"),
            new BigDecimal("1200"),
            new BigDecimal("1000"),
            new BigDecimal("12"),
            new BigDecimal("0"));
    assertThat(result.rows())
        .extracting(r -> value(r, "omzet"))
        .containsExactly(
            new BigDecimal("1.2"),
            new BigDecimal("1.2"),
            new BigDecimal("2.5"),
            new BigDecimal("12.345"),
            new BigDecimal("0.5"));
  }

  @Test
  void theThousandsRuleNeedsExactlyThreeDigitsAndOneSeparator() {
    ClassCsv.Result result = importCsv("medewerkers\n2,5\n1.200.000\n1.20\n1.2000\n1.200,5\n");
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.key())
        .containsExactly(
            "2 answers.notWhole",
            "3 csv.notWholeNumber",
            "4 answers.notWhole",
            "5 answers.notWhole",
            "6 csv.notWholeNumber");
  }

  @Test
  void theNumberHintSaysWhatTheThousandsRuleAcceptsForWholeAndOtherNumbers() {
    ClassCsv.Result result = importCsv("medewerkers;omzet\n1.200.000;1.200.000\n");
    assertThat(result.problems())
        .extracting(p -> p.column() + " " + p.key())
        .containsExactly("medewerkers csv.notWholeNumber", "omzet csv.notNumber");
    for (String language : List.of("nl", "en")) {
      Messages messages = Messages.forLanguage(language);
      // §8.4: a whole number takes one point or comma before three digits, 1.200 is 1200
      assertThat(messages.get("csv.notWholeNumber", "1.200.000"))
          .contains("\"1.200.000\"")
          .contains("1200")
          .contains("1.200");
      // §7: elsewhere 1.200 is 1,2, so thousands are written without a separator
      assertThat(messages.get("csv.notNumber", "1.200.000")).contains("1200").contains("1.200");
    }
    assertThat(Messages.forLanguage("nl").get("csv.notWholeNumber", "x"))
        .doesNotContain("zonder punten");
  }

  // ---------------------------------------------------------------- what spreadsheets do to text

  @Test
  void headersMatchAfterExcelChangedSubscriptsQuotesSpacesAndEllipses() {
    ClassCsv.Result result =
        importCsv(
            "Weet het bedrijf hoe groot zijn CO2-voetafdruk is?;"
                + "Heeft het bedrijf 'eigen' auto's... of busjes?;"
                + "Staat\u00A0duurzaamheid in de visie? \n"
                + "Nee;Rood;Ja\n");
    assertThat(result.warnings()).isEmpty();
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).answers().answers())
        .containsOnlyKeys("co2", "kleuren", "visie");
  }

  @Test
  void aQuestionMarkForACharacterTheCodePageLacksStillMatchesHeaderAndLabel() {
    byte[] windows1252 =
        "Weet het bedrijf hoe groot zijn CO?-voetafdruk is?;Does the company know its CO? footprint?\r\nJa, CO?-neutraal;\r\n;Yes, CO? neutral\r\n"
            .getBytes(CsvTable.WINDOWS_1252);
    ClassCsv.Result result =
        ClassCsv.read(CsvTable.parse(windows1252), ClassCsvTest.scan(SCAN), Map.of(), null);
    // both headers are question co2: found, and then reported as two columns for one question
    assertThat(result.problems())
        .extracting(CsvProblem::key)
        .containsExactly("csv.duplicateColumn");
    ClassCsv.Result one =
        importCsv(
            "Weet het bedrijf hoe groot zijn CO?-voetafdruk is?\nJa, CO?-neutraal\nJa, CO2-neutraal\n");
    assertThat(one.problems()).isEmpty();
    assertThat(one.rows()).extracting(r -> value(r, "co2")).containsExactly("neutraal", "neutraal");
  }

  @Test
  void aQuestionHeaderWithALineBreakOrTrailingSpacesAsMicrosoftFormsWritesItMatches() {
    ClassCsv.Result result =
        importCsv("\"Staat duurzaamheid in de visie?\n\";\"How many employees?  \"\nJa;12\n");
    assertThat(result.warnings()).isEmpty();
    assertThat(result.rows().get(0).answers().answers()).containsOnlyKeys("visie", "medewerkers");
  }

  @Test
  void aColumnThatResemblesAQuestionIsNamedWithDidYouMean() {
    ClassCsv.Result result =
        importCsv(
            "Staat duurzaamheid in jullie visie?;Weet het bedrijf hoe groot;Cijfer\nJa;Nee;8\n");
    assertThat(result.warnings())
        .extracting(w -> w.key() + " " + List.of(w.args()))
        .containsExactly(
            "csv.unknownColumnDidYouMean [Staat duurzaamheid in jullie visie?, Staat duurzaamheid in de visie?, visie]",
            "csv.unknownColumnDidYouMean [Weet het bedrijf hoe groot, Weet het bedrijf hoe groot zijn CO₂-voetafdruk is?, co2]",
            "csv.unknownColumn [Cijfer]");
    assertThat(
            Messages.forLanguage("nl")
                .get(result.warnings().get(0).key(), result.warnings().get(0).args()))
        .contains("Bedoel je \"Staat duurzaamheid in de visie?\" (visie)?");
  }

  @Test
  void everyScoredQuestionWithoutAColumnIsListedInDocumentOrder() {
    ClassCsv.Result result = importCsv("visie;medewerkers\nJa;3\n");
    assertThat(result.missing()).extracting(Question::id).containsExactly("co2", "kleuren");
    assertThat(importCsv("co2;kleuren;visie\nNee;Rood;Ja\n").missing()).isEmpty();
  }

  // ---------------------------------------------------------------- hints

  @Test
  void aFormsQuizPointsOrFeedbackColumnIsNotRecognisedWithoutADidYouMean() {
    ClassCsv.Result result =
        importCsv(
            "medewerkers;Punten - Staat duurzaamheid in de visie?;"
                + "Feedback - Weet het bedrijf hoe groot zijn CO₂-voetafdruk is?;Punten;Feedback\n"
                + "3;1;goed;1;goed\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings()).extracting(CsvProblem::key).containsOnly("csv.unknownColumn");
    assertThat(result.warnings()).hasSize(4);
  }

  @Test
  void aHeaderThatFitsBothTwinsOfAQuestionNamesBothInsteadOfGuessingOne() {
    Scan scan =
        ScanLoader.load(java.nio.file.Path.of("scans/mvo-stagebedrijf.json"), java.util.Locale.ROOT)
            .scan();
    ClassCsv.Result result =
        ClassCsv.read(
            CsvTable.parse(
                ("Staat duurzaamheid of MVO in de missie of visie van het bedrijf of de organisatie?;"
                        + "Heeft het bedrijf of de organisatie meetbare doelen voor duurzaamheid?;"
                        + "Staat duurzaamheid of MVO in de missie\nJa;Ja;Ja\n")
                    .getBytes(StandardCharsets.UTF_8)),
            scan,
            Map.of(),
            null);
    assertThat(result.warnings())
        .extracting(w -> w.key() + " " + List.of(w.args()).subList(1, w.args().length))
        .containsExactly(
            "csv.unknownColumnDidYouMeanEither [Staat duurzaamheid of MVO in de missie of visie van"
                + " het bedrijf?, visie, Staat duurzaamheid of MVO in de missie of visie van de"
                + " organisatie?, visie_org]",
            "csv.unknownColumnDidYouMeanEither [Heeft het bedrijf meetbare doelen voor duurzaamheid?,"
                + " doelen, Heeft de organisatie meetbare doelen voor duurzaamheid?, doelen_org]",
            // cut short: both twins start with it
            "csv.unknownColumnDidYouMeanEither [Staat duurzaamheid of MVO in de missie of visie van"
                + " het bedrijf?, visie, Staat duurzaamheid of MVO in de missie of visie van de"
                + " organisatie?, visie_org]");
    assertThat(
            Messages.forLanguage("nl")
                .get(result.warnings().get(1).key(), result.warnings().get(1).args()))
        .contains(
            "\"Heeft het bedrijf meetbare doelen voor duurzaamheid?\" (doelen) of \"Heeft de"
                + " organisatie meetbare doelen voor duurzaamheid?\" (doelen_org)");
    // a misspelling of one twin is that twin alone
    ClassCsv.Result typo =
        ClassCsv.read(
            CsvTable.parse(
                "Heeft het bedrijf meetbare doelen voor duurzaamheidd?\nJa\n"
                    .getBytes(StandardCharsets.UTF_8)),
            scan,
            Map.of(),
            null);
    assertThat(typo.warnings())
        .extracting(w -> w.key() + " " + List.of(w.args()))
        .containsExactly(
            "csv.unknownColumnDidYouMean [Heeft het bedrijf meetbare doelen voor duurzaamheidd?,"
                + " Heeft het bedrijf meetbare doelen voor duurzaamheid?, doelen]");
  }

  @Test
  void aMisspeltPromptOfMvoscansOwnFormIsNamedWithDidYouMean() {
    ClassCsv.Result result = importCsv("Je naaam;visie\nZoë;Ja\n");
    assertThat(result.warnings())
        .extracting(w -> w.key() + " " + List.of(w.args()))
        .containsExactly("csv.unknownColumnDidYouMean [Je naaam, Je naam, @naam]");
  }

  @Test
  void aMappedHeaderMatchesAfterTheSameTolerantNormalisationAsAQuestionText() {
    // without it the mapping of "Vraag 3" would lose to a fuzzy "did you mean" for "Vraag 3?"
    ClassCsv.Result result =
        importCsv(
            "\"Vraag\u00A03 ?\n\";Staat duurzaamheid in jullie visie?\nJa;Ja\n",
            Map.of("Vraag 3", "visie"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows().get(0).answers().answers()).containsOnlyKeys("visie");
    assertThat(result.warnings())
        .extracting(w -> w.key() + " " + w.args()[0])
        .containsExactly("csv.unknownColumn Staat duurzaamheid in jullie visie?");
  }

  @Test
  void anExactMatchAfterNormalisationWinsOverAFuzzyOne() {
    ClassCsv.Result result =
        importCsv(
            "Staat duurzaamheid in jullie visie?;\"Staat\u00A0duurzaamheid  in de visie ?\n\"\n"
                + "Ja;Nee\n");
    assertThat(result.problems()).isEmpty();
    assertThat(value(result.rows().get(0), "visie")).isEqualTo("nee");
    assertThat(result.warnings()).extracting(CsvProblem::key).containsExactly("csv.unknownColumn");
  }

  // ---------------------------------------------------------------- anonymous rows

  @Test
  void aRowWithoutANameIsAnAnonymousResponseWithAWarningPerRowAndItsClass() {
    ClassCsv.Result result =
        importCsv(
            "Naam;Klas;studentnummer;visie\n"
                + ";3A;;Ja\n"
                + ";;104201;Nee\n"
                + "Zoë;3A;;Ja\n"
                + ";3B;;Ja\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows()).hasSize(4);
    assertThat(result.rows())
        .extracting(r -> r.answers().respondent() == null)
        .containsExactly(true, true, false, true);
    assertThat(result.rows())
        .extracting(ClassCsv.Row::className)
        .containsExactly("3A", null, "3A", "3B");
    assertThat(result.warnings())
        .extracting(w -> w.line() + " " + w.column() + " " + w.key())
        .containsExactly(
            "2 Naam csv.anonymousRow", "3 Naam csv.anonymousRowNumber", "5 Naam csv.anonymousRow");
  }

  // ---------------------------------------------------------------- hidden questions

  static final String CONDITIONAL =
      """
      {
        "format": "mvoscan-scan/1",
        "id": "when-scan",
        "version": "1",
        "languages": ["nl"],
        "title": "Test",
        "profile": [
          {"id": "auto", "type": "choice", "text": "Heeft het bedrijf auto's?",
           "options": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}]}
        ],
        "themes": [
          {"id": "vervoer", "title": "Vervoer",
           "questions": [
             {"id": "elektrisch", "type": "choice", "when": "auto == 'ja'",
              "text": "Rijden de auto's elektrisch?",
              "options": [{"id": "ja", "label": "Ja", "points": 1},
                          {"id": "nee", "label": "Nee", "points": 0}]},
             {"id": "fiets", "type": "choice", "text": "Is er een fietsregeling?",
              "options": [{"id": "ja", "label": "Ja", "points": 1},
                          {"id": "nee", "label": "Nee", "points": 0}]}
           ]}
        ],
        "levels": [{"id": "starter", "min": 0, "label": "Starter"}]
      }
      """;

  private static ClassCsv.Result conditional(String csv) {
    return ClassCsv.read(
        CsvTable.parse(csv.getBytes(StandardCharsets.UTF_8)),
        ClassCsvTest.scan(CONDITIONAL),
        Map.of(),
        null);
  }

  @Test
  void answersToAQuestionHiddenForTheirRowAreCountedInOneNoticePerQuestionAndKept() {
    ClassCsv.Result result =
        conditional(
            "auto;Rijden de auto's elektrisch?;fiets\n"
                + "nee;Ja;Ja\nnee;Nee;Ja\nja;Ja;Ja\nnee;;Ja\nnee;Ja;Nee\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings())
        .extracting(w -> w.key() + " " + List.of(w.args()))
        .containsExactly("csv.hiddenAnswers.other [3, elektrisch, Rijden de auto's elektrisch?]");
    assertThat(
            Messages.forLanguage("nl")
                .get(result.warnings().get(0).key(), result.warnings().get(0).args()))
        .startsWith("3 antwoorden op vraag \"elektrisch\"")
        .contains("niet van toepassing");
    // kept with the response (§3.4), never scored
    assertThat(result.rows().get(0).answers().answers()).containsKey("elektrisch");
    assertThat(
            nl.mvoscan.scoring.Scorer.score(
                    ClassCsvTest.scan(CONDITIONAL), result.rows().get(0).answers())
                .hiddenAnswers())
        .extracting(h -> h.question().id())
        .containsExactly("elektrisch");
    assertThat(conditional("auto;elektrisch\nnee;Ja\n").warnings())
        .extracting(CsvProblem::key)
        .containsExactly("csv.hiddenAnswers.one");
  }

  @Test
  void aScoredQuestionHiddenInEveryRowNeedsNoColumn() {
    assertThat(conditional("auto;fiets\nnee;Ja\nnee;Nee\n").missing()).isEmpty();
    assertThat(conditional("auto;fiets\nnee;Ja\nja;Nee\n").missing())
        .extracting(Question::id)
        .containsExactly("elektrisch");
    // a question without a condition is visible in every row, also when there are none
    assertThat(conditional("auto;elektrisch\n").missing())
        .extracting(Question::id)
        .containsExactly("fiets");
    // a header alone hides nothing: every question without a column is told
    assertThat(conditional("auto;fiets\n").missing())
        .extracting(Question::id)
        .containsExactly("elektrisch");
  }

  // ---------------------------------------------------------------- the bundled scan's labels

  @Test
  void theBundledScansMultiLabelsWithACommaStayWholeInAGoogleSheetCell() {
    Scan bundled =
        ScanLoader.load(java.nio.file.Path.of("scans/mvo-stagebedrijf.json"), java.util.Locale.ROOT)
            .scan();
    String csv =
        "sector,producten,welzijn\n"
            + "Productie en industrie,\"Het maakt, serveert of verkoopt eten of drinken, "
            + "Het maakt zelf producten (geen eten of drinken)\","
            + "\"Goede werkplekken en hulpmiddelen, zoals een tilhulp, Een vertrouwenspersoon, "
            + "Sport, gezond eten of een gezondheidscheck\"\n"
            + "\"Landbouw, tuinbouw en groen\",Het maakt; serveert of verkoopt eten of drinken,\n";
    ClassCsv.Result result =
        ClassCsv.read(
            CsvTable.parse(csv.getBytes(StandardCharsets.UTF_8)), bundled, Map.of(), null);
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.column() + " " + p.key())
        .containsExactly("3 producten csv.unknownOption");
    assertThat(value(result.rows().get(0), "producten")).isEqualTo(List.of("eten", "maakt"));
    assertThat(value(result.rows().get(0), "welzijn"))
        .isEqualTo(List.of("werkplek", "vertrouwenspersoon", "vitaliteit"));
  }

  @Test
  void aSyntheticLabelWithASemicolonStaysWholeBesideOtherOptions() {
    String scan = SCAN.replace("\"label\": \"A, B\"", "\"label\": \"Rood; of bijna\"");
    ClassCsv.Result result =
        ClassCsv.read(
            CsvTable.parse(
                "kleuren\n\"Rood; of bijna; Groen\"\n\"Rood;Rood; of bijna\"\n"
                    .getBytes(StandardCharsets.UTF_8)),
            ClassCsvTest.scan(scan),
            Map.of(),
            null);
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> value(r, "kleuren"))
        .containsExactly(List.of("ab", "groen"), List.of("rood", "ab"));
  }

  @Test
  void theNumbersTableOfTheDocsHolds() {
    // docs/class-csv.md, "Numbers mvoscan reads": medewerkers is whole, omzet is not
    ClassCsv.Result good =
        importCsv(
            "medewerkers;omzet\n+12;+12\n1.200;1.200\n12.500;12.500\n1234,567;1234,567\n"
                + "1.000;1.000\n ;2,5\n");
    assertThat(good.problems()).isEmpty();
    assertThat(good.rows())
        .extracting(r -> value(r, "omzet"))
        .containsExactly(
            new BigDecimal("12"),
            new BigDecimal("1.2"),
            new BigDecimal("12.5"),
            new BigDecimal("1234.567"),
            new BigDecimal("1"),
            new BigDecimal("2.5"));
    assertThat(good.rows())
        .extracting(r -> value(r, "medewerkers"))
        .containsExactly(
            new BigDecimal("12"),
            new BigDecimal("1200"),
            new BigDecimal("12500"),
            new BigDecimal("1234567"),
            new BigDecimal("1000"),
            null);
    ClassCsv.Result bad =
        importCsv("omzet\n1,200.5\n1 200\n€ 12\n12%\n12 m²\n1e3\nca. 10\n1.200.000\n");
    assertThat(bad.problems()).extracting(CsvProblem::key).containsOnly("csv.notNumber");
    assertThat(bad.problems()).hasSize(8);
  }
}
