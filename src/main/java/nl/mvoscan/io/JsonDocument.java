package nl.mvoscan.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON file together with where each value started, so that problems found later can
 * point a scan author at the exact line and column.
 */
public record JsonDocument(String source, JsonNode root, Map<String, Location> locations, List<JsonProblem> problems) {

  public record Location(int line, int column) {}

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
