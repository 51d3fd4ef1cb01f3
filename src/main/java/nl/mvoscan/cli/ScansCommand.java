package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "scans",
    mixinStandardHelpOptions = true,
    description = {"Toon de scans die mvoscan kent.", "List the scans mvoscan can find."})
public final class ScansCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin JsonOption json;
  @Mixin ScanSourceOptions sources;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    String language = messages.language();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanCatalog catalog = sources.catalog(messages.locale());
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    boolean anyInvalid = false;
    if (!json.json) {
      out.printf(
          java.util.Locale.ROOT,
          "%-24s %-10s %-8s %6s  %s%n",
          "id",
          messages.get("scans.version"),
          messages.get("scans.languages"),
          messages.get("scans.scored"),
          messages.get("scans.title"));
    }
    for (ScanCatalog.Entry entry : catalog.entries()) {
      if (!entry.result().ok()) {
        anyInvalid = true;
        err.println(
            messages.get("scans.invalid", entry.origin(), entry.result().problems().size()));
        continue;
      }
      Scan scan = entry.result().scan();
      String title = scan.title().in(language, scan.defaultLanguage());
      if (json.json) {
        ObjectNode node = array.addObject();
        node.put("id", scan.id());
        node.put("version", scan.version());
        node.put("title", title);
        ArrayNode langs = node.putArray("languages");
        scan.languages().forEach(langs::add);
        node.put("themes", scan.themes().size());
        node.put("scoredQuestions", scan.scoredQuestions().size());
        node.put("source", entry.origin());
        node.put("hash", scan.hash());
      } else {
        out.printf(
            java.util.Locale.ROOT,
            "%-24s %-10s %-8s %6d  %s (%s)%n",
            scan.id(),
            scan.version(),
            String.join(",", scan.languages()),
            scan.scoredQuestions().size(),
            title,
            entry.origin());
      }
    }
    if (json.json) {
      out.println(ResultJson.write(array));
    }
    out.flush();
    err.flush();
    return anyInvalid ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
