package nl.mvoscan.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
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
    StringWriter out = new StringWriter();
    GroupSink writer = writer(messages, excel, out);
    writer.start(aggregate);
    for (Aggregate.Pool pool : aggregate.pools()) {
      pool.groups().forEach(group -> writer.group(pool, group));
    }
    writer.end();
    return out.toString();
  }

  /**
   * The same CSV written group by group as a streamed aggregation hands over its groups: each
   * group's rows go to {@code out} (flushed) as soon as the group is complete. {@code out} is
   * flushed, never closed.
   */
  public static GroupSink writer(Messages messages, boolean excel, Writer out) {
    return new CsvWriter(messages, excel, out);
  }

  private static final class CsvWriter implements GroupSink {
    private final Messages messages;
    private final boolean dutch;
    private final Writer out;
    private final CSVPrinter printer;
    private Grouping by;

    CsvWriter(Messages messages, boolean excel, Writer out) {
      this.messages = messages;
      this.dutch = excel;
      this.out = out;
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(dutch ? ';' : ',')
              .setRecordSeparator("\r\n")
              .get();
      try {
        this.printer = new CSVPrinter(out, format);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void start(Aggregate outline) {
      by = outline.by();
      try {
        if (dutch) {
          out.write('\uFEFF');
        }
        printer.printRecord(COLUMNS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void group(Aggregate.Pool pool, GroupSummary group) {
      try {
        List<String> prefix =
            List.of(
                pool.scan().id(),
                pool.scan().version(),
                pool.scan().hash(),
                by.id(),
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
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void end() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
