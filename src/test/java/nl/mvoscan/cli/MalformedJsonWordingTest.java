package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans and answers files broken the way editors and people break them (a comma, colon, quote or
 * bracket cut or added, a comment, single or curly quotes, an invisible character, a capitalised
 * True, a cut-off end, a stray byte), from a fixed seed: every syntax problem gets a line of
 * mvoscan's own, with the file, line and column, in the reader's language; none passes on the
 * parser's English text.
 */
class MalformedJsonWordingTest {

  private static final long SEED = 120L;

  /** What the parser writes, and what no user should read. */
  private static final List<String> PARSER_WORDS =
      List.of(
          "Unexpected character",
          "was expecting",
          "Unrecognized token",
          "JsonReadFeature",
          "code 1",
          "Illegal",
          "end-of-input",
          "Feature",
          "Source:",
          "REDACTED",
          "marker");

  /** Words of a Dutch line that an English one does not have. */
  private static final List<String> DUTCH_WORDS =
      List.of(" een ", " het ", " de ", " niet ", " staat ", " haal ", "ontbreekt", " geen ");

  /** What people and editors put where it does not belong, or cut. */
  private static final List<String> BREAKERS =
      List.of(
          ",",
          ":",
          "}",
          "]",
          "{",
          "[",
          "\"",
          "'",
          "// note\n",
          "/* note */",
          "\u00A0",
          "\uFEFF",
          "\u200B",
          "\t",
          "\n",
          "\\x",
          "\\u12G4",
          "True",
          "nul",
          "None",
          "NaN",
          "+1",
          "0x10",
          ".5",
          "1.",
          "\u201C",
          "\u201D",
          "\u0001",
          "\u0000",
          "x",
          "#",
          "=",
          "undefined",
          ";");

  private static final String STRUCTURE = "{}[]:,\"";

  @TempDir Path dir;

  @Test
  void everySyntaxProblemOfAMutatedScanOrAnswersFileHasALineOfItsOwnWithItsPlace()
      throws IOException {
    for (Path seed : seeds()) {
      byte[] original = Files.readAllBytes(seed);
      Random random = new Random(SEED * 31 + seed.getFileName().toString().hashCode());
      for (int i = 0; i < 1_500; i++) {
        byte[] mutant = mutate(original, random);
        JsonDocument document = JsonReader.parse("m.json", mutant);
        if (document.isParsed()) {
          continue;
        }
        String shown = new String(mutant, StandardCharsets.UTF_8);
        JsonProblem problem = document.problems().get(0);
        assertThat(document.problems())
            .as(
                "case %d of %s at %d:%d: %s",
                i,
                seed.getFileName(),
                problem.line(),
                problem.column(),
                around(shown, problem.line()))
            .singleElement()
            .satisfies(
                p -> {
                  assertThat(p.key()).as("a problem of its own kind").isNotEqualTo("json.syntax");
                  assertThat(p.line()).as("line").isPositive();
                  assertThat(p.column()).as("column").isPositive();
                });
      }
    }
  }

  @Test
  void noLineOfValidateScoreOrImportAboutAMutatedFileCarriesTheParsersEnglish() throws IOException {
    int broken = 0;
    for (Path seed : seeds()) {
      byte[] original = Files.readAllBytes(seed);
      boolean scan = seed.getFileName().toString().equals("mini-scan.json");
      Random random = new Random(SEED * 17 + seed.getFileName().toString().hashCode());
      for (int i = 0; i < 20; i++) {
        byte[] mutant = mutate(original, random);
        JsonDocument document = JsonReader.parse("m.json", mutant);
        if (document.isParsed()) {
          continue;
        }
        broken++;
        Path file = dir.resolve((scan ? "scan-" : "answers-") + i + ".json");
        Files.write(file, mutant);
        JsonProblem problem = document.problems().get(0);
        String place = file + ":" + problem.line() + ":" + problem.column() + ": ";

        Cli.Run dutch = run(scan, "nl", file);
        Cli.Run english = run(scan, "en", file);

        String what =
            "case "
                + i
                + " of "
                + seed.getFileName()
                + ": "
                + excerpt(new String(mutant, StandardCharsets.UTF_8));
        assertThat(dutch.exitCode()).as(what).isEqualTo(2);
        assertThat(english.exitCode()).as(what).isEqualTo(2);
        for (String word : PARSER_WORDS) {
          assertThat(dutch.err()).as(what).doesNotContain(word);
          assertThat(english.err()).as(what).doesNotContain(word);
        }
        assertThat(dutch.err()).as(what).contains(place);
        assertThat(english.err()).as(what).contains(place).isNotEqualTo(dutch.err());
        for (String word : DUTCH_WORDS) {
          assertThat(english.err()).as(what).doesNotContain(word);
        }
        if (!scan) {
          Cli.Run imported =
              Cli.run(
                  "import",
                  "--lang",
                  "nl",
                  "--db",
                  dir.resolve("k.db").toString(),
                  file.toString());
          assertThat(imported.exitCode()).as(what).isEqualTo(2);
          assertThat(imported.err()).as(what).contains(place);
          for (String word : PARSER_WORDS) {
            assertThat(imported.err()).as(what).doesNotContain(word);
          }
        }
      }
    }
    assertThat(broken).as("mutants that do not parse").isGreaterThan(20);
  }

  private static Cli.Run run(boolean scan, String language, Path file) {
    return scan
        ? Cli.run("validate", "--lang", language, file.toString())
        : Cli.run("score", "--lang", language, file.toString());
  }

  private static List<Path> seeds() {
    return List.of(
        CliFixtures.fixture("scans").resolve("mini-scan.json"),
        Path.of("examples", "garage-assen.json"));
  }

  /**
   * One or two breaks: a structural character cut, something inserted, the end cut off, a bad byte.
   */
  static byte[] mutate(byte[] seed, Random random) {
    String text = new String(seed, StandardCharsets.UTF_8);
    byte[] bytes = null;
    int rounds = 1 + random.nextInt(2);
    for (int r = 0; r < rounds; r++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(5)) {
        case 0, 1 -> { // cut the next structural character
          int cut = -1;
          for (int i = at; i < text.length() && cut < 0; i++) {
            if (STRUCTURE.indexOf(text.charAt(i)) >= 0) {
              cut = i;
            }
          }
          if (cut >= 0) {
            text = text.substring(0, cut) + text.substring(cut + 1);
          }
        }
        case 2 ->
            text =
                text.substring(0, at)
                    + BREAKERS.get(random.nextInt(BREAKERS.size()))
                    + text.substring(at);
        case 3 -> text = text.substring(0, at);
        default -> bytes = new byte[] {(byte) (0x80 + random.nextInt(0x80))};
      }
      if (bytes != null) {
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, 0, out, head.length, bytes.length);
        System.arraycopy(tail, 0, out, head.length + bytes.length, tail.length);
        return out;
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The line {@code line} of {@code text} and the one before it. */
  private static String around(String text, int line) {
    String[] lines = text.split("\n", -1);
    int from = Math.max(0, line - 2);
    return String.join(
        "\n", java.util.Arrays.asList(lines).subList(from, Math.min(lines.length, line)));
  }

  private static String excerpt(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
