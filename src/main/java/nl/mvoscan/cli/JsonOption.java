package nl.mvoscan.cli;

import picocli.CommandLine.Option;

/** {@code --json}: results as JSON on stdout, for scripts. */
public final class JsonOption {
  @Option(names = "--json", description = "Resultaat als JSON / result as JSON.")
  boolean json;
}
