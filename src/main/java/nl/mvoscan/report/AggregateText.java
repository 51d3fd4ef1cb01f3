package nl.mvoscan.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Rational;

/**
 * {@code aggregate} for people: per scan and group a table of score figures, then levels,
 * improvements, answers, agreement and trend.
 */
public final class AggregateText {

  private static final String NL = System.lineSeparator();

  /** How many questions of a company the text shows under "least agreement"; JSON has them all. */
  private static final int LEAST_AGREEMENT = 3;

  private static final int TITLE = 28;

  private final Messages messages;
  private final String language;

  private AggregateText(Messages messages) {
    this.messages = messages;
    this.language = messages.language();
  }

  public static String render(Aggregate aggregate, Messages messages) {
    StringBuilder out = new StringBuilder();
    Writer writer = new Writer(messages, out::append);
    writer.start(aggregate);
    for (Aggregate.Pool pool : aggregate.pools()) {
      pool.groups().forEach(group -> writer.group(pool, group));
    }
    writer.end();
    return out.toString();
  }

  /**
   * The same text written group by group as a streamed aggregation hands over its groups: each
   * group goes to {@code out} (and is flushed there) as soon as it is complete, so the text is
   * never held whole.
   */
  public static GroupSink writer(Messages messages, java.io.PrintWriter out) {
    return new Writer(
        messages,
        text -> {
          out.append(text);
          out.flush();
        });
  }

  private static final class Writer implements GroupSink {
    private final AggregateText text;
    private final java.util.function.Consumer<CharSequence> out;
    private Grouping by;
    private Aggregate.Pool pool;

    Writer(Messages messages, java.util.function.Consumer<CharSequence> out) {
      this.text = new AggregateText(messages);
      this.out = out;
    }

    @Override
    public void start(Aggregate outline) {
      by = outline.by();
    }

    @Override
    public void group(Aggregate.Pool of, GroupSummary group) {
      StringBuilder part = new StringBuilder();
      if (of != pool) {
        if (pool != null) {
          part.append(NL);
        }
        pool = of;
        text.poolHeader(part, of, by);
      }
      part.append(NL);
      text.group(part, of.scan(), by, group);
      out.accept(part);
    }

    @Override
    public void end() {}
  }

  private void poolHeader(StringBuilder out, Aggregate.Pool pool, Grouping by) {
    Scan scan = pool.scan();
    out.append(
            messages.get(
                "aggregate.scanHeader",
                text(scan, scan.title()),
                scan.version(),
                shortHash(scan.hash()),
                messages.count("response", pool.n()),
                messages.get("aggregate.by." + by.id())))
        .append(NL);
    out.append(messages.get("aggregate.legend")).append(NL);
  }

  /** {@code sha256:} and the first 12 hex digits: enough to tell versions apart on screen. */
  public static String shortHash(String hash) {
    return hash.length() > 19 ? hash.substring(0, 19) : hash;
  }

