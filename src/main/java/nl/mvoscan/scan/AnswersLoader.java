package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;

/** Validates an answers file against its scan (§4) and reports every problem in one go. */
public final class AnswersLoader {

  public static final String FORMAT = "mvoscan-answers/1";
  public static final Set<String> EVIDENCE = Set.of("gezien", "gevraagd", "document", "aanname");
  private static final Set<String> TOP_KEYS =
      Set.of(
          "$schema",
          "format",
          "scan",
          "scanVersion",
          "respondent",
          "company",
          "date",
          "language",
          "answers");
  private static final Set<String> RESPONDENT_KEYS = Set.of("name", "id", "class", "school");
  private static final Set<String> COMPANY_KEYS = Set.of("name", "kvk", "city", "sector");
  private static final Set<String> ANSWER_KEYS = Set.of("value", "evidence", "note");
  private static final Pattern KVK = Pattern.compile("^[0-9]{8}$");
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  public record Result(Path file, Answers answers, List<JsonProblem> problems) {
    public boolean ok() {
      return answers != null;
    }
  }

  /**
   * Where the checks of §4 report a problem: its JSON pointer, message key and arguments. An
   * answers file places it by the pointer; a class table ({@link ClassCsv}) already knows the
   * column it read, and reads its cells into {@link Answers} through the same checks.
   */
  @FunctionalInterface
  interface Sink {
    void problem(String pointer, String key, Object... args);
  }

  private final JsonDocument document;
  private final Scan scan;
  private final List<JsonProblem> problems = new ArrayList<>();
  private final Sink sink = this::problem;

  private AnswersLoader(JsonDocument document, Scan scan) {
    this.document = document;
    this.scan = scan;
  }

  /**
   * The scan id an answers file names, to find its scan before validating; {@code null} if none.
   */
  public static String scanIdOf(JsonDocument document) {
    if (document.root() == null || !document.root().path("scan").isTextual()) {
      return null;
    }
    return document.root().path("scan").asText();
  }

  /** The scan version an answers file names, {@code null} if none. */
  public static String scanVersionOf(JsonDocument document) {
    if (document.root() == null || !document.root().path("scanVersion").isTextual()) {
      return null;
    }
    return document.root().path("scanVersion").asText();
  }

  public static Result load(Path file, JsonDocument document, Scan scan) {
    if (!document.isParsed()) {
      return new Result(file, null, document.problems());
    }
    AnswersLoader loader = new AnswersLoader(document, scan);
    loader.problems.addAll(document.problems());
    Answers answers = loader.build();
    return loader.problems.isEmpty()
        ? new Result(file, answers, List.of())
        : new Result(file, null, List.copyOf(loader.problems));
  }

  public static Result load(Path file, Scan scan) {
    return load(file, JsonReader.read(file), scan);
  }

  private Answers build() {
    JsonNode root = document.root();
    if (!root.isObject()) {
      problem("", "answers.notObject");
      return null;
    }
    unknownKeys(root, "", TOP_KEYS);
    String format = requiredString(root, "format", "");
    if (format != null && !format.equals(FORMAT)) {
      problem("/format", "answers.badFormat", format, FORMAT);
    }
    String scanId = requiredString(root, "scan", "");
    if (scanId != null && !scanId.equals(scan.id())) {
      problem("/scan", "answers.otherScan", scanId, scan.id());
    }
    String scanVersion = optionalString(root, "scanVersion", "");
    if (scanVersion != null && !scanVersion.equals(scan.version())) {
      problem("/scanVersion", "answers.otherVersion", scanVersion, scan.version());
    }
    Answers.Respondent respondent = null;
    JsonNode r = root.get("respondent");
    if (r != null && objectWithStrings(r, "/respondent", RESPONDENT_KEYS)) {
      respondent =
          new Answers.Respondent(
              name(text(r, "name")), text(r, "id"), text(r, "class"), text(r, "school"));
    }
    Answers.Company company = null;
    JsonNode c = root.get("company");
    if (c != null && objectWithStrings(c, "/company", COMPANY_KEYS)) {
      String kvk = text(c, "kvk");
      kvk(kvk, "/company/kvk", sink);
      company = new Answers.Company(text(c, "name"), kvk, text(c, "city"), text(c, "sector"));
    }
    LocalDate date = null;
    String dateText = optionalString(root, "date", "");
    if (dateText != null) {
      try {
        // the pattern alone would also take a sign, as in -0001-01-01
        date =
            dateText.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")
                ? LocalDate.parse(dateText, ISO_DATE)
                : null;
      } catch (DateTimeParseException e) {
        date = null;
      }
      if (date == null) {
        problem("/date", "answers.badDate", dateText);
      } else {
        plausible(date, dateText, "/date", sink);
      }
    }
    String language = optionalString(root, "language", "");
    if (language != null && !scan.languages().contains(language)) {
      problem("/language", "answers.badLanguage", language, String.join(", ", scan.languages()));
    }
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    JsonNode list = root.get("answers");
    if (list == null) {
      problem("", "answers.missingKey", "answers");
    } else if (!list.isObject()) {
      problem("/answers", "answers.answersNotObject");
    } else {
      Map<String, Question> questions = scan.questionsById();
      list.properties()
          .forEach(
              entry -> {
                String pointer = "/answers/" + JsonReader.escape(entry.getKey());
                Question question = questions.get(entry.getKey());
                if (question == null) {
                  problem(pointer, "answers.unknownQuestion", entry.getKey());
                  return;
                }
                Answers.Answer answer = answer(question, entry.getValue(), pointer);
                if (answer != null && answer.value() != null) {
                  answers.put(question.id(), answer);
                }
              });
    }
    return new Answers(scanId, scanVersion, respondent, company, date, language, answers);
  }

