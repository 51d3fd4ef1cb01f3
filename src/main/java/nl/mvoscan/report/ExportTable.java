package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.store.ExportQueries;
import nl.mvoscan.store.Names;
import nl.mvoscan.store.ResponseDetails;

/**
 * The rows and stable columns of {@code mvoscan export}, before they become CSV or JSON. Column
 * names are a promise to scripts: see {@code docs/export.md}.
 *
 * <p>A cell is a {@link String} (text), a {@link BigDecimal} (number), a {@link JsonNode} (an
 * answer value as stored) or {@code null} (no value).
 */
public record ExportTable(List<Column> columns, List<List<Object>> rows) {

  /** What a column holds; only text is ever guarded against spreadsheet formulas. */
  public enum Kind {
    TEXT,
    NUMBER,
    VALUE
  }

  public record Column(String name, Kind kind) {}

  /** The fixed columns of the wide export; theme columns follow. */
  public static final List<String> WIDE_COLUMNS =
      List.of(
          "response_id",
          "school_year",
          "class",
          "student",
          "student_number",
          "company",
          "kvk",
          "city",
          "date",
          "scan_id",
          "scan_version",
          "status",
          "score",
          "coverage",
          "grade",
          "level");

  /** The columns of the long export. */
  public static final List<String> LONG_COLUMNS =
      List.of(
          "response_id",
          "school_year",
          "class",
          "student",
          "company",
          "question_id",
          "value",
          "evidence",
          "note",
          "status",
          "points");

  private static final Set<String> NUMBER_COLUMNS =
      Set.of("response_id", "score", "coverage", "grade", "points");

  public ExportTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** Receives the rows of an export as they are made. */
  @FunctionalInterface
  public interface RowSink {
    void row(List<Object> row);
  }

  /**
   * An export whose rows are made while the responses are read: the columns first, then {@link
   * #write} hands each row to a sink, so no row is kept after it is written.
   */
  public static final class Streamed {
    private final List<Column> columns;
    private final ExportQueries.Source source;
    private final Converter converter;

    private Streamed(List<Column> columns, ExportQueries.Source source, Converter converter) {
      this.columns = List.copyOf(columns);
      this.source = source;
      this.converter = converter;
    }

    public List<Column> columns() {
      return columns;
    }

    public List<String> names() {
      return columns.stream().map(Column::name).toList();
    }

    /** Writes every row to {@code sink}; returns how many. */
    public int write(RowSink sink) {
      int[] rows = {0};
      source.forEach(
          (response, answers) ->
              converter.rows(
                  response,
                  answers,
                  row -> {
                    rows[0]++;
                    sink.row(row);
                  }));
      return rows[0];
    }
  }

  /** Turns one response into its rows. */
  private interface Converter {
    void rows(ExportQueries.Response response, List<ResponseDetails.Answer> answers, RowSink sink);
  }

  /**
   * One row per response. Theme columns {@code theme_<id>_score} follow the fixed ones: each scan's
   * themes in document order; for responses of several scans the union in order of first
   * appearance. With {@code anonymize} names become pseudonyms and {@code student_number} is left
   * out.
   */
  public static ExportTable wide(ExportQueries.Data data, boolean anonymize) {
    Set<String> themeIds = new LinkedHashSet<>();
    data.responses().forEach(r -> r.themes().forEach(t -> themeIds.add(t.id())));
    return collect(wide(memory(data), themeIds, anonymize));
  }

  /** {@link #wide(ExportQueries.Data, boolean)}, row by row as {@code source} reads them. */
  public static Streamed wide(ExportQueries.Source source, boolean anonymize) {
    return wide(source, source.themeIds(), anonymize);
  }

  private static Streamed wide(
      ExportQueries.Source source, Set<String> themeIds, boolean anonymize) {
    Pseudonyms pseudonyms = anonymize ? new Pseudonyms(source) : null;
    List<Column> columns = new ArrayList<>();
    for (String name : WIDE_COLUMNS) {
      if (!(anonymize && name.equals("student_number"))) {
        columns.add(column(name));
      }
    }
    themeIds.forEach(id -> columns.add(new Column("theme_" + id + "_score", Kind.NUMBER)));
    return new Streamed(
        columns,
        source,
        (r, answers, sink) -> {
          List<Object> row = new ArrayList<>(columns.size());
          row.add(BigDecimal.valueOf(r.id()));
          row.add(r.schoolYear());
          row.add(text(r.className(), pseudonyms));
          row.add(anonymize ? pseudonyms.of(r) : r.student());
          if (!anonymize) {
            row.add(r.studentNumber());
          }
          row.add(text(r.company(), pseudonyms));
          row.add(r.kvk());
          row.add(text(r.city(), pseudonyms));
          row.add(r.date());
          row.add(r.scanId());
          row.add(r.scanVersion());
          row.add(r.status());
          row.add(r.score());
          row.add(r.coverage());
          row.add(r.grade());
          row.add(r.level());
          Map<String, BigDecimal> scores = new HashMap<>();
          r.themes().forEach(t -> scores.put(t.id(), t.score()));
          themeIds.forEach(id -> row.add(scores.get(id)));
          sink.row(row);
        });
  }

  /** One row per stored answer, per response in the scan's document order. */
  public static ExportTable answers(ExportQueries.Data data, boolean anonymize) {
    return collect(answers(memory(data), anonymize));
  }

