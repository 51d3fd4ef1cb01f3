package nl.mvoscan.report;

import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.aggregate.Scores;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scoring.Rational;

/** {@code aggregate} across a regional network as a readable table, small groups shown as "<5". */
public final class NetworkText {

  private final Messages messages;
  private final StringBuilder out = new StringBuilder();

  private NetworkText(Messages messages) {
    this.messages = messages;
  }

  public static String render(NetworkFigures.Network network, Messages messages) {
    NetworkText text = new NetworkText(messages);
    text.out
        .append(
            messages.get(
                "network.header",
                messages.count("response", network.n()),
                messages.count("school", network.schools()),
                network.limits().minResponses(),
                network.limits().minSchools()))
        .append('\n');
    for (NetworkFigures.Pool pool : network.pools()) {
      text.out
          .append('\n')
          .append(pool.scan().id())
          .append(' ')
          .append(pool.scan().version())
          .append(" (")
          .append(AggregateText.shortHash(pool.scan().hash()))
          .append(")\n");
      text.row(
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
          text.row(name, "<" + network.limits().minResponses(), "", "", "", "");
        } else if (group.suppressed() == NetworkFigures.Suppressed.SCHOOLS) {
          text.row(
              name, Integer.toString(group.n()), "<" + network.limits().minSchools(), "", "", "");
        } else {
          Statistics s = group.figures().overall().statistics();
          text.row(
              name,
              Integer.toString(group.n()),
              Integer.toString(group.schools()),
              text.number(s.mean()),
              text.number(s.median()),
              text.number(s.p25()) + "–" + text.number(s.p75()));
        }
      }
      for (NetworkFigures.Group group : pool.groups()) {
        if (group.figures() != null && pool.groups().size() == 1) {
          text.themes(group.figures());
        }
      }
    }
    return text.out.toString();
  }

  public static String render(NetworkFigures.Schools schools, Messages messages) {
    NetworkText text = new NetworkText(messages);
    text.out
        .append(
            messages.get(
                "network.schoolsHeader",
                messages.count("response", schools.n()),
                messages.count("school", schools.schools()),
                schools.limits().minResponses(),
                schools.limits().minSchools()))
        .append('\n');
    for (NetworkFigures.SchoolPool pool : schools.pools()) {
      text.out
          .append('\n')
          .append(pool.scan().id())
          .append(' ')
          .append(pool.scan().version())
          .append(": ")
          .append(
              messages.get(
                  "network.counted", pool.counted(), messages.count("school", pool.schools())))
          .append('\n');
      if (pool.overall().network() == null) {
        text.out
            .append(messages.get("network.tooFewSchools", schools.limits().minSchools()))
            .append('\n');
      }
      text.row(
          "",
          messages.get("network.median"),
          "p25–p75",
          schools.school() == null ? "" : schools.school(),
          "",
          "");
      text.comparison(messages.get("network.overall"), pool.overall(), schools, pool);
      for (NetworkFigures.Comparison theme : pool.themes()) {
        text.comparison(
            pool.scan()
                .theme(theme.id())
                .map(t -> t.title().in(messages.language(), pool.scan().defaultLanguage()))
                .orElse(theme.id()),
            theme,
            schools,
            pool);
      }
    }
    return text.out.toString();
  }

  private void comparison(
      String name,
      NetworkFigures.Comparison comparison,
      NetworkFigures.Schools schools,
      NetworkFigures.SchoolPool pool) {
    Statistics s = comparison.network();
    String own;
    if (schools.school() == null) {
      own = "";
    } else if (pool.ownN() < schools.limits().minResponses()) {
      own = "n <" + schools.limits().minResponses();
    } else {
      own = number(comparison.own());
    }
    row(
        name,
        s == null ? "" : number(s.median()),
        s == null ? "" : number(s.p25()) + "–" + number(s.p75()),
        own,
        "",
        "");
  }

  private void themes(Scores.Group figures) {
    out.append('\n');
    row(
        messages.get("network.theme"),
        "n",
        "",
        messages.get("network.mean"),
        messages.get("network.median"),
        "p25–p75");
    for (GroupSummary.ThemeSummary theme : figures.themes()) {
      Statistics s = theme.summary().statistics();
      row(
          theme.theme().id(),
          Integer.toString(s.n()),
          "",
          number(s.mean()),
          number(s.median()),
          number(s.p25()) + "–" + number(s.p75()));
    }
  }

  private void row(String... cells) {
    int[] widths = {28, 6, 9, 9, 9, 13};
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      if (i == 0) {
        line.append(cell).append(" ".repeat(Math.max(1, widths[0] - cell.length())));
      } else {
        line.append(" ".repeat(Math.max(1, widths[i] - cell.length()))).append(cell);
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private String number(Rational value) {
    return value == null ? "-" : messages.decimal(value.round(1));
  }
}
