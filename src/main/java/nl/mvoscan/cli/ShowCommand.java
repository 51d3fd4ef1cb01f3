package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.report.StoredResponseView;
import nl.mvoscan.store.ResponseDetails;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Toon één opgeslagen antwoord: gegevens, scores per thema en elk antwoord (id uit 'responses').",
      "Show one stored response: details, scores per theme and every answer (id from 'responses')."
    })
public final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin JsonOption json;

  @Parameters(
      paramLabel = "ID",
      description = "Id uit 'mvoscan responses' / id from 'mvoscan responses'.")
  long id;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    Optional<ResponseDetails.Details> found;
    try (Store store = db.openExisting(messages)) {
      found = ResponseDetails.find(store, id);
    }
    if (found.isEmpty()) {
      throw MvoscanException.invalidInput(messages.get("show.unknown", id));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      out.println(ResultJson.write(StoredResponseView.json(found.get())));
    } else {
      StoredResponseView.text(found.get(), messages, out);
    }
    out.flush();
    return ExitCode.OK;
  }
}