  /** {@link #answers(ExportQueries.Data, boolean)}, row by row as {@code source} reads them. */
  public static Streamed answers(ExportQueries.Source source, boolean anonymize) {
    Pseudonyms pseudonyms = anonymize ? new Pseudonyms(source) : null;
    List<Column> columns = LONG_COLUMNS.stream().map(ExportTable::column).toList();
    return new Streamed(
        columns,
        source,
        (r, answers, sink) -> {
          BigDecimal id = BigDecimal.valueOf(r.id());
          String className = text(r.className(), pseudonyms);
          String student = anonymize ? pseudonyms.of(r) : r.student();
          String company = text(r.company(), pseudonyms);
          for (ResponseDetails.Answer a : answers) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(id);
            row.add(r.schoolYear());
            row.add(className);
            row.add(student);
            row.add(company);
            row.add(a.questionId());
            row.add(
                anonymize && a.value().isTextual()
                    ? TextNode.valueOf(pseudonyms.scrub(a.value().asText()))
                    : a.value());
            row.add(text(a.evidence(), pseudonyms));
            row.add(text(a.note(), pseudonyms));
            row.add(a.status());
            row.add(a.points());
            sink.row(row);
          }
        });
  }

  private static ExportTable collect(Streamed streamed) {
    List<List<Object>> rows = new ArrayList<>();
    streamed.write(rows::add);
    return new ExportTable(streamed.columns(), rows);
  }

  /** Data read before as a source, so a table in memory is made as a streamed one. */
  private static ExportQueries.Source memory(ExportQueries.Data data) {
    return new ExportQueries.Source() {
      @Override
      public Map<String, List<Long>> respondentsByClass() {
        return data.respondentsByClass();
      }

      @Override
      public List<ExportQueries.Student> students() {
        Map<Long, ExportQueries.Student> students = new LinkedHashMap<>();
        for (ExportQueries.Response r : data.responses()) {
          if (r.respondentId() != null) {
            students.putIfAbsent(
                r.respondentId(),
                new ExportQueries.Student(
                    r.respondentId(), r.student(), r.studentNumber(), r.className()));
          }
        }
        return List.copyOf(students.values());
      }

      @Override
      public List<ExportQueries.Known> known() {
        return data.known();
      }

      @Override
      public Set<String> themeIds() {
        Set<String> ids = new LinkedHashSet<>();
        data.responses().forEach(r -> r.themes().forEach(t -> ids.add(t.id())));
        return ids;
      }

      @Override
      public void forEach(ExportQueries.Sink sink) {
        data.responses()
            .forEach(r -> sink.accept(r, data.answers().getOrDefault(r.id(), List.of())));
      }
    };
  }

  private static Column column(String name) {
    return new Column(
        name,
        name.equals("value")
            ? Kind.VALUE
            : NUMBER_COLUMNS.contains(name) ? Kind.NUMBER : Kind.TEXT);
  }

  private static String text(String value, Pseudonyms pseudonyms) {
    return pseudonyms == null || value == null ? value : pseudonyms.scrub(value);
  }

  /**
   * {@code Student 01}, {@code Student 02}… per class, numbered by the student's database id among
   * every student with a response in that class, so exporting again gives the same pseudonyms. A
   * student's name or student number written in a free-text cell (a note, a text answer) is
   * replaced too, found as {@link Names} finds people: in capitals, with odd spaces or soft
   * hyphens, in another normal form. Any other student the database knows (another class, school or
   * year, or not finished yet) becomes {@value #OTHER} there: their pseudonym would name an
   * exported student of the same number, and their name must not survive a narrow selection.
   */
  static final class Pseudonyms {
    /** What replaces a student who is not in the export. */
    static final String OTHER = "[student]";

    private final Map<String, List<Long>> byClass;
    private final Names.Scrubber scrubber;

    Pseudonyms(ExportQueries.Source source) {
      this.byClass = source.respondentsByClass();
      Map<Long, Names.Person> people = new LinkedHashMap<>();
      for (ExportQueries.Student s : source.students()) {
        if (s.name() != null && !s.name().isBlank()) {
          people.putIfAbsent(
              s.respondentId(),
              new Names.Person(s.name(), s.studentNumber(), of(s.respondentId(), s.className())));
        }
      }
      // after the exported students, so a name two students share becomes the exported one's
      List<Names.Person> everyone = new ArrayList<>(people.values());
      for (ExportQueries.Known k : source.known()) {
        if (k.name() != null
            && !k.name().isBlank()
            && (k.respondentId() == null || !people.containsKey(k.respondentId()))) {
          everyone.add(new Names.Person(k.name(), k.studentNumber(), OTHER));
        }
      }
      this.scrubber = new Names.Scrubber(everyone);
    }

    String of(ExportQueries.Response r) {
      return r.respondentId() == null ? null : of(r.respondentId(), r.className());
    }

    private String of(long respondentId, String className) {
      List<Long> ids = byClass.getOrDefault(className == null ? "" : className, List.of());
      // the ids are ascending: a search, not a scan, so a cohort of thousands stays linear
      int found = Collections.binarySearch(ids, respondentId);
      int number = found < 0 ? 0 : found + 1;
      int width = Math.max(2, Integer.toString(ids.size()).length());
      return "Student " + String.format(java.util.Locale.ROOT, "%0" + width + "d", number);
    }

    String scrub(String text) {
      return scrubber.scrub(text);
    }
  }
}
