package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;

/** The answers file {@code take} keeps up to date: contract §4, written whole and atomically. */
final class TakeFile {

  @SuppressWarnings("deprecation") // as ResultJson: numbers are written exactly as given
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private static final int MAX_SLUG = 40;

  /**
   * Who filled in the scan about which company; fields a resumed file had are kept as they were.
   */
  record Meta(
      String name,
      String studentId,
      String className,
      String school,
      String company,
      String kvk,
      String city,
      String sector,
      LocalDate date) {

    static Meta of(Answers answers) {
      Answers.Respondent r = answers.respondent();
      Answers.Company c = answers.company();
      return new Meta(
          r == null ? null : r.name(),
          r == null ? null : r.id(),
          r == null ? null : r.className(),
          r == null ? null : r.school(),
          c == null ? null : c.name(),
          c == null ? null : c.kvk(),
          c == null ? null : c.city(),
          c == null ? null : c.sector(),
          answers.date());
    }

    boolean complete() {
      return !blank(name) && !blank(company) && date != null;
    }
  }

  private TakeFile() {}

  static boolean blank(String text) {
    return nl.mvoscan.scan.Limits.blank(text);
  }

  /**
   * The whole file: metadata, then every question of the scan in document order, {@code null} when
   * not answered.
   */
  static String json(Scan scan, String language, Meta meta, Map<String, Answers.Answer> answers) {
    ObjectNode root = NODES.objectNode();
    root.put("format", AnswersLoader.FORMAT);
    root.put("scan", scan.id());
    root.put("scanVersion", scan.version());
    ObjectNode respondent = root.putObject("respondent");
    respondent.put("name", meta.name());
    putIfPresent(respondent, "id", meta.studentId());
    putIfPresent(respondent, "class", meta.className());
    putIfPresent(respondent, "school", meta.school());
    ObjectNode company = root.putObject("company");
    company.put("name", meta.company());
    putIfPresent(company, "kvk", meta.kvk());
    putIfPresent(company, "city", meta.city());
    putIfPresent(company, "sector", meta.sector());
    root.put("date", meta.date().toString());
    root.put("language", language);
    ObjectNode values = root.putObject("answers");
    for (Question question : scan.questions()) {
      Answers.Answer answer = answers.get(question.id());
      if (answer == null || answer.value() == null) {
        values.putNull(question.id());
      } else if (answer.evidence() == null && answer.note() == null) {
        values.set(question.id(), value(answer.value()));
      } else {
        ObjectNode full = values.putObject(question.id());
        full.set("value", value(answer.value()));
        putIfPresent(full, "evidence", answer.evidence());
        putIfPresent(full, "note", answer.note());
      }
    }
    return ResultJson.write(root) + System.lineSeparator();
  }

  static void write(Path file, String json) throws IOException {
    AtomicFiles.write(file, json);
  }

  /**
   * {@code antwoorden-<name-slug>-<date>.json} in {@code folder}, with -2, -3… when that file
   * exists.
   */
  static Path defaultFile(Path folder, String name, LocalDate date) {
    String base = "antwoorden-" + slug(name) + "-" + date;
    Path file = folder.resolve(base + ".json");
    for (int n = 2; Files.exists(file); n++) {
      file = folder.resolve(base + "-" + n + ".json");
    }
    return file;
  }

  /**
   * A safe file name part on every system: lower-case a-z, 0-9 and single hyphens; "student" when
   * nothing is left.
   */
  static String slug(String name) {
    String plain =
        Normalizer.normalize(name == null ? "" : name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("ø", "o")
            .replace("ł", "l")
            .replace("đ", "d");
    String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "student" : slug;
  }

  /** A number as the student would write it: 12, not 12.0 from a resumed file. */
  private static JsonNode value(AnswerValue value) {
    return AnswerJson.write(
        value.match(c -> c, m -> m, n -> AnswerValue.number(Decimals.plain(n.value())), t -> t));
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (!blank(value)) {
      node.put(key, value);
    }
  }
}
