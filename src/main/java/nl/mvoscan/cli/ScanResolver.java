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
        throw MvoscanException.invalidInput(Problems.located(fileOrId, result.problems(), messages));
      }
      return result.scan();
    }
    return byId(fileOrId, null);
  }

  /** The scan with this id; {@code requestedBy} names the answers file that asked for it. */
  Scan byId(String id, String requestedBy) {
    return catalog().find(id).orElseThrow(() -> MvoscanException.invalidInput(
        (requestedBy == null ? "" : requestedBy + ": /scan: ") + messages.get("cli.scanNotFound", id)));
  }

  ScanCatalog catalog() {
    if (catalog == null) {
      catalog = sources.catalog(Locale.forLanguageTag(messages.language()));
    }
    return catalog;
  }
}
