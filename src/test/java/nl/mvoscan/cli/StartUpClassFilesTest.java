package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.mvoscan.scan.ScanLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the launcher's class-data archive can hold, a command need not load and verify again at
 * every start. The archive holds no class file older than Java 6 nor one without frames, so
 * picocli's classes must be the rewritten ones of the build (build/PicocliFrames.java), not
 * picocli's own; and it holds no class that the JVM spins at run time, as it does for each new
 * shape of an invokedynamic string concatenation.
 */
class StartUpClassFilesTest {

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
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("StackMapTable");
  }

  @Test
  void ourClassesConcatenateStringsWithoutInvokedynamic() throws IOException {
    for (Class<?> type : List.of(ScoreCommand.class, ScanResolver.class, ScanLoader.class)) {
      String resource = "/" + type.getName().replace('.', '/') + ".class";
      try (InputStream in = type.getResourceAsStream(resource)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
            .as(type.getName())
            .doesNotContain("makeConcatWithConstants");
      }
    }
  }

  @Test
  void theClassesComeFromTheBuildOutputNotFromPicocliJar() {
    String location =
        String.valueOf(CommandLine.class.getProtectionDomain().getCodeSource().getLocation());
    assertThat(location).doesNotContain("picocli-");
  }
}
