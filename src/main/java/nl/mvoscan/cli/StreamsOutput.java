package nl.mvoscan.cli;

/**
 * A command that writes its result to standard output while it still reads the database: when it
 * fails after it began, a pipe already holds part of the result, which nothing can take back, so
 * the error says that output is incomplete.
 */
interface StreamsOutput {

  /** Whether writing the result to standard output has begun. */
  boolean streamingStarted();
}
