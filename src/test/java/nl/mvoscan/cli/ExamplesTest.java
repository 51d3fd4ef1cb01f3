package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The answers files in {@code examples/} score as {@code examples/README.md} tells their stories:
 * overall score, coverage, grade, level and the six theme scores, without a single warning.
 */
class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** File → "score coverage grade level | beleid mens energie circulair keten omgeving". */
  private static final Map<String, String> EXPECTED =
      new TreeMap<>(
          Map.of(
              "bakkerij-emmen.json",
              "30.6 94.6 3.8 starter | 9.1 42.4 13.2 36.1 45.6 37.5",
              "garage-assen.json",
              "51.1 80.4 5.6 gevorderd | 38.5 64.0 43.1 67.9 59.5 33.3",
              "gemeente-veenhaven.json",
              "89.8 82.9 9.1 gevorderd | 95.6 90.3 92.9 88.1 84.2 88.1",
              "installatiebedrijf-leeuwarden.json",
              "73.7 98.4 7.6 gevorderd | 84.4 32.7 79.0 82.2 86.0 77.8",
              "restaurant-deventer.json",
              "46.6 98.2 5.2 gevorderd | 42.2 47.6 37.1 48.1 58.0 46.7",
              "softwarebedrijf-zwolle.json",
              "82.3 100.0 8.4 koploper | 84.4 80.0 80.7 89.3 88.2 70.8",
              "zorghuis-groningen.json",
              "68.2 100.0 7.1 gevorderd | 77.2 67.7 74.7 51.3 70.6 67.8"));

  @Test
  void everyExampleScoresAsTheExamplesReadmeSays() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of("examples"))) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).containsExactlyElementsOf(EXPECTED.keySet());
    Map<String, String> actual = new TreeMap<>();
    for (String file : files) {
      Cli.Run run = Cli.run("score", "--lang", "en", "--json", "examples/" + file);
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode result = JSON.readTree(run.out());
      assertThat(result.get("warnings")).as(file).isEmpty();
      assertThat(result.at("/scan/version").asText()).as(file).isEqualTo("2026.2");
      JsonNode overall = result.get("overall");
      List<String> themes = new ArrayList<>();
      result
          .get("themes")
          .forEach(
              t -> {
                if (!t.get("score").isNull()) {
                  themes.add(t.get("score").asText());
                }
              });
      actual.put(
          file,
          overall.get("score").asText()
              + " "
              + overall.get("coverage").asText()
              + " "
              + overall.get("grade").asText()
              + " "
              + overall.get("level").asText()
              + " | "
              + String.join(" ", themes));
    }
    assertThat(actual).isEqualTo(EXPECTED);
  }

  @Test
  void theReadmeTellsEachExampleStory() throws IOException {
    String readme = Files.readString(Path.of("examples", "README.md"), StandardCharsets.UTF_8);
    for (String file : EXPECTED.keySet()) {
      String[] figures = EXPECTED.get(file).split(" ");
      assertThat(readme)
          .as(file)
          .contains("`" + file + "`")
          .contains("**" + figures[0].replace('.', ',') + "**")
          .contains("**" + figures[0] + "**");
    }
  }
}
