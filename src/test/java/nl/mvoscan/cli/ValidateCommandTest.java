package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static nl.mvoscan.cli.CliFixtures.fixture;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvoscan validate}: the OK line, and for every rule of contract §2–3 one broken copy of the
 * fixture scan whose single problem must be reported as {@code <file>:<line>:<col>: <pointer>:
 * <message>}.
 */
class ValidateCommandTest {

  private static final String NL = System.lineSeparator();
  private static final String WHEN = "\"when\": \"sector == 'productie'\"";

  @TempDir Path dir;

  static String miniScan() throws IOException {
    return Files.readString(fixture("scans/mini-scan.json"), StandardCharsets.UTF_8);
  }

  /**
   * "line:col" (1-based) of the first character of {@code marker}, which must occur exactly once.
   */
  static String at(String text, String marker) {
    int index = text.indexOf(marker);
    assertThat(index).as("marker %s", marker).isNotNegative();
    assertThat(text.lastIndexOf(marker)).as("marker %s is unique", marker).isEqualTo(index);
    return position(text, index);
  }

  /**
   * "line:col" of what follows {@code marker} (which must occur exactly once): the value after a
   * key.
   */
  static String after(String text, String marker) {
    at(text, marker);
    return position(text, text.indexOf(marker) + marker.length());
  }

  static String position(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (index - lineStart + 1);
  }