  private void group(StringBuilder out, Scan scan, Grouping by, GroupSummary group) {
    String title =
        by == Grouping.ALL
            ? messages.get("aggregate.allResponses")
            : groupLabel(by, group.key(), group.label());
    out.append("== ")
        .append(messages.get("aggregate.groupHeader", title, messages.count("response", group.n())))
        .append(" ==")
        .append(NL);
    int width = TITLE;
    String header =
        String.format(
            Locale.ROOT,
            "%-" + width + "s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s",
            "",
            messages.get("aggregate.col.scored"),
            messages.get("aggregate.col.mean"),
            messages.get("aggregate.col.median"),
            "sd",
            "min",
            "p25",
            "p75",
            "max",
            messages.get("aggregate.col.insufficient"),
            messages.get("aggregate.col.notApplicable"));
    out.append(header.stripTrailing()).append(NL);
    row(out, width, messages.get("aggregate.overall"), group.overall());
    for (GroupSummary.ThemeSummary theme : group.themes()) {
      row(out, width, text(scan, theme.theme().title()), theme.summary());
    }

    List<String> levels = new ArrayList<>();
    for (GroupSummary.LevelCount level : group.levels()) {
      levels.add(
          (level.level() == null
                  ? messages.get("aggregate.noLevel")
                  : text(scan, level.level().label()))
              + " "
              + level.count());
    }
    out.append(NL)
        .append(messages.get("aggregate.levels"))
        .append(' ')
        .append(String.join(" · ", levels))
        .append(NL);

    out.append(NL).append(messages.get("aggregate.improvements")).append(NL);
    if (group.improvements().isEmpty()) {
      out.append("  -").append(NL);
    }
    int rank = 1;
    for (GroupSummary.Improvement improvement : group.improvements()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %d. %-22s %s%n",
              rank++,
              improvement.question().id(),
              messages.get(
                  "aggregate.improvement",
                  number(improvement.sum()),
                  number(improvement.mean()),
                  messages.count("response", improvement.resolved()),
                  truncate(text(scan, improvement.question().text()), 70))));
    }

    out.append(NL).append(messages.get("aggregate.questions")).append(NL);
    for (GroupSummary.QuestionDistribution q : group.questions()) {
      List<String> options = new ArrayList<>();
      q.options().forEach(o -> options.add(o.option().id() + " " + o.count()));
      // as String.format("  %-22s %s | %s%n", …), without parsing the pattern on each of the
      // ~176 lines of every group
      String id = q.question().id();
      out.append("  ").append(id);
      for (int pad = id.length(); pad < 22; pad++) {
        out.append(' ');
      }
      out.append(' ')
          .append(String.join(" · ", options))
          .append(" | ")
          .append(messages.get("aggregate.missingHidden", q.missing(), q.hidden()))
          .append(System.lineSeparator());
    }

    if (!group.agreement().isEmpty()) {
      out.append(NL).append(messages.get("aggregate.agreement")).append(NL);
      for (GroupSummary.CompanyAgreement company : group.agreement()) {
        out.append("  ")
            .append(
                messages.get(
                    "aggregate.agreementCompany",
                    companyLabel(company.companyKey(), company.companyName()),
                    company.schoolYear(),
                    messages.count("student", company.n()),
                    percentage(company.meanAgreement()),
                    messages.count("question", company.compared()),
                    company.unanimous()))
            .append(NL);
        Statistics overall = company.overall();
        if (overall.n() >= 2) {
          out.append("    ")
              .append(
                  messages.get(
                      "aggregate.agreementSpread",
                      number(overall.min()),
                      number(overall.max()),
                      number(company.spread()),
                      decimal(overall.roundedSd(1))))
              .append(NL);
        } else {
          out.append("    ")
              .append(messages.plural("aggregate.agreementTooFewScores", overall.n(), overall.n()))
              .append(NL);
        }
        List<GroupSummary.QuestionAgreement> least =
            company.disagreements().stream().limit(LEAST_AGREEMENT).toList();
        if (!least.isEmpty()) {
          List<String> items = new ArrayList<>();
          for (GroupSummary.QuestionAgreement q : least) {
            List<String> answers = new ArrayList<>();
            q.answers()
                .forEach(
                    a ->
                        answers.add(
                            (a.answer().isEmpty() ? "[]" : String.join("+", a.answer()))
                                + " "
                                + a.count()));
            items.add(
                q.question().id()
                    + " "
                    + percentage(q.agreement())
                    + " ("
                    + String.join(", ", answers)
                    + ")");
          }
          out.append("    ")
              .append(messages.get("aggregate.leastAgreement"))
              .append(' ')
              .append(String.join(" · ", items))
              .append(NL);
        }
      }
    }

    if (!group.trend().isEmpty()) {
      out.append(NL).append(messages.get("aggregate.trend")).append(NL);
      for (GroupSummary.CompanyTrend company : group.trend()) {
        List<String> years = new ArrayList<>();
        for (GroupSummary.YearMean year : company.years()) {
          years.add(
              year.schoolYear() + " " + number(year.statistics().mean()) + " (n " + year.n() + ")");
        }
        Rational change = company.change();
        String delta = change == null ? "-" : (change.signum() > 0 ? "+" : "") + number(change);
        out.append("  ")
            .append(companyLabel(company.companyKey(), company.companyName()))
            .append(": ")
            .append(String.join(" → ", years))
            .append("; ")
            .append(messages.get("aggregate.change", delta))
            .append(NL);
      }
    }
  }

  private void row(StringBuilder out, int width, String title, GroupSummary.ScoreSummary summary) {
    Statistics s = summary.statistics();
    out.append(
        String.format(
            Locale.ROOT,
            "%-" + width + "s %7d %7s %7s %7s %7s %7s %7s %7s %7d %7d%n",
            truncate(title, width),
            summary.scored(),
            number(s.mean()),
            number(s.median()),
            decimal(s.roundedSd(1)),
            number(s.min()),
            number(s.p25()),
            number(s.p75()),
            number(s.max()),
            summary.insufficient(),
            summary.notApplicable()));
  }

  /** A class or company as stored, on one line: a line break in it would forge a heading. */
  private String groupLabel(Grouping by, String key, String label) {
    if (key == null) {
      return messages.get("aggregate.none." + by.id());
    }
    return by == Grouping.COMPANY ? companyLabel(key, label) : TerminalText.inline(label);
  }

  /**
   * The stored name, with its KvK number when known, since two stored companies can share a name.
   */
  private String companyLabel(String key, String name) {
    String shown = TerminalText.inline(name);
    return key != null && key.startsWith("kvk:")
        ? shown + " (KvK " + key.substring(4) + ")"
        : shown;
  }

  private String text(Scan scan, Text text) {
    return text == null ? "" : text.in(language, scan.defaultLanguage());
  }

  private String number(Rational value) {
    return value == null ? "-" : decimal(value.round(1));
  }

  private String percentage(Rational share) {
    return share == null ? "-" : decimal(share.times(Rational.HUNDRED).round(1)) + "%";
  }

  /** Figures with a decimal comma in Dutch, a point in English. */
  private String decimal(BigDecimal value) {
    if (value == null) {
      return "-";
    }
    return messages.decimal(value);
  }

  private static String truncate(String text, int width) {
    return text.codePointCount(0, text.length()) <= width
        ? text
        : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
  }
}
