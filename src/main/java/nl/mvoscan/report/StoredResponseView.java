package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.store.ResponseDetails;

/** One stored response as {@code mvoscan show} prints it: the stable JSON, or text for people. */
public final class StoredResponseView {

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /** Longer values are cut in the table and shown whole on the next line. */
  private static final int VALUE_WIDTH = 30;

  private StoredResponseView() {}

  public static ObjectNode json(ResponseDetails.Details d) {
    ObjectNode root = NODES.objectNode();
    root.put("id", d.id());
    root.put("student", d.student());
    root.put("studentNumber", d.studentNumber());
    root.put("class", d.className());
    if (d.company() == null) {
      root.putNull("company");
    } else {
      ObjectNode company = root.putObject("company");
      company.put("id", d.company().id());
      company.put("name", d.company().name());
      company.put("kvk", d.company().kvk());
      company.put("city", d.company().city());
      company.put("sector", d.company().sector());
    }
    root.put("schoolYear", d.schoolYear());
    root.put("date", d.date());
    root.put("language", d.language());
    ObjectNode scan = root.putObject("scan");
    scan.put("id", d.scanId());
    scan.put("version", d.scanVersion());
    scan.put("hash", d.scanHash());
    ObjectNode source = root.putObject("source");
    source.put("file", d.sourceFile());
    source.put("row", d.sourceRow());
    root.put("importedAt", d.importedAt());
    ObjectNode overall = root.putObject("overall");
    overall.put("status", d.status());
    overall.set("score", number(d.score()));
    overall.set("coverage", number(d.coverage()));
    overall.set("grade", number(d.grade()));
    overall.put("level", d.level());
    ArrayNode themes = root.putArray("themes");
    for (ResponseDetails.Theme t : d.themes()) {
      ObjectNode theme = themes.addObject();
      theme.put("id", t.id());
      theme.put("status", t.status());
      theme.set("score", number(t.score()));
      theme.set("coverage", number(t.coverage()));
    }
    ArrayNode answers = root.putArray("answers");
    for (ResponseDetails.Answer a : d.answers()) {
      ObjectNode answer = answers.addObject();
      answer.put("question", a.questionId());
      answer.set("value", a.value());
      answer.put("evidence", a.evidence());
      answer.put("note", a.note());
      answer.put("status", a.status());
      answer.set("points", number(a.points()));
    }
    return root;
  }

