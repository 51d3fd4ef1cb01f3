package nl.mvoscan.aggregate;

import java.util.List;
import nl.mvoscan.scan.Scan;

/**
 * The result of an aggregation: one pool per scan hash, because only results of the very same scan
 * can be compared. Pools are ordered by size (largest first), then scan id, version and hash.
 */
public record Aggregate(Grouping by, int n, List<Pool> pools) {

  /** The responses of one scan hash, in groups. */
  public record Pool(Scan scan, int n, List<GroupSummary> groups) {}
}
