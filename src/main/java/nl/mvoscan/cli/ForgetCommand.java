package nl.mvoscan.cli;

import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = {
      "Verwijder alle persoonsgegevens van een student (AVG).",
      "Delete all personal data of a student (GDPR)."
    })
public final class ForgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Mixin StudentOptions who;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    ResponseQueries.Forgotten forgotten;
    try (Store store = db.openExisting(messages)) {
      if (network.given()) {
        // the regional database first: the school's own record is what finds the student there
        ResponseQueries.Found found = who.find(store, messages, "forget.none");
        try (NetworkOptions.School school = network.open(db, messages)) {
          NetworkQueries.Forgotten there =
              NetworkQueries.forget(
                  school.store(), school.id(), school.pseudonyms(found.respondentKeys()));
          spec.commandLine()
              .getOut()
              .println(
                  messages.get(
                      "forget.network",
                      school.store().location(),
                      messages.count("student", there.respondents()),
                      messages.count("response", there.responses())));
        }
      }
      forgotten = ResponseQueries.forget(store, who.student, who.className);
    }
    if (!forgotten.ambiguousClasses().isEmpty()) {
      throw who.ambiguous(messages, forgotten.ambiguousClasses());
    }
    if (forgotten.respondents() == 0) {
      throw MvoscanException.invalidInput(messages.get("forget.none"));
    }
    spec.commandLine()
        .getOut()
        .println(
            messages.get(
                "forget.done",
                messages.count("student", forgotten.respondents()),
                messages.count("response", forgotten.responses()),
                messages.count("answer", forgotten.answers())));
    if (forgotten.othersScrubbed() > 0) {
      spec.commandLine()
          .getOut()
          .println(
              messages.plural(
                  "forget.scrubbed", forgotten.othersScrubbed(), forgotten.othersScrubbed()));
    }
    return ExitCode.OK;
  }
}
