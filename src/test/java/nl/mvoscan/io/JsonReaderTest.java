package nl.mvoscan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.mvoscan.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link JsonReader}: locations, duplicate keys, encodings, and the limits that keep hostile files
 * cheap.
 */
class JsonReaderTest {

  private static final String NL = System.lineSeparator();
  private static final int DEEP = 100_000;
  private static final int LONG = 50 * 1024 * 1024;

  @TempDir Path dir;

  private static JsonDocument parse(String json) {
    return JsonReader.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] deepDocument() {
    byte[] bytes = new byte[2 * DEEP];
    java.util.Arrays.fill(bytes, 0, DEEP, (byte) '[');
    java.util.Arrays.fill(bytes, DEEP, 2 * DEEP, (byte) ']');
    return bytes;
  }

  private static byte[] longStringDocument() {
    byte[] bytes = new byte[LONG + 10];
    java.util.Arrays.fill(bytes, (byte) 'x');
    byte[] head = "{\"a\": \"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
    return bytes;
  }

  private static Path scanFixture() {
    try {
      return Path.of(JsonReaderTest.class.getResource("/cli/scans/mini-scan.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOneClearLine(Cli.Run run, Path file, String message) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().split("\\R"))
        .singleElement()
        .asString()
        .startsWith(file.toString())
        .endsWith(message);
  }

  // --- well-formed documents ---

  @Test
  void readsADocumentAndRemembersWhereEachValueStarts() {
    JsonDocument document = parse("{\n  \"a\": [1, {\"b\": true}],\n  \"c/d\": \"x\"\n}");

    assertThat(document.isValid()).isTrue();
    assertThat(document.problems()).isEmpty();
    assertThat(document.root().at("/a/1/b").asBoolean()).isTrue();
    assertThat(document.locations().get("")).isEqualTo(new JsonDocument.Location(1, 1));
    assertThat(document.locations().get("/a")).isEqualTo(new JsonDocument.Location(2, 8));
    assertThat(document.locations().get("/a/1/b")).isEqualTo(new JsonDocument.Location(2, 18));
    assertThat(document.locations().get("/c~1d")).isEqualTo(new JsonDocument.Location(3, 10));
  }

  @Test
  void locatesAMissingValueAtItsNearestParent() {
    JsonDocument document = parse("{\n  \"a\": {\"b\": 1}\n}");

    assertThat(document.locate("/a/nope/deeper")).isEqualTo(new JsonDocument.Location(2, 8));
    assertThat(document.locate("/elders")).isEqualTo(new JsonDocument.Location(1, 1));
  }

  @Test
  void keepsNumbersExact() {
    JsonDocument document = parse("{\"p\": 0.1, \"q\": 12345678901234567890.25}");

    assertThat(document.root().get("p").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(document.root().get("q").decimalValue().toPlainString())
        .isEqualTo("12345678901234567890.25");
  }

  @Test
  void acceptsALeadingUtf8Bom() {
    byte[] json = "{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    JsonDocument document = JsonReader.parse("bom.json", withBom);

    assertThat(document.problems()).isEmpty();
    assertThat(document.isValid()).isTrue();
    assertThat(document.root().get("a").asText()).isEqualTo("é");
    assertThat(document.locations().get("/a")).isEqualTo(new JsonDocument.Location(1, 7));
  }

  @Test
  void readsAFileWithBomFromDisk() throws IOException {
    Path file = dir.resolve("bom.json");
    Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'});

    JsonDocument document = JsonReader.read(file);

    assertThat(document.isValid()).isTrue();
    assertThat(document.source()).isEqualTo(file.toString());
    assertThat(document.root().get(0).asInt()).isEqualTo(1);
  }

  // --- problems ---

  @Test
  void malformedJsonGivesOneProblemWithLineAndColumn() {
    JsonDocument document = parse("{\n  \"a\": 1,\n  \"b\": ]\n}");

    assertThat(document.isValid()).isFalse();
    assertThat(document.root()).isNull();
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.missingValue");
              assertThat(p.args()).containsExactly("b");
              assertThat(p.pointer()).isEmpty();
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.column()).isEqualTo(8);
            });
  }

  @Test
  void unterminatedDocumentSaysWhichListIsNotClosed() {
    JsonDocument document = parse("{\"a\": [1, 2");

    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.unclosedArray");
              assertThat(p.args()).containsExactly(1, 7);
              assertThat(p.line()).isEqualTo(1);
            });
  }

  @Test
  void emptyFileIsAProblem() {
    assertThat(parse("  \n ").problems())
        .singleElement()
        .extracting(JsonProblem::key)
        .isEqualTo("json.empty");
  }

  @Test
  void contentAfterTheDocumentIsAProblemWithItsLocation() {
    JsonDocument document = parse("{\"a\": 1}\n{\"b\": 2}");

    assertThat(document.isValid()).isFalse();
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.trailing");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(1);
            });
  }

  @Test
  void reportsEveryDuplicateKeyWithItsPointerAndTheLocationOfTheSecondKey() {
    JsonDocument document =
        parse(
            "{\n  \"a\": 1,\n  \"b\": {\"c\": 1, \"c\": 2},\n  \"a\": 3,\n  \"x/y\": 1, \"x/y\": 2\n}");

    assertThat(document.isValid()).isFalse();
    assertThat(document.problems())
        .extracting(JsonProblem::pointer)
        .containsExactly("/b/c", "/a", "/x~1y");
    assertThat(document.problems())
        .allSatisfy(p -> assertThat(p.key()).isEqualTo("json.duplicateKey"));
    assertThat(document.problems()).extracting(p -> p.args()[0]).containsExactly("c", "a", "x/y");
    assertThat(document.problems())
        .extracting(p -> p.line() + ":" + p.column())
        .containsExactly("3:17", "4:3", "5:13");
  }

  @Test
  void duplicateKeyInsideADuplicatedValueHasAPlainPointer() {
    JsonDocument document = parse("{\"a\": 1, \"a\": {\"b\": 1, \"b\": 2}}");

    assertThat(document.problems()).extracting(JsonProblem::pointer).containsExactly("/a", "/a/b");
  }

  @Test
  void invalidUtf8GivesTheNotUtf8Problem() {
    byte[] latin1 = "{\"stad\": \"Cura\u00e7ao\"}".getBytes(StandardCharsets.ISO_8859_1);

    JsonDocument document = JsonReader.parse("latin1.json", latin1);

    assertThat(document.isValid()).isFalse();
    assertThat(document.problems())
        .singleElement()
        .extracting(JsonProblem::key)
        .isEqualTo("json.notUtf8");
  }

  @Test
  void encodedSurrogateIsNotUtf8() {
    JsonDocument document =
        JsonReader.parse("cesu.json", new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});

    assertThat(document.problems())
        .singleElement()
        .extracting(JsonProblem::key)
        .isEqualTo("json.notUtf8");
  }

  @Test
  @Timeout(10)
  void a50MegabyteStringGivesExactlyOneTooLongProblem() {
    JsonDocument document = JsonReader.parse("long.json", longStringDocument());

    assertThat(document.isValid()).isFalse();
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.tooLong");
              assertThat(p.args()).containsExactly(JsonReader.MAX_STRING_LENGTH);
            });
  }

  @Test
  @Timeout(10)
  void aDocumentNested100000LevelsDeepGivesExactlyOneTooDeepProblem() {
    JsonDocument document = JsonReader.parse("deep.json", deepDocument());

    assertThat(document.isValid()).isFalse();
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.tooDeep");
              assertThat(p.args()).containsExactly(JsonReader.MAX_DEPTH);
            });
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    int depth = JsonReader.MAX_DEPTH;
    JsonDocument document = parse("[".repeat(depth) + "]".repeat(depth));

    assertThat(document.problems()).isEmpty();
  }

  @Test
  void aTooLongNumberNamesTheNumberLimit() {
    JsonDocument document = parse("{\"a\": " + "1".repeat(150) + "}");

    assertThat(document.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.args()).containsExactly(100));
  }

  @Test
  void readingAMissingFileGivesFileNotFound() {
    JsonDocument document = JsonReader.read(dir.resolve("nergens.json"));

    assertThat(document.problems())
        .singleElement()
        .extracting(JsonProblem::key)
        .isEqualTo("file.notFound");
  }

  @Test
  void aFileLargerThanTheLimitIsRejectedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("groot.json");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(JsonReader.MAX_FILE_BYTES + 1);
    }

    JsonDocument document = JsonReader.read(file);

    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.tooLarge");
              assertThat(p.args()).containsExactly(64L);
            });
  }

  // --- the same limits through the command line ---

  @Test
  @Timeout(10)
  void validateOnADeeplyNestedFileGivesOneClearLine() throws IOException {
    Path file = dir.resolve("deep.json");
    Files.write(file, deepDocument());

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertOneClearLine(
        run, file, "JSON nested deeper than 200 levels; this is not a scan or answers file");
  }

  @Test
  @Timeout(10)
  void scoreOnADeeplyNestedFileGivesOneClearLine() throws IOException {
    Path file = dir.resolve("deep.json");
    Files.write(file, deepDocument());

    Cli.Run run =
        Cli.run("score", "--lang", "nl", "--scan", scanFixture().toString(), file.toString());

    assertOneClearLine(
        run, file, "JSON dieper genest dan 200 niveaus; dit is geen scan- of antwoordbestand");
  }

  @Test
  @Timeout(10)
  void validateOnAFileWithA50MegabyteStringGivesOneClearLine() throws IOException {
    Path file = dir.resolve("long.json");
    Files.write(file, longStringDocument());

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertOneClearLine(
        run, file, "a JSON string or number longer than 1000000 characters; shorten it");
  }

  @Test
  @Timeout(10)
  void scoreOnAFileWithA50MegabyteStringGivesOneClearLine() throws IOException {
    Path file = dir.resolve("long.json");
    Files.write(file, longStringDocument());

    Cli.Run run =
        Cli.run("score", "--lang", "en", "--scan", scanFixture().toString(), file.toString());

    assertOneClearLine(
        run, file, "a JSON string or number longer than 1000000 characters; shorten it");
  }

  @Test
  void scoreOnMalformedJsonGivesTheFileLineAndColumn() throws IOException {
    Path file = dir.resolve("kapot.json");
    Files.writeString(
        file,
        "{\n  \"format\": \"mvoscan-answers/1\",\n  \"answers\": {,}\n}",
        StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("score", "--lang", "en", "--scan", scanFixture().toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(file + ":3:15: a comma with nothing before it; remove it" + NL);
    assertThat(run.err().split("\\R")).hasSize(1);
  }

  @Test
  void validateOnLatin1FileSaysToSaveAsUtf8() throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, "{\"title\": \"Cura\u00e7ao\"}".getBytes(StandardCharsets.ISO_8859_1));

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            file
                + ":1:16: not UTF-8 text (a byte that is no UTF-8 character here); save the file"
                + " as UTF-8"
                + NL);
  }

  @Test
  void validateReportsADuplicateKeyWithItsLocation() throws IOException {
    Path file = dir.resolve("dubbel.json");
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("{\"format\": \"mvoscan-scan/1\",\n \"format\": \"mvoscan-scan/1\"}");
    }

    Cli.Run run = Cli.run("validate", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    // the rest of the (incomplete) scan is reported too: a duplicate key hides nothing
    assertThat(List.of(run.err().split("\\R")))
        .contains(file + ":2:2: /format: duplicate key \"format\" in one object; keep only one")
        .contains(file + ":1:1: required property 'id' not found");
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aNumberWithAnAbsurdExponentIsOneProblemNotAnExplosion() {
    JsonDocument document =
        JsonReader.parse(
            "t.json",
            "{\"weight\": 1e999999999, \"min\": 1e-999999999, \"max\": 1e9999999991, \"ok\": 2.5e2}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(document.problems())
        .extracting(JsonProblem::key)
        .containsExactly("json.numberOutOfRange", "json.numberOutOfRange", "json.numberOutOfRange");
    assertThat(document.problems())
        .extracting(JsonProblem::pointer)
        .containsExactly("/weight", "/min", "/max");
    assertThat(document.root().get("ok").decimalValue()).isEqualByComparingTo("250");
  }

  @Test
  void aLoneSurrogateEscapeIsAProblemAtItsValue() {
    JsonDocument document =
        JsonReader.parse(
            "t.json",
            "{\"a\": \"ok \\ud83d\\ude00\", \"b\": \"x\\ud800y\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(document.problems())
        .extracting(JsonProblem::pointer, JsonProblem::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/b", "json.loneSurrogate"));
  }

  @Test
  void tooDeepNestingNamesWhereItStopped() {
    JsonDocument document =
        JsonReader.parse(
            "t.json", ("{\"a\":\n" + "[".repeat(300)).getBytes(StandardCharsets.UTF_8));
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.tooDeep");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isGreaterThan(100);
            });
  }

  @Test
  void syntaxMessagesDoNotMentionJacksonInternals() {
    JsonDocument document =
        JsonReader.parse("t.json", "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8));
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.unclosedArray");
              assertThat(p.args()).containsExactly(1, 7);
            });
    JsonDocument object = JsonReader.parse("t.json", "{".getBytes(StandardCharsets.UTF_8));
    assertThat(object.problems().get(0).args()).containsExactly(1, 1);
  }

  @Test
  void nanInfinityAPlusSignAndCommentsGetALineOfOurOwnWithoutLibraryAdvice() throws IOException {
    Path file = dir.resolve("getallen.json");
    for (String value : List.of("NaN", "Infinity", "-Infinity", "+1", "07", "1 // twaalf")) {
      Files.writeString(
          file,
          "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mini\", \"answers\": {\"q\": "
              + value
              + "}}",
          StandardCharsets.UTF_8);
      for (String language : List.of("nl", "en")) {
        Cli.Run run =
            Cli.run(
                "score", "--lang", language, "--scan", scanFixture().toString(), file.toString());
        assertThat(run.exitCode()).as(value).isEqualTo(2);
        assertThat(run.err().split("\\R")).as(value).hasSize(1);
        assertThat(run.err())
            .as(value)
            .doesNotContain("JsonReadFeature")
            .doesNotContain("enable")
            .doesNotContain("Feature")
            .doesNotContain("invalid JSON")
            .doesNotContain("ongeldige JSON");
      }
    }
    Files.writeString(file, "{\"a\": NaN}", StandardCharsets.UTF_8);
    assertThat(Cli.run("validate", "--lang", "nl", file.toString()).err())
        .isEqualTo(
            file
                + ":1:10: NaN is geen getal dat JSON kan bevatten; schrijf een getal zoals 12 of"
                + " 2.5, of null voor geen antwoord"
                + NL);
    Files.writeString(file, "{\"a\": +1}", StandardCharsets.UTF_8);
    assertThat(Cli.run("validate", "--lang", "en", file.toString()).err())
        .endsWith(": a number with a + in front; leave out the + (write 1, not +1)" + NL);
  }

  @Test
  void numbersWrittenAsJsonDoesNotWriteThemGetALineOfOurOwnWithFileLineAndColumn()
      throws IOException {
    Path file = dir.resolve("getallen.json");
    for (String value : List.of("0x10", ".5", "1.", "-.5", "1e", "0X1F", "12abc")) {
      Files.writeString(
          file,
          "{\"format\": \"mvoscan-answers/1\",\n \"scan\": \"mini\", \"answers\": {\"q\": "
              + value
              + "}}",
          StandardCharsets.UTF_8);
      Cli.Run en =
          Cli.run("score", "--lang", "en", "--scan", scanFixture().toString(), file.toString());
      assertThat(en.exitCode()).as(value).isEqualTo(2);
      assertThat(en.err().split("\\R")).as(value + en.err()).hasSize(1);
      assertThat(en.err())
          .as(value)
          .startsWith(file + ":2:")
          .contains(": " + value + " is not a number as JSON writes one; write a plain decimal")
          .doesNotContain("Unexpected character")
          .doesNotContain("invalid JSON")
          .doesNotContain("Feature");
      Cli.Run nl =
          Cli.run("score", "--lang", "nl", "--scan", scanFixture().toString(), file.toString());
      assertThat(nl.err()).as(value).contains(value + " is geen getal zoals JSON het schrijft");
    }
    // leading zeros keep their own message; a valid number after a missing comma is no number
    // problem
    assertThat(JsonReader.parse("x.json", "{\"a\": 010}").problems().get(0).key())
        .isEqualTo("json.leadingZero");
    assertThat(JsonReader.parse("x.json", "{\"a\": 1 2}").problems().get(0).key())
        .isEqualTo("json.missingComma");
    assertThat(JsonReader.parse("x.json", "{\"a\": tru}").problems().get(0).key())
        .isNotEqualTo("json.numberForm");
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"a\" 1} | json.missingColon | 1:6 | a",
        "{\"a\"} | json.missingColon | 1:5 | a",
        "{\"a\": 1 \"b\": 2} | json.missingComma | 1:9 | }",
        "[1 2] | json.missingComma | 1:4 | ]",
        "{\"a\": \"abc | json.unclosedString | 1:11 | 1,7",
        "`{\"a\": \"abc\n}` | json.lineBreakInString | 1:11 | 1,7",
        "{\"a\": 1 | json.unclosedObject | 1:8 | 1,1",
        "`[\n  [1,\n  2` | json.unclosedArray | 3:4 | 2,3",
        "{\"a\": [1, 2} | json.wrongCloseArray | 1:12 | },1,7",
        "{\"a\": 1] | json.wrongCloseObject | 1:8 | ],1,1",
        "] | json.extraClose | 1:1 | ]",
        "{\"a\": 1}} | json.extraCloseAfterEnd | 1:9 | }",
        "{\"a\": 1}x | json.trailing | 1:9 |",
        "{\"a\": 1,} | json.trailingComma | 1:9 | }",
        "[1,] | json.trailingComma | 1:4 | ]",
        "{\"a\": 1,,} | json.extraComma | 1:9 |",
        "[,1] | json.extraComma | 1:2 |",
        "{\"a\": 1, // x} | json.comment | 1:10 |",
        "{'a': 1} | json.singleQuote | 1:2 |",
        "{\"a\": 'x'} | json.singleQuote | 1:7 |",
        "{\"a\": \u201Cx\u201D} | json.curlyQuote | 1:7 | \u201C",
        "{a: 1} | json.unquotedKey | 1:2 |",
        "{\"a\":} | json.missingValue | 1:6 | a",
        "{\"a\": ,} | json.missingValue | 1:7 | a",
        "{\"a\": =} | json.unexpectedChar | 1:7 | =",
        "{\"a\": tru} | json.unknownWord | 1:7 | tru",
        "{\"a\": True} | json.literalCase | 1:7 | True,true",
        "{\"a\": \"x\ty\"} | json.controlInString | 1:9 | U+0009",
        "{\"a\": \u0001} | json.controlCharacter | 1:7 | U+0001",
        "{\u00A0\"a\": 1} | json.invisible | 1:2 | U+00A0",
        "{\"a\":\uFEFF 1} | json.invisible | 1:6 | U+FEFF",
        "{\"a\": \"\\\\x\"} | json.invalidEscape | 1:9 | x",
        "{\"a\": \"\\\\u12G4\"} | json.invalidUnicodeEscape | 1:12 |",
        "{\"a\": NaN} | json.nonNumeric | 1:10 | NaN",
        "{\"a\": +1} | json.plusSign | 1:8 |",
        "{\"a\": .5} | json.numberForm | 1:7 | .5",
        "{\"a\": 1, \"a\": 2} | json.duplicateKey | 1:10 | a",
      })
  void eachSyntaxProblemHasAMessageOfItsOwnWithItsPlace(
      String json, String key, String place, String args) {
    String text = unescape(json);

    assertThat(JsonReader.parse("t.json", text.getBytes(StandardCharsets.UTF_8)).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo(key);
              assertThat(p.line() + ":" + p.column()).isEqualTo(place);
              assertThat(java.util.Arrays.stream(p.args()).map(String::valueOf))
                  .containsExactly(args == null ? new String[0] : args.split(","));
            });
  }

  @Test
  void aByteThatIsNoUtf8IsPlacedWhereItIs() {
    byte[] bytes = "{\n  \"a\": \"Cura?ao\"}".getBytes(StandardCharsets.US_ASCII);
    bytes[13] = (byte) 0xE7;

    assertThat(JsonReader.parse("t.json", bytes).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("json.notUtf8");
              assertThat(p.line() + ":" + p.column()).isEqualTo("2:12");
            });
  }

  /** {@code \\uXXXX}, {@code \\t}, {@code \\n} and {@code \\\\} as in Java source. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  @Test
  void aFailedAtomicWriteSaysWhyNotWhichTemporaryFile() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rapport.pdf"));
    Files.writeString(folder.resolve("iets.txt"), "x");
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> AtomicFiles.write(folder, "{}"));
    // the operating system's words ("Is a directory"), not the name of the temporary file
    assertThat(thrown).isInstanceOf(IOException.class);
    assertThat(thrown.getMessage())
        .isNotBlank()
        .doesNotContain(".tmp")
        .doesNotContain(dir.toString());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("rapport.pdf");

    Path blocked = dir.resolve("bestand");
    Files.writeString(blocked, "x");
    Throwable underFile =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> AtomicFiles.write(blocked.resolve("x.json"), "{}"));
    assertThat(underFile)
        .isInstanceOf(IOException.class)
        .hasMessage("a file is in the way of a folder on that path");
  }
}
