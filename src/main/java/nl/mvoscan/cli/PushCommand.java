package nl.mvoscan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.Push;
import nl.mvoscan.store.SchoolKey;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreAddress;
import nl.mvoscan.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Stuur de resultaten van de school naar de regionale database: studenten als pseudoniem, zonder"
          + " notities (docs/regional.md).",
      "Send the school's results to the regional database: students as pseudonyms, without notes"
          + " (docs/regional.md)."
    })
public final class PushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "PATH|URL",
      description =
          "De regionale database / the regional database: postgresql://host:port/db?user=…"
              + " (of een SQLite-bestand / or a SQLite file)")
  String to;

  @Option(
      names = "--school",
      required = true,
      paramLabel = "NAME",
      description = "De naam van de school daar / the school's name there.")
  String school;

  @Option(
      names = "--with-notes",
      description =
          "Ook notities en toelichtingen (vrije tekst) / also notes and evidence (free text).")
  boolean withNotes;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "Sleutel van de school / the school's key (default: DATABASE.key).")
  Path key;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "500",
      description = "Antwoorden per transactie / responses per transaction (${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    StoreAddress target;
    try {
      target = StoreAddress.parse(to);
    } catch (IllegalArgumentException e) {
      throw MvoscanException.invalidInput("--to: " + e.getMessage());
    }
    if (batch < 1) {
      throw MvoscanException.invalidInput(messages.get("push.badBatch", batch));
    }
    if (target.equals(db.address())) {
      throw MvoscanException.invalidInput(messages.get("push.sameDatabase"));
    }
    SchoolKey schoolKey = KeysCommand.load(key, db, messages);
    int[] done = {0};
    try (Store local = db.openExisting(messages);
        Store network = Store.open(target)) {
      int total = Push.count(local);
      Progress progress =
          new Progress(spec.commandLine().getErr(), total, messages.get("push.progress"));
      Push.Outcome outcome;
      try {
        outcome =
            Push.push(
                local,
                network,
                schoolKey,
                new Push.Options(school.trim(), withNotes, batch),
                (pushed, all) -> {
                  done[0] = pushed;
                  progress.update(pushed);
                });
      } catch (Push.SchoolUnknown e) {
        throw MvoscanException.invalidInput(
            messages.get(
                e.notMember() ? "push.notMember" : "push.schoolUnknown",
                school.trim(),
                target.display()));
      } catch (StoreException e) {
        throw MvoscanException.failure(
            messages.get(
                "push.stopped",
                done[0],
                messages.count("response", total),
                messages.get(e.key(), e.args())),
            e);
      } finally {
        progress.close();
      }
      spec.commandLine()
          .getOut()
          .println(
              messages.get(
                  "push.done",
                  target.display(),
                  school.trim(),
                  outcome.added(),
                  outcome.replaced(),
                  outcome.unchanged()));
    }
    return ExitCode.OK;
  }
}
