package nl.mvoscan.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.mvoscan.io.JsonReader;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.ScanLoader;

/**
 * The scans stored with responses, parsed and schema-checked once per process: a hash names one
 * definition for good, so what loaded once is the same scan in every database and every command.
 */
public final class StoredScans {

  /** Loaded results by hash, including definitions that failed to load (with their problems). */
  private static final Map<String, ScanLoader.Result> LOADED = new ConcurrentHashMap<>();

  /** Each stored scan's questions by id, to type every answer read without a search. */
  private static final Map<String, Map<String, Question>> QUESTIONS = new ConcurrentHashMap<>();

  private StoredScans() {}

  /**
   * The scan of {@code hash}: as loaded before in this process, else from the definition stored in
   * {@code store}; empty when neither knows the hash. For a caller above the store (the web app
   * meets a hash in a class's link) that needs the stored scan without SQL of its own.
   */
  public static Optional<ScanLoader.Result> find(Store store, String hash) {
    ScanLoader.Result cached = LOADED.get(hash);
    return cached != null
        ? Optional.of(cached)
        : store.read(connection -> stored(connection, hash));
  }

  static Map<String, Question> questions(Scan scan) {
    return QUESTIONS.computeIfAbsent(scan.hash(), h -> scan.questionsById());
  }

  /**
   * Loads the current bundled scans into this process's cache ahead of their first use, as {@link
   * #load} would load them: for a command with a core to spare while it opens the database (most
   * stored responses are on a current bundled scan). A scan that does not load is left to {@link
   * #load}.
   */
  public static void preloadCurrentBundled() {
    for (String hash : ScanCatalog.currentBundledHashes()) {
      LOADED.computeIfAbsent(hash, h -> ScanCatalog.bundledByHash(h).orElse(null));
    }
  }

  /**
   * The scan of {@code hash} from its stored {@code definition}; the definition is read only the
   * first time a hash is asked for.
   */
  static ScanLoader.Result load(String hash, String definition) {
    return LOADED.computeIfAbsent(
        hash,
        h -> {
          // a scan the build checked needs no second check: most stored scans are bundled ones
          Optional<ScanLoader.Result> bundled = ScanCatalog.bundledByHash(h);
          if (bundled.isPresent()) {
            return bundled.get();
          }
          String name = "db:" + h;
          return ScanLoader.load(Path.of(name), JsonReader.parse(name, definition), Locale.ENGLISH);
        });
  }

  /** The scan of {@code hash}, read from the database the first time; it loaded when stored. */
  static Scan scan(Connection connection, String hash) throws SQLException {
    ScanLoader.Result cached = LOADED.get(hash);
    if (cached == null) {
      cached =
          stored(connection, hash)
              .orElseThrow(
                  () ->
                      new SQLException(
                          "scan definition " + hash + " is missing from the database"));
    }
    if (!cached.ok()) {
      throw new SQLException(
          "stored scan definition " + hash + " no longer loads: " + cached.problems().get(0).key());
    }
    return cached.scan();
  }

  private static Optional<ScanLoader.Result> stored(Connection connection, String hash)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT definition FROM scan WHERE hash = ?")) {
      select.setString(1, hash);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(load(hash, rs.getString(1))) : Optional.empty();
      }
    }
  }
}
