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
import java.util.stream.Stream;
import nl.mvoscan.io.JsonReader;

/**
 * Finds scans: the earlier editions bundled from {@code scans/archive/}, the current ones bundled
 * from {@code scans/}, then those in extra folders (from {@code --scans} or {@code MVOSCAN_SCANS}).
 * A later entry with the same id wins a lookup by id alone, so the current edition beats the
 * archived ones and a network can ship its own edition without rebuilding. Archived editions stay
 * findable by id and version, so an answers file made for an earlier edition is still scored
 * against the definition it was made for.
 */
public final class ScanCatalog {

  /** One scan file found, valid or not. */
  public record Entry(String origin, ScanLoader.Result result) {}

  /** The sub-folder of the bundled scans that holds earlier editions. */
  public static final String ARCHIVE = "archive";

  private final List<Entry> entries;

  private ScanCatalog(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ScanCatalog load(List<Path> folders, Locale locale) {
    List<Entry> entries = new ArrayList<>(bundled(locale));
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".json"))
            .sorted()
            .forEach(f -> entries.add(new Entry(f.toString(), ScanLoader.load(f, locale))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ScanCatalog(entries);
  }

  public List<Entry> entries() {
    return entries;
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
    Entry found = null;
    for (Entry entry : entries) {
      if (entry.result().ok()
          && entry.result().scan().id().equals(id)
          && (version == null || entry.result().scan().version().equals(version))) {
        found = entry;
      }
    }
    return Optional.ofNullable(found);
  }

  private static List<Entry> bundled(Locale locale) {
    URL index = ScanCatalog.class.getResource("/scans/");
    if (index == null) {
      return List.of();
    }
    try {
      URI uri = index.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return bundledIn(fs.getPath("/scans"), locale);
      }
      return bundledIn(Path.of(uri), locale);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled scans", e);
    }
  }

  /** The archived editions first, so that a lookup by id alone finds the current one. */
  private static List<Entry> bundledIn(Path folder, Locale locale) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Path archive = folder.resolve(ARCHIVE);
    if (Files.isDirectory(archive)) {
      entries.addAll(list(archive, "bundled:" + ARCHIVE + "/", locale));
    }
    entries.addAll(list(folder, "bundled:", locale));
    return entries;
  }

  private static List<Entry> list(Path folder, String prefix, Locale locale) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        String name = prefix + file.getFileName();
        entries.add(
            new Entry(
                name,
                ScanLoader.load(
                    Path.of(name), JsonReader.parse(name, Files.readAllBytes(file)), locale)));
      }
    }
    return entries;
  }
}
