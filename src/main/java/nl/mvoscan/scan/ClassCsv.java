package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
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
import java.util.HashSet;
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
import nl.mvoscan.io.TableRows;
import nl.mvoscan.io.Tables;

/**
 * Turns a class table (contract §7 and §8.4: one row per respondent, from a CSV or a form tool's
 * {@code .xlsx}) into {@link Answers} for a scan.
 *
 * <p>Columns are metadata (name, student number, class, company, KvK, city, date; by Dutch or
 * English header, by a form tool's header, or by the prompt of mvoscan's own form), questions (by
 * id, by question text in any scan language, or by a user mapping), ignored form-tool columns, or
 * not recognised (a warning, never scored). Cells are read straight into {@link Answers} and
 * checked by the checks {@link AnswersLoader} applies to an answers file, so the rules of §4 live
 * in one place; their problems are reported on the line and column they came from.
 *
 * <p>Headers, option labels and the mapping all compare after {@link #normalize}: what spreadsheets
 * do to text (subscript digits, curly quotes, no-break spaces, an ellipsis, line breaks) plays no
 * part, and neither does the default locale. A header saved in a code page that lacks a character
 * (Windows-1252 writes {@code CO?} for {@code CO₂}) still matches.
 */
public final class ClassCsv {

  /**
   * One good row: the line (or worksheet row) where its record starts, its answers, and its class:
   * the {@code klas} cell, else the default class, also for a row without a name (an anonymous
   * response has no respondent to carry it). {@code hidden} is {@link Visibility#hidden} of its
   * answers, worked out once for the file's notes and handed on to the scorer.
   */
  public record Row(int line, Answers answers, String className, Set<String> hidden) {
    public Row {
      hidden = Set.copyOf(hidden);
    }
  }

  /**
   * The import of one table. {@code problems} includes those of the table itself; by the contract
   * an import with any problem imports nothing. {@code warnings} are columns that are not used,
   * rows without a name and answers to hidden questions; {@code missing} are the scored questions
   * that no column answers and that at least one row leaves visible, in document order.
   */
  public record Result(
      List<Row> rows,
      List<CsvProblem> problems,
      List<CsvProblem> warnings,
      List<Question> missing) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * A column mapping read from a mapping file {@code {"columns": {"Header": "question_id"}}}. A
   * {@code null} target means: ignore this column; a target starting with {@code @} names a
   * metadata field ({@code "@naam"}, {@code "@class"}, …).
   */
  public record Mapping(Map<String, String> columns, List<JsonProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * The metadata fields: the headers of §7 that name them, and the prompts of mvoscan's own form
   * (Dutch, English) that a form built with {@code mvoscan template --form} uses as question texts.
   */
  public enum Meta {
    NAME("Je naam", "Your name", "naam", "name", "student"),
    ID("Je studentnummer", "Your student number", "studentnummer", "student_id"),
    CLASS("Je klas", "Your class", "klas", "class"),
    COMPANY("Naam van je stagebedrijf", "Name of your internship company", "bedrijf", "company"),
    KVK("KvK-nummer van het bedrijf", "KvK number of the company", "kvk"),
    CITY("Plaats van het bedrijf", "City of the company", "plaats", "city"),
    DATE(null, null, "datum", "date"),
    /** A form tool's time stamp: the response's date when there is no date column (§8.4). */
    TIMESTAMP(null, null, "tijdstempel", "timestamp", "tijd van voltooien", "completion time");

    final List<String> headers;
    private final String promptNl;
    private final String promptEn;

    Meta(String promptNl, String promptEn, String... headers) {
      this.promptNl = promptNl;
      this.promptEn = promptEn;
      this.headers = List.of(headers);
    }

    /** The prompt of mvoscan's own form for this field, or null (date and time stamp). */
    public String prompt(String language) {
      return "en".equals(language) ? promptEn : promptNl;
    }

    /** The name a mapping file uses for this field: {@code @} and its first §7 header. */
    public String mappingName() {
      return "@" + headers.get(0);
    }
  }

  /** Form-tool columns that carry nothing mvoscan stores; ignored without a warning (§8.4). */
  private static final Set<String> IGNORED =
      Set.of(
          "id",
          "begintijd",
          "start time",
          "tijd van laatste wijziging",
          "last modified time",
          "e-mail",
          "email",
          "e-mailadres",
          "email address",
          "submitdate",
          "startdate",
          "datestamp",
          "lastpage",
          "startlanguage",
          "seed");

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(?:[.,][0-9]+)?");
  private static final Pattern DUTCH_DATE = Pattern.compile("([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})");
  private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:?]+$");
  private static final Pattern TRAILING_HINT = Pattern.compile("\\s*\\([^()]*\\)$");

  private static final Map<String, Meta> META_HEADERS = new HashMap<>();

  static {
    for (Meta meta : Meta.values()) {
      meta.headers.forEach(h -> META_HEADERS.put(h, meta));
      for (String language : List.of("nl", "en")) {
        if (meta.prompt(language) != null) {
          META_HEADERS.put(metaKey(normalize(meta.prompt(language))), meta);
        }
      }
    }
  }

