package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.io.JsonReader;

/**
 * The one JSON form of an {@link AnswerValue} (contract §3.3): a string for a choice (its option
 * id) and for a text, a JSON number (exact, as given) for a number, an array of option ids for a
 * multi. Answers files, the database and the exports all read and write answers through here.
 */
public final class AnswerJson {

  @SuppressWarnings("deprecation") // the exact factory keeps 2.50 as 2.50, never a double
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private AnswerJson() {}

  /** The JSON of {@code value}; JSON {@code null} for no value. */
  public static JsonNode write(AnswerValue value) {
    if (value == null) {
      return NODES.nullNode();
    }
    return value.match(
        choice -> NODES.textNode(choice.optionId()),
        multi -> {
          ArrayNode array = NODES.arrayNode();
          multi.optionIds().forEach(array::add);
          return array;
        },
        number -> NODES.numberNode(number.value()),
        text -> NODES.textNode(text.text()));
  }

  /** {@link #write} as compact JSON text, as the database keeps it: {@code "ja"}, {@code 12}. */
  public static String text(AnswerValue value) {
    // an import writes one of these per answer (1.76 million for 10 000 responses): a choice or
    // multi of plain option ids is written here, character for character what Jackson writes,
    // anything else (numbers, texts, ids that JSON would escape) by Jackson itself
    if (value instanceof AnswerValue.Choice choice && plain(choice.optionId())) {
      return '"' + choice.optionId() + '"';
    }
    if (value instanceof AnswerValue.Multi multi && allPlain(multi.optionIds())) {
      StringBuilder out = new StringBuilder("[");
      for (String id : multi.optionIds()) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append('"').append(id).append('"');
      }
      return out.append(']').toString();
    }
    return write(value).toString();
  }

  /** {@link #plain} of every id, without a stream per answer. */
  private static boolean allPlain(List<String> ids) {
    for (String id : ids) {
      if (!plain(id)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether JSON writes {@code id} between quotes as it is: printable ASCII, no quote or backslash.
   */
  private static boolean plain(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * The value that {@code node} is for a question of {@code type}; {@code null} when the node is
   * JSON null or missing, or has another shape (a number for a choice, a list with a non-string).
   * Shape only: whether an option exists or a number is in range is for {@link AnswersLoader}.
   */
  public static AnswerValue read(QuestionType type, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return switch (type) {
      case CHOICE -> node.isTextual() ? AnswerValue.choice(node.textValue()) : null;
      case TEXT -> node.isTextual() ? AnswerValue.text(node.textValue()) : null;
      case NUMBER -> node.isNumber() ? AnswerValue.number(node.decimalValue()) : null;
      case MULTI -> {
        if (!node.isArray()) {
          yield null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : node) {
          if (!item.isTextual()) {
            yield null;
          }
          ids.add(item.textValue());
        }
        yield AnswerValue.multi(ids);
      }
    };
  }

  /** {@link #read} of JSON text such as the database keeps; {@code null} when it does not parse. */
  public static AnswerValue read(QuestionType type, String json) {
    if (json == null) {
      return null;
    }
    return read(type, JsonReader.parse("answer", json).root());
  }
}
