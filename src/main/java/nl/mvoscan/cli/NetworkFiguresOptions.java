package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.NetworkJson;
import nl.mvoscan.report.NetworkText;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Option;

/**
 * {@code aggregate} on a regional database (responses pushed by schools): the suppression limits
 * and the school whose own figures stand beside the network's.
 */
public final class NetworkFiguresOptions {

  @Option(
      names = "--min-responses",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Netwerk: groepen met minder antwoorden tonen \"<N\" / network: groups with fewer responses show \"<N\" (${DEFAULT-VALUE}).")
  int minResponses;

  @Option(
      names = "--min-schools",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Netwerk: een sector van minder scholen wordt niet getoond / network: a sector from fewer schools is not shown (${DEFAULT-VALUE}).")
  int minSchools;

  @Option(
      names = "--school",
      paramLabel = "NAME",
      description =
          "Met --by school: de cijfers van deze school naast mediaan en kwartielen van het netwerk / with --by school: this school's figures beside the network's median and quartiles.")
  String school;

  static boolean isSchool(String by) {
    return by != null && by.trim().equalsIgnoreCase("school");
  }

  void check(Messages messages, boolean bySchool, boolean csv) {
    java.util.List<String> problems = new java.util.ArrayList<>();
    if (minResponses < 1) {
      problems.add(messages.get("network.badLimit", "--min-responses", minResponses));
    }
    if (minSchools < 1) {
      problems.add(messages.get("network.badLimit", "--min-schools", minSchools));
    }
    if (school != null && !bySchool) {
      problems.add(messages.get("network.schoolNeedsBySchool"));
    }
    if (bySchool && csv) {
      problems.add(messages.get("network.noCsv"));
    }
    if (!problems.isEmpty()) {
      throw MvoscanException.invalidInput(problems);
    }
  }

  /**
   * What {@link #read} streamed the selection into: the groups' accumulator, or the schools' with
   * {@code --by school}.
   */
  record Streamed(
      NetworkFigures.GroupsAccumulator groups, NetworkFigures.SchoolsAccumulator schools) {}

  /** Streams the responses {@code filter} selects into the network's figures, on one snapshot. */
  static Streamed read(
      Store store,
      AggregateQueries.Filter filter,
      Map<String, Scan> scans,
      boolean bySchool,
      Grouping grouping,
      Messages messages) {
    if (bySchool) {
      NetworkFigures.SchoolsAccumulator schools =
          NetworkFigures.bySchool(scans, messages.language());
      NetworkQueries.stream(store, filter, scans, schools);
      return new Streamed(null, schools);
    }
    NetworkFigures.GroupsAccumulator groups =
        NetworkFigures.of(scans, grouping, messages.language());
    NetworkQueries.stream(store, filter, scans, groups);
    return new Streamed(groups, null);
  }

  int print(
      Streamed streamed,
      Set<String> schoolNames,
      boolean bySchool,
      Grouping grouping,
      boolean json,
      Messages messages,
      PrintWriter out,
      PrintWriter err) {
    NetworkFigures.Limits limits = new NetworkFigures.Limits(minResponses, minSchools);
    if (bySchool) {
      if (school != null && !schoolNames.contains(school.trim())) {
        throw MvoscanException.invalidInput(messages.get("network.unknownSchool", school));
      }
      NetworkFigures.Schools schools =
          streamed.schools().finish(school == null ? null : school.trim(), limits);
      out.print(
          json
              ? ResultJson.write(NetworkJson.of(schools)) + System.lineSeparator()
              : NetworkText.render(schools, messages));
    } else {
      if (grouping != Grouping.ALL
          && grouping != Grouping.SECTOR
          && grouping != Grouping.SCHOOL_YEAR) {
        err.println(messages.get("network.otherGrouping", grouping.id()));
      }
      NetworkFigures.Network network = streamed.groups().finish(limits);
      out.print(
          json
              ? ResultJson.write(NetworkJson.of(network)) + System.lineSeparator()
              : NetworkText.render(network, messages));
    }
    out.flush();
    err.flush();
    return ExitCode.OK;
  }
}
