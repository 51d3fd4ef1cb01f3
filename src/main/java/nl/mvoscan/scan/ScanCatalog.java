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
 * Finds scans: the ones bundled from {@code scans/} in the jar, then those in extra folders (from
 * {@code --scans} or {@code MVOSCAN_SCANS}). A folder scan with the same id as a bundled one wins,
 * so a network can ship its own edition without rebuilding.
 */
public final class ScanCatalog {

  /** One scan file found, valid or not. */
  public record Entry(String origin, ScanLoader.Result result) {}

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
    Entry found = null;
    for (Entry entry : entries) {
      if (entry.result().ok() && entry.result().scan().id().equals(id)) {
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
        return list(fs.getPath("/scans"), locale);
      }
      return list(Path.of(uri), locale);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled scans", e);
    }
  }

  private static List<Entry> list(Path folder, Locale locale) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String name = "bundled:" + file.getFileName();
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
