package nl.mvoscan.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scoring.Rational;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code aggregate --csv}: one row per group × figure (the overall score, then each theme), for a
 * spreadsheet. Column names are fixed English identifiers. The dialect is one and the same whatever
 * the language, so a script can rely on it: {@code ,} between cells, a decimal point, UTF-8 without
 * BOM, CRLF. {@code excel} gives the Dutch Excel dialect instead: a byte order mark so Excel reads
 * accents right, {@code ;} and a decimal comma. A cell that a spreadsheet would take for a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe.
 */
public final class AggregateCsv {

  public static final List<String> COLUMNS =
      List.of(
          "scan_id",
          "scan_version",
          "scan_hash",
          "group_by",
          "group_key",
          "group_label",
          "figure",
          "figure_label",
          "n",
          "scored",
          "insufficient",
          "not_applicable",
          "mean",
          "median",
          "sd",
          "min",
          "max",
          "p25",
          "p75");

  private AggregateCsv() {}

  public static String write(Aggregate aggregate, Messages messages, boolean excel) {
    boolean dutch = excel;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(dutch ? ';' : ',')
            .setRecordSeparator("\r\n")
            .get();
    StringWriter out = new StringWriter();
    if (excel) {
      out.write('\uFEFF');
    }
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(COLUMNS);
      for (Aggregate.Pool pool : aggregate.pools()) {
        for (GroupSummary group : pool.groups()) {
          List<String> prefix =
              List.of(
                  pool.scan().id(),
                  pool.scan().version(),
                  pool.scan().hash(),
                  aggregate.by().id(),
                  nz(group.key()),
                  nz(group.label()));
          printer.printRecord(
              row(
                  prefix,
                  "overall",
                  messages.get("aggregate.overall"),
                  group.n(),
                  group.overall(),
                  dutch));
          for (GroupSummary.ThemeSummary theme : group.themes()) {
            printer.printRecord(
                row(
                    prefix,
                    theme.theme().id(),
                    theme.theme().title().in(messages.language(), pool.scan().defaultLanguage()),
                    group.n(),
                    theme.summary(),
                    dutch));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> row(
      List<String> prefix,
      String figure,
      String label,
      int n,
      GroupSummary.ScoreSummary summary,
      boolean dutch) {
    Statistics s = summary.statistics();
    List<String> cells = new ArrayList<>(prefix);
    cells.add(figure);
    cells.add(label);
    cells.add(Integer.toString(n));
    cells.add(Integer.toString(summary.scored()));
    cells.add(Integer.toString(summary.insufficient()));
    cells.add(Integer.toString(summary.notApplicable()));
    cells.add(number(s.mean(), dutch));
    cells.add(number(s.median(), dutch));
    cells.add(decimal(s.roundedSd(1), dutch));
    cells.add(number(s.min(), dutch));
    cells.add(number(s.max(), dutch));
    cells.add(number(s.p25(), dutch));
    cells.add(number(s.p75(), dutch));
    // one guard for every CSV mvoscan writes; figures here are never negative
    return cells.stream().map(CsvExport::neutralise).toList();
  }

  private static String number(Rational value, boolean dutch) {
    return value == null ? "" : decimal(value.round(1), dutch);
  }

  private static String decimal(BigDecimal value, boolean dutch) {
    if (value == null) {
      return "";
    }
    String text = value.toPlainString();
    return dutch ? text.replace('.', ',') : text;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
