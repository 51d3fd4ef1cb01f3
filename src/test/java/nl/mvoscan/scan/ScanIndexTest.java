package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's check of the bundled scans is the check a start would do. */
class ScanIndexTest {

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = ScanIndexTest.class.getResourceAsStream("/scans/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void theBuildIndexedEveryBundledScanWithTheHashAndIdThatAFullCheckGivesAtRunTime()
      throws IOException {
    List<ScanIndex.Item> items = ScanIndex.bundled().orElseThrow();
    List<String> files = ScanIndex.bundledFiles(Path.of("scans"));
    assertThat(items).extracting(ScanIndex.Item::file).containsExactlyElementsOf(files);
    for (ScanIndex.Item item : items) {
      byte[] content = resource(item.file());
      assertThat(item.describes(content)).as(item.file()).isTrue();
      ScanLoader.Result full =
          ScanLoader.load(
              Path.of(item.file()), JsonReader.parse(item.file(), content), Locale.ROOT);
      assertThat(full.problems()).as(item.file()).isEmpty();
      assertThat(full.scan().hash()).isEqualTo(item.hash());
      assertThat(full.scan().id()).isEqualTo(item.id());
      assertThat(full.scan().version()).isEqualTo(item.version());
      ScanLoader.Result checked =
          ScanLoader.loadChecked(
              Path.of(item.file()),
              JsonReader.parse(item.file(), content),
              item.hash(),
              Locale.ROOT);
      assertThat(checked.scan()).hasToString(full.scan().toString());
    }
  }

  @Test
  void aBundledScanIsFoundWithTheHashOfItsFullCheck() throws IOException {
    ScanCatalog catalog = ScanCatalog.load(List.of(), Locale.ROOT);
    for (ScanIndex.Item item : ScanIndex.bundled().orElseThrow()) {
      byte[] content = resource(item.file());
      String hash =
          ScanLoader.load(Path.of(item.file()), JsonReader.parse(item.file(), content), Locale.ROOT)
              .scan()
              .hash();
      // archived editions share the id of the current one: look each up by id and version
      assertThat(catalog.entry(item.id(), item.version()).orElseThrow().result().scan().hash())
          .isEqualTo(hash);
    }
  }

  @Test
  void aStoredScanWithTheHashOfABundledOneIsTheBundledOneAndAnyOtherHashIsNot() {
    for (ScanIndex.Item item : ScanIndex.bundled().orElseThrow()) {
      ScanLoader.Result result = ScanCatalog.bundledByHash(item.hash()).orElseThrow();
      assertThat(result.scan().hash()).isEqualTo(item.hash());
      assertThat(result.scan().id()).isEqualTo(item.id());
    }
    assertThat(ScanCatalog.bundledByHash("sha256:" + "0".repeat(64))).isEmpty();
  }

  @Test
  void aFileThatIsNotTheOneTheBuildCheckedIsNotTrusted() throws IOException {
    ScanIndex.Item item = ScanIndex.bundled().orElseThrow().get(0);
    byte[] content = resource(item.file());
    byte[] changed = content.clone();
    changed[changed.length / 2] ^= 1;
    assertThat(item.describes(changed)).isFalse();
    assertThat(item.describes(java.util.Arrays.copyOf(content, content.length + 1))).isFalse();
  }

  @Test
  void theIndexOfAFolderListsItsValidScansAndABrokenOneFailsTheBuild(@TempDir Path dir)
      throws IOException {
    Files.write(dir.resolve("a.json"), resource("circulair-quickscan.json"));
    Files.createDirectories(dir.resolve(ScanCatalog.ARCHIVE));
    Files.write(
        dir.resolve(ScanCatalog.ARCHIVE).resolve("z.json"), resource("mvo-stagebedrijf.json"));
    ScanIndex.main(new String[] {dir.toString()});
    List<ScanIndex.Item> items =
        ScanIndex.parse(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("index.json").toFile()));
    // archived editions first, as the catalog lists them
    assertThat(items).extracting(ScanIndex.Item::file).containsExactly("archive/z.json", "a.json");
    assertThat(items)
        .extracting(ScanIndex.Item::id)
        .containsExactly("mvo-stagebedrijf", "circulair-quickscan");

    Files.writeString(dir.resolve("b.json"), "{\"format\": \"mvoscan-scan/1\"}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ScanIndex.main(new String[] {dir.toString()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("b.json");
  }
}
