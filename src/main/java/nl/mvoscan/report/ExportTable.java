package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * One row per response. Theme columns {@code theme_<id>_score} follow the fixed ones: each scan's
   * themes in document order; for responses of several scans the union in order of first
   * appearance. With {@code anonymize} names become pseudonyms and {@code student_number} is left
   * out.
   */
  public static ExportTable wide(ExportQueries.Data data, boolean anonymize) {
    Pseudonyms pseudonyms = anonymize ? new Pseudonyms(data) : null;
    Set<String> themeIds = new LinkedHashSet<>();
    data.responses().forEach(r -> r.themes().forEach(t -> themeIds.add(t.id())));
    List<Column> columns = new ArrayList<>();
    for (String name : WIDE_COLUMNS) {
      if (!(anonymize && name.equals("student_number"))) {
        columns.add(column(name));
      }
    }
    themeIds.forEach(id -> columns.add(new Column("theme_" + id + "_score", Kind.NUMBER)));
    List<List<Object>> rows = new ArrayList<>();
    for (ExportQueries.Response r : data.responses()) {
      List<Object> row = new ArrayList<>();
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
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      r.themes().forEach(t -> scores.put(t.id(), t.score()));
      themeIds.forEach(id -> row.add(scores.get(id)));
      rows.add(row);
    }
    return new ExportTable(columns, rows);
  }

  /** One row per stored answer, per response in the scan's document order. */
  public static ExportTable answers(ExportQueries.Data data, boolean anonymize) {
    Pseudonyms pseudonyms = anonymize ? new Pseudonyms(data) : null;
    List<Column> columns = LONG_COLUMNS.stream().map(ExportTable::column).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (ExportQueries.Response r : data.responses()) {
      for (ResponseDetails.Answer a : data.answers().getOrDefault(r.id(), List.of())) {
        List<Object> row = new ArrayList<>();
        row.add(BigDecimal.valueOf(r.id()));
        row.add(r.schoolYear());
        row.add(text(r.className(), pseudonyms));
        row.add(anonymize ? pseudonyms.of(r) : r.student());
        row.add(text(r.company(), pseudonyms));
        row.add(a.questionId());
        row.add(
            anonymize && a.value().isTextual()
                ? TextNode.valueOf(pseudonyms.scrub(a.value().asText()))
                : a.value());
        row.add(text(a.evidence(), pseudonyms));
        row.add(text(a.note(), pseudonyms));
        row.add(a.status());
        row.add(a.points());
        rows.add(row);
      }
    }
    return new ExportTable(columns, rows);
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
   * hyphens, in another normal form.
   */
  static final class Pseudonyms {
    private final Map<String, List<Long>> byClass;
    private final Names.Scrubber scrubber;

    Pseudonyms(ExportQueries.Data data) {
      this.byClass = data.respondentsByClass();
      Map<Long, Names.Person> people = new LinkedHashMap<>();
      for (ExportQueries.Response r : data.responses()) {
        if (r.respondentId() != null && r.student() != null && !r.student().isBlank()) {
          people.putIfAbsent(
              r.respondentId(), new Names.Person(r.student(), r.studentNumber(), of(r)));
        }
      }
      this.scrubber = new Names.Scrubber(List.copyOf(people.values()));
    }

    String of(ExportQueries.Response r) {
      if (r.respondentId() == null) {
        return null;
      }
      List<Long> ids = byClass.getOrDefault(r.className() == null ? "" : r.className(), List.of());
      int number = ids.indexOf(r.respondentId()) + 1;
      int width = Math.max(2, Integer.toString(ids.size()).length());
      return "Student " + String.format(java.util.Locale.ROOT, "%0" + width + "d", number);
    }

    String scrub(String text) {
      return scrubber.scrub(text);
    }
  }
}
