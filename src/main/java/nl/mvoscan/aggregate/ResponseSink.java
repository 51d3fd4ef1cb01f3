package nl.mvoscan.aggregate;

/**
 * Receives stored responses one at a time, in database id order, so a store can stream a selection
 * into an aggregation without holding all of it (the store knows JDBC, this side does not).
 */
@FunctionalInterface
public interface ResponseSink {
  void accept(Response response);
}
