package nl.mvoscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A teacher who unpacks the release zip reads its README and the documents beside it: every
 * relative link in them must open a file that the zip holds, not one that only a clone of the
 * repository has. What the zip holds is read from its descriptor, {@code src/dist/assembly.xml}, so
 * the check runs before the zip is built (and CI checks the built zip the same way).
 */
class ReleaseZipLinksTest {

  private static final Path ASSEMBLY = Path.of("src", "dist", "assembly.xml");

  /** [text](target "title") and ![alt](target); the target ends at a space or the bracket. */
  private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?[^)]*\\)");

  /** [label]: target, a reference definition on a line of its own. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");

  /** href="target" and src="target" of inline HTML. */
  private static final Pattern HTML = Pattern.compile("(?:href|src)\\s*=\\s*[\"']([^\"']+)[\"']");

  @Test
  void everyRelativeLinkInTheZippedDocumentsOpensAFileOfTheZip() throws Exception {
    Map<String, Path> packed = packedFiles();
    List<String> broken = new ArrayList<>();
    for (var document : packed.entrySet()) {
      if (!document.getKey().endsWith(".md")) {
        continue;
      }
      String markdown = Files.readString(document.getValue(), StandardCharsets.UTF_8);
      for (String link : relativeLinks(markdown)) {
        String target = resolve(document.getKey(), link);
        if (!opens(packed.keySet(), target)) {
          broken.add(document.getKey() + " -> " + link);
        }
      }
    }

    assertThat(packed).containsKeys("README.md", "docs/serve.md", "examples/README.md");
    assertThat(broken).as("links in the release zip that point to nothing in it").isEmpty();
  }

  @Test
  void aLinkToAFileTheZipLacksIsFound() {
    Set<String> packed = Set.of("README.md", "docs/serve.md");

    assertThat(relativeLinks("see [the bench](bench/README.md) and [serve](docs/serve.md#tls)"))
        .containsExactly("bench/README.md", "docs/serve.md#tls");
    assertThat(opens(packed, resolve("README.md", "bench/README.md"))).isFalse();
    assertThat(opens(packed, resolve("README.md", "docs/serve.md#tls"))).isTrue();
    assertThat(opens(packed, resolve("docs/serve.md", "../README.md"))).isTrue();
    assertThat(resolve("docs/serve.md", "../../README.md")).isNull();
    assertThat(relativeLinks("[site](https://example.org/x) [top](#privacy) `[a](b)`")).isEmpty();
  }

  /** The links of a Markdown text that name no scheme and are not a place in the same file. */
  static List<String> relativeLinks(String markdown) {
    // code is shown as it is, never a link
    String text =
        markdown.replaceAll("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1", "").replaceAll("`[^`\n]*`", "");
    List<String> links = new ArrayList<>();
    for (Pattern pattern : List.of(INLINE, REFERENCE, HTML)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String link = m.group(1);
        if (!link.startsWith("#") && !link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
          links.add(link);
        }
      }
    }
    return links;
  }

  /** Where {@code link} in {@code document} leads inside the zip; null when it leaves the zip. */
  static String resolve(String document, String link) {
    String path = URLDecoder.decode(link.replaceAll("[?#].*", ""), StandardCharsets.UTF_8);
    Path base = Path.of(document).getParent();
    Path target = (base == null ? Path.of(path) : base.resolve(path)).normalize();
    if (target.toString().isEmpty()) {
      return document;
    }
    if (target.startsWith("..")) {
      return null;
    }
    return target.toString().replace('\\', '/');
  }

  /** Whether {@code target} is a packed file or a folder holding one. */
  static boolean opens(Set<String> packed, String target) {
    return target != null
        && (packed.contains(target)
            || packed.stream()
                .anyMatch(file -> file.startsWith(target.replaceAll("/$", "") + "/")));
  }

  /**
   * The files of the zip, as paths below its top folder, each with the file of the source tree it
   * is made from; read from the assembly descriptor.
   */
  private static Map<String, Path> packedFiles() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(ASSEMBLY.toFile()).getDocumentElement();
    Map<String, Path> packed = new TreeMap<>();
    for (Element file : children(root, "files", "file")) {
      Path source = Path.of(text(file, "source"));
      String name = text(file, "destName");
      packed.put(
          join(text(file, "outputDirectory"), name != null ? name : source.getFileName()), source);
    }
    for (Element set : children(root, "fileSets", "fileSet")) {
      // this check knows no include or exclude patterns: a descriptor with them needs it to learn
      assertThat(set.getElementsByTagName("includes").getLength()).isZero();
      assertThat(set.getElementsByTagName("excludes").getLength()).isZero();
      Path directory = Path.of(text(set, "directory"));
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          packed.put(join(text(set, "outputDirectory"), directory.relativize(file)), file);
        }
      }
    }
    return packed;
  }

  private static String join(String outputDirectory, Object name) {
    String dir = outputDirectory == null ? "" : outputDirectory.replaceAll("^\\./?|/$", "");
    String joined = dir.isEmpty() ? name.toString() : dir + "/" + name;
    return joined.replace('\\', '/');
  }

  private static List<Element> children(Element root, String list, String item) {
    List<Element> found = new ArrayList<>();
    NodeList lists = root.getElementsByTagName(list);
    for (int i = 0; i < lists.getLength(); i++) {
      for (Node n = lists.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(item)) {
          found.add(e);
        }
      }
    }
    return found;
  }

  private static String text(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