  private Answers.Answer answer(Question question, JsonNode node, String pointer) {
    String evidence = null;
    String note = null;
    JsonNode value = node;
    String valuePointer = pointer;
    if (node.isObject()) {
      unknownKeys(node, pointer, ANSWER_KEYS);
      if (!node.has("value")) {
        problem(pointer, "answers.missingValue");
      }
      value = node.path("value");
      valuePointer = pointer + "/value";
      evidence = optionalString(node, "evidence", pointer);
      if (evidence != null && !EVIDENCE.contains(evidence)) {
        problem(
            pointer + "/evidence",
            "answers.badEvidence",
            evidence,
            String.join(", ", List.of("gezien", "gevraagd", "document", "aanname")));
      }
      note = optionalString(node, "note", pointer);
    }
    if (value.isNull() || value.isMissingNode()) {
      return new Answers.Answer(question.id(), null, evidence, note);
    }
    AnswerValue parsed = AnswerJson.read(question.type(), value);
    if (parsed == null) {
      shapeProblems(question, value, valuePointer);
    } else if (!valid(question, parsed, valuePointer, sink)) {
      parsed = null;
    }
    return new Answers.Answer(question.id(), parsed, evidence, note);
  }

  /** Why {@code value} does not have the shape of an answer to {@code question}. */
  private void shapeProblems(Question question, JsonNode value, String pointer) {
    switch (question.type()) {
      case CHOICE ->
          problem(pointer, "answers.expectedOption", question.id(), optionList(question));
      case TEXT -> problem(pointer, "answers.expectedText", question.id());
      case NUMBER -> problem(pointer, "answers.expectedNumber", question.id());
      case MULTI -> {
        if (!value.isArray()) {
          problem(
              pointer,
              "answers.expectedOptionList",
              question.id(),
              question.options().isEmpty() ? "" : question.options().get(0).id());
          return;
        }
        // a list with items that are no option id: report those and whatever else is wrong
        List<String> ids = new ArrayList<>();
        value.forEach(item -> ids.add(item.isTextual() ? item.asText() : null));
        multiProblems(question, ids, pointer, sink);
      }
    }
  }

  /**
   * Whether {@code value} is a good answer to {@code question} (§4): a known option, no option
   * twice or an exclusive one combined, a number within its bounds, a text within its length. What
   * is wrong goes to {@code sink}, at {@code pointer} (and its items).
   */
  static boolean valid(Question question, AnswerValue value, String pointer, Sink sink) {
    if (value instanceof AnswerValue.Choice choice) {
      return choice(question, choice.optionId(), pointer, sink);
    }
    if (value instanceof AnswerValue.Multi multi) {
      return multiProblems(question, multi.optionIds(), pointer, sink);
    }
    if (value instanceof AnswerValue.Number number) {
      return number(question, number.value(), pointer, sink);
    }
    return text(question, ((AnswerValue.Text) value).text(), pointer, sink);
  }

  private static boolean choice(Question question, String id, String pointer, Sink sink) {
    if (question.option(id).isEmpty()) {
      sink.problem(pointer, "answers.unknownOption", id, question.id(), optionList(question));
      return false;
    }
    return true;
  }

