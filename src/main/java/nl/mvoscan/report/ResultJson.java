package nl.mvoscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scoring.ScoreResult;

/**
 * The machine-readable result of the contract (§6); field names and order are stable for scripts.
 */
public final class ResultJson {

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private ResultJson() {}

  public static ObjectNode of(ScoreResult result, Messages messages) {
    ObjectNode root = NODES.objectNode();
    ObjectNode scan = root.putObject("scan");
    scan.put("id", result.scan().id());
    scan.put("version", result.scan().version());
    scan.put("hash", result.scan().hash());

    ObjectNode overall = root.putObject("overall");
    ScoreResult.Figures figures = result.overall().figures();
    overall.put("status", figures.status().id());
    overall.set("score", number(figures.roundedScore()));
    overall.set("coverage", number(figures.roundedCoverage()));
    overall.set("grade", number(result.overall().roundedGrade()));
    overall.set(
        "level",
        result.overall().level() == null
            ? NODES.nullNode()
            : NODES.textNode(result.overall().level().id()));

    ArrayNode themes = root.putArray("themes");
    for (ScoreResult.ThemeScore theme : result.themes()) {
      ObjectNode t = themes.addObject();
      t.put("id", theme.theme().id());
      t.put("status", theme.figures().status().id());
      t.set("score", number(theme.figures().roundedScore()));
      t.set("coverage", number(theme.figures().roundedCoverage()));
      t.set("reason", reason(theme.figures()));
    }

    ArrayNode questions = root.putArray("questions");
    for (ScoreResult.QuestionScore q : result.questions()) {
      ObjectNode node = questions.addObject();
      node.put("id", q.question().id());
      node.put("theme", q.question().themeId());
      node.put("status", q.status().id());
      node.set("points", number(nl.mvoscan.scan.Decimals.plain(q.points())));
      node.set("max", number(nl.mvoscan.scan.Decimals.plain(q.max())));
    }

    ArrayNode lenses = root.putArray("lenses");
    for (ScoreResult.LensScore lens : result.lenses()) {
      ObjectNode node = lenses.addObject();
      node.put("key", lens.key());
      node.put("value", lens.value());
      node.put("status", lens.figures().status().id());
      node.set("score", number(lens.figures().roundedScore()));
      node.set("coverage", number(lens.figures().roundedCoverage()));
      node.set("reason", reason(lens.figures()));
    }

    ids(root.putArray("strengths"), result.strengths());
    ids(root.putArray("improvements"), result.improvements());
    ids(root.putArray("gaps"), result.gaps());
    ArrayNode warnings = root.putArray("warnings");
    for (ScoreResult.HiddenAnswer hidden : result.hiddenAnswers()) {
      warnings.add(messages.get("score.warning.hiddenAnswer", hidden.question().id()));
    }
    return root;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  public static String write(List<? extends JsonNode> results) {
    ArrayNode array = NODES.arrayNode();
    array.addAll((Collection<? extends JsonNode>) results);
    return write(array);
  }

  private static void ids(ArrayNode array, List<ScoreResult.QuestionScore> questions) {
    questions.forEach(q -> array.add(q.question().id()));
  }

  /** §8.2: every theme and lens says why it is insufficient, and {@code null} otherwise. */
  private static JsonNode reason(ScoreResult.Figures figures) {
    return figures.reason() == null ? NODES.nullNode() : NODES.textNode(figures.reason().id());
  }

  private static JsonNode number(BigDecimal value) {
    return value == null ? NODES.nullNode() : NODES.numberNode(value);
  }
}
