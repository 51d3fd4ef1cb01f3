package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.Listings;
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
      Selections.requireKnown(
          store,
          messages,
          Selections.of(className),
          Selections.of(company),
          Selections.of(schoolYear));
      rows =
          ResponseQueries.list(store, new ResponseQueries.Filter(className, company, schoolYear));
    }
    if (json.json) {
      out.println(Listings.responsesJson(rows));
    } else {
      Listings.responsesTable(rows, messages).forEach(out::println);
      spec.commandLine().getErr().println(messages.count("response", rows.size()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
