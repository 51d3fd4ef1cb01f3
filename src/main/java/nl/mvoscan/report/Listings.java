package nl.mvoscan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.store.CompanyQueries;
import nl.mvoscan.store.ResponseQueries;

/**
 * The lists of {@code mvoscan responses}, {@code companies} and {@code scans}: the stable JSON for
 * scripts, or a table for people (one line each, a header first).
 */
public final class Listings {

  private Listings() {}

  // ---- responses

  public static String responsesJson(List<ResponseQueries.Summary> rows) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ResponseQueries.Summary row : rows) {
      ObjectNode node = array.addObject();
      node.put("id", row.id());
      node.put("student", row.student());
      node.put("class", row.className());
      node.put("company", row.company());
      node.put("schoolYear", row.schoolYear());
      node.put("date", row.date());
      node.put("scan", row.scanId());
      node.put("status", row.status());
      node.put("score", row.score());
      node.put("grade", row.grade());
      node.put("level", row.level());
    }
    return ResultJson.write(array);
  }

  public static List<String> responsesTable(List<ResponseQueries.Summary> rows, Messages messages) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%5s  %-24s %-6s %-30s %-9s %6s %5s  %s",
            "id",
            messages.get("responses.student"),
            messages.get("responses.class"),
            messages.get("responses.company"),
            messages.get("responses.schoolYear"),
            "score",
            messages.get("responses.grade"),
            messages.get("responses.level")));
    for (ResponseQueries.Summary row : rows) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%5d  %-24s %-6s %-30s %-9s %6s %5s  %s",
              row.id(),
              nz(row.student()),
              nz(row.className()),
              nz(row.company()),
              row.schoolYear(),
              figure(row.score(), messages),
              figure(row.grade(), messages),
              nz(row.level())));
    }
    return lines;
  }

  // ---- companies

  public static String companiesJson(List<CompanyQueries.Company> companies) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (CompanyQueries.Company c : companies) {
      ObjectNode node = array.addObject();
      node.put("id", c.id());
      node.put("key", c.key());
      node.put("name", c.name());
      node.put("kvk", c.kvk());
      node.put("city", c.city());
      node.put("responses", c.responses());
    }
    return ResultJson.write(array);
  }

  public static List<String> companiesTable(
      List<CompanyQueries.Company> companies, Messages messages) {
    int nameWidth =
        Math.max(24, companies.stream().mapToInt(c -> width(nz(c.name()))).max().orElse(0));
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
                Locale.ROOT,
                "%5s  %s  %-8s  %-14s %9s  %s",
                "id",
                pad(messages.get("companies.name"), nameWidth),
                "kvk",
                messages.get("companies.city"),
                messages.get("companies.responses"),
                messages.get("companies.key"))
            .stripTrailing());
    for (CompanyQueries.Company c : companies) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%5d  %s  %-8s  %-14s %9d  %s",
              c.id(),
              pad(nz(c.name()), nameWidth),
              nz(c.kvk()),
              nz(c.city()),
              c.responses(),
              nz(c.key())));
    }
    return lines;
  }

  // ---- scans

  /** The valid scans of {@code entries}, titles in {@code language}. */
  public static String scansJson(List<ScanCatalog.Entry> entries, String language) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ScanCatalog.Entry entry : entries) {
      if (!entry.result().ok()) {
        continue;
      }
      Scan scan = entry.result().scan();
      ObjectNode node = array.addObject();
      node.put("id", scan.id());
      node.put("version", scan.version());
      node.put("title", scan.title().in(language, scan.defaultLanguage()));
      ArrayNode langs = node.putArray("languages");
      scan.languages().forEach(langs::add);
      node.put("themes", scan.themes().size());
      node.put("scoredQuestions", scan.scoredQuestions().size());
      node.put("source", entry.origin());
      node.put("hash", scan.hash());
    }
    return ResultJson.write(array);
  }

  /** A header and one line per valid scan of {@code entries}. */
  public static List<String> scansTable(List<ScanCatalog.Entry> entries, Messages messages) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-24s %-10s %-8s %6s  %s",
            "id",
            messages.get("scans.version"),
            messages.get("scans.languages"),
            messages.get("scans.scored"),
            messages.get("scans.title")));
    for (ScanCatalog.Entry entry : entries) {
      if (!entry.result().ok()) {
        continue;
      }
      Scan scan = entry.result().scan();
      lines.add(
          String.format(
              Locale.ROOT,
              "%-24s %-10s %-8s %6d  %s (%s)",
              scan.id(),
              scan.version(),
              String.join(",", scan.languages()),
              scan.scoredQuestions().size(),
              scan.title().in(messages.language(), scan.defaultLanguage()),
              entry.origin()));
    }
    return lines;
  }

  /** A stored value on one line of the table (a line break in a name would forge a row). */
  private static String nz(String value) {
    return value == null ? "-" : TerminalText.inline(value);
  }

  /** One decimal, with a comma in Dutch like every other figure people read. */
  private static String figure(BigDecimal value, Messages messages) {
    return value == null ? "-" : messages.decimal(value);
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String pad(String text, int width) {
    StringBuilder out = new StringBuilder(text);
    for (int i = width(text); i < width; i++) {
      out.append(' ');
    }
    return out.toString();
  }
}
