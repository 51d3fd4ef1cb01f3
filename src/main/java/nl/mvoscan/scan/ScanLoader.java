package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.when.Condition;
import nl.mvoscan.scan.when.ConditionChecker;
import nl.mvoscan.scan.when.ConditionException;
import nl.mvoscan.scan.when.Scope;

/**
 * Turns a scan file into a {@link Scan}, reporting every problem at once: the JSON Schema covers
 * structure (types, unknown keys, patterns), this class the rules that need the whole document
 * (§2–3: uniqueness, languages, options, maxima, levels and conditions).
 *
 * <p>The walk is tolerant of malformed structure, because the schema already reported it and the
 * author deserves the semantic problems of the same file in the same run.
 */
public final class ScanLoader {

  public static final String FORMAT = "mvoscan-scan/1";

  /** The outcome of loading one file: a scan, or the problems that stop it. */
  public record Result(Path file, Scan scan, JsonDocument document, List<JsonProblem> problems) {
    public boolean ok() {
      return scan != null;
    }
  }

  private final JsonDocument document;
  private final List<JsonProblem> problems = new ArrayList<>();
  private List<String> languages = List.of();
  private final Map<String, List<Option>> scales = new LinkedHashMap<>();
  private final Map<String, String> idPointers = new HashMap<>();
  private final Set<String> allQuestionIds = new HashSet<>();
  private final Set<String> themeIds = new HashSet<>();
  private final Map<String, Question> earlier = new LinkedHashMap<>();

  private final String knownHash;

  private ScanLoader(JsonDocument document, String knownHash) {
    this.document = document;
    this.knownHash = knownHash;
  }

  public static Result load(Path file, Locale locale) {
    return load(file, JsonReader.read(file), locale);
  }

  public static Result load(Path file, JsonDocument document, Locale locale) {
    return load(file, document, null, locale);
  }

  /**
   * Loads a document whose schema check and hash are already known: a bundled scan that the build
   * checked ({@link ScanIndex}). The rules of the format still run, as they build the scan.
   */
  static Result loadChecked(Path file, JsonDocument document, String hash, Locale locale) {
    return load(file, document, hash, locale);
  }

  private static Result load(Path file, JsonDocument document, String knownHash, Locale locale) {
    if (!document.isParsed()) {
      return new Result(file, null, document, document.problems());
    }
    // a duplicate key leaves a complete tree, so its file's other problems are reported too
    List<JsonProblem> all = new ArrayList<>(document.problems());
    if (knownHash == null) {
      all.addAll(SchemaCheck.check(document, locale));
    }
    if (!document.root().isObject()) {
      return new Result(file, null, document, all);
    }
    ScanLoader loader = new ScanLoader(document, knownHash);
    Scan scan = loader.build();
    all.addAll(loader.problems);
    all.sort(
        java.util.Comparator.comparingInt(JsonProblem::line).thenComparingInt(JsonProblem::column));
    return all.isEmpty()
        ? new Result(file, scan, document, List.of())
        : new Result(file, null, document, all);
  }

  private Scan build() {
    JsonNode root = document.root();
    languages = new ArrayList<>();
    JsonNode langs = root.path("languages");
    if (langs.isArray()) {
      langs.forEach(
          l -> {
            if (l.isTextual() && !languages.contains(l.asText())) {
              languages.add(l.asText());
            }
          });
    }
    if (languages.isEmpty()) {
      languages = List.of("nl");
    }
    collectIds(root);

    String id = string(root, "id");
    Text title = text(root, "title", "/title", true);
    Text description = text(root, "description", "/description", false);

    JsonNode scalesNode = root.path("scales");
    if (scalesNode.isObject()) {
      scalesNode
          .properties()
          .forEach(
              entry -> {
                String pointer = "/scales/" + JsonReader.escape(entry.getKey());
                scales.put(entry.getKey(), options(entry.getValue(), pointer, true));
              });
    }

    List<Question> profile = new ArrayList<>();
    JsonNode profileNode = root.path("profile");
    for (int i = 0; i < profileNode.size() && profileNode.isArray(); i++) {
      Question q = question(profileNode.get(i), "/profile/" + i, null);
      if (q != null) {
        profile.add(q);
      }
    }

    List<Level> levels = levels(root.path("levels"));
    Set<String> levelIds = new HashSet<>();
    levels.forEach(l -> levelIds.add(l.id()));

    List<Theme> themes = new ArrayList<>();
    JsonNode themesNode = root.path("themes");
    for (int t = 0; t < themesNode.size() && themesNode.isArray(); t++) {
      Theme theme = theme(themesNode.get(t), "/themes/" + t, levelIds);
      if (theme != null) {
        themes.add(theme);
      }
    }

    JsonNode scoring = root.path("scoring");
    BigDecimal minCoverage = decimal(scoring, "minCoverage");
    if (minCoverage == null) {
      minCoverage = new BigDecimal("0.5");
    }
    BigDecimal maxNa = decimal(scoring, "maxNa");
    boolean unknownZero = "zero".equals(string(scoring, "unknown"));

    Scan scan =
        new Scan(
            id,
            string(root, "version"),
            List.copyOf(languages),
            title,
            description,
            List.copyOf(profile),
            List.copyOf(themes),
            List.copyOf(levels),
            minCoverage,
            maxNa,
            unknownZero,
            knownHash != null ? knownHash : ScanHash.of(root));
    return scan;
  }

