package nl.mvoscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.ClassAdvice;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Rational;

/**
 * {@code aggregate --json}: a stable shape documented in docs/aggregate.md. Every key is always
 * present; a figure that does not exist is {@code null}; figures are rounded half-up to one
 * decimal.
 */
public final class AggregateJson {

  /** The {@code format} value; it changes only when the shape changes incompatibly. */
  public static final String FORMAT = "mvoscan-aggregate/1";

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /** The filters as given on the command line, echoed so a saved file says what it covers. */
  public record Selection(
      List<String> classes, List<String> companies, List<String> schoolYears, List<String> scans) {}

  private AggregateJson() {}

  public static ObjectNode of(Aggregate aggregate, Selection selection) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    ObjectNode filter = root.putObject("selection");
    strings(filter.putArray("class"), selection.classes());
    strings(filter.putArray("company"), selection.companies());
    strings(filter.putArray("schoolYear"), selection.schoolYears());
    strings(filter.putArray("scan"), selection.scans());
    root.put("by", aggregate.by().id());
    root.put("n", aggregate.n());
    ArrayNode pools = root.putArray("pools");
    for (Aggregate.Pool pool : aggregate.pools()) {
      ObjectNode p = pools.addObject();
      ObjectNode scan = p.putObject("scan");
      scan.put("id", pool.scan().id());
      scan.put("version", pool.scan().version());
      scan.put("hash", pool.scan().hash());
      p.put("n", pool.n());
      ArrayNode groups = p.putArray("groups");
      pool.groups().forEach(g -> group(groups.addObject(), g));
    }
    return root;
  }

  /**
   * The same document as {@link #of}, written group by group as a streamed aggregation hands over
   * its groups, byte for byte as {@link ResultJson#write} writes {@link #of} (and a line break
   * after it): each group goes to {@code out} (flushed) as soon as it is complete. {@code out} is
   * flushed, never closed.
   */
  public static GroupSink writer(Selection selection, Writer out) {
    return new JsonWriter(selection, out);
  }

  private static final class JsonWriter implements GroupSink {
    private final Selection selection;
    private final Writer out;
    private final JsonGenerator json;
    private Aggregate.Pool pool;

    JsonWriter(Selection selection, Writer out) {
      this.selection = selection;
      this.out = out;
      try {
        this.json =
            ResultJson.MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void start(Aggregate outline) {
      try {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        ObjectNode filter = NODES.objectNode();
        strings(filter.putArray("class"), selection.classes());
        strings(filter.putArray("company"), selection.companies());
        strings(filter.putArray("schoolYear"), selection.schoolYears());
        strings(filter.putArray("scan"), selection.scans());
        json.writeFieldName("selection");
        json.writeTree(filter);
        json.writeStringField("by", outline.by().id());
        json.writeNumberField("n", outline.n());
        json.writeArrayFieldStart("pools");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void group(Aggregate.Pool of, GroupSummary group) {
      try {
        if (of != pool) {
          if (pool != null) {
            endPool();
          }
          pool = of;
          json.writeStartObject();
          ObjectNode scan = NODES.objectNode();
          scan.put("id", of.scan().id());
          scan.put("version", of.scan().version());
          scan.put("hash", of.scan().hash());
          json.writeFieldName("scan");
          json.writeTree(scan);
          json.writeNumberField("n", of.n());
          json.writeArrayFieldStart("groups");
        }
        ObjectNode node = NODES.objectNode();
        AggregateJson.group(node, group);
        json.writeTree(node);
        json.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void endPool() throws IOException {
      json.writeEndArray();
      json.writeEndObject();
    }

    @Override
    public void end() {
      try {
        if (pool != null) {
          endPool();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write(System.lineSeparator());
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The group's most common answer below the maximum and the advice that follows it, so a script
   * shows the class the same next step as the class report does; {@code null} when none.
   */
  private static void common(ObjectNode node, ClassAdvice.CommonAnswer common) {
    if (common == null) {
      node.putNull("common");
      return;
    }
    ObjectNode c = node.putObject("common");
    strings(c.putArray("answer"), common.value().optionIds());
    c.put("count", common.count());
    ArrayNode advice = c.putArray("advice");
    for (Text text : common.advice()) {
      ObjectNode t = advice.addObject();
      // Text keeps its languages in a Map.copyOf, whose order changes from run to run
      new java.util.TreeMap<>(text.values()).forEach(t::put);
    }
  }

  private static void group(ObjectNode node, GroupSummary group) {
    node.put("key", group.key());
    node.put("label", group.label());
    node.put("n", group.n());
    scores(node.putObject("overall"), group.overall());
    scores(node.putObject("grade"), group.grade());
    ArrayNode themes = node.putArray("themes");
    for (GroupSummary.ThemeSummary theme : group.themes()) {
      ObjectNode t = themes.addObject();
      t.put("id", theme.theme().id());
      scores(t, theme.summary());
    }
    ArrayNode levels = node.putArray("levels");
    for (GroupSummary.LevelCount level : group.levels()) {
      ObjectNode l = levels.addObject();
      l.put("id", level.level() == null ? null : level.level().id());
      l.put("count", level.count());
    }
    ArrayNode questions = node.putArray("questions");
    for (GroupSummary.QuestionDistribution q : group.questions()) {
      ObjectNode n = questions.addObject();
      n.put("id", q.question().id());
      n.put("theme", q.question().themeId());
      n.put("answered", q.answered());
      n.put("na", q.na());
      n.put("unknown", q.unknown());
      n.put("missing", q.missing());
      n.put("hidden", q.hidden());
      ArrayNode options = n.putArray("options");
      for (GroupSummary.OptionCount option : q.options()) {
        ObjectNode o = options.addObject();
        o.put("id", option.option().id());
        o.put("count", option.count());
      }
    }
    ArrayNode improvements = node.putArray("improvements");
    for (GroupSummary.Improvement improvement : group.improvements()) {
      ObjectNode i = improvements.addObject();
      i.put("id", improvement.question().id());
      i.put("theme", improvement.question().themeId());
      i.put("resolved", improvement.resolved());
      i.set("sum", number(improvement.sum()));
      i.set("mean", number(improvement.mean()));
      i.put("below", improvement.below());
      i.set("meanPoints", number(improvement.meanPoints()));
      common(i, improvement.common());
    }
    ArrayNode agreement = node.putArray("agreement");
    for (GroupSummary.CompanyAgreement company : group.agreement()) {
      ObjectNode a = agreement.addObject();
      a.put("company", company.companyKey());
      a.put("name", company.companyName());
      a.put("schoolYear", company.schoolYear());
      a.put("n", company.n());
      ObjectNode overall = a.putObject("overall");
      Statistics s = company.overall();
      overall.put("scored", s.n());
      overall.set("mean", number(s.mean()));
      overall.set("min", number(s.min()));
      overall.set("max", number(s.max()));
      overall.set("spread", number(company.spread()));
      overall.set("sd", decimal(s.roundedSd(1)));
      a.put("compared", company.compared());
      a.put("unanimous", company.unanimous());
      a.set("agreement", percentage(company.meanAgreement()));
      ArrayNode qs = a.putArray("questions");
      for (GroupSummary.QuestionAgreement q : company.questions()) {
        ObjectNode n = qs.addObject();
        n.put("id", q.question().id());
        n.put("answered", q.answered());
        n.put("agreeing", q.agreeing());
        n.set("agreement", percentage(q.agreement()));
        ArrayNode answers = n.putArray("answers");
        for (GroupSummary.AnswerCount answer : q.answers()) {
          ObjectNode an = answers.addObject();
          strings(an.putArray("answer"), answer.answer());
          an.put("count", answer.count());
        }
      }
    }
    ArrayNode trend = node.putArray("trend");
    for (GroupSummary.CompanyTrend company : group.trend()) {
      ObjectNode t = trend.addObject();
      t.put("company", company.companyKey());
      t.put("name", company.companyName());
      ArrayNode years = t.putArray("years");
      for (GroupSummary.YearMean year : company.years()) {
        ObjectNode y = years.addObject();
        y.put("schoolYear", year.schoolYear());
        y.put("n", year.n());
        y.put("scored", year.statistics().n());
        y.set("mean", number(year.statistics().mean()));
      }
      t.set("change", number(company.change()));
    }
  }

  private static void scores(ObjectNode node, GroupSummary.ScoreSummary summary) {
    node.put("scored", summary.scored());
    node.put("insufficient", summary.insufficient());
    node.put("notApplicable", summary.notApplicable());
    Statistics s = summary.statistics();
    node.set("mean", number(s.mean()));
    node.set("median", number(s.median()));
    node.set("sd", decimal(s.roundedSd(1)));
    node.set("min", number(s.min()));
    node.set("max", number(s.max()));
    node.set("p25", number(s.p25()));
    node.set("p75", number(s.p75()));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static JsonNode number(Rational value) {
    return value == null ? NODES.nullNode() : NODES.numberNode(value.round(1));
  }

  private static JsonNode percentage(Rational share) {
    return share == null
        ? NODES.nullNode()
        : NODES.numberNode(share.times(Rational.HUNDRED).round(1));
  }

  private static JsonNode decimal(BigDecimal value) {
    return value == null ? NODES.nullNode() : NODES.numberNode(value);
  }
}
