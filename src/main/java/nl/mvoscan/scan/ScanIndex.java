package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonReader;

/**
 * What the build learnt about the bundled scans, so a command does not learn it again at every
 * start: each file's scan id, version and hash, and that it passed the schema and every rule of the
 * format. The build writes {@value #RESOURCE} into the jar ({@link #main}); at run time a bundled
 * file whose bytes still have the recorded length and CRC-32 is loaded without its schema check and
 * hash (the slowest part of loading a scan), and any other file is checked in full.
 */
public final class ScanIndex {

  /** Where the index lives on the class path, beside the bundled scans. */
  public static final String RESOURCE = "/scans/index.json";

  static final String FORMAT = "mvoscan-scan-index/1";

  /** One bundled scan file as the build found it. */
  public record Item(String file, String id, String version, String hash, long bytes, long crc32) {

    /** Whether {@code content} is exactly the file the build checked. */
    boolean describes(byte[] content) {
      return content.length == bytes && ScanIndex.crc32(content) == crc32;
    }
  }

  private ScanIndex() {}

  /** The index in the jar; empty when the build did not write one (running from an IDE, say). */
  static Optional<List<Item>> bundled() {
    byte[] content = resource(RESOURCE);
    if (content == null) {
      return Optional.empty();
    }
    try {
      // read like the scans themselves: creating an ObjectMapper would cost more than the index
      JsonDocument document = JsonReader.parse(RESOURCE, content);
      return document.isValid() ? Optional.of(parse(document.root())) : Optional.empty();
    } catch (RuntimeException e) {
      // a broken index only costs speed: every bundled scan is then checked in full
      return Optional.empty();
    }
  }

  /** A class-path resource's bytes, {@code null} when it is missing. */
  static byte[] resource(String name) {
    try (InputStream in = ScanIndex.class.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Item> parse(JsonNode root) {
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("not a scan index");
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode node : root.path("scans")) {
      items.add(
          new Item(
              node.path("file").asText(),
              node.path("id").asText(),
              node.path("version").asText(),
              node.path("hash").asText(),
              node.path("bytes").asLong(),
              node.path("crc32").asLong()));
    }
    return List.copyOf(items);
  }

  static long crc32(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    return crc.getValue();
  }

  /**
   * Checks every scan in a folder in full, as {@code validate} does, and writes the folder's index.
   * Run by the build on the bundled scans; a bundled scan that does not pass fails the build.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ScanIndex FOLDER");
    }
    Path folder = Path.of(args[0]);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode index = mapper.createObjectNode();
    index.put("format", FORMAT);
    ArrayNode scans = index.putArray("scans");
    List<String> problems = new ArrayList<>();
    for (String name : bundledFiles(folder)) {
      byte[] content = Files.readAllBytes(folder.resolve(name));
      ScanLoader.Result result =
          ScanLoader.load(Path.of(name), JsonReader.parse("bundled:" + name, content), Locale.ROOT);
      if (!result.ok()) {
        result
            .problems()
            .forEach(
                p ->
                    problems.add(
                        name
                            + ":"
                            + p.line()
                            + ":"
                            + p.column()
                            + ": "
                            + p.pointer()
                            + ": "
                            + p.key()
                            + " "
                            + java.util.Arrays.toString(p.args())));
        continue;
      }
      ObjectNode item = scans.addObject();
      item.put("file", name);
      item.put("id", result.scan().id());
      item.put("version", result.scan().version());
      item.put("hash", result.scan().hash());
      item.put("bytes", content.length);
      item.put("crc32", crc32(content));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "a bundled scan is invalid (run mvoscan validate on it):\n"
              + String.join("\n", problems));
    }
    Files.writeString(
        folder.resolve("index.json"),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(index) + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * The scan files of the bundled folder as names relative to it: the earlier editions in {@value
   * ScanCatalog#ARCHIVE}/ first, then the current ones, each in name order.
   */
  static List<String> bundledFiles(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    Path archive = folder.resolve(ScanCatalog.ARCHIVE);
    if (Files.isDirectory(archive)) {
      for (Path file : scanFiles(archive)) {
        names.add(ScanCatalog.ARCHIVE + "/" + file.getFileName());
      }
    }
    for (Path file : scanFiles(folder)) {
      names.add(file.getFileName().toString());
    }
    return names;
  }

  /** The scan files of one folder in name order, the index itself left out. */
  static List<Path> scanFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals("index.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
