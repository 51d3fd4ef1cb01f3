package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.ResponseDetails;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description = {
      "Inzage (AVG): alles wat over één student is opgeslagen, als JSON; met --network ook in de"
          + " regionale database.",
      "Right of access (GDPR): everything stored about one student, as JSON; with --network also on"
          + " the regional database."
    })
public final class AccessCommand implements Callable<Integer> {

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin NetworkOptions network;

  @Mixin StudentOptions who;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    ObjectNode root = NODES.objectNode();
    root.put("format", "mvoscan-access/1");
    root.put("student", who.student.trim());
    try (Store store = db.openExisting(messages)) {
      ResponseQueries.Found found = who.find(store, messages, "access.none");
      root.put("database", store.location());
      root.set(
          "responses", responses(store, ResponseQueries.responsesOf(store, found.respondentIds())));
      if (network.given()) {
        try (NetworkOptions.School school = network.open(db, messages)) {
          List<String> pseudonyms = school.pseudonyms(found.respondentKeys());
          ObjectNode there = root.putObject("network");
          there.put("database", school.store().location());
          there.put("school", network.school.trim());
          ArrayNode names = there.putArray("pseudonyms");
          pseudonyms.forEach(names::add);
          there.set(
              "responses",
              responses(
                  school.store(),
                  NetworkQueries.responses(school.store(), school.id(), pseudonyms)));
        }
      }
    }
    spec.commandLine().getOut().println(ResultJson.write(root));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private static ArrayNode responses(Store store, List<Long> ids) {
    ArrayNode responses = NODES.arrayNode();
    store.snapshot(
        () -> {
          for (long id : ids) {
            ResponseDetails.find(store, id)
                .ifPresent(d -> responses.add(nl.mvoscan.report.StoredResponseView.json(d)));
          }
          return null;
        });
    return responses;
  }
}