  /** First pass: every theme and question id, so a condition can tell "later" from "unknown". */
  private void collectIds(JsonNode root) {
    root.path("profile")
        .forEach(
            q -> {
              if (q.path("id").isTextual()) {
                allQuestionIds.add(q.path("id").asText());
              }
            });
    root.path("themes")
        .forEach(
            t -> {
              if (t.path("id").isTextual()) {
                themeIds.add(t.path("id").asText());
              }
              t.path("questions")
                  .forEach(
                      q -> {
                        if (q.path("id").isTextual()) {
                          allQuestionIds.add(q.path("id").asText());
                        }
                      });
            });
  }

  private Theme theme(JsonNode node, String pointer, Set<String> levelIds) {
    if (!node.isObject()) {
      return null;
    }
    String id = string(node, "id");
    claimId(id, pointer + "/id");
    Text title = text(node, "title", pointer + "/title", true);
    BigDecimal weight = positiveOrDefault(node, "weight");
    Text description = text(node, "description", pointer + "/description", false);
    Text advice = text(node, "advice", pointer + "/advice", false);
    Map<String, Text> levelAdvice = new LinkedHashMap<>();
    JsonNode advices = node.path("levelAdvice");
    if (advices.isObject()) {
      advices
          .properties()
          .forEach(
              entry -> {
                String at = pointer + "/levelAdvice/" + JsonReader.escape(entry.getKey());
                if (!levelIds.contains(entry.getKey())) {
                  problem(at, "scan.levelAdviceUnknownLevel", entry.getKey());
                }
                levelAdvice.put(entry.getKey(), textValue(entry.getValue(), at, false));
              });
    }
    List<Question> questions = new ArrayList<>();
    JsonNode list = node.path("questions");
    for (int i = 0; i < list.size() && list.isArray(); i++) {
      Question q = question(list.get(i), pointer + "/questions/" + i, id == null ? "" : id);
      if (q != null) {
        questions.add(q);
      }
    }
    return new Theme(
        id, title, weight, description, advice, Map.copyOf(levelAdvice), List.copyOf(questions));
  }

