package nl.mvoscan.aggregate;

import java.util.List;
import nl.mvoscan.scan.Scan;

/**
 * The overall and theme figures of each group, without the distributions, improvements and
 * agreement of an {@link Aggregate}: what {@link Aggregator#scores} gives. Pools and groups are
 * those of the {@link Aggregate} of the same responses, in the same order.
 */
public record Scores(Grouping by, int n, List<Pool> pools) {

  /** The responses of one scan hash, in groups. */
  public record Pool(Scan scan, int n, List<Group> groups) {}

  /**
   * One group's figures, each the one {@link GroupSummary} of the same group has.
   *
   * @param key as {@link GroupSummary#key}
   * @param label as {@link GroupSummary#label}
   */
  public record Group(
      String key,
      String label,
      int n,
      GroupSummary.ScoreSummary overall,
      List<GroupSummary.ThemeSummary> themes) {}
}
