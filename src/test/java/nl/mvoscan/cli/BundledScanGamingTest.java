package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden cases on the bundled scan: a 5-person office with nine good answers and "N.v.t." wherever
 * the scan lets it, in edition 2026.1 (where that reached Koploper) and in 2026.2 (where it does
 * not), and an office with the best answer everywhere but a sixth of them "Weet ik niet". Each
 * {@code *.expected.json} holds the {@code overall} and {@code themes} of {@code score --json}.
 */
class BundledScanGamingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("src", "test", "resources", "content");

  private static JsonNode score(String name) throws IOException {
    Cli.Run run =
        Cli.run("score", "--lang", "en", "--json", DIR.resolve(name + ".json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode result = JSON.readTree(run.out());
    ObjectNode figures = JSON.createObjectNode();
    figures.set("overall", result.get("overall"));
    ArrayNodeOfThemes.copy(result.get("themes"), figures.putArray("themes"));
    return figures;
  }

  private static JsonNode expected(String name) throws IOException {
    return JSON.readTree(DIR.resolve(name + ".expected.json").toFile());
  }

  /** The theme fields the golden files keep. */
  private static final class ArrayNodeOfThemes {
    static void copy(JsonNode themes, com.fasterxml.jackson.databind.node.ArrayNode into) {
      for (JsonNode theme : themes) {
        ObjectNode kept = into.addObject();
        for (String field : new String[] {"id", "status", "reason", "score", "coverage"}) {
          kept.set(field, theme.get(field));
        }
      }
    }
  }

  @Test
  void inEdition2026Point1NineGoodAnswersAnd24NotApplicableReachedKoploper() throws IOException {
    JsonNode result = score("gaming-2026.1");
    assertThat(result).isEqualTo(expected("gaming-2026.1"));
    assertThat(result.at("/overall/level").asText()).isEqualTo("koploper");
  }

  @Test
  void inEdition2026Point2TheSameStudentGetsNoScoreAndNoLevel() throws IOException {
    // N.v.t. is offered on only four of this office's questions, so the rest stays open
    JsonNode result = score("gaming-2026.2");
    assertThat(result).isEqualTo(expected("gaming-2026.2"));
    assertThat(result.at("/overall/status").asText()).isEqualTo("insufficient");
    assertThat(result.at("/overall/level").isNull()).isTrue();
  }

  @Test
  void theBestAnswersWithASixthUnknownStayBelowKoploperForWantOfCoverage() throws IOException {
    JsonNode result = score("unknown-2026.2");
    assertThat(result).isEqualTo(expected("unknown-2026.2"));
    assertThat(result.at("/overall/score").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(result.at("/overall/coverage").decimalValue())
        .isLessThan(new java.math.BigDecimal("90"));
    assertThat(result.at("/overall/level").asText()).isEqualTo("gevorderd");
  }
}
