package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvoscan take} driven with piped input through the whole scan {@code mvo-stagebedrijf}
 * 2026.1, kept as it was in {@code cli/take/} so these scripts do not follow every new edition of
 * the bundled scan. The script types the answers of the example {@code bakkerij-emmen.json}
 * (Bakkerij De Korenschoof: productie, 6 employees, own building, food, vehicles, no hazardous
 * substances), with detours: help, invalid input, going back, skipping and coming back, and after
 * every answer in a theme how the student knows it and a note. Its expected result is the one
 * worked out for that example: overall 30.2, grade 3.7, level starter, coverage 92.3%, themes 5.9,
 * 48.0, 13.8, 39.3, 40.9 and 33.3.
 */
class TakeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();
  private static final Path SCANS = CliFixtures.fixture("take");
  private static final Scan SCAN =
      ScanCatalog.load(List.of(SCANS), Locale.ROOT).find("mvo-stagebedrijf").orElseThrow();

  @TempDir Path dir;

  /**
   * Name, class (3B, then back from the company field to fix it: /b, as a company may be called
   * "B"), company, a wrong KvK then the right one, the date offered.
   */
  private static final List<String> METADATA =
      List.of(
          "Sanne de Vries", "3B", "/b", "3A", "Bakkerij De Korenschoof", "0418735", "04187352", "");

  /** An answer in a theme, with Enter for its source and its note. */
  private static List<String> plain(String... typed) {
    List<String> lines = new ArrayList<>(List.of(typed));
    lines.addAll(List.of("", ""));
    return lines;
  }

  /** A "Weet ik niet": no source is asked, only the note (Enter). */
  private static List<String> dontKnow(String typed) {
    return List.of(typed, "");
  }

  @SafeVarargs
  private static List<String> lines(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  /** The questions up to the energy theme, with every kind of detour. */
  private static final List<String> FIRST_PART =
      lines(
          List.of(
              "?",
              "x",
              "10",
              "s",
              "1", // sector: help, letters, out of range, skip refused (required), productie
              "zes",
              "6,5",
              "-3",
              "6", // medewerkers: not a number, not whole, below the minimum, 6
              "1", // eigen_pand: ja
              "2", // producten: voedsel
              "1", // voertuigen: ja
              "2", // gevaarlijke_stoffen: nee
              "Ambachtelijke bakkerij met winkel. Bakt brood, gebak en koekjes voor de winkel en"
                  + " levert aan twee zorginstellingen.",
              // visie: ja, asked, with a note…
              "1",
              "2",
              "Gevraagd aan de eigenaar.",
              "b", // doelen: back to visie
              // …changed to nee; Enter keeps the source and the note
              "3",
              "",
              "",
              // doelen: niet; help on the sources, a wrong one, a document by its name
              "1",
              "?",
              "7",
              "document",
              ""),
          plain("1"), // rapportage: niet
          plain("3"), // gedragscode: nee (certificaat is hidden below 10 employees)
          List.of("s", "b"), // stakeholders skipped, then back from veiligheid
          plain("2"), // stakeholders: deels
          plain("2"), // veiligheid: gestart
          plain("1,1", "1,6", "werkplek"), // welzijn: twice, exclusive "geen" combined, by id
          plain("1"), // diversiteit: niet
          plain("2"), // opleiding: gestart
          plain("1"), // eerlijk_loon: ja
          plain("3"), // leerbedrijf: ingevoerd
          plain("2")); // energie_inzicht: gestart

  /** From the energy theme to the end, one entry per question. */
  private static final List<List<String>> SECOND_QUESTIONS =
      List.of(
          plain("led"), // energiemaatregelen
          plain("1"), // gebouw_verduurzamen: niet
          dontKnow("5"), // duurzame_energie: weet ik niet
          plain("2"), // proces_energie: gestart
          plain("1"), // co2_voetafdruk: nee
          plain("6"), // woonwerk: geen
          plain("1"), // wagenpark: niet
          plain("2"), // wegwerp …
          plain("3"),
          plain("2"),
          plain("2"),
          plain("1"),
          plain("1"),
          plain("1"), // … nieuwe_bestemming
          plain("3,1"), // afvalstromen: papier and gft, typed in another order
          plain("1"), // leveranciers_eisen …
          plain("3"),
          plain("1"),
          plain("1"),
          plain("2"),
          plain("2"),
          plain("1"), // … betaaltermijn
          plain("1"), // lokale_betrokkenheid
          plain("3"), // social_return
          dontKnow("5"), // natuurvriendelijk: weet ik niet
          plain("6"), // biodiversiteit: geen
          dontKnow("5"), // water: weet ik niet
          plain("2")); // overlast

  private static final List<String> SECOND_PART =
      SECOND_QUESTIONS.stream().flatMap(List::stream).toList();

  @SafeVarargs
  private static String script(List<String>... parts) {
    StringBuilder text = new StringBuilder();
    for (List<String> part : parts) {
      part.forEach(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }

  private static Cli.Run take(String input, String... args) {
    return take(new BufferedReader(new StringReader(input)), args);
  }

  private static Cli.Run take(BufferedReader input, String... args) {
    String[] all =
        Stream.concat(Stream.of("take", "--scans", SCANS.toString()), Stream.of(args))
            .toArray(String[]::new);
    return Cli.run(input, all);
  }

  private Cli.Run fullRun(Path file) {
    Cli.Run run =
        take(
            script(METADATA, FIRST_PART, SECOND_PART),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String questionText(String id, String language) {
    return SCAN.question(id).orElseThrow().text().in(language, "nl");
  }

  private static String themeDescription(String id, String language) {
    return SCAN.theme(id).orElseThrow().description().in(language, "nl");
  }

  @Test
  void theWholeScanTypedInScoresAsTheExampleItCopies() throws IOException {
    Path file = dir.resolve("sanne.json");
    fullRun(file);

    Cli.Run score = Cli.run("score", "--scans", SCANS.toString(), "--json", file.toString());

    assertThat(score.exitCode()).as(score.err()).isZero();
    JsonNode result = JSON.readTree(score.out());
    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("30.2");
    assertThat(result.at("/overall/grade").decimalValue()).isEqualByComparingTo("3.7");
    assertThat(result.at("/overall/coverage").decimalValue()).isEqualByComparingTo("92.3");
    assertThat(result.at("/overall/level").asText()).isEqualTo("starter");
    List<String> themes = new ArrayList<>();
    result
        .get("themes")
        .forEach(
            t ->
                themes.add(
                    t.get("id").asText() + " " + t.get("score").decimalValue().toPlainString()));
    assertThat(themes)
        .containsExactly(
            "beleid 5.9",
            "mens 48.0",
            "energie 13.8",
            "circulair 39.3",
            "keten 40.9",
            "omgeving 33.3");
    assertThat(result.get("gaps"))
        .extracting(JsonNode::asText)
        .containsExactly("duurzame_energie", "natuurvriendelijk", "water");
    assertThat(result.get("warnings")).isEmpty();
  }

  @Test
  void theAnswersFileHasTheMetadataTypedAndEveryQuestionInDocumentOrder() throws IOException {
    Path file = dir.resolve("sanne.json");
    fullRun(file);

    JsonNode answers = read(file);

    assertThat(answers.get("format").asText()).isEqualTo("mvoscan-answers/1");
    assertThat(answers.get("scan").asText()).isEqualTo("mvo-stagebedrijf");
    assertThat(answers.get("scanVersion").asText()).isEqualTo(SCAN.version());
    assertThat(answers.at("/respondent/name").asText()).isEqualTo("Sanne de Vries");
    assertThat(answers.at("/respondent/class").asText()).isEqualTo("3A");
    assertThat(answers.at("/company/name").asText()).isEqualTo("Bakkerij De Korenschoof");
    assertThat(answers.at("/company/kvk").asText()).isEqualTo("04187352");
    assertThat(answers.get("date").asText()).isEqualTo("2026-11-20");
    assertThat(answers.get("language").asText()).isEqualTo("nl");
    List<String> ids = new ArrayList<>();
    answers.get("answers").fieldNames().forEachRemaining(ids::add);
    assertThat(ids).containsExactlyElementsOf(SCAN.questions().stream().map(q -> q.id()).toList());
    assertThat(answers.at("/answers/medewerkers").isIntegralNumber()).isTrue();
    assertThat(answers.at("/answers/medewerkers").asInt()).isEqualTo(6);
    assertThat(answers.at("/answers/visie/value").asText()).isEqualTo("nee");
    assertThat(answers.at("/answers/visie/evidence").asText()).isEqualTo("gevraagd");
    assertThat(answers.at("/answers/visie/note").asText()).isEqualTo("Gevraagd aan de eigenaar.");
    assertThat(answers.at("/answers/doelen/value").asText()).isEqualTo("niet");
    assertThat(answers.at("/answers/doelen/evidence").asText()).isEqualTo("document");
    assertThat(answers.at("/answers/doelen/note").isMissingNode()).isTrue();
    assertThat(answers.at("/answers/rapportage").asText())
        .as("Enter twice: no source, no note, the bare value")
        .isEqualTo("niet");
    assertThat(answers.at("/answers/afvalstromen"))
        .extracting(JsonNode::asText)
        .containsExactly("papier", "gft");
    assertThat(answers.at("/answers/certificaat").isNull()).isTrue();
    assertThat(AnswersLoader.load(file, SCAN).ok()).isTrue();
  }

  @Test
  void theScorecardAtTheEndIsExactlyWhatScorePrints() {
    Path file = dir.resolve("sanne.json");
    Cli.Run run = fullRun(file);

    Cli.Run score = Cli.run("score", "--scans", SCANS.toString(), "--lang", "nl", file.toString());

    assertThat(run.out()).contains(score.out());
    int card = run.out().indexOf(score.out());
    String after = run.out().substring(card + score.out().length());
    assertThat(after)
        .isEqualTo(
            "Je antwoorden staan in: "
                + file
                + NL
                + "Je rapport (PDF) maken: mvoscan report student "
                + file
                + NL);
    assertThat(run.out().substring(0, card))
        .contains("Klaar! Je hebt alle vragen gehad.")
        .doesNotContain("overgeslagen");
  }

  @Test
  void everyScreenShowsTheThemeThePositionAmongVisibleQuestionsTheOptionsAndTheKeys() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out())
        .contains(
            "[Over het bedrijf] Vraag 1 van 41"
                + NL
                + questionText("sector", "nl")
                + " (verplicht)"
                + NL
                + "  1. Productie en industrie"
                + NL);
    assertThat(run.out())
        .contains(
            "Typ het nummer van je antwoord."
                + NL
                + "? = uitleg, b = terug, q = opslaan en stoppen"
                + NL
                + "> ?"
                + NL);
    // productie reveals proces_energie and productie_uitval; 6 employees reveal nothing
    assertThat(run.out()).contains("[Over het bedrijf] Vraag 2 van 43" + NL);
    assertThat(run.out()).contains("[Beleid & bestuur] Vraag 8 van ");
    assertThat(run.out()).contains("  6. Geen van deze (alleen los te kiezen)" + NL);
    assertThat(run.out()).contains("Typ een getal (een heel getal, minstens 0, medewerkers)." + NL);
    assertThat(run.out())
        .contains("? = uitleg, b = terug, s = overslaan, q = opslaan en stoppen" + NL);
  }

  @Test
  void theScanAndEachThemeAreIntroducedByTheirDescriptions() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out())
        .startsWith(
            "== MVO-scan voor stagebedrijven ==" + NL + SCAN.description().in("nl", "nl") + NL)
        .contains(
            "[Beleid & bestuur] Vraag 8 van 47"
                + NL
                + themeDescription("beleid", "nl")
                + NL
                + questionText("visie", "nl"))
        .as("the next question of the same theme goes straight to the question")
        .contains("[Beleid & bestuur] Vraag 9 van 47" + NL + questionText("doelen", "nl"))
        .contains(NL + themeDescription("omgeving", "nl") + NL);
  }

  @Test
  void afterEachAnswerInAThemeTheSourceAndANoteAreAskedAndEnterSkipsThem() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    String sources = "1 = gezien, 2 = gevraagd, 3 = document, 4 = aanname";
    assertThat(run.out())
        .contains(
            "> 1"
                + NL
                + "Hoe weet je dit? "
                + sources
                + ". Enter = overslaan."
                + NL
                + "> 2"
                + NL
                + "Notitie, bijvoorbeeld wat je zag of wie je het vroeg. Enter = overslaan."
                + NL
                + "> Gevraagd aan de eigenaar."
                + NL)
        .as("changing the answer offers to keep the source and the note")
        .contains(
            "> 3"
                + NL
                + "Hoe weet je dit? "
                + sources
                + ". Enter = zo laten (gevraagd), - = weghalen."
                + NL
                + "> "
                + NL
                + "Notitie nu: \"Gevraagd aan de eigenaar.\". Typ een nieuwe, Enter = zo laten, - ="
                + " weghalen.")
        .contains("> ?" + NL + "gezien: je hebt het zelf gezien.")
        .contains(
            "> 7"
                + NL
                + "\"7\" is geen bron. Typ een nummer van 1 tot en met 4, of druk op Enter."
                + NL)
        .as("a don't-know gets no question about its source")
        .contains("> 5" + NL + "Notitie, bijvoorbeeld wat je zag")
        .as("nor does a profile question")
        .contains("> 6" + NL + NL + "[Over het bedrijf] Vraag 3 van");
  }

  @Test
  void theDontKnowAnswersAreListedAtTheEndAndCanBeAnsweredAfterAll() throws IOException {
    Path file = dir.resolve("later.json");
    // yes; duurzame_energie now "Nog niet" (1) with Enter for source and note; natuurvriendelijk
    // kept with Enter; water skipped
    Cli.Run run =
        take(
            script(METADATA, FIRST_PART, SECOND_PART, List.of("j", "1", "", "", "", "s")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Bij 3 vragen koos je \"Weet ik niet\":"
                + NL
                + "  - "
                + questionText("duurzame_energie", "nl")
                + NL
                + "  - "
                + questionText("natuurvriendelijk", "nl")
                + NL
                + "  - "
                + questionText("water", "nl")
                + NL
                + "Wil je ze nu nog langslopen? Misschien weet je het inmiddels. [j/N]"
                + NL
                + "> j"
                + NL);
    String firstOption = SCAN.question("duurzame_energie").orElseThrow().options().get(0).id();
    assertThat(read(file).at("/answers/duurzame_energie").asText()).isEqualTo(firstOption);
    assertThat(read(file).at("/answers/natuurvriendelijk").asText()).isEqualTo("weetniet");
    assertThat(read(file).at("/answers/water").asText()).isEqualTo("weetniet");
    assertThat(run.out().indexOf("Klaar!")).isGreaterThan(run.out().indexOf("> j"));
  }

  /** A scan of two law-tagged questions, to see the end of {@code take} mark them. */
  private Path lawScan() throws IOException {
    Path scans = Files.createDirectories(dir.resolve("law-scans"));
    String options =
        "[{\"id\": \"ja\", \"label\": \"Ja\", \"points\": 2},"
            + " {\"id\": \"nee\", \"label\": \"Nee\", \"points\": 0},"
            + " {\"id\": \"weetniet\", \"label\": \"Weet ik niet\", \"unknown\": true}]";
    Files.writeString(
        scans.resolve("wet.json"),
        "{\"format\": \"mvoscan-scan/1\", \"id\": \"wet\", \"version\": \"1\","
            + " \"languages\": [\"nl\"], \"title\": \"Wet\","
            + " \"themes\": [{\"id\": \"mens\", \"title\": \"Mens\", \"questions\": ["
            + "{\"id\": \"rie\", \"type\": \"choice\", \"text\": \"Is er een RI&E?\","
            + " \"tags\": {\"law\": [\"arbowet\"]}, \"options\": "
            + options
            + "}, {\"id\": \"ongevallen\", \"type\": \"choice\","
            + " \"text\": \"Is er een lijst van ongevallen?\","
            + " \"tags\": {\"law\": [\"arbowet\"]}, \"options\": "
            + options
            + "}, {\"id\": \"uitje\", \"type\": \"choice\", \"text\": \"Is er een uitje?\","
            + " \"options\": "
            + options
            + "}]}],"
            + " \"levels\": [{\"id\": \"starter\", \"min\": 0, \"label\": \"Starter\"}]}",
        StandardCharsets.UTF_8);
    return scans;
  }

  @Test
  void theEndOfTakeMarksTopicsTheLawSetsInTheDontKnowListTheAnswerListAndTheScorecard()
      throws IOException {
    Path scans = lawScan();
    Path file = dir.resolve("wet-antwoorden.json");
    // rie: weet ik niet (note Enter); ongevallen: nee (source, note Enter); uitje: weet ik niet;
    // then no to revisiting the don't-knows
    Cli.Run run =
        Cli.run(
            new BufferedReader(
                new StringReader(
                    script(
                        List.of("Sanne de Vries", "3A", "Bakkerij", "", ""),
                        List.of("3", "", "2", "", "", "3", "", "n")))),
            "take",
            "--scans",
            scans.toString(),
            "wet",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .as("the don't-know list at the end")
        .contains("  - Is er een RI&E? (wettelijk verplicht)" + NL + "  - Is er een uitje?" + NL)
        .as("the scorecard's improvement and its gap")
        .contains("  - Is er een lijst van ongevallen? (wettelijk verplicht)" + NL)
        .contains("  [ ] Is er een RI&E? (wettelijk verplicht) (weet ik niet)" + NL);
  }

  @Test
  void resumingAFinishedFileListsTheAnswersAndLetsTheStudentChangeThem() throws IOException {
    Path file = dir.resolve("sanne.json");
    fullRun(file);

    // 99 is not in the list; 8 is visie: now ja, keeping its source and note; Enter finishes
    Cli.Run run =
        take("99\n8\n1\n\n\n\n", "mvo-stagebedrijf", "--lang", "nl", "--resume", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Alle vragen zijn al beantwoord (47 van de 47). Je kunt nog antwoorden veranderen:"
                + NL
                + "   1. "
                + questionText("sector", "nl")
                + " → Productie en industrie"
                + NL)
        .contains("   8. " + questionText("visie", "nl") + " → Nee" + NL)
        .contains(
            "> 99"
                + NL
                + "\"99\" is geen vraag uit de lijst. Typ een nummer van 1 tot en met 47, of druk"
                + " op Enter.")
        .contains("[Beleid & bestuur] Vraag 8 van 47")
        .contains("Klaar!")
        .doesNotContain("Je gaat verder waar je was");
    JsonNode visie = read(file).at("/answers/visie");
    assertThat(visie.get("value").asText()).isEqualTo("ja");
    assertThat(visie.get("evidence").asText()).isEqualTo("gevraagd");
    assertThat(visie.get("note").asText()).isEqualTo("Gevraagd aan de eigenaar.");
  }

  @Test
  void invalidInputIsExplainedAndAskedAgain() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out())
        .contains(
            "> x"
                + NL
                + "\"x\" is geen keuze. Typ een nummer van 1 tot en met 9."
                + NL
                + "> 10"
                + NL)
        .contains("10 staat niet in de lijst. Kies een nummer van 1 tot en met 9." + NL)
        .contains(
            "> s" + NL + "Deze vraag moet je invullen. Overslaan kan niet. Typ ? voor uitleg." + NL)
        .contains(
            "\"zes\" is geen getal. Typ bijvoorbeeld 12 of 2,5 (zonder punten voor duizendtallen)."
                + NL)
        .contains("Typ een heel getal: 6,5 heeft cijfers achter de komma." + NL)
        .contains("Het getal moet minstens 0 zijn." + NL)
        .contains(
            "Je koos \"Goede werkplekken en hulpmiddelen, zoals een tilhulp\" twee keer. Noem elke"
                + " keuze één keer."
                + NL)
        .contains(
            "\"Geen van deze\" kun je niet samen met iets anders kiezen. Kies het alleen." + NL)
        .contains(
            "\"0418735\" is geen KvK-nummer: dat heeft precies 8 cijfers. Weet je het niet? Druk"
                + " dan op Enter."
                + NL);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void questionMarkShowsTheHelpTextOfTheQuestion() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out())
        .contains(
            "> ?" + NL + SCAN.question("sector").orElseThrow().help().in("nl", "nl") + NL + "> x");
  }

  @Test
  void goingBackShowsTheEarlierAnswerAndASkippedQuestionCanBeAnsweredLater() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out()).contains("Je antwoord nu: Ja. Druk op Enter om het zo te laten." + NL);
    int skipped =
        run.out().indexOf("> s" + NL, run.out().indexOf(questionText("stakeholders", "nl")));
    int backAgain = run.out().indexOf(questionText("stakeholders", "nl"), skipped);
    assertThat(skipped).isPositive();
    assertThat(backAgain).as("stakeholders shown again after going back").isGreaterThan(skipped);
  }

  @Test
  void theSamePipedInputGivesAByteIdenticalAnswersFile() throws IOException {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");

    fullRun(first);
    fullRun(second);

    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void inputThatEndsHalfwaySavesAndResumeContinuesToTheSameFile() throws IOException {
    Path complete = dir.resolve("complete.json");
    fullRun(complete);
    Path file = dir.resolve("onderbroken.json");

    Cli.Run interrupted =
        take(
            script(METADATA, FIRST_PART),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    // a script that pipes too few answers learns that the scan is not finished
    assertThat(interrupted.exitCode()).as(interrupted.err()).isEqualTo(ExitCode.INPUT_ENDED);
    assertThat(interrupted.err())
        .isEqualTo("De invoer hield op voordat de scan af was (exitcode 4)." + NL);
    assertThat(interrupted.out())
        .contains("Bewaard in " + file + ": 19 van de 47 vragen beantwoord." + NL)
        .contains("Later verder gaan: mvoscan take mvo-stagebedrijf --resume " + file + NL)
        .doesNotContain("Klaar!");
    assertThat(AnswersLoader.load(file, SCAN).ok()).isTrue();
    assertThat(read(file).at("/answers/energie_inzicht").asText()).isEqualTo("gestart");
    assertThat(read(file).at("/answers/energiemaatregelen").isNull()).isTrue();

    Cli.Run resumed = take(script(SECOND_PART), "mvo-stagebedrijf", "--resume", file.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("Je gaat verder waar je was: 19 van de 47 vragen zijn al beantwoord." + NL)
        .contains(
            "[Energie & klimaat] Vraag 20 van 47"
                + NL
                + themeDescription("energie", "nl")
                + NL
                + questionText("energiemaatregelen", "nl"))
        .contains("Klaar!")
        .doesNotContain("[Over het bedrijf]")
        .doesNotContain("Vraag 19 van");
    assertThat(Files.mismatch(file, complete)).isEqualTo(-1L);
  }

  @Test
  void theAnswersFileIsValidAndUpToDateEveryTimeTheNextAnswerIsAskedFor() throws IOException {
    Path file = dir.resolve("live.json");
    List<Integer> answeredOnDisk = new ArrayList<>();
    String input =
        script(List.of("Sanne", "", "Bakkerij", "", ""), List.of("1", "6", "1", "x", "2", "q"));
    BufferedReader watching =
        new BufferedReader(new StringReader(input)) {
          @Override
          public String readLine() throws IOException {
            if (Files.exists(file)) {
              AnswersLoader.Result loaded = AnswersLoader.load(file, SCAN);
              assertThat(loaded.ok()).as(loaded.problems().toString()).isTrue();
              answeredOnDisk.add(loaded.answers().answers().size());
            }
            return super.readLine();
          }
        };

    Cli.Run run =
        take(
            watching,
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // read before each of: 1, 6, 1, x, 2, q
    assertThat(answeredOnDisk).containsExactly(0, 1, 2, 3, 3, 4);
    assertThat(run.out()).contains("Bewaard in " + file + ": 4 van de ");
  }

  @Test
  void endOfInputBeforeTheNameIsKnownSavesNothing() {
    Cli.Run run =
        take("Sanne\n", "mvo-stagebedrijf", "--lang", "nl", "-o", dir.resolve("a.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_ENDED);
    assertThat(run.out()).contains("Gestopt. Er is nog niets bewaard.");
    assertThat(dir.resolve("a.json")).doesNotExist();
  }

  @Test
  void aStudentClassOrCompanyCalledBQOrSIsANameNotAKey() throws IOException {
    Path file = dir.resolve("letters.json");

    Cli.Run run =
        take(
            script(List.of("B", "Q", "S", "", ""), List.of("/q")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read(file).at("/respondent/name").asText()).isEqualTo("B");
    assertThat(read(file).at("/respondent/class").asText()).isEqualTo("Q");
    assertThat(read(file).at("/company/name").asText()).isEqualTo("S");
    assertThat(run.out()).contains("(? uitleg, /b terug, /q stoppen)");
  }

  @Test
  void whatTheLoaderWouldRefuseIsRefusedAtThePrompt() throws IOException {
    Path file = dir.resolve("grenzen.json");
    String longName = "a".repeat(201);

    Cli.Run run =
        take(
            script(
                List.of(longName, "Sanne", "", "Bakkerij", "", "1-1-1800", ""),
                List.of("1", "9".repeat(150), "6", "q")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Dit heeft 201 tekens. Er mogen er hoogstens 200 zijn.")
        .contains("1-1-1800 ligt voor 1900 of na 2100. Typ de dag waarop je de scan invult.")
        .contains("Je getal heeft 150 cijfers. Er mogen er hoogstens 100 zijn.");
    AnswersLoader.Result loaded = AnswersLoader.load(file, SCAN);
    assertThat(loaded.ok()).as(loaded.problems().toString()).isTrue();
    assertThat(loaded.answers().respondent().name()).isEqualTo("Sanne");
    assertThat(read(file).at("/answers/medewerkers").asInt()).isEqualTo(6);
  }

  @Test
  void aNameOfOnlySpacesOrInvisibleCharactersIsAskedForAgainAsAnEmptyOneIs() throws IOException {
    Path file = dir.resolve("onzichtbaar.json");

    Cli.Run run =
        take(
            script(
                List.of("\u00A0\u2003", "\u200B\u00AD", "Sanne", "", "Bakkerij", "", ""),
                List.of("1", "6", "q")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().split("Dit moet je invullen\\.", -1)).hasSize(3);
    AnswersLoader.Result loaded = AnswersLoader.load(file, SCAN);
    assertThat(loaded.ok()).as(loaded.problems().toString()).isTrue();
    assertThat(loaded.answers().respondent().name()).isEqualTo("Sanne");
  }

  /** A class of only invisible characters is no class, as an empty one: import would refuse it. */
  @Test
  void aClassOfOnlySpacesOrInvisibleCharactersIsNoClass() throws IOException {
    Path file = dir.resolve("geenklas.json");

    Cli.Run run =
        take(
            script(List.of("Sanne", " \u00A0\u200B", "Bakkerij", "", ""), List.of("/q")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read(file).at("/respondent/class").isMissingNode()).isTrue();
  }

  @Test
  void aNameWithATabOrEscapeIsRefusedAtThePromptAsTheLoaderWouldRefuseIt() throws IOException {
    Path file = dir.resolve("stuurteken.json");

    Cli.Run run =
        take(
            script(
                List.of("Sanne\tde Vries", "Sanne", "", "Bakkerij\u001B[2J", "Bakkerij", "", ""),
                List.of("1", "6", "q")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Dit bevat een onzichtbaar stuurteken (U+0009). Typ het opnieuw, zonder tab")
        .contains("Dit bevat een onzichtbaar stuurteken (U+001B).");
    AnswersLoader.Result loaded = AnswersLoader.load(file, SCAN);
    assertThat(loaded.ok()).as(loaded.problems().toString()).isTrue();
    assertThat(loaded.answers().respondent().name()).isEqualTo("Sanne");
    assertThat(read(file).at("/company/name").asText()).isEqualTo("Bakkerij");
  }

  @Test
  void withoutMinusOTheFileIsNamedAfterTheStudentAndTheDate() {
    assertThat(TakeFile.slug("Anaïs  Bakker-de Jong!")).isEqualTo("anais-bakker-de-jong");
    assertThat(TakeFile.slug("Łukasz Øster")).isEqualTo("lukasz-oster");
    assertThat(TakeFile.slug("../../etc/passwd")).isEqualTo("etc-passwd");
    assertThat(TakeFile.slug("李")).isEqualTo("student");
    assertThat(TakeFile.slug("a".repeat(60))).hasSize(40);
    assertThat(TakeFile.defaultFile(dir, "Sanne de Vries", LocalDate.of(2026, 11, 20)))
        .isEqualTo(dir.resolve("antwoorden-sanne-de-vries-2026-11-20.json"));
  }

  @Test
  void theDefaultFileNameNeverOverwritesAnEarlierScan() throws IOException {
    Files.writeString(dir.resolve("antwoorden-sanne-2026-11-20.json"), "{}");
    Files.writeString(dir.resolve("antwoorden-sanne-2026-11-20-2.json"), "{}");

    assertThat(TakeFile.defaultFile(dir, "Sanne", LocalDate.of(2026, 11, 20)))
        .isEqualTo(dir.resolve("antwoorden-sanne-2026-11-20-3.json"));
  }

  @Test
  void anExistingOutputFileIsNotOverwrittenWithoutResume() throws IOException {
    Path file = dir.resolve("bestaat.json");
    Files.writeString(file, "mijn werk");

    Cli.Run run = take(script(METADATA), "mvo-stagebedrijf", "--lang", "nl", "-o", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(file + " bestaat al. Ga verder met --resume " + file);
    assertThat(Files.readString(file)).isEqualTo("mijn werk");
  }

  @Test
  void quittingWithQSavesAndSaysHowToCarryOn() throws IOException {
    Path file = dir.resolve("q.json");

    Cli.Run run =
        take(
            script(METADATA, List.of("1", "6", "q", "2")),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .endsWith(
            "Bewaard in "
                + file
                + ": 2 van de 43 vragen beantwoord."
                + NL
                + "Later verder gaan: mvoscan take mvo-stagebedrijf --resume "
                + file
                + NL);
    assertThat(read(file).at("/answers/medewerkers").asInt()).isEqualTo(6);
    assertThat(read(file).at("/answers/eigen_pand").isNull()).isTrue();
  }

  @Test
  void aResumedFileKeepsAnswersToHiddenQuestionsAndFlagsThem() throws IOException {
    Path file = dir.resolve("verborgen.json");
    Files.writeString(
        file,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "Sanne", "id": "104233"}, "company": {"name": "Bakkerij", "city": "Emmen"},
         "date": "2026-11-20", "language": "nl",
         "answers": {"sector": "productie", "medewerkers": 6,
                     "medezeggenschap": {"value": "ja", "evidence": "gevraagd", "note": "Er is een OR."}}}
        """);

    Cli.Run run = take("1\nq\n", "mvo-stagebedrijf", "--resume", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Let op: je antwoord op \""
                + questionText("medezeggenschap", "nl")
                + "\" telt niet mee, want die vraag past niet bij dit bedrijf. Het blijft wel"
                + " bewaard in je antwoordbestand.");
    JsonNode saved = read(file);
    assertThat(saved.at("/answers/eigen_pand").asText()).isEqualTo("ja");
    assertThat(saved.at("/answers/medezeggenschap/value").asText()).isEqualTo("ja");
    assertThat(saved.at("/answers/medezeggenschap/note").asText()).isEqualTo("Er is een OR.");
    assertThat(saved.at("/respondent/id").asText()).isEqualTo("104233");
    assertThat(saved.at("/company/city").asText()).isEqualTo("Emmen");
  }

  @Test
  void anAnswerThatMakesAnAnsweredQuestionHiddenIsFlaggedAndKept() throws IOException {
    Path file = dir.resolve("60.json");
    Files.writeString(
        file,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "Sanne"}, "company": {"name": "Zorgcentrum"}, "date": "2026-11-20", "language": "nl",
         "answers": {"sector": "zorg", "medewerkers": 60, "eigen_pand": "ja", "producten": "geen",
                     "voertuigen": "nee", "gevaarlijke_stoffen": "nee", "activiteiten": "Zorg",
                     "medezeggenschap": "ja"}}
        """);

    // from visie back to medewerkers: activiteiten, gevaarlijke_stoffen, voertuigen, producten,
    // eigen_pand, medewerkers
    Cli.Run run = take("b\nb\nb\nb\nb\nb\n8\nq\n", "mvo-stagebedrijf", "--resume", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "> 8"
                + NL
                + "Let op: je antwoord op \""
                + questionText("medezeggenschap", "nl")
                + "\" telt nu niet mee, want die vraag past nu niet bij dit bedrijf.");
    assertThat(read(file).at("/answers/medewerkers").asInt()).isEqualTo(8);
    assertThat(read(file).at("/answers/medezeggenschap").asText()).isEqualTo("ja");
  }

  @Test
  void aTemplateWithoutANameAsksForTheMetadataFirst() throws IOException {
    Path file = dir.resolve("template.json");
    Cli.Run template =
        Cli.run("template", "--scans", SCANS.toString(), "mvo-stagebedrijf", "-o", file.toString());
    assertThat(template.exitCode()).as(template.err()).isZero();

    Cli.Run run =
        take(
            "Sanne\n\nBakkerij\n\n2026-11-20\nq\n",
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--resume",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Je naam" + NL + "> Sanne");
    assertThat(read(file).at("/respondent/name").asText()).isEqualTo("Sanne");
    assertThat(read(file).at("/respondent/class").isMissingNode()).isTrue();
    assertThat(read(file).get("date").asText()).isEqualTo("2026-11-20");
  }

  @Test
  void resumingACompleteFileShowsTheScorecardAndStoreAddsItToTheDatabaseOnce() throws IOException {
    Path file = dir.resolve("sanne.json");
    String db = dir.resolve("mvoscan.db").toString();
    Cli.Run first =
        take(
            script(METADATA, FIRST_PART, SECOND_PART),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString(),
            "--store",
            "--db",
            db);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Opgeslagen in de database " + db + " (nummer 1).");

    Cli.Run again =
        take(
            "",
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--resume",
            file.toString(),
            "--store",
            "--db",
            db);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("Klaar!")
        .contains("Totaalscore 30,2")
        .contains("Deze antwoorden stonden al in de database " + db + ". Er is niets toegevoegd.");
    Cli.Run list = Cli.run("responses", "--db", db, "--json");
    JsonNode responses = JSON.readTree(list.out());
    assertThat(responses).hasSize(1);
    assertThat(responses.toString())
        .contains("Sanne de Vries")
        .contains("Bakkerij De Korenschoof")
        .contains("30.2");
  }

  @Test
  void skippedQuestionsAreCountedAtTheEndAndShowUpAsGaps() {
    Path file = dir.resolve("gaten.json");
    List<List<String>> questions = new ArrayList<>(SECOND_QUESTIONS);
    questions.set(questions.size() - 1, List.of("s")); // overlast skipped
    List<String> skipping = questions.stream().flatMap(List::stream).toList();

    Cli.Run run =
        take(
            script(METADATA, FIRST_PART, skipping),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Je hebt 1 vraag overgeslagen. Vul die later in met: mvoscan take"
                + " mvo-stagebedrijf --resume "
                + file)
        .contains("  [ ] " + questionText("overlast", "nl") + NL);
  }

  @Test
  void inEnglishTheScreensAndTheFileAreInEnglish() throws IOException {
    Path file = dir.resolve("en.json");

    Cli.Run run =
        take(
            script(METADATA, List.of("Manufacturing and industry", "q")),
            "mvo-stagebedrijf",
            "--lang",
            "en",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "[About the company] Question 1 of 41"
                + NL
                + questionText("sector", "en")
                + " (required)")
        .contains("? = help, b = back, q = save and stop")
        .contains("Saved in " + file + ": 1 of the 43 questions answered.");
    assertThat(read(file).get("language").asText()).isEqualTo("en");
    assertThat(read(file).at("/answers/sector").asText()).isEqualTo("productie");
  }

  @Test
  void inEnglishTheDescriptionsSourcesNotesDontKnowsAndChangesAreAskedInEnglish()
      throws IOException {
    Path file = dir.resolve("en-full.json");
    // the same keys as the Dutch run; "y" takes up the offer to go through the don't-knows
    Cli.Run run =
        take(
            script(METADATA, FIRST_PART, SECOND_PART, List.of("y", "1", "", "", "", "s")),
            "mvo-stagebedrijf",
            "--lang",
            "en",
            "--date",
            "2026-11-20",
            "-o",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String sources = "1 = seen, 2 = asked, 3 = document, 4 = assumption";
    assertThat(run.out())
        .startsWith(
            "== CSR scan for internship companies ==" + NL + SCAN.description().in("en", "nl") + NL)
        .contains(NL + themeDescription("beleid", "en") + NL + questionText("visie", "en"))
        .contains(
            "> 1"
                + NL
                + "How do you know? "
                + sources
                + ". Enter = skip."
                + NL
                + "> 2"
                + NL
                + "A note, for example what you saw or whom you asked. Enter = skip."
                + NL)
        .contains("How do you know? " + sources + ". Enter = keep (asked), - = remove.")
        .contains(
            "Note now: \"Gevraagd aan de eigenaar.\". Type a new one, Enter = keep, - = remove.")
        .contains(
            "> 7" + NL + "\"7\" is not a source. Type a number from 1 to 4, or press Enter." + NL)
        .contains(
            "You chose \"Don't know\" for 3 questions:"
                + NL
                + "  - "
                + questionText("duurzame_energie", "en")
                + NL)
        .contains("Do you want to go through them now? Maybe you know by now. [y/N]" + NL + "> y")
        .doesNotContain("Hoe weet je dit?")
        .doesNotContain("Notitie");
    assertThat(read(file).get("language").asText()).isEqualTo("en");
    JsonNode visie = read(file).at("/answers/visie");
    assertThat(visie.get("evidence").asText()).isEqualTo("gevraagd");
    String firstOption = SCAN.question("duurzame_energie").orElseThrow().options().get(0).id();
    assertThat(read(file).at("/answers/duurzame_energie").asText()).isEqualTo(firstOption);

    Cli.Run resumed =
        take("99\n\n", "mvo-stagebedrijf", "--lang", "en", "--resume", file.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("Every question is answered already (47 of 47). You can still change answers:")
        .contains("   8. " + questionText("visie", "en") + " → No" + NL)
        .contains(
            "\"99\" is not a question in the list. Type a number from 1 to 47, or press Enter.");
  }

  @Test
  void pipedOutputHasNoEscapeCodes() {
    Cli.Run run = fullRun(dir.resolve("sanne.json"));

    assertThat(run.out()).doesNotContain("\u001B");
  }

  @Test
  void aBadDateOptionOrAMissingOrInvalidResumeFileIsBadInput() throws IOException {
    Cli.Run badDate =
        take(
            "", "mvo-stagebedrijf", "--date", "31-02-2026", "-o", dir.resolve("x.json").toString());
    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.err()).contains("31-02-2026");

    Path missing = dir.resolve("weg.json");
    Cli.Run notThere = take("", "mvo-stagebedrijf", "--lang", "nl", "--resume", missing.toString());
    assertThat(notThere.exitCode()).isEqualTo(2);
    assertThat(notThere.err()).contains(missing + ": bestand niet gevonden");

    Path invalid = dir.resolve("fout.json");
    Files.writeString(
        invalid,
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\", \"answers\":"
            + " {\"visie\": \"misschien\"}}");
    Cli.Run bad = take("", "mvo-stagebedrijf", "--lang", "nl", "--resume", invalid.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains(invalid + ": /answers/visie: ").doesNotContain("Exception");
    assertThat(Files.readString(invalid)).contains("misschien");
  }

  @Test
  void killingTheProcessMidwayLosesNoAnswerAndResumeFinishesTheSameFile() throws Exception {
    Path complete = dir.resolve("complete.json");
    fullRun(complete);
    Path file = dir.resolve("gekild.json");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "nl.mvoscan.cli.Main",
                "take",
                "--scans",
                SCANS.toString(),
                "mvo-stagebedrijf",
                "--lang",
                "nl",
                "--date",
                "2026-11-20",
                "-o",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    // type the first part and keep stdin open: the student is still sitting at question 20
    child.getOutputStream().write(script(METADATA, FIRST_PART).getBytes(StandardCharsets.UTF_8));
    child.getOutputStream().flush();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline
        && !(Files.exists(file) && read(file).at("/answers/energie_inzicht").isTextual())) {
      Thread.sleep(20);
    }
    child.destroyForcibly().waitFor();

    assertThat(AnswersLoader.load(file, SCAN).ok()).isTrue();
    assertThat(read(file).at("/answers/energie_inzicht").asText())
        .as(Files.readString(dir.resolve("child.log")))
        .isEqualTo("gestart");
    Cli.Run resumed = take(script(SECOND_PART), "mvo-stagebedrijf", "--resume", file.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(Files.mismatch(file, complete)).isEqualTo(-1L);
  }

  @Test
  void withPdfTheReportIsMadeNextToTheAnswersFileAtTheEnd() throws IOException {
    Path file = dir.resolve("sanne.json");
    Cli.Run run =
        take(
            script(METADATA, FIRST_PART, SECOND_PART),
            "mvo-stagebedrijf",
            "--lang",
            "nl",
            "--date",
            "2026-11-20",
            "--pdf",
            "-o",
            file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path pdf = dir.resolve("sanne.pdf");
    assertThat(pdf).exists();
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    assertThat(run.out()).contains(pdf.toString()).doesNotContain("Je rapport (PDF) maken:");
  }
}
