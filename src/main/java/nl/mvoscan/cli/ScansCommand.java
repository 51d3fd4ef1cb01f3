package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.Listings;
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
    boolean anyInvalid = false;
    for (ScanCatalog.Entry entry : catalog.entries()) {
      if (!entry.result().ok()) {
        anyInvalid = true;
        err.println(
            messages.get(
                "scans.invalid",
                entry.origin(),
                messages.count("problem", entry.result().problems().size())));
      }
    }
    if (json.json) {
      out.println(Listings.scansJson(catalog.entries(), language));
    } else {
      Listings.scansTable(catalog.entries(), messages).forEach(out::println);
    }
    out.flush();
    err.flush();
    return anyInvalid ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