  /** The fixture scan with {@code from} (which must occur exactly once) replaced by {@code to}. */
  static String change(String text, String from, String to) {
    assertThat(text.indexOf(from)).as("%s in the fixture", from).isNotNegative();
    assertThat(text.lastIndexOf(from))
        .as("%s is unique in the fixture", from)
        .isEqualTo(text.indexOf(from));
    return text.replace(from, to);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Validates a one-problem scan and returns the single line printed, after checking exit code and
   * streams.
   */
  private String onlyProblem(String scanText) throws IOException {
    Path file = write("broken.json", scanText);
    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertNoStackTrace(run);
    List<String> lines = lines(run.err());
    assertThat(lines).as(run.err()).hasSize(1);
    String prefix = file + ":";
    assertThat(lines.get(0)).startsWith(prefix);
    return lines.get(0).substring(prefix.length());
  }

  // --- valid scans ---

  @Test
  void printsOkLineWithIdVersionThemeAndScoredQuestionCountsAndExits0() {
    Path scan = fixture("scans/mini-scan.json");

    Cli.Run run = Cli.run("validate", "--lang", "en", scan.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("OK " + scan + " (mini-scan 1.0: 2 themes, 4 scored questions)" + NL);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void printsTheOkLineInDutchWithTheSameOkAndFileForScripts() {
    Path scan = fixture("scans/mini-scan.json");

    Cli.Run run = Cli.run("validate", "--lang", "nl", scan.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("OK " + scan + " (mini-scan 1.0: 2 thema's, 4 gescoorde vragen)" + NL);
  }

  @Test
  void validatesTheBundledScansAndCountsTheirThemes() {
    // six scored themes and the unscored block of key figures; the quick scan has three
    Path bundled = Path.of("scans", "mvo-stagebedrijf.json");
    Path quick = Path.of("scans", "circulair-quickscan.json");

    Cli.Run run = Cli.run("validate", "--lang", "en", bundled.toString(), quick.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .matches(
            "OK \\Q"
                + bundled
                + "\\E \\(mvo-stagebedrijf \\S+: 7 themes, \\d+ scored questions\\)\\R"
                + "OK \\Q"
                + quick
                + "\\E \\(circulair-quickscan \\S+: 3 themes, 14 scored questions\\)\\R");
  }

  @Test
  void theArchivedEditionsOfTheBundledScansStayValid() throws IOException {
    List<String> files;
    try (java.util.stream.Stream<Path> list = Files.list(Path.of("scans", "archive"))) {
      files = list.map(Path::toString).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<String> args = new java.util.ArrayList<>(List.of("validate", "--lang", "en"));
    args.addAll(files);

    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines(run.out())).hasSize(files.size()).allMatch(l -> l.startsWith("OK "));
  }

  @Test
  void checksEveryFileAndExits2WhenOneOfThemIsInvalid() throws IOException {
    Path good = fixture("scans/mini-scan.json");
    Path bad =
        write(
            "bad.json",
            change(
                miniScan(), "\"version\": \"1.0\"", "\"version\": \"1.0\", \"kleur\": \"rood\""));

    Cli.Run run = Cli.run("validate", "--lang", "en", bad.toString(), good.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .isEqualTo("OK " + good + " (mini-scan 1.0: 2 themes, 4 scored questions)" + NL);
    assertThat(lines(run.err()))
        .singleElement()
        .asString()
        .startsWith(bad + ":")
        .endsWith(
            ": /kleur: unknown property \"kleur\"; check the spelling (see scans/schema/mvoscan-scan.schema.json)");
  }

  @Test
  void reportsAMissingFileInOneLineWithExit2() {
    Path missing = dir.resolve("nergens.json");

    Cli.Run run = Cli.run("validate", "--lang", "en", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": file not found; check the path" + NL);
    assertNoStackTrace(run);
  }

  // --- a scan with many problems ---

  @Test
  void printsEveryProblemOfABrokenScanOnItsOwnLineWithLocationPointerAndMessage()
      throws IOException {
    String text = miniScan();
    text =
        change(
            text,
            "{\"id\": \"sector\", \"type\": \"choice\",",
            "{\"id\": \"sector\", \"type\": \"choice\", \"scored\": true,");
    text =
        change(
            text,
            "{\"id\": \"led\", \"label\": \"LED\", \"points\": 1}",
            "{\"id\": \"led\", \"label\": \"LED\"}");
    text = change(text, "\"maxPoints\": 3", "\"maxPoints\": 9");
    text = change(text, WHEN, "\"when\": \"sector == 'productie' and medewerkers > 'tien'\"");
    text =
        change(
            text,
            "\"title\": {\"nl\": \"Mensen\", \"en\": \"People\"}",
            "\"title\": {\"nl\": \"Mensen\"}");
    text = change(text, "{\"id\": \"opleiding\"", "{\"id\": \"visie\"");
    text = change(text, "{\"id\": \"starter\", \"min\": 0", "{\"id\": \"starter\", \"min\": 5");
    text = change(text, "\"min\": 70, \"minTheme\"", "\"min\": 30, \"minTheme\"");
    Path file = write("broken.json", text);

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertNoStackTrace(run);
    String f = file.toString();
    assertThat(lines(run.err()))
        .containsExactly(
            f
                + ":"
                + after(text, "\"scored\": ")
                + ": /profile/0/scored: a profile question cannot be scored; remove \"scored\": true",
            f
                + ":"
                + after(text, "\"maxPoints\": ")
                + ": /themes/0/questions/1/maxPoints: maxPoints 9 is more than the sum of all points (3)",
            f
                + ":"
                + at(text, "\"sector == 'productie' and medewerkers > 'tien'\"")
                + ": /themes/0/questions/1/when: condition, column 27: \">\" compares numbers only, here number and text",
            f
                + ":"
                + at(text, "{\"id\": \"led\"")
                + ": /themes/0/questions/1/options/0: option \"led\" needs exactly one of \"points\", \"na\": true or \"unknown\": true",
            f
                + ":"
                + at(text, "{\"nl\": \"Mensen\"}")
                + ": /themes/1/title: text missing; languages without it: en; required texts need every language of \"languages\"",
            f
                + ":"
                + position(text, text.lastIndexOf("\"visie\""))
                + ": /themes/1/questions/1/id: id \"visie\" is already used on line "
                + at(text, "\"visie\", \"type\": \"choice\", \"scale\": \"jdn\", \"weight\": 2")
                    .split(":")[0]
                + "; theme and question ids must be unique",
            f
                + ":"
                + after(text, "{\"id\": \"starter\", \"min\": ")
                + ": /levels/0/min: the first level must have min 0",
            f
                + ":"
                + after(text, "{\"id\": \"koploper\", \"min\": ")
                + ": /levels/2/min: min 30 must be higher than the min of the level before (40)");
  }

  // --- one rule at a time ---

  @Test
  void rejectsUnknownPropertyWithItsPointer() throws IOException {
    String text = change(miniScan(), "\"weight\": 2,\n", "\"weight\": 2, \"kleur\": \"rood\",\n");

    String line = onlyProblem(text);

    assertThat(line)
        .startsWith(at(text, "\"kleur\"").split(":")[0] + ":")
        .endsWith(
            ": /themes/0/questions/0/kleur: unknown property \"kleur\"; check the spelling (see scans/schema/mvoscan-scan.schema.json)");
  }

  @Test
  void locatesUnknownPropertyAtTheKeyAsDocumented() throws IOException {
    String text = change(miniScan(), "\"weight\": 2,\n", "\"weight\": 2, \"kleur\": \"rood\",\n");

    assertThat(onlyProblem(text))
        .startsWith(at(text, "\"kleur\"") + ": /themes/0/questions/0/kleur: ");
  }

  @Test
  void duplicateKeyDoesNotHideTheOtherProblemsOfTheScan() throws IOException {
    String text = change(miniScan(), "\"weight\": 2,\n", "\"weight\": 2, \"weight\": 3,\n");
    text = change(text, "\"version\": \"1.0\"", "\"version\": \"1.0\", \"kleur\": \"rood\"");
    Path file = write("broken.json", text);

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run.err()))
        .hasSize(2)
        .anyMatch(l -> l.contains(": /kleur: unknown property \"kleur\""))
        .anyMatch(l -> l.contains(": /themes/0/questions/0/weight: duplicate key \"weight\""));
  }

  @Test
  void rejectsAWeightOfZeroWithTheSchemaMessageInTheChosenLanguage() throws IOException {
    String text = change(miniScan(), "\"weight\": 2,\n", "\"weight\": 0,\n");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "\"visie\", \"type\": \"choice\", \"scale\": \"jdn\", \"weight\": ")
                + ": /themes/0/questions/0/weight: must have an exclusive minimum value of 0");
  }

  @Test
  void rejectsAnIdThatDoesNotMatchThePattern() throws IOException {
    String text = change(miniScan(), "\"id\": \"mini-scan\"", "\"id\": \"Mini Scan\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"Mini Scan\"")
                + ": /id: does not match the regex pattern ^[a-z][a-z0-9_-]{0,63}$");
  }

  @Test
  void rejectsDuplicateKeyAtTheSecondKey() throws IOException {
    String text = change(miniScan(), "\"weight\": 2,\n", "\"weight\": 2, \"weight\": 3,\n");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"weight\": 3")
                + ": /themes/0/questions/0/weight: duplicate key \"weight\" in one object; keep only one");
  }

  @Test
  void rejectsDuplicateQuestionIdNamingTheLineOfTheFirst() throws IOException {
    String text = change(miniScan(), "{\"id\": \"opleiding\"", "{\"id\": \"visie\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            position(text, text.lastIndexOf("\"visie\""))
                + ": /themes/1/questions/1/id: id \"visie\" is already used on line "
                + at(text, "\"visie\", \"type\": \"choice\", \"scale\": \"jdn\", \"weight\": 2")
                    .split(":")[0]
                + "; theme and question ids must be unique");
  }

  @Test
  void rejectsQuestionIdEqualToAThemeId() throws IOException {
    String text = change(miniScan(), "{\"id\": \"opleiding\"", "{\"id\": \"beleid\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            position(text, text.lastIndexOf("\"beleid\""))
                + ": /themes/1/questions/1/id: id \"beleid\" is already used on line "
                + at(text, "{\"id\": \"beleid\", \"title\"").split(":")[0]
                + "; theme and question ids must be unique");
  }

  @Test
  void rejectsRequiredTextMissingALanguage() throws IOException {
    String text =
        change(
            miniScan(),
            "{\"nl\": \"Zonnepanelen\", \"en\": \"Solar panels\"}",
            "{\"nl\": \"Zonnepanelen\"}");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "{\"nl\": \"Zonnepanelen\"}")
                + ": /themes/0/questions/1/options/1/label: text missing; languages without it: en; required texts need every language of \"languages\"");
  }

  @Test
  void rejectsOptionWithoutPointsInAScoredQuestion() throws IOException {
    String text =
        change(
            miniScan(),
            "{\"id\": \"isolatie\", \"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}, \"points\": 1}",
            "{\"id\": \"isolatie\", \"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}}");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "{\"id\": \"isolatie\"")
                + ": /themes/0/questions/1/options/2: option \"isolatie\" needs exactly one of \"points\", \"na\": true or \"unknown\": true");
  }

  @Test
  void rejectsMaxPointsAboveTheSumOfAllPoints() throws IOException {
    String text = change(miniScan(), "\"maxPoints\": 3", "\"maxPoints\": 4.5");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "\"maxPoints\": ")
                + ": /themes/0/questions/1/maxPoints: maxPoints 4.5 is more than the sum of all points (4)");
  }

  @Test
  void acceptsMaxPointsEqualToTheSumOfAllPoints() throws IOException {
    Path file = write("ok.json", change(miniScan(), "\"maxPoints\": 3", "\"maxPoints\": 4"));

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void rejectsWhenSyntaxErrorWithTheColumnInsideTheCondition() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"sector = 'productie'\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"sector = ")
                + ": /themes/0/questions/1/when: condition, column 8: unexpected '= 'productie'");
  }

  @Test
  void reportsAConditionThatEndsTooEarlyOneColumnPastItsEnd() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"sector == 'productie' and (\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"sector == 'productie' and (")
                + ": /themes/0/questions/1/when: condition, column 28: the condition ends too early");
  }

  @Test
  void countsConditionColumnsInCodePoints() throws IOException {
    String text =
        change(miniScan(), WHEN, "\"when\": \"sector == '\uD83D\uDE00' and onbekend == 'x'\"");

    assertThat(onlyProblem(text))
        .endsWith(
            ": /themes/0/questions/1/when: condition, column 19: unknown question \"onbekend\"");
  }

  @Test
  void rejectsWhenReferringToALaterQuestion() throws IOException {
    String text =
        change(miniScan(), WHEN, "\"when\": \"sector == 'productie' and veiligheid == 'ja'\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"sector == 'productie' and veiligheid")
                + ": /themes/0/questions/1/when: condition, column 27: \"veiligheid\" comes later in the scan; a condition can only use earlier questions");
  }

  @Test
  void rejectsWhenReferringToItself() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"selected(maatregelen, 'led')\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"selected(maatregelen")
                + ": /themes/0/questions/1/when: condition, column 1: a question cannot depend on itself (\"maatregelen\")");
  }

  @Test
  void rejectsWhenReferringToAnUnknownId() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"branche == 'bouw'\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"branche == 'bouw'\"")
                + ": /themes/0/questions/1/when: condition, column 1: unknown question \"branche\"");
  }

  @Test
  void rejectsWhenReferringToATheme() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"sector == 'productie' and mensen == 'x'\"");

    assertThat(onlyProblem(text))
        .endsWith(
            ": /themes/0/questions/1/when: condition, column 27: \"mensen\" is a theme, not a question");
  }

  @Test
  void rejectsWhenComparingANumberWithText() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"medewerkers == 'tien'\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"medewerkers == 'tien'\"")
                + ": /themes/0/questions/1/when: condition, column 1: \"==\" compares a number with a text");
  }

  @Test
  void rejectsOrderingOfTexts() throws IOException {
    String text = change(miniScan(), WHEN, "\"when\": \"sector >= 'productie'\"");

    assertThat(onlyProblem(text))
        .endsWith(
            ": /themes/0/questions/1/when: condition, column 1: \">=\" compares numbers only, here text and text");
  }

  @Test
  void reportsConditionProblemsInDutchWithLangNl() throws IOException {
    Path file = write("broken.json", change(miniScan(), WHEN, "\"when\": \"branche == 'bouw'\""));

    Cli.Run run = Cli.run("validate", "--lang", "nl", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .endsWith(
            ": /themes/0/questions/1/when: voorwaarde, kolom 1: onbekende vraag \"branche\"" + NL);
  }

  @Test
  void rejectsReservedWordAsQuestionId() throws IOException {
    String text = change(miniScan(), "{\"id\": \"opleiding\"", "{\"id\": \"selected\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"selected\"")
                + ": /themes/1/questions/1/id: id \"selected\" is a keyword of the when language (and or not in true false selected answered); choose another id");
  }

  @Test
  void rejectsReservedWordAsOptionId() throws IOException {
    String text = change(miniScan(), "{\"id\": \"led\"", "{\"id\": \"in\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "\"in\"")
                + ": /themes/0/questions/1/options/0/id: id \"in\" is a keyword of the when language (and or not in true false selected answered); choose another id");
  }

  @Test
  void rejectsLevelsWhoseMinDoesNotIncrease() throws IOException {
    String text = change(miniScan(), "\"min\": 70, \"minTheme\"", "\"min\": 40, \"minTheme\"");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "{\"id\": \"koploper\", \"min\": ")
                + ": /levels/2/min: min 40 must be higher than the min of the level before (40)");
  }

  @Test
  void rejectsFirstLevelWithMinOtherThanZero() throws IOException {
    String text =
        change(miniScan(), "{\"id\": \"starter\", \"min\": 0", "{\"id\": \"starter\", \"min\": 10");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "{\"id\": \"starter\", \"min\": ")
                + ": /levels/0/min: the first level must have min 0");
  }

  @Test
  void rejectsScoredTrueOnAProfileQuestion() throws IOException {
    String text =
        change(
            miniScan(),
            "{\"id\": \"sector\", \"type\": \"choice\",",
            "{\"id\": \"sector\", \"type\": \"choice\", \"scored\": true,");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "\"scored\": ")
                + ": /profile/0/scored: a profile question cannot be scored; remove \"scored\": true");
  }

  @Test
  void rejectsScoredTrueOnATextQuestionInATheme() throws IOException {
    String text =
        change(
            miniScan(),
            "{\"id\": \"opleiding\", \"type\": \"choice\", \"scale\": \"jdn\",",
            "{\"id\": \"opleiding\", \"type\": \"text\", \"scored\": true,");

    assertThat(onlyProblem(text))
        .isEqualTo(
            after(text, "\"scored\": ")
                + ": /themes/1/questions/1/scored: a text question is never scored; remove \"scored\": true");
  }

  @Test
  void rejectsScoredQuestionThatCanEarnNoPoints() throws IOException {
    String text =
        change(
            miniScan(),
            "{\"id\": \"zon\", \"label\": {\"nl\": \"Zonnepanelen\", \"en\": \"Solar panels\"}, \"points\": 2}",
            "{\"id\": \"zon\", \"label\": {\"nl\": \"Zonnepanelen\", \"en\": \"Solar panels\"}, \"points\": 0}");
    text =
        change(
            text,
            "{\"id\": \"led\", \"label\": \"LED\", \"points\": 1}",
            "{\"id\": \"led\", \"label\": \"LED\", \"points\": 0}");
    text =
        change(
            text,
            "\"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}, \"points\": 1}",
            "\"label\": {\"nl\": \"Isolatie\", \"en\": \"Insulation\"}, \"points\": 0}");
    text = change(text, "\"maxPoints\": 3,", "");

    assertThat(onlyProblem(text))
        .isEqualTo(
            at(text, "{\"id\": \"maatregelen\"")
                + ": /themes/0/questions/1: scored question \"maatregelen\" can earn no points at all; give an option points > 0 or set \"scored\": false");
  }
}
