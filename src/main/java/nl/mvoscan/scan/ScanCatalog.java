package nl.mvoscan.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.mvoscan.io.JsonReader;

/**
 * Finds scans: the earlier editions bundled from {@code scans/archive/}, the current ones bundled
 * from {@code scans/}, then those in extra folders (from {@code --scans} or {@code MVOSCAN_SCANS}).
 * A later entry with the same id wins a lookup by id alone, so the current edition beats the
 * archived ones and a network can ship its own edition without rebuilding. Archived editions stay
 * findable by id and version, so an answers file made for an earlier edition is still scored
 * against the definition it was made for.
 *
 * <p>Scans are loaded when asked for: a lookup loads the bundled files the build's {@link
 * ScanIndex} names for that id (and the folder scans, whose ids only their files tell), so a
 * command that needs one scan does not read, check and hash all of them.
 */
public final class ScanCatalog {

  /** One scan file found, valid or not. */
  public record Entry(String origin, ScanLoader.Result result) {}

  /** The sub-folder of the bundled scans that holds earlier editions. */
  public static final String ARCHIVE = "archive";

  /**
   * A scan file, loaded on first use; {@code id} and {@code version} are what the build recorded,
   * {@code null} when only loading the file can tell.
   */
  private static final class Candidate {
    final String origin;
    final String id;
    final String version;
    private final Supplier<ScanLoader.Result> loader;
    private Entry entry;

    Candidate(String origin, String id, String version, Supplier<ScanLoader.Result> loader) {
      this.origin = origin;
      this.id = id;
      this.version = version;
      this.loader = loader;
    }

    boolean mayBe(String wantedId, String wantedVersion) {
      return (id == null || id.equals(wantedId))
          && (version == null || wantedVersion == null || version.equals(wantedVersion));
    }

    Entry entry() {
      if (entry == null) {
        entry = new Entry(origin, loader.get());
      }
      return entry;
    }
  }

  private final List<Candidate> candidates;

  private ScanCatalog(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  public static ScanCatalog load(List<Path> folders, Locale locale) {
    List<Candidate> candidates = new ArrayList<>(bundled(locale));
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".json"))
            .sorted()
            .forEach(
                f ->
                    candidates.add(
                        new Candidate(f.toString(), null, null, () -> ScanLoader.load(f, locale))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ScanCatalog(candidates);
  }

  /**
   * The bundled scan with this hash, loaded as the build checked it; empty when no bundled scan has
   * it. A hash names one definition (§6), so a scan stored with this hash is this scan.
   */
  public static Optional<ScanLoader.Result> bundledByHash(String hash) {
    Optional<List<ScanIndex.Item>> items = ScanIndex.bundled();
    if (items.isEmpty()) {
      return Optional.empty();
    }
    for (ScanIndex.Item item : items.get()) {
      if (item.hash().equals(hash)) {
        ScanLoader.Result result =
            load(
                ScanIndex.resource("/scans/" + item.file()),
                "bundled:" + item.file(),
                item,
                Locale.ENGLISH);
        return result.ok() ? Optional.of(result) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The hashes of the bundled scans outside the archive (the current versions), as the build
   * indexed them; empty without an index.
   */
  public static List<String> currentBundledHashes() {
    return ScanIndex.bundled()
        .map(
            items ->
                items.stream()
                    .filter(item -> !item.file().startsWith(ARCHIVE + "/"))
                    .map(ScanIndex.Item::hash)
                    .toList())
        .orElse(List.of());
  }

  /** Every scan file, each loaded and checked. */
  public List<Entry> entries() {
    return candidates.stream().map(Candidate::entry).toList();
  }

  /** The last valid scan with this id: folders come after the bundled scans and override them. */
  public Optional<Scan> find(String id) {
    return entry(id).map(e -> e.result().scan());
  }

  /** The entry of {@link #find}, with the document the scan was read from. */
  public Optional<Entry> entry(String id) {
    return entry(id, null);
  }

  /**
   * The last valid entry with this id and, unless {@code version} is {@code null}, this version.
   */
  public Optional<Entry> entry(String id, String version) {
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Candidate candidate = candidates.get(i);
      if (!candidate.mayBe(id, version)) {
        continue;
      }
      Entry entry = candidate.entry();
      if (entry.result().ok()
          && entry.result().scan().id().equals(id)
          && (version == null || entry.result().scan().version().equals(version))) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private static List<Candidate> bundled(Locale locale) {
    Optional<List<ScanIndex.Item>> items = ScanIndex.bundled();
    if (items.isPresent()) {
      // the index names the files: read them as resources, without opening the jar as a file
      // system, which reads its whole directory
      List<Candidate> candidates = new ArrayList<>();
      for (ScanIndex.Item item : items.get()) {
        String name = "bundled:" + item.file();
        candidates.add(
            new Candidate(
                name,
                item.id(),
                item.version(),
                () -> load(ScanIndex.resource("/scans/" + item.file()), name, item, locale)));
      }
      return candidates;
    }
    URL index = ScanCatalog.class.getResource("/scans/");
    if (index == null) {
      return List.of();
    }
    try {
      URI uri = index.toURI();
      Path folder;
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        folder = fs.getPath("/scans");
      } else {
        folder = Path.of(uri);
      }
      return bundledIn(folder, locale);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled scans", e);
    }
  }

  /**
   * Without an index: the archived editions first, so a lookup by id alone finds the current one.
   */
  private static List<Candidate> bundledIn(Path folder, Locale locale) throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    for (String file : ScanIndex.bundledFiles(folder)) {
      Path path = folder.resolve(file);
      String name = "bundled:" + file;
      candidates.add(
          new Candidate(name, null, null, () -> load(readAll(path), name, null, locale)));
    }
    return candidates;
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bundled file: trusted when the build checked these very bytes, else checked in full. */
  private static ScanLoader.Result load(
      byte[] content, String name, ScanIndex.Item item, Locale locale) {
    if (content == null) {
      throw new IllegalStateException("bundled scan missing from the build: " + name);
    }
    if (item != null && item.describes(content)) {
      return ScanLoader.loadChecked(
          Path.of(name), JsonReader.parseUnlocated(name, content), item.hash(), locale);
    }
    return ScanLoader.load(Path.of(name), JsonReader.parse(name, content), locale);
  }
}
