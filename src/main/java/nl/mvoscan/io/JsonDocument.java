package nl.mvoscan.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON file together with where each value started, so that problems found later can point
 * a scan author at the exact line and column.
 */
public record JsonDocument(
    String source,
    JsonNode root,
    Map<String, Location> locations,
    Map<String, Location> keyLocations,
    List<JsonProblem> problems) {

  public record Location(int line, int column) {}

  /** A document built in memory (e.g. from a CSV row): no locations to report. */
  public JsonDocument(
      String source, JsonNode root, Map<String, Location> locations, List<JsonProblem> problems) {
    this(source, root, locations, Map.of(), problems);
  }

  /** Where the key of the member at {@code pointer} is written, else where its value is. */
  public Location locateKey(String pointer) {
    Location key = keyLocations.get(pointer);
    return key != null ? key : locate(pointer);
  }

  /** Parsed completely: problems such as duplicate keys may remain, but every value is there. */
  public boolean isParsed() {
    return root != null;
  }

  /** The location of the value at {@code pointer}, or of its nearest parent that has one. */
  public Location locate(String pointer) {
    String p = pointer;
    while (true) {
      Location location = locations.get(p);
      if (location != null) {
        return location;
      }
      if (p.isEmpty()) {
        return new Location(1, 1);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  public boolean isValid() {
    return problems.isEmpty() && root != null;
  }
}
