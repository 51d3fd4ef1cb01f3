package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.GroupSummary;
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

  private XlsxExport() {}

  /** One sheet's rows: its name, its column names, its typed cells. */
  private record SheetData(String name, List<String> columns, List<List<Object>> rows) {}

  public static void write(
      ExportTable responses,
      ExportTable answers,
      Aggregate classes,
      Messages messages,
      OutputStream out)
      throws IOException {
    List<SheetData> sheets =
        List.of(
            new SheetData(
                messages.get("xlsx.sheet.responses"), responses.names(), responses.rows()),
            new SheetData(messages.get("xlsx.sheet.answers"), answers.names(), answers.rows()),
            new SheetData(
                messages.get("xlsx.sheet.classes"),
                AggregateCsv.COLUMNS,
                classRows(classes, messages)));
    Workbook workbook = new Workbook(out, "mvoscan", "1.0");
    for (SheetData sheet : sheets) {
      table(workbook.newWorksheet(sheet.name()), sheet);
    }
    explanation(workbook.newWorksheet(messages.get("xlsx.sheet.columns")), sheets, messages);
    workbook.finish();
  }

  private static void table(Worksheet sheet, SheetData data) {
    int[] widths = new int[data.columns().size()];
    for (int c = 0; c < data.columns().size(); c++) {
      sheet.value(0, c, data.columns().get(c));
      widths[c] = data.columns().get(c).length();
    }
    for (int r = 0; r < data.rows().size(); r++) {
      List<Object> row = data.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        int shown = cell(sheet, r + 1, c, row.get(c));
        widths[c] = Math.max(widths[c], shown);
      }
    }
    int lastColumn = data.columns().size() - 1;
    if (lastColumn >= 0) {
      sheet.range(0, 0, 0, lastColumn).style().bold().fillColor(HEADER_FILL).set();
      sheet.setAutoFilter(0, 0, Math.max(data.rows().size(), 1), lastColumn);
    }
    sheet.freezePane(0, 1);
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, Math.min(MAX_WIDTH, widths[c] + 2));
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
    String text = value.toString();
    if (isIsoDate(text)) {
      return cell(sheet, r, c, LocalDate.parse(text));
    }
    return text(sheet, r, c, text);
  }

  private static int text(Worksheet sheet, int r, int c, String text) {
    // value(String) makes a string cell: a text is never read as a formula
    sheet.value(r, c, text);
    int longest = 0;
    for (String line : text.split("\\R", -1)) {
      longest = Math.max(longest, line.length());
    }
    return longest;
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

  /** The rows of {@code aggregate --by class --csv}, with numbers as numbers. */
  private static List<List<Object>> classRows(Aggregate aggregate, Messages messages) {
    List<List<Object>> rows = new ArrayList<>();
    for (Aggregate.Pool pool : aggregate.pools()) {
      for (GroupSummary group : pool.groups()) {
        List<Object> prefix =
            List.of(
                pool.scan().id(),
                pool.scan().version(),
                pool.scan().hash(),
                aggregate.by().id(),
                nz(group.key()),
                nz(group.label()));
        rows.add(
            figures(
                prefix, "overall", messages.get("aggregate.overall"), group.n(), group.overall()));
        for (GroupSummary.ThemeSummary theme : group.themes()) {
          rows.add(
              figures(
                  prefix,
                  theme.theme().id(),
                  theme.theme().title().in(messages.language(), pool.scan().defaultLanguage()),
                  group.n(),
                  theme.summary()));
        }
      }
    }
    return rows;
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
  private static void explanation(Worksheet sheet, List<SheetData> sheets, Messages messages) {
    List<String> header =
        List.of(
            messages.get("xlsx.columns.sheet"),
            messages.get("xlsx.columns.column"),
            messages.get("xlsx.columns.meaning"));
    List<List<Object>> rows = new ArrayList<>();
    for (SheetData data : sheets) {
      for (String column : data.columns()) {
        rows.add(List.of(data.name(), column, meaning(column, data, sheets, messages)));
      }
    }
    table(sheet, new SheetData(sheet.getName(), header, rows));
    sheet.width(2, 100);
    for (int r = 1; r <= rows.size(); r++) {
      sheet.style(r, 2).wrapText(true).set();
    }
  }

  private static String meaning(
      String column, SheetData data, List<SheetData> sheets, Messages messages) {
    if (column.startsWith("theme_") && column.endsWith("_score")) {
      return messages.get(
          "xlsx.column.theme", column.substring("theme_".length(), column.length() - 6));
    }
    String sheetKey = data == sheets.get(2) ? "classes." : data == sheets.get(1) ? "long." : "";
    String specific = "xlsx.column." + sheetKey + column;
    String text = messages.get(specific);
    return text.equals(specific) ? messages.get("xlsx.column." + column) : text;
  }
}
