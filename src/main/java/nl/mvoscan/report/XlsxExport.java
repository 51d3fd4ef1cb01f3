package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scoring.Rational;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code export --format xlsx}: one workbook with the responses (wide), the answers (long), the
 * class figures that {@code aggregate --by class} computes, and a sheet that explains every column.
 *
 * <p>Numbers are number cells and dates date cells, so a teacher can sort, filter and chart without
 * converting; KvK and student numbers stay text, keeping their leading zeros. Every text is written
 * as a string cell, never as a formula, so {@code =HYPERLINK(…)} typed by a student is shown as
 * typed and needs no apostrophe. Column names are the stable ones of the CSV export
 * (docs/export.md); sheet names and the explanations follow the language.
 */
public final class XlsxExport {

  /** Excel's widest column is 255 characters; past about 60 a column only gets in the way. */
  private static final int MAX_WIDTH = 60;

  private static final String HEADER_FILL = "DDEBF7";

  /**
   * Rows whose cells decide the column widths: the widths go out with the sheet's first rows, so
   * they are known before the rest is read (docs/decisions.md). Kept in the sheet until then.
   */
  static final int WIDTH_ROWS = 2000;

  /** The columns of the responses that the answers repeat, cell for cell. */
  private static final java.util.Set<String> CARRIED =
      java.util.Set.of("response_id", "school_year", "class", "student", "company");

  /** Rows kept in the sheet between two flushes to the output, after the first. */
  private static final int FLUSH_ROWS = 1000;

  /** Data rows a sheet holds below its header: Excel's 1 048 576 rows, less one. */
  static final int SHEET_ROWS = Worksheet.MAX_ROWS - 1;

  private XlsxExport() {}

  /** Which table a sheet holds, for the explanation of its columns. */
  private enum Kind {
    RESPONSES,
    ANSWERS,
    CLASSES
  }

  /** A written sheet: its name, what it holds, its column names. */
  private record Written(String name, Kind kind, List<String> columns) {}

