package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import nl.mvoscan.io.JsonReader;
import org.junit.jupiter.api.Test;

class ScanHashTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String hash(String json) {
    ScanLoader.Result result =
        ScanLoader.load(Path.of("t.json"), JsonReader.parse("t.json", json), Locale.ENGLISH);
    assertThat(result.problems()).isEmpty();
    return result.scan().hash();
  }

  @Test
  void reformattingAndReorderingKeysKeepTheHash() throws Exception {
    String original = hash(ScanLoaderTest.VALID);
    ObjectNode tree = (ObjectNode) MAPPER.readTree(ScanLoaderTest.VALID);
    ObjectNode reordered = MAPPER.createObjectNode();
    // reverse the top-level key order and drop all whitespace
    java.util.List<String> keys = new java.util.ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    java.util.Collections.reverse(keys);
    keys.forEach(k -> reordered.set(k, tree.get(k)));
    assertThat(hash(MAPPER.writeValueAsString(reordered))).isEqualTo(original);
    assertThat(hash(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree)))
        .isEqualTo(original);
  }

  @Test
  void schemaReferenceAndNumberSpellingDoNotCount() {
    String original = hash(ScanLoaderTest.VALID);
    assertThat(
            hash(
                ScanLoaderTest.VALID.replace(
                    "\"$schema\": \"schema/mvoscan-scan.schema.json\",", "")))
        .isEqualTo(original);
    assertThat(hash(ScanLoaderTest.VALID.replace("\"weight\": 2,", "\"weight\": 2.0,")))
        .isEqualTo(original);
  }

  @Test
  void changingATextPointOrWeightChangesTheHash() {
    String original = hash(ScanLoaderTest.VALID);
    assertThat(hash(ScanLoaderTest.VALID.replace("\"Visie?\"", "\"Visie!\"")))
        .isNotEqualTo(original);
    assertThat(hash(ScanLoaderTest.VALID.replace("\"points\": 2}", "\"points\": 3}")))
        .isNotEqualTo(original);
    assertThat(hash(ScanLoaderTest.VALID.replace("\"weight\": 2,", "\"weight\": 3,")))
        .isNotEqualTo(original);
  }

  @Test
  void hashHasTheContractForm() {
    assertThat(hash(ScanLoaderTest.VALID)).matches("sha256:[0-9a-f]{64}");
  }
}
