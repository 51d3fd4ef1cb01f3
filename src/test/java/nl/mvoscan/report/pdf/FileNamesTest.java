package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

  @TempDir Path dir;

  @Test
  void pathTraversalBecomesAPlainName() {
    assertThat(FileNames.safe("../../etc/passwd", "x")).isEqualTo("etc passwd");
    assertThat(FileNames.safe("..\\..\\windows\\system32", "x")).isEqualTo("windows system32");
    assertThat(FileNames.safe("..", "fallback")).isEqualTo("fallback");
    assertThat(FileNames.safe(".", "fallback")).isEqualTo("fallback");
  }

  @Test
  void separatorsAndWindowsForbiddenCharactersAreReplaced() {
    assertThat(FileNames.safe("a/b", "x")).isEqualTo("a b");
    assertThat(FileNames.safe("Zoë: \"x\"", "x")).isEqualTo("Zoë x");
    assertThat(FileNames.safe("what? <really> *yes* | no", "x")).isEqualTo("what really yes no");
  }

  @Test
  void windowsDeviceNamesGetAPrefix() {
    assertThat(FileNames.safe("CON", "x")).isEqualTo("_CON");
    assertThat(FileNames.safe("nul", "x")).isEqualTo("_nul");
    assertThat(FileNames.safe("com1.backup", "x")).isEqualTo("_com1.backup");
    assertThat(FileNames.safe("Conny", "x")).isEqualTo("Conny");
  }

  @Test
  void controlAndInvisibleCharactersAreRemovedAndEdgesTrimmed() {
    assertThat(FileNames.safe("  a\u0000b\nc\t ", "x")).isEqualTo("a b c");
    assertThat(FileNames.safe("evil\u202Efdp.exe", "x")).isEqualTo("evil fdp.exe");
    assertThat(FileNames.safe(" .hidden. ", "x")).isEqualTo("hidden");
    assertThat(FileNames.safe(null, "fallback")).isEqualTo("fallback");
    assertThat(FileNames.safe(" / \\ ", "fallback")).isEqualTo("fallback");
  }

  @Test
  void longNamesAreCutAtEightyCodePointsWithoutSplittingCharacters() {
    assertThat(FileNames.safe("a".repeat(79) + " b", "x")).isEqualTo("a".repeat(79));
    assertThat(FileNames.safe("a".repeat(100), "x")).isEqualTo("a".repeat(FileNames.MAX_LENGTH));
    String emoji = FileNames.safe("😀".repeat(100), "x");
    assertThat(emoji).matches("(😀)+");
  }

  /**
   * File systems count bytes, not characters: 80 Chinese characters or 70 emoji are more than 255
   * bytes with the extension and the temporary file's suffix, and would stop a whole batch.
   */
  @Test
  void namesAreCutToWhatTheFileSystemTakesInBytesWithRoomForTheTempSuffix() {
    for (String name :
        new String[] {
          "张".repeat(80), "😀".repeat(70), "é".repeat(200), "e\u0301".repeat(200), "한".repeat(90)
        }) {
      String safe = FileNames.safe(name, "x");
      int bytes = safe.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      int decomposed =
          java.text.Normalizer.normalize(safe, java.text.Normalizer.Form.NFD)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              .length;
      assertThat(Math.max(bytes, decomposed)).as(name).isLessThanOrEqualTo(FileNames.MAX_BYTES);
      assertThat(
              FileNames.MAX_BYTES
                  + ".xlsx".length()
                  + "-9999".length()
                  + nl.mvoscan.io.AtomicFiles.TEMP_OVERHEAD)
          .isLessThanOrEqualTo(255);
      assertThat(safe).isNotEmpty().doesNotContain("\uFFFD");
    }
  }

  @Test
  void claimsNeverHandOutTheSameNameTwiceIgnoringCase() {
    FileNames.Claims claims = new FileNames.Claims();
    assertThat(claims.claim("Sanne de Vries", ".pdf")).isEqualTo("Sanne de Vries.pdf");
    assertThat(claims.claim("Sanne de Vries", ".pdf")).isEqualTo("Sanne de Vries-2.pdf");
    assertThat(claims.claim("sanne de vries", ".pdf")).isEqualTo("sanne de vries-3.pdf");
    assertThat(claims.claim("Sanne de Vries-2", ".pdf")).isEqualTo("Sanne de Vries-2-2.pdf");
  }

  @Test
  void everyNastyNameBecomesOneFileInsideTheFolder() throws Exception {
    List<String> names =
        List.of(
            "../../etc/passwd",
            "CON",
            "a/b",
            "Zoë: \"x\"",
            "Zoë: \"x\"",
            "Zoe\u0308: x",
            "",
            "..",
            "~/x",
            "C:\\temp\\x",
            "con",
            "a\\b",
            "-rf",
            "name\u0007bell",
            "  ",
            "x".repeat(300));
    FileNames.Claims claims = new FileNames.Claims();
    for (String name : names) {
      String file = claims.claim(FileNames.safe(name, "report"), ".pdf");
      assertThat(file)
          .doesNotContain("/", "\\", "..", ":", "<", ">", "\"", "|", "?", "*")
          .doesNotStartWith(".");
      assertThat(file.chars()).noneMatch(c -> c < 0x20);
      Path target = dir.resolve(file).normalize();
      assertThat(target.getParent()).isEqualTo(dir.normalize());
      Files.writeString(target, name);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(names.size());
    }
  }
}
