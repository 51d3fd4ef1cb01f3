package nl.mvoscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.ScanLoader;

/** Finds the scan a command needs: a file path, or an id looked up among the known scans. */
final class ScanResolver {

  private final ScanSourceOptions sources;
  private final Messages messages;
  private ScanCatalog catalog;
  private final java.util.Map<Scan, com.fasterxml.jackson.databind.JsonNode> definitions =
      new java.util.IdentityHashMap<>();

  ScanResolver(ScanSourceOptions sources, Messages messages) {
    this.sources = sources;
    this.messages = messages;
  }

  /** {@code fileOrId} is a path when such a file exists, else a scan id. */
  Scan resolve(String fileOrId) {
    Path path = Path.of(fileOrId);
    if (Files.isRegularFile(path) || fileOrId.endsWith(".json")) {
      ScanLoader.Result result = ScanLoader.load(path, messages.locale());
      if (!result.ok()) {
        throw MvoscanException.invalidInput(
            Problems.located(fileOrId, result.problems(), messages));
      }
      definitions.put(result.scan(), result.document().root());
      return result.scan();
    }
    return byId(fileOrId, null);
  }

  /** The scan with this id; {@code requestedBy} names the answers file that asked for it. */
  Scan byId(String id, String requestedBy) {
    ScanCatalog.Entry entry =
        catalog()
            .entry(id)
            .orElseThrow(
                () ->
                    MvoscanException.invalidInput(
                        (requestedBy == null ? "" : requestedBy + ": /scan: ")
                            + messages.get("cli.scanNotFound", id)));
    definitions.put(entry.result().scan(), entry.result().document().root());
    return entry.result().scan();
  }

  /** The scan file's JSON as read, for storing next to results. */
  com.fasterxml.jackson.databind.JsonNode definition(Scan scan) {
    return definitions.get(scan);
  }

  ScanCatalog catalog() {
    if (catalog == null) {
      catalog = sources.catalog(Locale.forLanguageTag(messages.language()));
    }
    return catalog;
  }

  /** An answers file read with its scan, or the problems that stop it. */
  record LoadedAnswers(
      Scan scan,
      nl.mvoscan.scan.Answers answers,
      java.util.List<nl.mvoscan.io.JsonProblem> problems) {
    boolean ok() {
      return answers != null;
    }
  }

  /**
   * Reads an answers file and validates it against {@code fixedScan}, or else against the scan it
   * names, found among the known scans. Every command that takes answers files goes through here,
   * so they all find scans and report problems alike.
   */
  LoadedAnswers loadAnswers(Path file, Scan fixedScan) {
    if (nl.mvoscan.io.Tables.isTable(file)) {
      // a class table read as JSON gives only a parser's complaint about its first cell
      return new LoadedAnswers(
          null,
          null,
          java.util.List.of(new nl.mvoscan.io.JsonProblem("", 0, 0, "score.classTable")));
    }
    nl.mvoscan.io.JsonDocument document = nl.mvoscan.io.JsonReader.read(file);
    if (!document.isParsed()) {
      return new LoadedAnswers(null, null, document.problems());
    }
    Scan scan = fixedScan;
    String version = nl.mvoscan.scan.AnswersLoader.scanVersionOf(document);
    if (scan == null) {
      String id = nl.mvoscan.scan.AnswersLoader.scanIdOf(document);
      nl.mvoscan.io.JsonDocument.Location at = document.locate("/scan");
      if (id == null) {
        return new LoadedAnswers(
            null,
            null,
            java.util.List.of(
                document.root().isObject()
                    ? new nl.mvoscan.io.JsonProblem(
                        "/scan", at.line(), at.column(), "score.noScanId")
                    : new nl.mvoscan.io.JsonProblem("", 0, 0, "answers.notObject")));
      }
      // an answers file made for an earlier edition is scored against that edition when it is
      // known; otherwise the current one is taken and the loader reports the other version
      java.util.Optional<ScanCatalog.Entry> entry = catalog().entry(id, version);
      if (entry.isEmpty()) {
        entry = catalog().entry(id);
      }
      if (entry.isEmpty()) {
        return new LoadedAnswers(
            null,
            null,
            java.util.List.of(
                new nl.mvoscan.io.JsonProblem(
                    "/scan", at.line(), at.column(), "cli.scanNotFound", id)));
      }
      scan = entry.get().result().scan();
      definitions.put(scan, entry.get().result().document().root());
    }
    nl.mvoscan.scan.AnswersLoader.Result loaded =
        nl.mvoscan.scan.AnswersLoader.load(file, document, scan);
    return new LoadedAnswers(scan, loaded.answers(), loaded.problems());
  }
}