  /** The workbook of tables read before: see {@link #start}, which writes the same cells. */
  public static void write(
      ExportTable responses,
      ExportTable answers,
      Aggregate classes,
      Messages messages,
      OutputStream out)
      throws IOException {
    try {
      Book book = start(messages, out);
      book.responses(responses.names(), responses.rows());
      book.answers(answers.names(), answers.rows());
      GroupSink groups = book.classes();
      groups.start(classes);
      for (Aggregate.Pool pool : classes.pools()) {
        pool.groups().forEach(group -> groups.group(pool, group));
      }
      groups.end();
      book.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * A workbook written to {@code out} while its tables are read: the responses, the answers, the
   * class figures, in that order (a sheet is finished before the next begins, as the zip is one
   * stream), then {@link Book#finish} adds the explanation and ends the zip. Only a sheet's last
   * rows are held (the first {@value #WIDTH_ROWS} until its column widths are known), so memory
   * does not grow with the tables. {@code out} is not closed. Write failures are {@link
   * UncheckedIOException}s, since they happen inside the store's reading.
   */
  public static Book start(Messages messages, OutputStream out) {
    return start(messages, out, SHEET_ROWS);
  }

  /** {@link #start} with at most {@code sheetRows} data rows a sheet, so a test can reach it. */
  static Book start(Messages messages, OutputStream out, int sheetRows) {
    return new Book(messages, out, sheetRows);
  }

  /** Writes a table's rows to a {@link ExportTable.RowSink}. */
  @FunctionalInterface
  private interface Rows {
    void writeTo(ExportTable.RowSink sink);
  }

  /** See {@link #start}. */
  public static final class Book {
    private final Messages messages;
    private final Workbook workbook;
    private final List<Written> written = new ArrayList<>();

    /**
     * The widest cell of each column of the sheets written so far, over all their rows: the answers
     * repeat the responses' class, student and company, so their widths start there.
     */
    private final java.util.Map<String, Integer> widest = new java.util.HashMap<>();

    private final int sheetRows;

    private Book(Messages messages, OutputStream out, int sheetRows) {
      this.messages = messages;
      this.sheetRows = sheetRows;
      this.workbook = new Workbook(out, "mvoscan", "1.0");
    }

    /** The sheet of the wide export, its rows written as {@code table} reads them. */
    public int responses(ExportTable.Streamed table) {
      return table(Kind.RESPONSES, table.names(), table::write);
    }

    /** The sheet of the long export, its rows written as {@code table} reads them. */
    public int answers(ExportTable.Streamed table) {
      return table(Kind.ANSWERS, table.names(), table::write);
    }

    /** The sheet of the wide export, from rows read before. */
    int responses(List<String> columns, List<List<Object>> rows) {
      return table(Kind.RESPONSES, columns, sink -> rows.forEach(sink::row));
    }

    /** The sheet of the long export, from rows read before. */
    int answers(List<String> columns, List<List<Object>> rows) {
      return table(Kind.ANSWERS, columns, sink -> rows.forEach(sink::row));
    }

    /**
     * The sheet of the class figures, written group by group as a streamed aggregation ends each.
     */
    public GroupSink classes() {
      Sheet sheet = new Sheet(this, Kind.CLASSES, AggregateCsv.COLUMNS);
      return new GroupSink() {
        private Grouping by;

        @Override
        public void start(Aggregate outline) {
          by = outline.by();
        }

        @Override
        public void group(Aggregate.Pool pool, GroupSummary group) {
          classRows(pool, group, by, messages, sheet::row);
        }

        @Override
        public void end() {
          sheet.end();
        }
      };
    }

    /** After the three tables: the sheet that explains every column, and the end of the zip. */
    public void finish() {
      explanation(workbook.newWorksheet(messages.get("xlsx.sheet.columns")), written, messages);
      try {
        workbook.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private int table(Kind kind, List<String> columns, Rows rows) {
      Sheet sheet = new Sheet(this, kind, columns);
      int[] count = {0};
      rows.writeTo(
          row -> {
            count[0]++;
            sheet.row(row);
          });
      sheet.end();
      return count[0];
    }

    private String name(Kind kind) {
      return messages.get(
          switch (kind) {
            case RESPONSES -> "xlsx.sheet.responses";
            case ANSWERS -> "xlsx.sheet.answers";
            case CLASSES -> "xlsx.sheet.classes";
          });
    }
  }

  /**
   * One table written row by row: a header that stays in view and has a filter, columns as wide as
   * their first {@value #WIDTH_ROWS} rows show, and past {@value #SHEET_ROWS} rows a next sheet of
   * the same name with a number ({@code Antwoorden 2}), its header and widths the same.
   */
  private static final class Sheet {
    private final Book book;
    private final Kind kind;
    private final List<String> columns;
    private final int[] widths;
    private final int[] widest;

    /** The responses' {@code date}, the one column of dates; -1 in the other sheets. */
    private final int dateColumn;

    private boolean widthsSet;
    private Worksheet sheet;
    private int part;
    private int row;

    Sheet(Book book, Kind kind, List<String> columns) {
      this.book = book;
      this.kind = kind;
      this.columns = List.copyOf(columns);
      this.widths = new int[columns.size()];
      this.widest = new int[columns.size()];
      this.dateColumn = kind == Kind.RESPONSES ? columns.indexOf("date") : -1;
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(columns.get(c).length(), book.widest.getOrDefault(columns.get(c), 0));
      }
      open();
    }

    private void open() {
      part++;
      String name = book.name(kind) + (part == 1 ? "" : " " + part);
      sheet = book.workbook.newWorksheet(name);
      book.written.add(new Written(name, kind, columns));
      row = 0;
      for (int c = 0; c < columns.size(); c++) {
        sheet.value(0, c, columns.get(c));
      }
      if (!columns.isEmpty()) {
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor(HEADER_FILL).set();
      }
      sheet.freezePane(0, 1);
      if (widthsSet) {
        setWidths();
      }
    }

    void row(List<Object> cells) {
      if (row == book.sheetRows) {
        close();
        open();
      }
      row++;
      for (int c = 0; c < cells.size(); c++) {
        Object value = cells.get(c);
        int shown = cell(sheet, row, c, c == dateColumn ? date(value) : value);
        widest[c] = Math.max(widest[c], shown);
        if (!widthsSet) {
          widths[c] = Math.max(widths[c], shown);
        }
      }
      if (!widthsSet && row == WIDTH_ROWS) {
        setWidths();
        widthsSet = true;
        flush();
      } else if (widthsSet && row % FLUSH_ROWS == 0) {
        flush();
      }
    }

    void end() {
      if (!widthsSet) {
        setWidths();
        widthsSet = true;
      }
      close();
      for (int c = 0; c < widest.length; c++) {
        if (CARRIED.contains(columns.get(c))) {
          book.widest.merge(columns.get(c), widest[c], Math::max);
        }
      }
    }

    private void setWidths() {
      for (int c = 0; c < widths.length; c++) {
        sheet.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
      }
    }

    private void close() {
      if (!columns.isEmpty()) {
        // the filter's last row is known only now; it is written when the sheet is finished
        sheet.setAutoFilter(0, 0, Math.max(row, 1), columns.size() - 1);
      }
      try {
        sheet.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void flush() {
      try {
        sheet.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes one cell; returns how many characters it shows, for the column width. */
  private static int cell(Worksheet sheet, int r, int c, Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof BigDecimal number) {
      sheet.value(r, c, number);
      return number.toPlainString().length();
    }
    if (value instanceof Integer number) {
      sheet.value(r, c, number);
      return number.toString().length();
    }
    if (value instanceof LocalDate date) {
      sheet.value(r, c, date);
      sheet.style(r, c).format("yyyy-mm-dd").set();
      return 10;
    }
    if (value instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return 0;
      }
      if (node.isNumber()) {
        return cell(sheet, r, c, node.decimalValue());
      }
      if (node.isArray()) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(item.asText()));
        return text(sheet, r, c, String.join(CsvExport.MULTI_SEPARATOR, items));
      }
      return text(sheet, r, c, node.asText());
    }
    return text(sheet, r, c, value.toString());
  }

  /**
   * The responses' date as a date cell. Only that column: a note, a name or a scan version typed as
   * {@code 2026-03-01} is text and stays a text cell as typed (docs/decisions.md).
   */
  private static Object date(Object value) {
    return value instanceof String text && isIsoDate(text) ? LocalDate.parse(text) : value;
  }

  private static int text(Worksheet sheet, int r, int c, String text) {
    // both make a string cell: a text is never read as a formula
    if (inline(text)) {
      sheet.inlineString(r, c, text);
    } else {
      sheet.value(r, c, text);
    }
    int longest = 0;
    for (String line : text.split("\\R", -1)) {
      longest = Math.max(longest, line.length());
    }
    return longest;
  }

  /**
   * Whether a text goes into its cell instead of the shared strings, which the workbook holds in
   * memory until its end. fastexcel writes an inline string without {@code xml:space="preserve"},
   * so a text with white space at either end or a line break or tab inside (where a reader may drop
   * or fold it) goes to the shared strings, which keep it (docs/decisions.md).
   */
  static boolean inline(String text) {
    int length = text.length();
    if (length == 0) {
      return true;
    }
    if (Character.isWhitespace(text.charAt(0))
        || Character.isSpaceChar(text.charAt(0))
        || Character.isWhitespace(text.charAt(length - 1))
        || Character.isSpaceChar(text.charAt(length - 1))) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) < 0x20) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIsoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The rows of one group of {@code aggregate --by class --csv}, with numbers as numbers. */
  private static void classRows(
      Aggregate.Pool pool,
      GroupSummary group,
      Grouping by,
      Messages messages,
      ExportTable.RowSink rows) {
    List<Object> prefix =
        List.of(
            pool.scan().id(),
            pool.scan().version(),
            pool.scan().hash(),
            by.id(),
            nz(group.key()),
            nz(group.label()));
    rows.row(
        figures(prefix, "overall", messages.get("aggregate.overall"), group.n(), group.overall()));
    for (GroupSummary.ThemeSummary theme : group.themes()) {
      rows.row(
          figures(
              prefix,
              theme.theme().id(),
              theme.theme().title().in(messages.language(), pool.scan().defaultLanguage()),
              group.n(),
              theme.summary()));
    }
  }

  private static List<Object> figures(
      List<Object> prefix, String figure, String label, int n, GroupSummary.ScoreSummary summary) {
    Statistics s = summary.statistics();
    List<Object> cells = new ArrayList<>(prefix);
    cells.add(figure);
    cells.add(label);
    cells.add(n);
    cells.add(summary.scored());
    cells.add(summary.insufficient());
    cells.add(summary.notApplicable());
    cells.add(rounded(s.mean()));
    cells.add(rounded(s.median()));
    cells.add(s.roundedSd(1));
    cells.add(rounded(s.min()));
    cells.add(rounded(s.max()));
    cells.add(rounded(s.p25()));
    cells.add(rounded(s.p75()));
    return cells;
  }

  private static BigDecimal rounded(Rational value) {
    return value == null ? null : value.round(1);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  /** Sheet, column and meaning of every column in the workbook, in the reader's language. */
  private static void explanation(Worksheet sheet, List<Written> sheets, Messages messages) {
    List<String> header =
        List.of(
            messages.get("xlsx.columns.sheet"),
            messages.get("xlsx.columns.column"),
            messages.get("xlsx.columns.meaning"));
    List<List<Object>> rows = new ArrayList<>();
    for (Written data : sheets) {
      for (String column : data.columns()) {
        rows.add(List.of(data.name(), column, meaning(column, data.kind(), messages)));
      }
    }
    // a few rows per column: held whole, as wide as all of them
    int[] widths = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
      widths[c] = header.get(c).length();
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], cell(sheet, r + 1, c, row.get(c)));
      }
    }
    sheet.range(0, 0, 0, header.size() - 1).style().bold().fillColor(HEADER_FILL).set();
    sheet.setAutoFilter(0, 0, Math.max(rows.size(), 1), header.size() - 1);
    sheet.freezePane(0, 1);
    // capped as on the other sheets; a longer explanation wraps inside its cell
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
    }
    for (int r = 1; r <= rows.size(); r++) {
      sheet.style(r, 2).wrapText(true).set();
    }
  }

  private static String meaning(String column, Kind kind, Messages messages) {
    if (column.startsWith("theme_") && column.endsWith("_score")) {
      return messages.get(
          "xlsx.column.theme", column.substring("theme_".length(), column.length() - 6));
    }
    String sheetKey =
        switch (kind) {
          case CLASSES -> "classes.";
          case ANSWERS -> "long.";
          case RESPONSES -> "";
        };
    String specific = "xlsx.column." + sheetKey + column;
    String text = messages.get(specific);
    return text.equals(specific) ? messages.get("xlsx.column." + column) : text;
  }
}
