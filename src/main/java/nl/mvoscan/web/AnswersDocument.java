package nl.mvoscan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.store.Classrooms;

/**
 * A student's answers as an answers file (contract §4): what the student downloads, and what every
 * page reads back through {@link AnswersLoader}, the validation {@code score} and {@code import}
 * use. The web app has no reading of answers of its own.
 */
final class AnswersDocument {

  @SuppressWarnings("deprecation") // as ResultJson: numbers are written exactly as given
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /** The file's bytes and what the loader made of them. */
  record Loaded(byte[] bytes, Answers answers, List<JsonProblem> problems) {
    boolean ok() {
      return answers != null;
    }
  }

  private AnswersDocument() {}

  static Loaded load(
      Scan scan,
      String className,
      Classrooms.StudentDetails details,
      String language,
      LocalDate date,
      List<Classrooms.SavedAnswer> answers) {
    byte[] bytes = json(scan, className, details, language, date, answers);
    var result =
        AnswersLoader.load(
            Path.of(fileName(details)), JsonReader.parse(fileName(details), bytes), scan);
    return new Loaded(bytes, result.answers(), result.problems());
  }

  /** Every question in document order, {@code null} when not answered, like {@code take} writes. */
  static byte[] json(
      Scan scan,
      String className,
      Classrooms.StudentDetails details,
      String language,
      LocalDate date,
      List<Classrooms.SavedAnswer> answers) {
    ObjectNode root = NODES.objectNode();
    root.put("format", AnswersLoader.FORMAT);
    root.put("scan", scan.id());
    root.put("scanVersion", scan.version());
    ObjectNode respondent = root.putObject("respondent");
    respondent.put("name", details.name());
    putIfPresent(respondent, "id", details.studentNumber());
    putIfPresent(respondent, "class", className);
    ObjectNode company = root.putObject("company");
    company.put("name", details.company());
    putIfPresent(company, "kvk", details.kvk());
    putIfPresent(company, "city", details.city());
    root.put("date", date.toString());
    root.put("language", language);
    ObjectNode values = root.putObject("answers");
    Map<String, Classrooms.SavedAnswer> byId = new HashMap<>();
    answers.forEach(a -> byId.put(a.questionId(), a));
    for (Question question : scan.questions()) {
      Classrooms.SavedAnswer answer = byId.remove(question.id());
      if (answer == null) {
        values.putNull(question.id());
      } else if (answer.evidence() == null && answer.note() == null) {
        values.set(question.id(), answer.value() == null ? NODES.nullNode() : answer.value());
      } else {
        ObjectNode full = values.putObject(question.id());
        full.set("value", answer.value() == null ? NODES.nullNode() : answer.value());
        putIfPresent(full, "evidence", answer.evidence());
        putIfPresent(full, "note", answer.note());
      }
    }
    // answers to questions the scan does not have can only come from a changed scan: the loader
    // reports them, rather than this writer dropping them silently
    byId.values().forEach(a -> values.set(a.questionId(), value(a)));
    return (ResultJson.write(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String fileName(Classrooms.StudentDetails details) {
    return "antwoorden-" + slug(details.name()) + ".json";
  }

  static String slug(String name) {
    String plain =
        java.text.Normalizer.normalize(
                name == null ? "" : name.toLowerCase(java.util.Locale.ROOT),
                java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "");
    String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "student" : slug;
  }

  private static JsonNode value(Classrooms.SavedAnswer answer) {
    return answer.value() == null ? NODES.nullNode() : answer.value();
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null && !value.isBlank()) {
      node.put(key, value);
    }
  }
}
