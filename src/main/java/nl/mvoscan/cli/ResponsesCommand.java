package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "responses",
    mixinStandardHelpOptions = true,
    description = {"Toon de opgeslagen antwoorden.", "List the stored responses."})
public final class ResponsesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin JsonOption json;

  @Option(names = "--class", paramLabel = "X")
  String className;

  @Option(names = "--company", paramLabel = "NAME")
  String company;

  @Option(names = "--school-year", paramLabel = "YYYY-YYYY")
  String schoolYear;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    PrintWriter out = spec.commandLine().getOut();
    List<ResponseQueries.Summary> rows;
    try (Store store = db.openExisting(messages)) {
      rows =
          ResponseQueries.list(store, new ResponseQueries.Filter(className, company, schoolYear));
    }
    if (json.json) {
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
      out.println(ResultJson.write(array));
    } else {
      out.printf(
          java.util.Locale.ROOT,
          "%5s  %-24s %-6s %-30s %-9s %6s %5s  %s%n",
          "id",
          messages.get("responses.student"),
          messages.get("responses.class"),
          messages.get("responses.company"),
          messages.get("responses.schoolYear"),
          "score",
          messages.get("responses.grade"),
          messages.get("responses.level"));
      for (ResponseQueries.Summary row : rows) {
        out.printf(
            java.util.Locale.ROOT,
            "%5d  %-24s %-6s %-30s %-9s %6s %5s  %s%n",
            row.id(),
            nz(row.student()),
            nz(row.className()),
            nz(row.company()),
            row.schoolYear(),
            figure(row.score(), messages),
            figure(row.grade(), messages),
            nz(row.level()));
      }
      spec.commandLine().getErr().println(messages.get("responses.count", rows.size()));
    }
    out.flush();
    return ExitCode.OK;
  }

  private static String nz(String value) {
    return value == null ? "-" : value;
  }

  /** One decimal, with a comma in Dutch like every other figure people read. */
  private static String figure(java.math.BigDecimal value, Messages messages) {
    return value == null ? "-" : messages.decimal(value);
  }
}
