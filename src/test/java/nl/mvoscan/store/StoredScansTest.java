package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A caller above the store gets a stored scan by its hash, without SQL of its own. */
class StoredScansTest {

  private static final Path GOLDEN = Path.of("src/test/resources/aggregate");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aStoredScanIsFoundByItsHashAndAnUnknownHashIsNot(Backend backend) {
    ScanLoader.Result scan = ScanLoader.load(GOLDEN.resolve("scan.json"), Locale.ENGLISH);
    assertThat(scan.problems()).isEmpty();
    AnswersLoader.Result answers =
        AnswersLoader.load(GOLDEN.resolve("answers/r1.json"), scan.scan());
    assertThat(answers.problems()).isEmpty();
    try (Store store = backend.openNew(dir)) {
      ResponseWriter.save(
          store,
          List.of(
              new ResponseWriter.NewResponse(
                  Scorer.score(scan.scan(), answers.answers()),
                  scan.document().root(),
                  "3A",
                  "r1.json",
                  null)),
          LocalDate.of(2026, 11, 20));
      String hash = scan.scan().hash();

      ScanLoader.Result found = StoredScans.find(store, hash).orElseThrow();

      assertThat(found.ok()).isTrue();
      assertThat(found.scan().hash()).isEqualTo(hash);
      assertThat(found.scan().id()).isEqualTo(scan.scan().id());
      assertThat(found.document().root()).isEqualTo(scan.document().root());
      assertThat(StoredScans.find(store, "sha256:" + "0".repeat(64))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theCurrentBundledScansArePreloadedBeforeAnyDatabaseHasThem(Backend backend) {
    List<String> current = ScanCatalog.currentBundledHashes();
    assertThat(current).isNotEmpty();

    StoredScans.preloadCurrentBundled();

    try (Store store = backend.openNew(dir)) {
      List<String> ids =
          current.stream()
              .map(hash -> StoredScans.find(store, hash).orElseThrow())
              .peek(found -> assertThat(found.ok()).isTrue())
              .map(found -> found.scan().id())
              .toList();
      assertThat(ids).contains("mvo-stagebedrijf").doesNotHaveDuplicates();
    }
  }
}