  private Question question(JsonNode node, String pointer, String themeId) {
    if (!node.isObject()) {
      return null;
    }
    String id = string(node, "id");
    claimId(id, pointer + "/id");
    QuestionType type = QuestionType.fromId(string(node, "type"));
    if (type == null) {
      return null; // the schema names the problem
    }
    Text text = text(node, "text", pointer + "/text", true);
    Text help = text(node, "help", pointer + "/help", false);
    Text advice = text(node, "advice", pointer + "/advice", false);
    BigDecimal weight = positiveOrDefault(node, "weight");
    boolean choiceLike = type == QuestionType.CHOICE || type == QuestionType.MULTI;
    boolean scored = choiceLike && themeId != null;
    if (node.path("scored").isBoolean()) {
      boolean requested = node.path("scored").asBoolean();
      if (requested && !scored) {
        problem(
            pointer + "/scored",
            themeId == null ? "scan.scoredProfile" : "scan.scoredType",
            type.id());
      }
      scored = requested && scored;
    }
    boolean required = node.path("required").asBoolean(false);

    List<Option> options = List.of();
    if (choiceLike) {
      boolean hasOptions = node.has("options");
      boolean hasScale = node.has("scale");
      if (type == QuestionType.CHOICE && hasOptions == hasScale) {
        problem(pointer, "scan.optionsXorScale", id);
      }
      if (hasScale && type == QuestionType.CHOICE) {
        String scaleId = string(node, "scale");
        List<Option> scale = scales.get(scaleId);
        if (scale == null) {
          problem(pointer + "/scale", "scan.unknownScale", String.valueOf(scaleId));
        } else if (!hasOptions) {
          options = scale;
          checkOptionValues(options, pointer + "/scale", scored);
        }
      }
      if (hasOptions) {
        options = options(node.path("options"), pointer + "/options", false);
        for (int i = 0; i < options.size(); i++) {
          Option option = options.get(i);
          if (option.exclusive() && type == QuestionType.CHOICE) {
            problem(
                pointer + "/options/" + i + "/exclusive", "scan.exclusiveOnlyMulti", option.id());
          }
        }
        checkOptionValues(options, pointer + "/options", scored);
      }
    }
    BigDecimal maxPoints = decimal(node, "maxPoints");
    if (type == QuestionType.MULTI
        && scored
        && maxPoints != null
        && maxPoints.signum() > 0
        && !options.isEmpty()) {
      BigDecimal sum =
          options.stream()
              .map(Option::points)
              .filter(p -> p != null)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (maxPoints.compareTo(sum) > 0) {
        problem(
            pointer + "/maxPoints",
            "scan.maxPointsAboveSum",
            Decimals.text(maxPoints),
            Decimals.text(sum));
      }
    }
    BigDecimal min = decimal(node, "min");
    BigDecimal max = decimal(node, "max");
    if (min != null && max != null && min.compareTo(max) > 0) {
      problem(pointer + "/max", "scan.maxBelowMin", Decimals.text(max), Decimals.text(min));
    }
    Map<String, List<String>> tags = new LinkedHashMap<>();
    JsonNode tagsNode = node.path("tags");
    if (tagsNode.isObject()) {
      tagsNode
          .properties()
          .forEach(
              entry -> {
                List<String> values = new ArrayList<>();
                entry
                    .getValue()
                    .forEach(
                        v -> {
                          if (v.isTextual() && !values.contains(v.asText())) {
                            values.add(v.asText());
                          }
                        });
                tags.put(entry.getKey(), List.copyOf(values));
              });
    }
    Condition when = null;
    if (node.path("when").isTextual()) {
      when = condition(node.path("when").asText(), pointer + "/when", id);
    }
    int maxLength = maxLength(node.get("maxLength"));
    Question question =
        new Question(
            id,
            type,
            themeId,
            text,
            help,
            advice,
            weight,
            when,
            Map.copyOf(tags).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(tags),
            scored,
            required,
            List.copyOf(options),
            maxPoints,
            min,
            max,
            node.path("integer").asBoolean(false),
            text(node, "unit", pointer + "/unit", false),
            maxLength);
    if (scored
        && !options.isEmpty()
        && question.maximum().signum() == 0
        && (maxPoints == null || maxPoints.signum() > 0)) {
      problem(pointer, "scan.zeroMaximum", id);
    }
    if (id != null) {
      earlier.put(id, question);
    }
    return question;
  }

  private Condition condition(String source, String pointer, String selfId) {
    Scope scope =
        id -> {
          if (id.equals(selfId)) {
            return Scope.Reference.of(Scope.Reach.SELF);
          }
          Question q = earlier.get(id);
          if (q != null) {
            Scope.Kind kind = Scope.Kind.valueOf(q.type().name());
            Set<String> optionIds = new HashSet<>();
            q.options().forEach(o -> optionIds.add(o.id()));
            return new Scope.Reference(Scope.Reach.EARLIER, kind, optionIds);
          }
          if (allQuestionIds.contains(id)) {
            return Scope.Reference.of(Scope.Reach.LATER);
          }
          if (themeIds.contains(id)) {
            return Scope.Reference.of(Scope.Reach.THEME);
          }
          return Scope.Reference.of(Scope.Reach.UNKNOWN);
        };
    try {
      return ConditionChecker.compile(source, scope);
    } catch (ConditionException e) {
      problem(pointer, e.key(), e.args());
      return null;
    }
  }