  /**
   * Reports items that are no option id ({@code null}), unknown, repeated and wrongly combined
   * option ids, in item order. True when there is no problem.
   */
  private static boolean multiProblems(
      Question question, List<String> ids, String pointer, Sink sink) {
    List<String> selected = new ArrayList<>(ids.size());
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null) {
        sink.problem(
            pointer + "/" + i, "answers.expectedOption", question.id(), optionList(question));
        ok = false;
      } else if (question.option(id).isEmpty()) {
        sink.problem(
            pointer + "/" + i, "answers.unknownOption", id, question.id(), optionList(question));
        ok = false;
      } else if (!seen.add(id)) {
        sink.problem(pointer + "/" + i, "answers.duplicateOption", id);
        ok = false;
      } else {
        selected.add(id);
      }
    }
    if (selected.size() > 1) {
      for (String id : selected) {
        if (question.option(id).orElseThrow().isExclusive()) {
          sink.problem(pointer, "answers.exclusiveCombined", id, question.id());
          ok = false;
          break;
        }
      }
    }
    return ok;
  }

  private static boolean number(Question question, BigDecimal number, String pointer, Sink sink) {
    if (!Limits.fits(number)) {
      // comparing or scoring a number of thousands of digits exactly costs far more than it is
      // worth
      sink.problem(pointer, "answers.numberTooLong", String.valueOf(Limits.MAX_DIGITS));
      return false;
    }
    boolean ok = true;
    if (question.min() != null && number.compareTo(question.min()) < 0) {
      sink.problem(
          pointer, "answers.belowMin", Decimals.text(number), Decimals.text(question.min()));
      ok = false;
    }
    if (question.max() != null && number.compareTo(question.max()) > 0) {
      sink.problem(
          pointer, "answers.aboveMax", Decimals.text(number), Decimals.text(question.max()));
      ok = false;
    }
    if (question.integer() && number.stripTrailingZeros().scale() > 0) {
      sink.problem(pointer, "answers.notWhole", Decimals.text(number));
      ok = false;
    }
    return ok;
  }

  private static boolean text(Question question, String text, String pointer, Sink sink) {
    int length = text.codePointCount(0, text.length());
    if (length > question.maxLength()) {
      sink.problem(pointer, "answers.tooLong", length, question.maxLength());
      return false;
    }
    return true;
  }

  /**
   * Whether a respondent's or company's field is a good name: not too long, no control character.
   * True when there is no problem.
   */
  static boolean field(String text, String pointer, Sink sink) {
    if (Limits.nameTooLong(text)) {
      // a name of thousands of characters makes every report that shows it crawl
      sink.problem(pointer, "answers.nameTooLong", Limits.length(text), Limits.MAX_NAME);
      return false;
    }
    if (Limits.control(text) >= 0) {
      sink.problem(pointer, "answers.control", Limits.codePoint(Limits.control(text)));
      return false;
    }
    return true;
  }

  /** Reports a KvK number that is not eight digits; {@code null} is none, and good. */
  static void kvk(String kvk, String pointer, Sink sink) {
    if (kvk != null && !KVK.matcher(kvk).matches()) {
      sink.problem(pointer, "answers.badKvk", kvk);
    }
  }

  /** Reports a date outside the years a scan can be from, {@code text} as the file wrote it. */
  static void plausible(LocalDate date, String text, String pointer, Sink sink) {
    if (!Limits.plausible(date)) {
      sink.problem(
          pointer,
          "answers.dateOutOfRange",
          text,
          String.valueOf(Limits.FIRST_YEAR),
          String.valueOf(Limits.LAST_YEAR));
    }
  }

  private static String optionList(Question question) {
    return String.join(", ", question.options().stream().map(Option::id).toList());
  }

  private boolean objectWithStrings(JsonNode node, String pointer, Set<String> allowed) {
    if (!node.isObject()) {
      problem(pointer, "answers.expectedObject");
      return false;
    }
    unknownKeys(node, pointer, allowed);
    boolean ok = true;
    for (var entry : node.properties()) {
      if (!allowed.contains(entry.getKey())) {
        continue;
      }
      String at = pointer + "/" + JsonReader.escape(entry.getKey());
      if (!entry.getValue().isTextual()) {
        problem(at, "answers.expectedString");
        ok = false;
      } else if (!field(entry.getValue().asText(), at, sink)) {
        ok = false;
      }
    }
    if (!node.has("name")) {
      problem(pointer, "answers.missingKey", "name");
      ok = false;
    }
    return ok;
  }

  private void unknownKeys(JsonNode node, String pointer, Set<String> allowed) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!allowed.contains(key)) {
                problem(pointer + "/" + JsonReader.escape(key), "answers.unknownKey", key);
              }
            });
  }

  private String requiredString(JsonNode node, String field, String pointer) {
    if (!node.has(field)) {
      problem(pointer, "answers.missingKey", field);
      return null;
    }
    return optionalString(node, field, pointer);
  }

  private String optionalString(JsonNode node, String field, String pointer) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(pointer + "/" + field, "answers.expectedString");
      return null;
    }
    return value.asText();
  }

  /**
   * A name of only spaces or invisible characters is the empty name a template leaves to fill in:
   * {@code take} asks for it, {@code import} refuses it, as for {@code ""}.
   */
  static String name(String name) {
    return name != null && Limits.blank(name) ? "" : name;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private void problem(String pointer, String key, Object... args) {
    JsonDocument.Location at = document.locate(pointer);
    problems.add(new JsonProblem(pointer, at.line(), at.column(), key, args));
  }
}