  public static void text(ResponseDetails.Details d, Messages messages, PrintWriter out) {
    List<String[]> fields = new ArrayList<>();
    fields.add(
        new String[] {
          messages.get("show.student"),
          d.student() == null
              ? "-"
              : d.student() + (d.studentNumber() == null ? "" : " (" + d.studentNumber() + ")")
        });
    fields.add(new String[] {messages.get("show.class"), dash(d.className())});
    fields.add(new String[] {messages.get("show.company"), company(d.company(), messages)});
    fields.add(new String[] {messages.get("show.schoolYear"), d.schoolYear()});
    fields.add(new String[] {messages.get("show.date"), dash(d.date())});
    fields.add(new String[] {messages.get("show.scan"), d.scanId() + " " + d.scanVersion()});
    fields.add(
        new String[] {
          messages.get("show.source"),
          d.sourceFile() == null
              ? "-"
              : d.sourceFile()
                  + (d.sourceRow() == null ? "" : ", " + messages.get("show.row", d.sourceRow()))
        });
    fields.add(
        new String[] {
          messages.get("show.overall"),
          messages.get(
              "show.overallLine",
              statusWord(d.status(), messages),
              figure(d.score(), messages),
              figure(d.coverage(), messages),
              figure(d.grade(), messages),
              dash(d.level()))
        });
    out.println(messages.get("show.title", d.id()));
    int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0);
    for (String[] field : fields) {
      // names, classes and companies are the student's; a line break would forge a field
      out.println("  " + pad(field[0], width) + "  " + TerminalText.inline(field[1]));
    }
    out.println();
    int themeWidth =
        Math.max(
            messages.get("show.theme").length(),
            d.themes().stream().mapToInt(t -> t.id().length()).max().orElse(0));
    out.println(
        pad(messages.get("show.theme"), themeWidth)
            + "  "
            + pad(messages.get("show.status"), 12)
            + " "
            + left(messages.get("show.score"), 6)
            + " "
            + left(messages.get("show.coverage"), 9));
    for (ResponseDetails.Theme t : d.themes()) {
      out.println(
          pad(t.id(), themeWidth)
              + "  "
              + pad(statusWord(t.status(), messages), 12)
              + " "
              + left(figure(t.score(), messages), 6)
              + " "
              + left(figure(t.coverage(), messages), 9));
    }
    out.println();
    int questionWidth =
        Math.max(
            messages.get("show.question").length(),
            d.answers().stream().mapToInt(a -> a.questionId().length()).max().orElse(0));
    List<String> values =
        d.answers().stream().map(a -> TerminalText.inline(value(a.value(), messages))).toList();
    int valueWidth =
        Math.max(
            messages.get("show.value").length(),
            values.stream()
                .mapToInt(v -> Math.min(VALUE_WIDTH, v.codePointCount(0, v.length())))
                .max()
                .orElse(0));
    out.println(
        (pad(messages.get("show.question"), questionWidth)
                + "  "
                + pad(messages.get("show.value"), valueWidth)
                + "  "
                + pad(messages.get("show.status"), 9)
                + " "
                + left(messages.get("show.points"), 6)
                + "  "
                + messages.get("show.evidence"))
            .stripTrailing());
    for (int i = 0; i < d.answers().size(); i++) {
      ResponseDetails.Answer a = d.answers().get(i);
      String value = values.get(i);
      boolean cut = value.codePointCount(0, value.length()) > VALUE_WIDTH;
      String cell =
          cut ? value.substring(0, value.offsetByCodePoints(0, VALUE_WIDTH - 1)) + "\u2026" : value;
      out.println(
          (pad(a.questionId(), questionWidth)
                  + "  "
                  + pad(cell, valueWidth)
                  + "  "
                  + pad(a.status() == null ? dash(null) : statusWord(a.status(), messages), 9)
                  + " "
                  + left(a.points() == null ? "-" : decimal(a.points(), messages), 6)
                  + "  "
                  + dash(TerminalText.inline(a.evidence())))
              .stripTrailing());
      if (cut) {
        out.println("    " + messages.get("show.value") + ": " + value);
      }
      if (a.note() != null && !a.note().isBlank()) {
        out.println("    " + messages.get("show.note") + ": " + oneLine(a.note()));
      }
    }
  }

  private static String company(ResponseDetails.Company company, Messages messages) {
    if (company == null) {
      return "-";
    }
    List<String> extra = new ArrayList<>();
    extra.add("id " + company.id());
    if (company.kvk() != null) {
      extra.add(messages.get("show.kvk", company.kvk()));
    }
    if (company.city() != null) {
      extra.add(company.city());
    }
    return company.name() + " (" + String.join(", ", extra) + ")";
  }

  /**
   * A value as a person reads it: the option id, the number, or the option ids of a multi answer.
   */
  private static String value(JsonNode value, Messages messages) {
    if (value == null || value.isNull()) {
      return "-";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return items.isEmpty() ? "[]" : String.join(", ", items);
    }
    if (value.isNumber()) {
      return decimal(value.decimalValue(), messages);
    }
    return oneLine(value.asText());
  }

  private static String figure(BigDecimal value, Messages messages) {
    return value == null ? "-" : decimal(value, messages);
  }

  /** Figures use a decimal comma in Dutch and a point in English (docs/decisions.md). */
  private static String decimal(BigDecimal value, Messages messages) {
    return messages.decimal(value);
  }

  private static JsonNode number(BigDecimal value) {
    return value == null ? NODES.nullNode() : NODES.numberNode(value);
  }

  private static String oneLine(String text) {
    return TerminalText.inline(text.replaceAll("[\\r\\n\\t]+", " "));
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }

  private static String pad(String text, int width) {
    StringBuilder out = new StringBuilder(text);
    for (int i = text.codePointCount(0, text.length()); i < width; i++) {
      out.append(' ');
    }
    return out.toString();
  }

  private static String left(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (int i = text.codePointCount(0, text.length()); i < width; i++) {
      out.append(' ');
    }
    return out.append(text).toString();
  }

  /** Status ids stay English in JSON for scripts; people read them in their own language. */
  private static String statusWord(String status, Messages messages) {
    return status == null ? "" : messages.get("status.word." + status);
  }
}