  private List<Option> options(JsonNode list, String pointer, boolean inScale) {
    List<Option> options = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size() && list.isArray(); i++) {
      JsonNode node = list.get(i);
      String at = pointer + "/" + i;
      if (!node.isObject()) {
        continue;
      }
      String id = string(node, "id");
      if (id != null && !ids.add(id)) {
        problem(at + "/id", "scan.duplicateOption", id);
      }
      boolean exclusive = node.path("exclusive").asBoolean(false);
      if (inScale && node.has("exclusive")) {
        problem(at + "/exclusive", "scan.exclusiveInScale", String.valueOf(id));
      }
      options.add(
          new Option(
              id,
              text(node, "label", at + "/label", true),
              decimal(node, "points"),
              node.path("na").asBoolean(false),
              node.path("unknown").asBoolean(false),
              exclusive,
              text(node, "feedback", at + "/feedback", false),
              text(node, "advice", at + "/advice", false)));
    }
    return options;
  }

  /**
   * Scored questions need exactly one of points/na/unknown per option; unscored ones at most one.
   */
  private void checkOptionValues(List<Option> options, String pointer, boolean scored) {
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      int kinds = (o.points() != null ? 1 : 0) + (o.na() ? 1 : 0) + (o.unknown() ? 1 : 0);
      if (scored ? kinds != 1 : kinds > 1) {
        problem(
            pointer + "/" + i,
            scored ? "scan.optionNeedsOneOf" : "scan.optionAtMostOneOf",
            String.valueOf(o.id()));
      }
    }
  }

  private List<Level> levels(JsonNode list) {
    List<Level> levels = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size() && list.isArray(); i++) {
      JsonNode node = list.get(i);
      String at = "/levels/" + i;
      if (!node.isObject()) {
        continue;
      }
      String id = string(node, "id");
      if (id != null && !ids.add(id)) {
        problem(at + "/id", "scan.duplicateLevel", id);
      }
      BigDecimal min = decimal(node, "min");
      BigDecimal minTheme = decimal(node, "minTheme");
      BigDecimal minCoverage = decimal(node, "minCoverage");
      if (i == 0 && min != null && min.signum() != 0) {
        problem(at + "/min", "scan.firstLevelMin");
      }
      if (i == 0 && minTheme != null) {
        problem(at + "/minTheme", "scan.firstLevelMinTheme");
      }
      if (i == 0 && minCoverage != null) {
        problem(at + "/minCoverage", "scan.firstLevelMinCoverage");
      }
      if (i > 0
          && min != null
          && !levels.isEmpty()
          && levels.get(levels.size() - 1).min() != null
          && min.compareTo(levels.get(levels.size() - 1).min()) <= 0) {
        problem(
            at + "/min",
            "scan.levelsNotIncreasing",
            Decimals.text(min),
            Decimals.text(levels.get(levels.size() - 1).min()));
      }
      levels.add(
          new Level(
              id,
              min,
              minTheme,
              minCoverage,
              text(node, "label", at + "/label", true),
              text(node, "advice", at + "/advice", false)));
    }
    return levels;
  }

  private void claimId(String id, String pointer) {
    if (id == null) {
      return;
    }
    String first = idPointers.putIfAbsent(id, pointer);
    if (first != null) {
      JsonDocument.Location at = document.locate(first);
      problem(pointer, "scan.duplicateId", id, at.line());
    }
  }

  private Text text(JsonNode parent, String field, String pointer, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return required ? Text.plain("") : null;
    }
    return textValue(node, pointer, required);
  }

  private Text textValue(JsonNode node, String pointer, boolean required) {
    if (node.isTextual()) {
      return Text.plain(node.asText());
    }
    if (!node.isObject()) {
      return Text.plain("");
    }
    Map<String, String> values = new HashMap<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) {
                values.put(e.getKey(), e.getValue().asText());
              }
            });
    List<String> missing = new ArrayList<>();
    if (required) {
      languages.stream().filter(l -> !values.containsKey(l)).forEach(missing::add);
    } else if (!values.containsKey(languages.get(0))) {
      missing.add(languages.get(0));
    }
    if (!missing.isEmpty()) {
      problem(
          pointer,
          required ? "scan.missingLanguage" : "scan.missingDefaultLanguage",
          String.join(", ", missing));
    }
    return new Text(values);
  }

  private void problem(String pointer, String key, Object... args) {
    JsonDocument.Location at = document.locate(pointer);
    problems.add(new JsonProblem(pointer, at.line(), at.column(), key, args));
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private static BigDecimal positiveOrDefault(JsonNode node, String field) {
    BigDecimal value = decimal(node, field);
    return value == null || value.signum() <= 0 ? BigDecimal.ONE : value;
  }

  /** 2.0 is a whole number in JSON Schema; beyond int range every text fits anyway. */
  private static int maxLength(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return Question.DEFAULT_MAX_LENGTH;
    }
    BigDecimal value = node.decimalValue();
    if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0) {
      return Integer.MAX_VALUE;
    }
    return value.signum() <= 0 ? 0 : value.intValue();
  }
}
