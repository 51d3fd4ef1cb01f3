package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.aggregate.Scores;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.scoring.Rational;

/**
 * {@code aggregate --json} across a regional network (docs/regional.md): suppressed groups keep
 * their key and show {@code "n": "<5"} (or {@code "schools": "<3"}) with every figure {@code null}.
 */
public final class NetworkJson {

  public static final String FORMAT = "mvoscan-network/1";

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private NetworkJson() {}

  public static ObjectNode of(NetworkFigures.Network network) {
    ObjectNode root = header(network.by().id(), network.n(), network.schools(), network.limits());
    ArrayNode pools = root.putArray("pools");
    for (NetworkFigures.Pool pool : network.pools()) {
      ObjectNode p = pools.addObject();
      scan(p, pool.scan());
      p.put("n", pool.n());
      p.put("schools", pool.schools());
      ArrayNode groups = p.putArray("groups");
      for (NetworkFigures.Group group : pool.groups()) {
        ObjectNode g = groups.addObject();
        g.put("key", group.key());
        g.put("label", group.label());
        boolean few = group.suppressed() == NetworkFigures.Suppressed.RESPONSES;
        boolean fewSchools = group.suppressed() == NetworkFigures.Suppressed.SCHOOLS;
        if (few) {
          g.put("n", "<" + network.limits().minResponses());
          g.put("schools", (String) null);
        } else {
          g.put("n", group.n());
          if (fewSchools) {
            g.put("schools", "<" + network.limits().minSchools());
          } else {
            g.put("schools", group.schools());
          }
        }
        g.put(
            "suppressed",
            group.suppressed() == null
                ? null
                : group.suppressed().name().toLowerCase(java.util.Locale.ROOT));
        Scores.Group figures = group.figures();
        g.set(
            "overall",
            figures == null ? NODES.nullNode() : statistics(figures.overall().statistics()));
        if (figures == null) {
          g.putNull("themes");
        } else {
          ArrayNode themes = g.putArray("themes");
          for (GroupSummary.ThemeSummary theme : figures.themes()) {
            ObjectNode t = themes.addObject();
            t.put("id", theme.theme().id());
            t.setAll(statistics(theme.summary().statistics()));
          }
        }
      }
    }
    return root;
  }

  public static ObjectNode of(NetworkFigures.Schools schools) {
    ObjectNode root = header("school", schools.n(), schools.schools(), schools.limits());
    root.put("school", schools.school());
    ArrayNode pools = root.putArray("pools");
    for (NetworkFigures.SchoolPool pool : schools.pools()) {
      ObjectNode p = pools.addObject();
      scan(p, pool.scan());
      p.put("n", pool.n());
      p.put("schools", pool.schools());
      p.put("counted", pool.counted());
      if (schools.school() == null) {
        p.putNull("ownN");
      } else if (pool.ownN() < schools.limits().minResponses()) {
        p.put("ownN", "<" + schools.limits().minResponses());
      } else {
        p.put("ownN", pool.ownN());
      }
      comparison(p.putObject("overall"), pool.overall());
      ArrayNode themes = p.putArray("themes");
      pool.themes().forEach(t -> comparison(themes.addObject(), t));
    }
    return root;
  }

  private static ObjectNode header(String by, int n, int schools, NetworkFigures.Limits limits) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("by", by);
    root.put("n", n);
    root.put("schools", schools);
    ObjectNode l = root.putObject("limits");
    l.put("minResponses", limits.minResponses());
    l.put("minSchools", limits.minSchools());
    return root;
  }

  private static void scan(ObjectNode node, nl.mvoscan.scan.Scan scan) {
    ObjectNode s = node.putObject("scan");
    s.put("id", scan.id());
    s.put("version", scan.version());
    s.put("hash", scan.hash());
  }

  private static void comparison(ObjectNode node, NetworkFigures.Comparison comparison) {
    node.put("id", comparison.id());
    node.set(
        "network",
        comparison.network() == null ? NODES.nullNode() : statistics(comparison.network()));
    node.set("own", number(comparison.own()));
  }

  private static ObjectNode statistics(Statistics s) {
    ObjectNode node = NODES.objectNode();
    node.put("n", s.n());
    node.set("mean", number(s.mean()));
    node.set("median", number(s.median()));
    node.set("p25", number(s.p25()));
    node.set("p75", number(s.p75()));
    return node;
  }

  private static JsonNode number(Rational value) {
    return value == null ? NODES.nullNode() : NODES.numberNode(value.round(1));
  }
}
