package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixtures and checks shared by the command tests. */
final class CliFixtures {

  private CliFixtures() {}

  /** A file under {@code src/test/resources/cli/}. */
  static Path fixture(String name) {
    try {
      return Path.of(CliFixtures.class.getResource("/cli/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static void assertNoStackTrace(Cli.Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
