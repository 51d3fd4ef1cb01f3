package nl.mvoscan.report.pdf;

import com.lowagie.text.DocumentException;
import java.time.LocalDate;
import java.util.List;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.Rational;

/**
 * The network's PDF report: figures per sector and per school year with small groups suppressed as
 * {@code aggregate} suppresses them, and the schools side by side without a ranking (the network's
 * median and quartiles, one school's own figures beside them when asked for). Every figure is the
 * one {@link NetworkFigures} computed.
 */
public final class NetworkReport {

  private final Messages messages;
  private final NetworkFigures.Network sectors;
  private final NetworkFigures.Network years;
  private final NetworkFigures.Schools schools;
  private final String network;

  private NetworkReport(
      Messages messages,
      String network,
      NetworkFigures.Network sectors,
      NetworkFigures.Network years,
      NetworkFigures.Schools schools) {
    this.messages = messages;
    this.network = network;
    this.sectors = sectors;
    this.years = years;
    this.schools = schools;
  }

  /**
   * @param network the network's name for the title
   * @param date the report's date, from the data (the newest answers), never the clock
   */
  public static RenderedPdf render(
      Messages messages,
      String network,
      LocalDate date,
      NetworkFigures.Network sectors,
      NetworkFigures.Network years,
      NetworkFigures.Schools schools) {
    NetworkReport report = new NetworkReport(messages, network, sectors, years, schools);
    String title = messages.get("report.network.title", network);
    return PdfDoc.render(
        new PdfDoc.Meta(
            title,
            "mvoscan",
            messages.get("report.network.subject"),
            StudentReport.languageTag(messages),
            date,
            title,
            messages.get("report.pageOf", "{0}", "{1}")),
        report::write);
  }

  private void write(PdfDoc pdf) throws DocumentException {
    pdf.title(messages.get("report.network.title", network));
    pdf.subtitle(
        messages.get(
                "report.network.counts",
                messages.count("response", sectors.n()),
                messages.count("school", sectors.schools()))
            + (schools.school() == null
                ? ""
                : " · " + messages.get("report.network.forSchool", schools.school())));
    pdf.paragraph(
        messages.get(
            "report.network.rules",
            sectors.limits().minResponses(),
            sectors.limits().minSchools()));
    for (NetworkFigures.Pool pool : sectors.pools()) {
      pdf.h1(messages.get("report.network.bySector", scan(pool.scan())), 10);
      groups(pdf, pool, sectors.limits());
    }
    for (NetworkFigures.Pool pool : years.pools()) {
      pdf.h1(messages.get("report.network.byYear", scan(pool.scan())), 10);
      groups(pdf, pool, years.limits());
    }
    for (NetworkFigures.SchoolPool pool : schools.pools()) {
      pdf.h1(messages.get("report.network.bySchool", scan(pool.scan())), 10);
      pdf.paragraph(
          messages.plural(
              "report.network.noLeague",
              pool.counted(),
              pool.counted(),
              messages.count("school", pool.schools())));
      if (pool.overall().network() == null) {
        pdf.note(messages.get("network.tooFewSchools", schools.limits().minSchools()));
      }
      String own = schools.school() == null ? null : schools.school();
      PdfDoc.Table table =
          own == null
              ? pdf.table(3.2f, 1.2f, 1.6f).right(1, 2)
              : pdf.table(3.2f, 1.2f, 1.6f, 1.6f).right(1, 2, 3);
      if (own == null) {
        table.header("", messages.get("network.median"), "p25–p75");
      } else {
        table.header("", messages.get("network.median"), "p25–p75", own);
      }
      comparison(table, messages.get("network.overall"), pool.overall(), pool, own != null);
      for (NetworkFigures.Comparison theme : pool.themes()) {
        String name =
            pool.scan()
                .theme(theme.id())
                .map(t -> t.title().in(messages.language(), pool.scan().defaultLanguage()))
                .orElse(theme.id());
        comparison(table, name, theme, pool, own != null);
      }
      table.add();
    }
  }

  private String scan(Scan scan) {
    return scan.title().in(messages.language(), scan.defaultLanguage()) + " " + scan.version();
  }

  private void groups(PdfDoc pdf, NetworkFigures.Pool pool, NetworkFigures.Limits limits)
      throws DocumentException {
    PdfDoc.Table table =
        pdf.table(3.4f, 0.9f, 1f, 1.1f, 1.1f, 1.5f)
            .right(1, 2, 3, 4, 5)
            .header(
                messages.get("network.group"),
                "n",
                messages.get("network.schools"),
                messages.get("network.mean"),
                messages.get("network.median"),
                "p25–p75");
    for (NetworkFigures.Group group : pool.groups()) {
      String name = group.label() != null ? group.label() : group.key();
      name = name == null ? messages.get("network.none") : name;
      if (group.suppressed() == NetworkFigures.Suppressed.RESPONSES) {
        table.row(true, name, "<" + limits.minResponses(), "", "", "", "");
      } else if (group.suppressed() == NetworkFigures.Suppressed.SCHOOLS) {
        table.row(true, name, Integer.toString(group.n()), "<" + limits.minSchools(), "", "", "");
      } else {
        Statistics s = group.figures().overall().statistics();
        table.row(
            true,
            name,
            Integer.toString(group.n()),
            Integer.toString(group.schools()),
            number(s.mean()),
            number(s.median()),
            range(s));
      }
    }
    table.add();
  }

  private void comparison(
      PdfDoc.Table table,
      String name,
      NetworkFigures.Comparison comparison,
      NetworkFigures.SchoolPool pool,
      boolean withOwn) {
    Statistics s = comparison.network();
    List<String> cells =
        new java.util.ArrayList<>(
            List.of(name, s == null ? "" : number(s.median()), s == null ? "" : range(s)));
    if (withOwn) {
      cells.add(
          pool.ownN() < schools.limits().minResponses()
              ? "n <" + schools.limits().minResponses()
              : number(comparison.own()));
    }
    table.row(true, cells.toArray(String[]::new));
  }

  /** p25–p75, or one dash when the group has no scored response to take them from. */
  private String range(Statistics s) {
    return s.p25() == null || s.p75() == null ? "-" : number(s.p25()) + "–" + number(s.p75());
  }

  private String number(Rational value) {
    return value == null ? "-" : messages.decimal(value.round(1));
  }
}
