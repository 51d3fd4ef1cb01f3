package nl.mvoscan.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ScanLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder under {@code golden/} holds a scan, answers and the §6 result computed by hand and
 * by an independent implementation of the contract; the engine must reproduce every figure.
 */
class GoldenScoringTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> EXACT_FIELDS =
      List.of("overall", "themes", "questions", "lenses", "strengths", "improvements", "gaps");

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseScoresAsExpected() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenScoringTest.class.getResource("/golden").toURI());
    List<Path> cases;
    try (Stream<Path> folders = Files.list(root)) {
      cases = folders.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases").hasSizeGreaterThanOrEqualTo(25);
    return cases.stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
  }

  private static void check(Path folder) throws IOException {
    ScanLoader.Result scan = ScanLoader.load(folder.resolve("scan.json"), Locale.ENGLISH);
    assertThat(scan.problems()).as("scan problems").isEmpty();
    AnswersLoader.Result answers = AnswersLoader.load(folder.resolve("answers.json"), scan.scan());
    assertThat(answers.problems()).as("answers problems").isEmpty();

    ObjectNode actual =
        ResultJson.of(Scorer.score(scan.scan(), answers.answers()), Messages.forLanguage("en"));
    JsonNode expected = MAPPER.readTree(folder.resolve("expected.json").toFile());

    for (String field : EXACT_FIELDS) {
      assertThat(normalized(actual.get(field)))
          .as(field)
          .isEqualTo(normalized(expected.get(field)));
    }
    JsonNode warnings = actual.get("warnings");
    JsonNode hiddenIds = expected.get("warnings");
    assertThat(warnings.size())
        .as("one warning per answer to a hidden question")
        .isEqualTo(hiddenIds.size());
    for (int i = 0; i < hiddenIds.size(); i++) {
      assertThat(warnings.get(i).asText()).contains("\"" + hiddenIds.get(i).asText() + "\"");
    }
    assertThat(actual.get("scan").get("hash").asText()).matches("sha256:[0-9a-f]{64}");
  }

  /** Numbers compared by value, so 100 and 100.0 are the same figure. */
  private static JsonNode normalized(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.missingNode();
    }
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return JsonNodeFactory.instance.textNode(
          "#" + (value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString()));
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> array.add(normalized(item)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> object.set(e.getKey(), normalized(e.getValue())));
      return object;
    }
    return node;
  }
}
