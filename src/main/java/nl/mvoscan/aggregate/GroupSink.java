package nl.mvoscan.aggregate;

/**
 * Receives a streamed aggregation ({@link Aggregator#streamer}) group by group, each as soon as its
 * last response has been read, in the order every report shows them: so a renderer can write a
 * group and let it go before the next one is read.
 */
public interface GroupSink {

  /**
   * Before any group: how the responses are grouped, how many there are, and each pool's scan and
   * size in order (the pools' group lists are empty: the groups follow).
   */
  void start(Aggregate outline);

  /** One finished group of {@code pool} (one of the outline's pools). */
  void group(Aggregate.Pool pool, GroupSummary group);

  /** After the last group. */
  void end();
}
