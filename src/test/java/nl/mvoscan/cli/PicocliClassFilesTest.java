package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The class-data archive holds no class file older than Java 6 nor one without frames, so picocli's
 * classes must be the rewritten ones of the build (build/PicocliFrames.java), not picocli's own.
 */
class PicocliClassFilesTest {

  @Test
  void picocliClassesAreJava8ClassFilesWithFrames() throws IOException {
    String resource = "/" + CommandLine.class.getName().replace('.', '/') + ".class";
    byte[] bytes;
    try (InputStream in = CommandLine.class.getResourceAsStream(resource)) {
      assertThat(in).isNotNull();
      bytes = in.readAllBytes();
    }
    int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    assertThat(major).isGreaterThanOrEqualTo(52);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("StackMapTable");
  }

  @Test
  void theClassesComeFromTheBuildOutputNotFromPicocliJar() {
    String location =
        String.valueOf(CommandLine.class.getProtectionDomain().getCodeSource().getLocation());
    assertThat(location).doesNotContain("picocli-");
  }
}
