package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.CsvTable;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;

/**
 * Turns a class CSV (contract §7: one row per respondent) into {@link Answers} for a scan.
 *
 * <p>Columns are metadata (name, student number, class, company, KvK, city, date; by Dutch or
 * English header), questions (by id, by question text in any scan language, or by a user mapping),
 * or not recognised (a warning, never scored). Cells are turned into an answers file per row and
 * validated by {@link AnswersLoader}, so the rules of §4 live in one place; its problems are
 * reported on the CSV line and column they came from.
 *
 * <p>Header comparison, option labels and the mapping all compare after trimming, collapsing white
 * space, Unicode NFC and {@code toLowerCase(Locale.ROOT)}, so the default locale plays no part.
 */
public final class ClassCsv {

  /** One good row: the line where its record starts and its answers. */
  public record Row(int line, Answers answers) {}

  /**
   * The import of one table. {@code problems} includes those of the table itself; by the contract
   * an import with any problem imports nothing. {@code warnings} are unrecognised columns.
   */
  public record Result(List<Row> rows, List<CsvProblem> problems, List<CsvProblem> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * A column mapping read from a mapping file {@code {"columns": {"Header": "question_id"}}}. A
   * {@code null} question id means: ignore this column.
   */
  public record Mapping(Map<String, String> columns, List<JsonProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The metadata fields, with the headers that name them. */
  enum Meta {
    NAME("naam", "name", "student"),
    ID("studentnummer", "student_id"),
    CLASS("klas", "class"),
    COMPANY("bedrijf", "company"),
    KVK("kvk"),
    CITY("plaats", "city"),
    DATE("datum", "date");

    final List<String> headers;

    Meta(String... headers) {
      this.headers = List.of(headers);
    }
  }

  private static final Map<String, Meta> META_HEADERS = new HashMap<>();

  static {
    for (Meta meta : Meta.values()) {
      meta.headers.forEach(h -> META_HEADERS.put(h, meta));
    }
  }

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(?:[.,][0-9]+)?");
  private static final Pattern MULTI_SEPARATOR = Pattern.compile("[;|]");
  private static final Pattern DUTCH_DATE = Pattern.compile("([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})");
  private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Path NO_FILE = Path.of("class.csv");
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /**
   * What a column holds: metadata, a question (with the language its header was written in), or
   * nothing.
   */
  private record Column(int index, String header, Meta meta, Question question, String language) {}

  /** A problem with the index of its column, to list a row's problems left to right. */
  private record Placed(int column, CsvProblem problem) {}

  private final Scan scan;
  private final CsvTable table;
  private final String defaultClass;
  private final List<CsvProblem> problems = new ArrayList<>();
  private final List<CsvProblem> warnings = new ArrayList<>();
  private final List<Column> columns = new ArrayList<>();
  private final Map<Meta, Column> metaColumns = new EnumMap<>(Meta.class);
  private final Map<String, Column> questionColumns = new LinkedHashMap<>();
  private final Map<String, Map<String, Set<String>>> optionKeys = new HashMap<>();

  private ClassCsv(CsvTable table, Scan scan, String defaultClass) {
    this.table = table;
    this.scan = scan;
    this.defaultClass =
        defaultClass == null || CsvTable.isBlank(defaultClass) ? null : defaultClass.strip();
  }

  /** Reads and imports a CSV file; see {@link #read(CsvTable, Scan, Map, String)}. */
  public static Result read(
      Path file, Scan scan, Map<String, String> mapping, String defaultClass) {
    return read(CsvTable.read(file), scan, mapping, defaultClass);
  }

  /**
   * Imports a table for a scan.
   *
   * @param mapping column header → question id (or {@code null} to ignore that column); headers are
   *     compared like question texts; may be {@code null} or empty
   * @param defaultClass the class of every respondent whose {@code klas} cell is empty; may be
   *     {@code null}
   */
  public static Result read(
      CsvTable table, Scan scan, Map<String, String> mapping, String defaultClass) {
    ClassCsv importer = new ClassCsv(table, scan, defaultClass);
    return importer.run(mapping == null ? Map.of() : mapping);
  }

  /** Reads a mapping file {@code {"columns": {"Header": "question_id", "Other header": null}}}. */
  public static Mapping readMapping(Path file) {
    return readMapping(JsonReader.read(file));
  }

  public static Mapping readMapping(JsonDocument document) {
    if (!document.isValid()) {
      return new Mapping(Map.of(), document.problems());
    }
    List<JsonProblem> problems = new ArrayList<>();
    Map<String, String> columns = new LinkedHashMap<>();
    JsonNode root = document.root();
    if (!root.isObject() || !root.path("columns").isObject()) {
      JsonDocument.Location at = document.locate("/columns");
      problems.add(
          new JsonProblem(
              root.isObject() ? "/columns" : "", at.line(), at.column(), "csv.mappingShape"));
      return new Mapping(Map.of(), problems);
    }
    root.fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.equals("columns") && !key.equals("$schema")) {
                String pointer = "/" + JsonReader.escape(key);
                JsonDocument.Location at = document.locate(pointer);
                problems.add(
                    new JsonProblem(pointer, at.line(), at.column(), "answers.unknownKey", key));
              }
            });
    Map<String, String> seen = new HashMap<>();
    root.path("columns")
        .properties()
        .forEach(
            entry -> {
              String pointer = "/columns/" + JsonReader.escape(entry.getKey());
              JsonDocument.Location at = document.locate(pointer);
              JsonNode value = entry.getValue();
              if (!value.isTextual() && !value.isNull()) {
                problems.add(
                    new JsonProblem(
                        pointer, at.line(), at.column(), "csv.mappingBadValue", entry.getKey()));
                return;
              }
              String earlier = seen.put(normalize(entry.getKey()), entry.getKey());
              if (earlier != null) {
                problems.add(
                    new JsonProblem(
                        pointer,
                        at.line(),
                        at.column(),
                        "csv.mappingDuplicate",
                        earlier,
                        entry.getKey()));
                return;
              }
              columns.put(entry.getKey(), value.isNull() ? null : value.asText());
            });
    return new Mapping(Collections.unmodifiableMap(columns), problems);
  }

  /**
   * Trimmed, white space collapsed to one space, NFKC (so CO₂ saved by Excel as CO2 still matches),
   * lower case in {@link Locale#ROOT} without the dot that lower-casing İ leaves.
   */
  static String normalize(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String lower = WHITESPACE.matcher(compatible).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    return Normalizer.normalize(lower.replace("i\u0307", "i"), Normalizer.Form.NFC);
  }

  private Result run(Map<String, String> mapping) {
    problems.addAll(table.problems());
    Map<String, String> normalizedMapping = new HashMap<>();
    mapping.forEach((header, id) -> normalizedMapping.put(normalize(header), id));
    resolveColumns(normalizedMapping);
    columns.sort(Comparator.comparingInt(Column::index));
    List<Row> rows = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      Answers answers = importRow(row);
      if (answers != null) {
        rows.add(new Row(row.line(), answers));
      }
    }
    List<CsvProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(CsvProblem::line)); // stable: a row's problems stay left to right
    return new Result(List.copyOf(rows), List.copyOf(sorted), List.copyOf(warnings));
  }

  // ---------------------------------------------------------------- header

  private void resolveColumns(Map<String, String> mapping) {
    Map<String, Question> byId = scan.questionsById();
    List<String> header = table.header();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i);
      String key = normalize(raw);
      if (key.isEmpty()) {
        if (columnHasData(i)) {
          warnings.add(new CsvProblem(1, raw, "csv.unnamedColumn", i + 1));
        }
        continue;
      }
      if (mapping.containsKey(key)) {
        String id = mapping.get(key);
        if (id == null) {
          continue; // ignored on purpose
        }
        Question question = byId.get(id);
        if (question == null) {
          problems.add(new CsvProblem(1, raw, "csv.mappingUnknownQuestion", raw, id, scan.id()));
        } else {
          addQuestionColumn(new Column(i, raw, null, question, scan.defaultLanguage()));
        }
        continue;
      }
      Meta meta = META_HEADERS.get(key);
      if (meta != null) {
        Column first = metaColumns.get(meta);
        if (first != null) {
          problems.add(new CsvProblem(1, raw, "csv.duplicateMetadata", first.header(), raw));
        } else {
          Column column = new Column(i, raw, meta, null, null);
          metaColumns.put(meta, column);
          columns.add(column);
        }
        continue;
      }
      Map<Question, String> matches = new LinkedHashMap<>();
      for (Question question : scan.questions()) {
        if (normalize(question.id()).equals(key)) {
          matches.putIfAbsent(question, scan.defaultLanguage());
        }
        for (String language : scan.languages()) {
          if (normalize(question.text().in(language, scan.defaultLanguage())).equals(key)) {
            matches.putIfAbsent(question, language);
          }
        }
      }
      if (matches.isEmpty()) {
        warnings.add(new CsvProblem(1, raw, "csv.unknownColumn", raw));
      } else if (matches.size() > 1) {
        String ids = String.join(", ", matches.keySet().stream().map(Question::id).toList());
        problems.add(new CsvProblem(1, raw, "csv.ambiguousHeader", raw, ids));
      } else {
        var match = matches.entrySet().iterator().next();
        addQuestionColumn(new Column(i, raw, null, match.getKey(), match.getValue()));
      }
    }
  }

  private void addQuestionColumn(Column column) {
    Column first = questionColumns.get(column.question().id());
    if (first != null) {
      problems.add(
          new CsvProblem(
              1,
              column.header(),
              "csv.duplicateColumn",
              first.header(),
              column.header(),
              column.question().id()));
      return;
    }
    questionColumns.put(column.question().id(), column);
    columns.add(column);
  }

  private boolean columnHasData(int index) {
    return table.rows().stream().anyMatch(row -> !CsvTable.isBlank(row.cell(index)));
  }

  // ---------------------------------------------------------------- rows

  private Answers importRow(CsvTable.Row row) {
    List<Placed> rowProblems = new ArrayList<>();
    ObjectNode root = NODES.objectNode();
    root.put("format", AnswersLoader.FORMAT);
    root.put("scan", scan.id());
    root.put("scanVersion", scan.version());
    ObjectNode answers = NODES.objectNode();
    Map<Meta, String> meta = new EnumMap<>(Meta.class);
    for (Column column : columns) {
      String cell = row.cell(column.index());
      if (CsvTable.isBlank(cell)) {
        continue;
      }
      if (column.meta() != null) {
        meta.put(column.meta(), strip(cell));
        continue;
      }
      JsonNode value = value(column, cell, row.line(), rowProblems);
      if (value != null) {
        answers.set(column.question().id(), value);
      }
    }
    metadata(root, meta, row.line(), rowProblems);
    root.set("answers", answers);

    JsonDocument document = new JsonDocument(NO_FILE.toString(), root, Map.of(), List.of());
    AnswersLoader.Result loaded = AnswersLoader.load(NO_FILE, document, scan);
    for (JsonProblem p : loaded.problems()) {
      Column column = columnOf(p.pointer());
      rowProblems.add(
          new Placed(
              column == null ? -1 : column.index(),
              new CsvProblem(
                  row.line(), column == null ? null : column.header(), p.key(), p.args())));
    }
    rowProblems.sort(Comparator.comparingInt(Placed::column));
    rowProblems.forEach(p -> problems.add(p.problem()));
    return rowProblems.isEmpty() ? loaded.answers() : null;
  }

  private void metadata(
      ObjectNode root, Map<Meta, String> meta, int line, List<Placed> rowProblems) {
    String className = meta.getOrDefault(Meta.CLASS, defaultClass);
    if (meta.containsKey(Meta.NAME)) {
      ObjectNode respondent = root.putObject("respondent");
      respondent.put("name", meta.get(Meta.NAME));
      putIfPresent(respondent, "id", meta.get(Meta.ID));
      putIfPresent(respondent, "class", className);
    } else if (meta.containsKey(Meta.ID) || meta.containsKey(Meta.CLASS)) {
      Meta at = meta.containsKey(Meta.ID) ? Meta.ID : Meta.CLASS;
      rowProblems.add(
          placed(line, metaColumns.get(Meta.NAME) != null ? Meta.NAME : at, "csv.missingName"));
    }
    if (meta.containsKey(Meta.COMPANY)) {
      ObjectNode company = root.putObject("company");
      company.put("name", meta.get(Meta.COMPANY));
      putIfPresent(company, "kvk", meta.get(Meta.KVK));
      putIfPresent(company, "city", meta.get(Meta.CITY));
    } else if (meta.containsKey(Meta.KVK) || meta.containsKey(Meta.CITY)) {
      Meta at = meta.containsKey(Meta.KVK) ? Meta.KVK : Meta.CITY;
      rowProblems.add(
          placed(
              line,
              metaColumns.get(Meta.COMPANY) != null ? Meta.COMPANY : at,
              "csv.missingCompany"));
    }
    String date = meta.get(Meta.DATE);
    if (date != null) {
      LocalDate parsed = parseDate(date);
      if (parsed == null) {
        rowProblems.add(placed(line, Meta.DATE, "csv.badDate", date));
      } else {
        root.put("date", parsed.toString());
      }
    }
  }

  private Placed placed(int line, Meta meta, String key, Object... args) {
    Column column = metaColumns.get(meta);
    return new Placed(column.index(), new CsvProblem(line, column.header(), key, args));
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /**
   * ISO {@code YYYY-MM-DD} or {@code D-M-YYYY} (one or two digits for day and month); a real date,
   * else null.
   */
  static LocalDate parseDate(String text) {
    if (ISO_DATE_SHAPE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text, ISO_DATE);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = DUTCH_DATE.matcher(text);
    if (m.matches()) {
      try {
        return LocalDate.of(
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1)));
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /** The JSON value of a non-blank cell for its question, or null after reporting a problem. */
  private JsonNode value(Column column, String cell, int line, List<Placed> rowProblems) {
    Question question = column.question();
    return switch (question.type()) {
      case TEXT -> NODES.textNode(cell);
      case NUMBER -> {
        String text = strip(cell);
        if (!NUMBER.matcher(text).matches()) {
          rowProblems.add(
              new Placed(
                  column.index(), new CsvProblem(line, column.header(), "csv.notNumber", text)));
          yield null;
        }
        BigDecimal number = new BigDecimal(text.replace(',', '.'));
        yield NODES.numberNode(new BigDecimal(number.stripTrailingZeros().toPlainString()));
      }
      case CHOICE -> {
        String id = option(column, strip(cell), line, rowProblems);
        yield id == null ? null : NODES.textNode(id);
      }
      case MULTI -> multi(column, cell, line, rowProblems);
    };
  }

  private JsonNode multi(Column column, String cell, int line, List<Placed> rowProblems) {
    ArrayNode list = NODES.arrayNode();
    String whole = strip(cell);
    if (optionIds(column.question(), whole).size() == 1) {
      // a label that itself contains ; or |
      list.add(optionIds(column.question(), whole).iterator().next());
      return list;
    }
    boolean ok = true;
    for (String part : MULTI_SEPARATOR.split(whole, -1)) {
      if (CsvTable.isBlank(part)) {
        continue;
      }
      String id = option(column, strip(part), line, rowProblems);
      if (id == null) {
        ok = false;
      } else {
        list.add(id); // a duplicate is left for AnswersLoader to report
      }
    }
    return ok && !list.isEmpty() ? list : null;
  }

  /**
   * The option id a value names, by id or by label in any scan language; null after reporting a
   * problem.
   */
  private String option(Column column, String value, int line, List<Placed> rowProblems) {
    Question question = column.question();
    Set<String> ids = optionIds(question, value);
    if (ids.size() == 1) {
      return ids.iterator().next();
    }
    String key;
    Object[] args;
    if (ids.isEmpty()) {
      String language = column.language();
      List<String> labels =
          question.options().stream()
              .map(o -> o.label().in(language, scan.defaultLanguage()))
              .toList();
      key = "csv.unknownOption";
      args = new Object[] {value, String.join(", ", labels)};
    } else {
      key = "csv.ambiguousOption";
      args = new Object[] {value, String.join(", ", ids)};
    }
    rowProblems.add(new Placed(column.index(), new CsvProblem(line, column.header(), key, args)));
    return null;
  }

  /**
   * The ids of the options a value can name: an option id wins, else every option with that label.
   */
  private Set<String> optionIds(Question question, String value) {
    Map<String, Set<String>> keys =
        optionKeys.computeIfAbsent(question.id(), id -> optionKeys(question));
    String key = normalize(value);
    for (Option option : question.options()) {
      if (normalize(option.id()).equals(key)) {
        return Set.of(option.id());
      }
    }
    return keys.getOrDefault(key, Set.of());
  }

  private Map<String, Set<String>> optionKeys(Question question) {
    Map<String, Set<String>> keys = new HashMap<>();
    for (Option option : question.options()) {
      for (String language : scan.languages()) {
        String label = normalize(option.label().in(language, scan.defaultLanguage()));
        keys.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(option.id());
      }
    }
    return keys;
  }

  /** The column an AnswersLoader problem is about, from its JSON pointer; null when none. */
  private Column columnOf(String pointer) {
    if (pointer.startsWith("/answers/")) {
      String rest = pointer.substring("/answers/".length());
      int slash = rest.indexOf('/');
      String id =
          (slash < 0 ? rest : rest.substring(0, slash)).replace("~1", "/").replace("~0", "~");
      return questionColumns.get(id);
    }
    Meta meta =
        switch (pointer) {
          case "/respondent", "/respondent/name" -> Meta.NAME;
          case "/respondent/id" -> Meta.ID;
          case "/respondent/class" -> Meta.CLASS;
          case "/company", "/company/name" -> Meta.COMPANY;
          case "/company/kvk" -> Meta.KVK;
          case "/company/city" -> Meta.CITY;
          case "/date" -> Meta.DATE;
          default -> null;
        };
    return meta == null ? null : metaColumns.get(meta);
  }

  private static String strip(String cell) {
    int start = 0;
    int end = cell.length();
    while (start < end && isSpace(cell.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(cell.charAt(end - 1))) {
      end--;
    }
    return cell.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
