package nl.mvoscan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Verwijder opgeslagen antwoorden (id uit 'responses').",
      "Delete stored responses (id from 'responses')."
    })
public final class DeleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Parameters(paramLabel = "ID", arity = "1..*")
  List<Long> ids;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    ResponseQueries.Deleted deleted;
    try (Store store = db.openExisting(messages)) {
      deleted = ResponseQueries.delete(store, ids);
    }
    if (!deleted.unknown().isEmpty()) {
      throw MvoscanException.invalidInput(
          deleted.unknown().stream().map(id -> messages.get("delete.unknown", id)).toList(),
          messages.get("delete.nothing"));
    }
    spec.commandLine()
        .getOut()
        .println(messages.get("delete.done", messages.count("response", deleted.deleted())));
    if (deleted.othersScrubbed() > 0) {
      spec.commandLine()
          .getOut()
          .println(messages.count("removedScrubbed", deleted.othersScrubbed()));
    }
    return ExitCode.OK;
  }
}