  /**
   * A time stamp: a date (ISO, {@code YYYY/MM/DD} or {@code D-M-YYYY}) and, after a space or {@code
   * T}, a time with optional seconds, fraction, AM/PM and zone ({@code Z}, {@code +01:00}, {@code
   * GMT+1}, {@code CET}).
   */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})"
              + "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
              + "(?: ?[AaPp]\\.?[Mm]\\.?)?"
              + "(?: ?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?|(?:GMT|UTC)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?|[A-Z]{3,4}))?)?");

  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /**
   * What a column holds: metadata, a question (with the language its header was written in), or
   * nothing.
   */
  private record Column(int index, String header, Meta meta, Question question, String language) {}

  /** A problem with the index of its column, to list a row's problems left to right. */
  private record Placed(int column, CsvProblem problem) {}

  private final Scan scan;
  private final TableRows table;
  private final String defaultClass;

  /** Columns without a header, and whether a row has had something in them (a warning). */
  private final Map<Integer, Boolean> unnamed = new LinkedHashMap<>();

  private final List<CsvProblem> problems = new ArrayList<>();
  private final List<Placed> warnings = new ArrayList<>();
  private final List<Column> columns = new ArrayList<>();
  private final Map<Meta, List<Column>> metaColumns = new EnumMap<>(Meta.class);
  private final Map<String, Column> questionColumns = new LinkedHashMap<>();
  private final Map<String, OptionIndex> optionIndexes = new HashMap<>();

  /** Per question with a column, how many good rows answered it while it was hidden for them. */
  private final Map<String, Integer> hiddenAnswers = new HashMap<>();

  /** How many good rows have been read. */
  private int goodRows;

  /** The questions with a {@code when} that at least one good row leaves visible. */
  private final Set<String> visibleSomewhere = new HashSet<>();

  /** The questions with a {@code when}, in document order: every good row looks at them. */
  private final List<Question> conditional;

  private ClassCsv(TableRows table, Scan scan, String defaultClass) {
    this.table = table;
    this.scan = scan;
    this.conditional = scan.questions().stream().filter(q -> q.when() != null).toList();
    this.defaultClass =
        defaultClass == null || CsvTable.isBlank(defaultClass) ? null : defaultClass.strip();
  }

  /**
   * Reads and imports a CSV file or an {@code .xlsx} workbook; see {@link #read(CsvTable, Scan,
   * Map, String)}.
   */
  public static Result read(
      Path file, Scan scan, Map<String, String> mapping, String defaultClass) {
    try (Reading reading = open(file, scan, mapping, defaultClass)) {
      return reading.collect();
    }
  }

  /**
   * Imports a CSV file or a workbook row by row: a CSV of any size takes the memory of one row. The
   * same rules as {@link #read(CsvTable, Scan, Map, String)}.
   */
  public static Reading open(
      Path file, Scan scan, Map<String, String> mapping, String defaultClass) {
    return new Reading(
        new ClassCsv(Tables.open(file), scan, defaultClass), mapping == null ? Map.of() : mapping);
  }

  /**
   * A table being imported: the header is resolved when it opens ({@link #missing}, the problems of
   * line 1), the rows as they are asked for. {@link #problems} and {@link #warnings} are complete
   * once {@link #next} has returned {@code null}.
   */
  public static final class Reading implements AutoCloseable {
    private final ClassCsv importer;

    private Reading(ClassCsv importer, Map<String, String> mapping) {
      this.importer = importer;
      importer.begin(mapping);
    }

    /**
     * The next good row, or {@code null} at the end; a bad row adds its problems and is skipped.
     */
    public Row next() {
      return importer.nextRow();
    }

    /** The problems so far, by line; a row's problems left to right. */
    public List<CsvProblem> problems() {
      return importer.sortedProblems();
    }

    /** Whether a problem has been found so far, without sorting them. */
    public boolean hasProblems() {
      importer.takeTableProblems();
      return !importer.problems.isEmpty();
    }

    /** Columns that are not used, left to right; complete at the end. */
    public List<CsvProblem> warnings() {
      return importer.notes();
    }

    /**
     * The scored questions that no column answers, in document order, but only those visible in at
     * least one good row (a question with no {@code when} always is): a question that every row
     * hides needs no column. Without any good row (a header alone) every one is listed. Complete
     * once {@link #next} has returned {@code null}.
     */
    public List<Question> missing() {
      return importer.missing();
    }

    /** Every row at once. */
    public Result collect() {
      List<Row> rows = new ArrayList<>();
      for (Row row = next(); row != null; row = next()) {
        rows.add(row);
      }
      return new Result(List.copyOf(rows), problems(), warnings(), missing());
    }

    @Override
    public void close() {
      importer.table.close();
    }
  }

  /**
   * Imports a table for a scan.
   *
   * @param mapping column header → question id, {@code @field} for metadata, or {@code null} to
   *     ignore that column; headers are compared like question texts; may be {@code null} or empty
   * @param defaultClass the class of every respondent whose {@code klas} cell is empty; may be
   *     {@code null}
   */
  public static Result read(
      CsvTable table, Scan scan, Map<String, String> mapping, String defaultClass) {
    try (Reading reading =
        new Reading(
            new ClassCsv(TableRows.of(table), scan, defaultClass),
            mapping == null ? Map.of() : mapping)) {
      return reading.collect();
    }
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
              if (value.isTextual()
                  && value.asText().startsWith("@")
                  && metaField(value.asText()) == null) {
                problems.add(
                    new JsonProblem(
                        pointer,
                        at.line(),
                        at.column(),
                        "csv.mappingUnknownField",
                        value.asText(),
                        mappingFields()));
                return;
              }
              String earlier = seen.put(stripped(normalize(entry.getKey())), entry.getKey());
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

  /** The metadata field a mapping target such as {@code @naam} or {@code @City} names, or null. */
  static Meta metaField(String target) {
    if (!target.startsWith("@")) {
      return null;
    }
    Meta meta = META_HEADERS.get(normalize(target.substring(1)));
    return meta != null && meta.headers.contains(normalize(target.substring(1))) ? meta : null;
  }

  private static String mappingFields() {
    List<String> names = new ArrayList<>();
    for (Meta meta : Meta.values()) {
      meta.headers.forEach(h -> names.add("@" + h));
    }
    return String.join(", ", names);
  }

  /**
   * The form in which texts are compared: Unicode NFKC (so {@code CO₂} is {@code co2}, an ellipsis
   * is three dots, a no-break space a space), curly quotes and dashes as their plain forms, white
   * space (line breaks too) collapsed to one space and trimmed, lower case in {@link Locale#ROOT}
   * without the dot that lower-casing İ leaves.
   */
  public static String normalize(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder plain = new StringBuilder(compatible.length());
    for (int i = 0; i < compatible.length(); i++) {
      char c = compatible.charAt(i);
      plain.append(
          switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> c;
          });
    }
    String lower = WHITESPACE.matcher(plain).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    return Normalizer.normalize(lower.replace("i\u0307", "i"), Normalizer.Form.NFC);
  }

  /**
   * A text as a program writes it in Windows-1252 when the code page lacks a character: {@code ?}
   * instead (Excel's plain "CSV" turns {@code CO₂} into {@code CO?}).
   */
  static String degraded(String text) {
    CharsetEncoder encoder = CsvTable.WINDOWS_1252.newEncoder();
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC)
        .codePoints()
        .forEach(
            cp -> {
              String s = new String(Character.toChars(cp));
              out.append(encoder.canEncode(s) ? s : "?");
            });
    return out.toString();
  }

  /** A normalized header without a trailing {@code :} or {@code ?}. */
  private static String stripped(String key) {
    return TRAILING_PUNCTUATION.matcher(key).replaceAll("");
  }

  /**
   * A normalized header as a metadata name: without a trailing {@code :} or {@code ?}, and without
   * a trailing hint in brackets ({@code "Je klas (mag leeg)"}).
   */
  private static String metaKey(String key) {
    String bare = stripped(key);
    String withoutHint = TRAILING_HINT.matcher(bare).replaceAll("");
    return withoutHint.isEmpty() ? bare : stripped(withoutHint);
  }

  private void begin(Map<String, String> mapping) {
    takeTableProblems(); // the table's own (an empty file, no header) before those of its header
    Map<String, String> normalizedMapping = new HashMap<>();
    // compared like question texts, after the same tolerant normalisation: a mapped "Vraag 3"
    // heads the Forms column "Vraag 3?" too
    mapping.forEach((header, id) -> normalizedMapping.put(stripped(normalize(header)), id));
    resolveColumns(normalizedMapping);
    columns.sort(Comparator.comparingInt(Column::index));
  }

  /** The table's own problems (bad records) and those of the rows, as they come. */
  private int tableProblemsTaken;

  private Row nextRow() {
    while (table.hasNext()) {
      CsvTable.Row row = table.next();
      takeTableProblems();
      unnamed.replaceAll((index, seen) -> seen || !CsvTable.isBlank(row.cell(index)));
      Row imported = importRow(row);
      if (imported != null) {
        Set<String> hidden = countVisibility(imported.answers());
        return new Row(imported.line(), imported.answers(), imported.className(), hidden);
      }
    }
    takeTableProblems();
    return null;
  }

  private void takeTableProblems() {
    List<CsvProblem> found = table.problems();
    while (tableProblemsTaken < found.size()) {
      problems.add(found.get(tableProblemsTaken++));
    }
  }

  private List<CsvProblem> sortedProblems() {
    takeTableProblems();
    List<CsvProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(CsvProblem::line)); // stable: a row's problems stay left to right
    return List.copyOf(sorted);
  }

  /**
   * Notes what a good row leaves hidden: its answers to hidden questions (ignored by scoring, kept
   * in storage and reported, §3.4) and which conditional questions it shows.
   */
  private Set<String> countVisibility(Answers answers) {
    goodRows++;
    Set<String> hidden = Visibility.hidden(scan, answers.answers());
    for (String id : answers.answers().keySet()) {
      if (hidden.contains(id)) {
        hiddenAnswers.merge(id, 1, Integer::sum);
      }
    }
    for (Question question : conditional) {
      if (!hidden.contains(question.id())) {
        visibleSomewhere.add(question.id());
      }
    }
    return hidden;
  }

  private List<Question> missing() {
    return table.header().isEmpty()
        ? List.of()
        : scan.scoredQuestions().stream()
            .filter(q -> !questionColumns.containsKey(q.id()))
            // without a good row nothing is known to hide it: a header alone is told in full
            .filter(q -> q.when() == null || goodRows == 0 || visibleSomewhere.contains(q.id()))
            .toList();
  }

  private List<CsvProblem> notes() {
    List<Placed> all = new ArrayList<>(warnings);
    List<String> header = table.header();
    for (Column column : questionColumns.values()) {
      Integer count = hiddenAnswers.get(column.question().id());
      if (count != null) {
        all.add(
            new Placed(
                column.index(),
                new CsvProblem(
                    1,
                    column.header(),
                    count == 1 ? "csv.hiddenAnswers.one" : "csv.hiddenAnswers.other",
                    count,
                    column.question().id(),
                    column.header())));
      }
    }
    unnamed.forEach(
        (index, seen) -> {
          if (seen) {
            all.add(
                new Placed(
                    index, new CsvProblem(1, header.get(index), "csv.unnamedColumn", index + 1)));
          }
        });
    return all.stream()
        .sorted(
            Comparator.comparingInt((Placed p) -> p.problem().line())
                .thenComparingInt(Placed::column))
        .map(Placed::problem)
        .toList();
  }

  // ---------------------------------------------------------------- header

  private void resolveColumns(Map<String, String> mapping) {
    Map<String, Question> byId = scan.questionsById();
    Map<String, Map<Question, String>> index = questionIndex();
    List<String> header = table.header();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i);
      String key = normalize(raw);
      if (key.isEmpty()) {
        unnamed.put(i, false); // warned about once a row has something in it
        continue;
      }
      if (mapping.containsKey(stripped(key))) {
        String target = mapping.get(stripped(key));
        if (target == null) {
          continue; // ignored on purpose
        }
        Meta meta = metaField(target);
        if (meta != null) {
          addMetaColumn(new Column(i, raw, meta, null, null));
          continue;
        }
        Question question = byId.get(target);
        if (question == null) {
          problems.add(
              new CsvProblem(1, raw, "csv.mappingUnknownQuestion", raw, target, scan.id()));
        } else {
          addQuestionColumn(new Column(i, raw, null, question, scan.defaultLanguage()));
        }
        continue;
      }
      String metaKey = metaKey(key);
      Meta meta = META_HEADERS.get(metaKey);
      if (meta != null) {
        addMetaColumn(new Column(i, raw, meta, null, null));
        continue;
      }
      if (IGNORED.contains(metaKey)) {
        continue;
      }
      Map<Question, String> matches = index.getOrDefault(stripped(key), Map.of());
      if (matches.isEmpty()) {
        unknown.add(i);
      } else if (matches.size() > 1) {
        String ids = String.join(", ", matches.keySet().stream().map(Question::id).toList());
        problems.add(new CsvProblem(1, raw, "csv.ambiguousHeader", raw, ids));
      } else {
        var match = matches.entrySet().iterator().next();
        addQuestionColumn(new Column(i, raw, null, match.getKey(), match.getValue()));
      }
    }
    for (int i : unknown) {
      String raw = header.get(i);
      List<Near> near = nearMiss(normalize(raw));
      if (near.isEmpty()) {
        warnings.add(new Placed(i, new CsvProblem(1, raw, "csv.unknownColumn", raw)));
      } else if (near.size() == 1) {
        warnings.add(
            new Placed(
                i,
                new CsvProblem(
                    1,
                    raw,
                    "csv.unknownColumnDidYouMean",
                    raw,
                    near.get(0).text(),
                    near.get(0).id())));
      } else if (near.size() == 2) {
        warnings.add(
            new Placed(
                i,
                new CsvProblem(
                    1,
                    raw,
                    "csv.unknownColumnDidYouMeanEither",
                    raw,
                    near.get(0).text(),
                    near.get(0).id(),
                    near.get(1).text(),
                    near.get(1).id())));
      } else {
        warnings.add(
            new Placed(
                i,
                new CsvProblem(
                    1,
                    raw,
                    "csv.unknownColumnDidYouMeanOneOf",
                    raw,
                    String.join(", ", near.stream().map(Near::id).toList()))));
      }
    }
    // a time stamp gives the date only when no column does (§8.4)
    if (metaColumns.containsKey(Meta.DATE)) {
      List<Column> stamps = metaColumns.remove(Meta.TIMESTAMP);
      if (stamps != null) {
        columns.removeAll(stamps);
      }
    }
    if (columns.isEmpty() && !header.isEmpty() && problems.isEmpty()) {
      // otherwise every row would be stored as an empty response of no one
      problems.add(new CsvProblem(1, null, "csv.noKnownColumn", scan.id()));
    } else if (!columns.isEmpty()
        && problems.isEmpty()
        && columns.stream().allMatch(c -> c.question() == null)) {
      // names and classes alone would store an empty response per student: no scan was filled in
      problems.add(new CsvProblem(1, null, "csv.noQuestionColumn", scan.id()));
    }
  }

  /**
   * Every normalized form (without a trailing {@code ?} or {@code :}) under which a question can
   * head a column: its id and its text in each language, also as Windows-1252 would have saved it.
   */
  private Map<String, Map<Question, String>> questionIndex() {
    Map<String, Map<Question, String>> index = new HashMap<>();
    for (Question question : scan.questions()) {
      index
          .computeIfAbsent(stripped(normalize(question.id())), k -> new LinkedHashMap<>())
          .putIfAbsent(question, scan.defaultLanguage());
      for (String language : scan.languages()) {
        String text = question.text().in(language, scan.defaultLanguage());
        for (String form : List.of(text, degraded(text))) {
          index
              .computeIfAbsent(stripped(normalize(form)), k -> new LinkedHashMap<>())
              .putIfAbsent(question, language);
        }
      }
    }
    return index;
  }

  /** What a header that matches nothing most likely means: a prompt and its id or field. */
  private record Near(String text, String id) {}

  /** How close a candidate is to a header: its score and, unless cut short, its edits. */
  private record Closeness(Near near, double score, boolean prefix, int distance) {}

  /**
   * What a header most likely means when it matches nothing exactly (exact matches are all made
   * before this is asked, so one always wins): one of the scan's question texts, or a prompt of
   * mvoscan's own form for a metadata field, within a quarter of its length in edits, or a header
   * of at least 12 characters that such a text starts with (a header cut short). A header that
   * holds a whole text and more ("Punten - …", "Feedback - …" of a Forms quiz) is another column
   * about that question, not a misspelling of it. Empty when nothing is that close, or when the
   * question or field already has a column. More than one when others are as close as the best (a
   * header worded for both twins of a question, "… van het bedrijf of de organisatie?"): naming one
   * of them would be a guess.
   */
  private List<Near> nearMiss(String key) {
    String header = stripped(key);
    List<Near> candidates = new ArrayList<>();
    String language = headerLanguage();
    for (Question question : scan.questions()) {
      if (questionColumns.containsKey(question.id())) {
        continue;
      }
      for (String l : scan.languages()) {
        candidates.add(new Near(question.text().in(l, scan.defaultLanguage()), question.id()));
      }
    }
    for (Meta meta : Meta.values()) {
      if (meta.prompt("nl") == null || metaColumns.containsKey(meta)) {
        continue;
      }
      for (String l : List.of("nl", "en")) {
        candidates.add(new Near(meta.prompt(l), meta.mappingName()));
      }
    }
    // per question or field its closest text, in any language
    Map<String, Closeness> byId = new LinkedHashMap<>();
    Closeness best = null;
    for (Near candidate : candidates) {
      String text = stripped(normalize(candidate.text()));
      if (text.isEmpty()) {
        continue;
      }
      Closeness closeness;
      if (header.length() > text.length() + 2 && header.contains(text)) {
        // never the best one, but as close as the best when the header names both twins; a
        // letter or two more is a typo ("duurzaamheidd"), not another column
        closeness = new Closeness(candidate, 0, false, distance(header, text));
      } else if (header.length() >= 12 && text.startsWith(header)) {
        closeness = new Closeness(candidate, 0.9, true, 0);
      } else {
        int longest = Math.max(header.length(), text.length());
        int distance = distance(header, text);
        closeness = new Closeness(candidate, 1 - (double) distance / longest, false, distance);
        if (Math.abs(header.length() - text.length()) > longest / 4) {
          // too far to be the best, but it can still be as close as the best one (a twin)
          closeness = new Closeness(candidate, 0, false, distance);
        }
      }
      Closeness known = byId.get(candidate.id());
      if (known == null || closer(closeness, known)) {
        byId.put(candidate.id(), closeness);
      }
      if (closeness.score() >= 0.75 && (best == null || closeness.score() > best.score())) {
        best = closeness;
      }
    }
    if (best == null) {
      return List.of();
    }
    // in document order: none of them is more likely than the other
    List<Near> named = new ArrayList<>();
    for (Closeness other : byId.values()) {
      if (other.near().id().equals(best.near().id()) || asClose(other, best)) {
        named.add(other.near());
      }
    }
    // named in the language the other headers are written in
    return named.stream()
        .map(
            near ->
                near.id().startsWith("@")
                    ? near
                    : new Near(
                        scan.questionsById()
                            .get(near.id())
                            .text()
                            .in(language, scan.defaultLanguage()),
                        near.id()))
        .toList();
  }

  private static boolean closer(Closeness a, Closeness b) {
    if (a.prefix() != b.prefix()) {
      return a.prefix();
    }
    return a.prefix() ? a.score() > b.score() : a.distance() < b.distance();
  }

  /**
   * Whether {@code other} is as likely as {@code best}: both texts start with a header cut short,
   * or {@code other} needs at most a quarter more edits (at least one more) than the best.
   */
  private static boolean asClose(Closeness other, Closeness best) {
    if (best.prefix()) {
      return other.prefix();
    }
    return !other.prefix()
        && other.distance() <= best.distance() + Math.max(1, best.distance() / 4);
  }

  /** Levenshtein distance, two rows of memory. */
  static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }

  /** The scan language a header is most likely written in: the one most of the matched use. */
  private String headerLanguage() {
    Map<String, Integer> counts = new HashMap<>();
    questionColumns.values().forEach(c -> counts.merge(c.language(), 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(scan.defaultLanguage());
  }

  private void addMetaColumn(Column column) {
    List<Column> same = metaColumns.computeIfAbsent(column.meta(), m -> new ArrayList<>());
    if (!same.isEmpty() && column.meta() != Meta.TIMESTAMP) {
      warnings.add(
          new Placed(
              column.index(),
              new CsvProblem(
                  1,
                  column.header(),
                  "csv.duplicateMetadata",
                  same.get(0).header(),
                  column.header())));
    }
    same.add(column);
    columns.add(column);
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

  // ---------------------------------------------------------------- rows

  private Row importRow(CsvTable.Row row) {
    int line = row.line();
    List<Placed> rowProblems = new ArrayList<>();
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    Map<Meta, Column> meta = new EnumMap<>(Meta.class);
    Map<Meta, String> values = new EnumMap<>(Meta.class);
    for (Column column : columns) {
      String cell = row.cell(column.index());
      if (CsvTable.isBlank(cell)) {
        continue;
      }
      if (column.meta() != null) {
        // of several columns for one field, the first filled one counts
        if (!values.containsKey(column.meta())) {
          values.put(column.meta(), strip(cell));
          meta.put(column.meta(), column);
        }
        continue;
      }
      AnswerValue value = value(column, cell, line, rowProblems);
      if (value != null
          && AnswersLoader.valid(column.question(), value, "", at(line, column, rowProblems))) {
        String id = column.question().id();
        answers.put(id, new Answers.Answer(id, value, null, null));
      }
    }
    Map<Meta, Column> used = new EnumMap<>(Meta.class);
    metaColumns.forEach((field, list) -> used.put(field, meta.getOrDefault(field, list.get(0))));
    String className = values.getOrDefault(Meta.CLASS, defaultClass);
    Answers.Respondent respondent = respondent(values, used, className, line, rowProblems);
    Answers.Company company = company(values, used, line, rowProblems);
    LocalDate date = date(values, used, line, rowProblems);
    // a column's problems left to right, several of one column in the order they were found
    rowProblems.sort(Comparator.comparingInt(Placed::column));
    rowProblems.forEach(p -> problems.add(p.problem()));
    if (!rowProblems.isEmpty()) {
      return null;
    }
    return new Row(
        line,
        new Answers(scan.id(), scan.version(), respondent, company, date, null, answers),
        className,
        Set.of());
  }

  /**
   * Where the checks of {@link AnswersLoader} report on a cell: its line and column, or no column
   * ({@code null}) for the default class, which no cell holds.
   */
  private static AnswersLoader.Sink at(int line, Column column, List<Placed> rowProblems) {
    return (pointer, key, args) ->
        rowProblems.add(
            new Placed(
                column == null ? -1 : column.index(),
                new CsvProblem(line, column == null ? null : column.header(), key, args)));
  }

  /**
   * The respondent of a row with a name, its fields checked as an answers file's are (§4); null
   * when a field has a problem. A row without a name is an anonymous response (§4: an answers file
   * may have no respondent), its class kept.
   */
  private Answers.Respondent respondent(
      Map<Meta, String> meta,
      Map<Meta, Column> used,
      String className,
      int line,
      List<Placed> rowProblems) {
    if (!meta.containsKey(Meta.NAME)) {
      if (used.containsKey(Meta.NAME) || meta.containsKey(Meta.ID)) {
        // said per row, since a forgotten name is worth a look, and a student number cannot be
        // stored without one
        Column at = used.getOrDefault(Meta.NAME, used.get(Meta.ID));
        warnings.add(
            meta.containsKey(Meta.ID)
                ? placed(line, at, "csv.anonymousRowNumber", meta.get(Meta.ID))
                : placed(line, at, "csv.anonymousRow"));
      }
      return null;
    }
    String name = meta.get(Meta.NAME);
    String id = meta.get(Meta.ID);
    boolean ok = AnswersLoader.field(name, "", at(line, used.get(Meta.NAME), rowProblems));
    if (id != null) {
      ok &= AnswersLoader.field(id, "", at(line, used.get(Meta.ID), rowProblems));
    }
    if (className != null) {
      ok &= AnswersLoader.field(className, "", at(line, used.get(Meta.CLASS), rowProblems));
    }
    return ok ? new Answers.Respondent(AnswersLoader.name(name), id, className, null) : null;
  }

  /**
   * The company of a row that names one, its fields checked as an answers file's are (§4); null
   * when there is none or a field has a problem.
   */
  private Answers.Company company(
      Map<Meta, String> meta, Map<Meta, Column> used, int line, List<Placed> rowProblems) {
    if (!meta.containsKey(Meta.COMPANY)) {
      if (meta.containsKey(Meta.KVK) || meta.containsKey(Meta.CITY)) {
        Meta at = meta.containsKey(Meta.KVK) ? Meta.KVK : Meta.CITY;
        rowProblems.add(
            placed(
                line,
                used.get(used.containsKey(Meta.COMPANY) ? Meta.COMPANY : at),
                "csv.missingCompany"));
      }
      return null;
    }
    String name = meta.get(Meta.COMPANY);
    String kvk = meta.get(Meta.KVK);
    if (kvk != null && kvk.matches("[0-9]{7}")) {
      // Excel drops the leading zero of a KvK number typed into a number cell
      Column column = used.get(Meta.KVK);
      warnings.add(
          new Placed(
              column.index(),
              new CsvProblem(line, column.header(), "csv.kvkRestored", kvk, "0" + kvk)));
      kvk = "0" + kvk;
    }
    String city = meta.get(Meta.CITY);
    boolean ok = AnswersLoader.field(name, "", at(line, used.get(Meta.COMPANY), rowProblems));
    if (kvk != null) {
      ok &= AnswersLoader.field(kvk, "", at(line, used.get(Meta.KVK), rowProblems));
    }
    if (city != null) {
      ok &= AnswersLoader.field(city, "", at(line, used.get(Meta.CITY), rowProblems));
    }
    if (!ok) {
      return null;
    }
    AnswersLoader.kvk(kvk, "", at(line, used.get(Meta.KVK), rowProblems));
    return new Answers.Company(name, kvk, city, null);
  }

  /**
   * The date of a row: its date cell, else the date of its form tool's time stamp (§8.4), in the
   * years an answers file may name; null when there is none or it is bad.
   */
  private LocalDate date(
      Map<Meta, String> meta, Map<Meta, Column> used, int line, List<Placed> rowProblems) {
    String date = meta.get(Meta.DATE);
    LocalDate parsed;
    Column column;
    if (date != null) {
      column = used.get(Meta.DATE);
      parsed = parseDate(date);
      if (parsed == null) {
        rowProblems.add(placed(line, column, "csv.badDate", date));
        return null;
      }
    } else if (meta.containsKey(Meta.TIMESTAMP) && !used.containsKey(Meta.DATE)) {
      column = used.get(Meta.TIMESTAMP);
      String stamp = meta.get(Meta.TIMESTAMP);
      parsed = parseTimestamp(stamp);
      if (parsed == null) {
        rowProblems.add(placed(line, column, "csv.badTimestamp", stamp));
        return null;
      }
    } else {
      return null;
    }
    // as an answers file writes it: the message shows the date as ISO, whatever the cell wrote
    AnswersLoader.plausible(parsed, parsed.toString(), "", at(line, column, rowProblems));
    return parsed;
  }

  private static Placed placed(int line, Column column, String key, Object... args) {
    return new Placed(column.index(), new CsvProblem(line, column.header(), key, args));
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
      return date(m.group(3), m.group(2), m.group(1));
    }
    return null;
  }

  /**
   * The date part of a form tool's time stamp (§8.4): an ISO date-time ({@code
   * 2026-03-05T09:14:02}, also with a space, a fraction or a zone), {@code 2026/03/05 9:14:02 AM
   * GMT+1} (Google Forms) or {@code 5-3-2026 9:14:02} (a Dutch Google Sheet); the date as written,
   * whatever the zone. A real date, else null.
   */
  static LocalDate parseTimestamp(String text) {
    Matcher m = TIMESTAMP.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    String date = m.group("date");
    if (date.indexOf('/') > 0) {
      String[] parts = date.split("/");
      return date(parts[0], parts[1], parts[2]);
    }
    return parseDate(date);
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The answer a non-blank cell gives to its question, as an answers file would write it; null
   * after reporting a problem. Whether the answer is good (a number in range, an option not
   * repeated) is {@link AnswersLoader#valid}'s to say.
   */
  private AnswerValue value(Column column, String cell, int line, List<Placed> rowProblems) {
    Question question = column.question();
    return switch (question.type()) {
      case TEXT -> AnswerValue.text(cell);
      case NUMBER -> {
        String text = strip(cell);
        if (Limits.tooManyDigits(text)) {
          // reading a number of a million digits exactly takes minutes: refuse it unread, as JSON
          // does
          rowProblems.add(
              new Placed(
                  column.index(),
                  new CsvProblem(
                      line,
                      column.header(),
                      "csv.numberTooLong",
                      Limits.digits(text),
                      Limits.MAX_DIGITS)));
          yield null;
        }
        if (question.integer()) {
          text = WholeNumbers.withoutThousands(text);
        }
        if (!NUMBER.matcher(text).matches()) {
          rowProblems.add(
              new Placed(
                  column.index(),
                  new CsvProblem(
                      line,
                      column.header(),
                      // the hint says which thousands §8.4 reads: in a whole number only
                      question.integer() ? "csv.notWholeNumber" : "csv.notNumber",
                      strip(cell))));
          yield null;
        }
        BigDecimal number = new BigDecimal(text.replace(',', '.'));
        yield AnswerValue.number(new BigDecimal(number.stripTrailingZeros().toPlainString()));
      }
      case CHOICE -> {
        String id = option(column, strip(cell), line, rowProblems);
        yield id == null ? null : AnswerValue.choice(id);
      }
      case MULTI -> multi(column, cell, line, rowProblems);
    };
  }

  /**
   * A multi cell split into options: separated by {@code ;}, {@code |} or {@code ,} with optional
   * spaces (§7, §8.4), a trailing separator allowed (Microsoft Forms writes {@code A;B;}). The cell
   * is read by matching the longest option labels or ids first, so a label that itself contains a
   * separator stays whole; when that leaves a remainder, shorter matches are tried before the cell
   * is bad.
   */
  private AnswerValue multi(Column column, String cell, int line, List<Placed> rowProblems) {
    Question question = column.question();
    OptionIndex options = optionIndex(question);
    String text = options.normalized(cell);
    Set<String> whole = options.ids(text);
    if (whole.size() == 1) {
      return AnswerValue.multi(List.of(whole.iterator().next()));
    }
    List<String> keys = new ArrayList<>();
    int[] furthest = {0};
    if (!split(text, 0, options, keys, furthest, new HashSet<>())) {
      String remainder = remainder(cell, text, furthest[0]);
      rowProblems.add(
          new Placed(
              column.index(),
              new CsvProblem(
                  line, column.header(), "csv.unknownOption", remainder, labels(column))));
      return null;
    }
    List<String> list = new ArrayList<>(keys.size());
    for (String key : keys) {
      Set<String> ids = options.ids(key);
      if (ids.size() > 1) {
        rowProblems.add(
            new Placed(
                column.index(),
                new CsvProblem(
                    line, column.header(), "csv.ambiguousOption", key, String.join(", ", ids))));
        return null;
      }
      list.add(ids.iterator().next()); // a duplicate is left for AnswersLoader to report
    }
    return list.isEmpty() ? null : AnswerValue.multi(list);
  }

  /**
   * Splits {@code text} from {@code at} into option keys, longest match first, backtracking when
   * the rest cannot be read; {@code furthest} records how far any attempt got, {@code failed} the
   * positions already known to lead nowhere.
   */
  private static boolean split(
      String text,
      int at,
      OptionIndex options,
      List<String> keys,
      int[] furthest,
      Set<Integer> failed) {
    int start = skip(text, at, " ;|,");
    if (start >= text.length()) {
      return true;
    }
    if (failed.contains(start)) {
      return false;
    }
    furthest[0] = Math.max(furthest[0], start);
    for (String key : options.longestFirst()) {
      if (!text.startsWith(key, start)) {
        continue;
      }
      int end = start + key.length();
      int next = skip(text, end, " ");
      if (next < text.length() && ";|,".indexOf(text.charAt(next)) < 0) {
        continue; // the key is only the start of a longer word
      }
      keys.add(key);
      if (split(text, next, options, keys, furthest, failed)) {
        return true;
      }
      keys.remove(keys.size() - 1);
    }
    failed.add(start);
    return false;
  }

  private static int skip(String text, int at, String chars) {
    int i = at;
    while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * The part of a cell that no option matched, as written: from the separator-delimited piece that
   * starts at {@code at} in the normalized text.
   */
  private static String remainder(String cell, String normalized, int at) {
    String rest = normalized.substring(at);
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      if (";|,".indexOf(rest.charAt(i)) >= 0) {
        end = i;
        break;
      }
    }
    String piece = rest.substring(0, end).strip();
    // show the user's own spelling when the piece can be found in the cell
    int found = cell.toLowerCase(Locale.ROOT).indexOf(piece);
    return found >= 0 ? cell.substring(found, found + piece.length()) : piece;
  }

  /**
   * The option id a value names, by id or by label in any scan language; null after reporting a
   * problem.
   */
  private String option(Column column, String value, int line, List<Placed> rowProblems) {
    OptionIndex options = optionIndex(column.question());
    Set<String> ids = options.ids(options.normalized(value));
    if (ids.size() == 1) {
      return ids.iterator().next();
    }
    String key;
    Object[] args;
    if (ids.isEmpty()) {
      key = "csv.unknownOption";
      args = new Object[] {value, labels(column)};
    } else {
      key = "csv.ambiguousOption";
      args = new Object[] {value, String.join(", ", ids)};
    }
    rowProblems.add(new Placed(column.index(), new CsvProblem(line, column.header(), key, args)));
    return null;
  }

  private String labels(Column column) {
    return String.join(
        ", ",
        column.question().options().stream()
            .map(o -> o.label().in(column.language(), scan.defaultLanguage()))
            .toList());
  }

  private OptionIndex optionIndex(Question question) {
    OptionIndex index = optionIndexes.get(question.id());
    if (index == null) {
      index = new OptionIndex(question, scan);
      optionIndexes.put(question.id(), index);
    }
    return index;
  }

  /**
   * The normalized forms that name a question's options: ids and labels in every scan language,
   * also as Windows-1252 would have saved them.
   */
  private static final class OptionIndex {
    private final Map<String, Set<String>> byKey = new HashMap<>();
    private final Set<String> idKeys = new HashSet<>();
    private final List<String> longestFirst;

    /**
     * Cells as written and their normalized forms: a column holds the same few labels in every row,
     * and normalizing (two Unicode normalizations and a pattern) was the largest part of reading a
     * cell. Bounded, so a column of free spellings keeps the memory of a few hundred.
     */
    private final Map<String, String> normalizedCells = new HashMap<>();

    private static final int CELLS_REMEMBERED = 256;

    OptionIndex(Question question, Scan scan) {
      for (Option option : question.options()) {
        String id = normalize(option.id());
        idKeys.add(id);
        byKey.put(id, new LinkedHashSet<>(List.of(option.id())));
      }
      for (Option option : question.options()) {
        for (String language : scan.languages()) {
          String label = option.label().in(language, scan.defaultLanguage());
          for (String form : List.of(label, degraded(label))) {
            String key = normalize(form);
            if (!idKeys.contains(key)) {
              byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(option.id());
            }
          }
        }
      }
      List<String> keys = new ArrayList<>(byKey.keySet());
      keys.removeIf(String::isEmpty);
      keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(k -> k));
      longestFirst = List.copyOf(keys);
    }

    /** {@link ClassCsv#normalize} of a cell of this question's column. */
    String normalized(String cell) {
      String known = normalizedCells.get(cell);
      if (known == null) {
        known = normalize(cell);
        if (normalizedCells.size() < CELLS_REMEMBERED) {
          normalizedCells.put(cell, known);
        }
      }
      return known;
    }

    /** The ids a normalized value names: an option id wins, else every option with that label. */
    Set<String> ids(String key) {
      return byKey.getOrDefault(key, Set.of());
    }

    List<String> longestFirst() {
      return longestFirst;
    }
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
