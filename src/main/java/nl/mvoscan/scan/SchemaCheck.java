package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.mvoscan.io.JsonDocument;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.JsonReader;

/**
 * Checks a scan against the JSON Schema that the project publishes for editors, so that the
 * structure an editor enforces and the structure {@code validate} enforces are one and the same.
 */
final class SchemaCheck {

  static final String SCHEMA_RESOURCE = "/scans/schema/mvoscan-scan.schema.json";

  private static volatile Schema schema;

  private SchemaCheck() {}

  static List<JsonProblem> check(JsonDocument document, Locale locale) {
    List<Error> errors =
        schema()
            .validate(document.root(), context -> context.executionConfig(c -> c.locale(locale)));
    Set<String> seen = new LinkedHashSet<>();
    List<JsonProblem> problems = new ArrayList<>();
    for (Error error : errors) {
      String pointer = pointer(error.getInstanceLocation());
      if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())
          || "unevaluatedProperties".equals(error.getKeyword())) {
        String property = error.getProperty();
        if (property != null) {
          pointer = pointer + "/" + JsonReader.escape(property);
          if (seen.add(pointer + " unknown")) {
            JsonDocument.Location at = document.locateKey(pointer);
            problems.add(
                new JsonProblem(
                    pointer, at.line(), at.column(), "schema.unknownProperty", property));
          }
          continue;
        }
      }
      if ("not".equals(error.getKeyword())
          && error.getInstanceNode() != null
          && error.getInstanceNode().isTextual()) {
        // the schema forbids the when-keywords as ids with "not": say so in words
        JsonDocument.Location at = document.locate(pointer);
        if (seen.add(pointer + " reserved")) {
          problems.add(
              new JsonProblem(
                  pointer,
                  at.line(),
                  at.column(),
                  "scan.reservedId",
                  error.getInstanceNode().asText()));
        }
        continue;
      }
      String message = stripLocation(error.getMessage());
      if (seen.add(pointer + " " + message)) {
        JsonDocument.Location at = document.locate(pointer);
        problems.add(new JsonProblem(pointer, at.line(), at.column(), "schema.violation", message));
      }
    }
    return problems;
  }

  private static String stripLocation(String message) {
    // networknt prefixes messages with the instance location, which our own pointer already shows
    if (message.startsWith("/") || message.startsWith("$") || message.startsWith(": ")) {
      int colon = message.indexOf(": ");
      if (colon >= 0) {
        return message.substring(colon + 2);
      }
    }
    return message;
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(JsonReader.escape(String.valueOf(path.getElement(i))));
    }
    return pointer.toString();
  }

  private static Schema schema() {
    Schema loaded = schema;
    if (loaded == null) {
      synchronized (SchemaCheck.class) {
        loaded = schema;
        if (loaded == null) {
          try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException(
                  "scan schema missing from the build: " + SCHEMA_RESOURCE);
            }
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            loaded =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(node);
            schema = loaded;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return loaded;
  }
}
