package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.report.AggregateCsv;
import nl.mvoscan.report.AggregateJson;
import nl.mvoscan.report.AggregateText;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description = {
      "Cijfers over een klas, bedrijf, sector of schooljaar: gemiddelde, mediaan, spreiding, niveaus, antwoorden,"
          + " verbeterpunten, overeenstemming en trend (docs/aggregate.md).",
      "Figures over a class, company, sector or school year: mean, median, spread, levels, answers, improvements,"
          + " agreement and trend (docs/aggregate.md)."
    })
public final class AggregateCommand implements Callable<Integer>, StreamsOutput {

  private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin JsonOption json;

  @Option(
      names = "--csv",
      description =
          "Eén rij per groep × cijfer, voor Excel / one row per group × figure, for Excel.")
  boolean csv;

  @Option(
      names = "--excel",
      description =
          "CSV voor Nederlandse Excel: BOM, ';' en decimale komma (met --csv; zonder: ',' en punt, in elke taal) / CSV for Dutch Excel: BOM, ';' and decimal comma (with --csv; without: ',' and a point, in every language).")
  boolean excel;

  @Option(
      names = "--class",
      paramLabel = "X",
      description = "Alleen deze klas (herhaalbaar) / only this class (repeatable).")
  List<String> classes = new ArrayList<>();

  @Option(
      names = "--company",
      paramLabel = "C",
      description =
          "Alleen dit bedrijf: naam of KvK-nummer (herhaalbaar) / only this company: name or KvK number (repeatable).")
  List<String> companies = new ArrayList<>();

  @Option(
      names = "--school-year",
      paramLabel = "YYYY-YYYY",
      description =
          "Alleen dit schooljaar, bv. 2026-2027 (herhaalbaar) / only this school year (repeatable).")
  List<String> schoolYears = new ArrayList<>();

  @Option(
      names = "--scan",
      paramLabel = "ID",
      description =
          "Alleen deze scan: id, id@versie of sha256:-hash(begin) (herhaalbaar) / only this scan: id, id@version or sha256: hash (prefix) (repeatable).")
  List<String> scans = new ArrayList<>();

  @Option(
      names = "--by",
      paramLabel = "all|class|company|sector|school-year|school",
      defaultValue = "all",
      description = "Groepeer per / group by (default: ${DEFAULT-VALUE}).")
  String by;

  /** Suppression and the school to compare, for figures across a regional network. */
  @Mixin NetworkFiguresOptions network;

  private boolean streaming;

  @Override
  public boolean streamingStarted() {
    return streaming;
  }

  @Override
  public Integer call() {
    Messages messages = common.messages();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean bySchool = NetworkFiguresOptions.isSchool(by);
    Grouping grouping = bySchool ? Grouping.ALL : grouping(messages);
    List<String> problems = new ArrayList<>();
    if (json.json && csv) {
      problems.add(messages.get("aggregate.jsonAndCsv"));
    }
    if (excel && !csv) {
      problems.add(messages.get("aggregate.excelNeedsCsv"));
    }
    for (String year : schoolYears) {
      Matcher m = SCHOOL_YEAR.matcher(year.trim());
      if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
        problems.add(messages.get("aggregate.badSchoolYear", year));
      }
    }
    for (String scan : scans) {
      // a hash prefix shorter than 8 hex digits would match nothing, or anything: say so
      if (scan.toLowerCase(java.util.Locale.ROOT).startsWith("sha256:")
          && !scan.substring(7).matches("[0-9a-fA-F]{8,64}")) {
        problems.add(messages.get("aggregate.shortHash", scan));
      }
    }
    if (!problems.isEmpty()) {
      throw MvoscanException.invalidInput(problems);
    }

    network.check(messages, bySchool, csv);
    AggregateQueries.Filter filter =
        new AggregateQueries.Filter(classes, companies, schoolYears, scans);
    // one school's database streams its responses with their answers into the aggregation, group
    // by group: a first pass reads only what decides each response's group, then the responses
    // with their figures come group by group and each group is written out and let go before the
    // next is read. A network's figures stream only each response's school, group and stored
    // overall and theme figures, which is all they show
    record Read(
        AggregateQueries.Scans scans,
        java.util.Set<String> schools,
        NetworkFiguresOptions.Streamed network) {}
    Read read;
    try (Store store = db.openExisting(messages)) {
      Selections.requireKnown(store, messages, classes, companies, schoolYears);
      read =
          store.snapshot(
              () -> {
                java.util.Set<String> schools = NetworkQueries.schools(store);
                boolean isNetwork = bySchool || NetworkQueries.isNetwork(store, schools);
                AggregateQueries.Scans found = AggregateQueries.scans(store, filter);
                if (!found.unreadable().isEmpty()) {
                  return new Read(found, schools, null);
                }
                if (isNetwork) {
                  return new Read(
                      found,
                      schools,
                      NetworkFiguresOptions.read(
                          store, filter, found.scans(), bySchool, grouping, messages));
                }
                Aggregator.Planner planner =
                    Aggregator.planner(found.scans(), grouping, messages.language());
                AggregateQueries.keys(store, filter, found.scans(), planner);
                Aggregator.Plan plan = planner.finish();
                warn(plan.outline(), messages, err);
                Aggregator.Streamer streamer = Aggregator.streamer(plan, writer(messages, out));
                streaming = true;
                AggregateQueries.stream(store, plan.runs(RUN), found.scans(), streamer);
                streamer.finish();
                return new Read(found, schools, null);
              });
    }

    requireReadable(read.scans().unreadable(), messages);
    if (read.network() != null) {
      // results of several schools: the network's figures, small groups suppressed
      return network.print(
          read.network(), read.schools(), bySchool, grouping, json.json, messages, out, err);
    }
    // no success line follows the figures: whether they arrived, the execution strategy asks
    out.flush();
    err.flush();
    return ExitCode.OK;
  }

  /** Responses read at a time with their figures (one SQL IN list of ids). */
  private static final int RUN = 1000;

  /** What is said on stderr before the figures: nothing matched, other scans left apart. */
  private static void warn(Aggregate aggregate, Messages messages, PrintWriter err) {
    if (aggregate.n() == 0) {
      err.println(messages.get("aggregate.noMatch"));
    }
    List<Aggregate.Pool> pools = aggregate.pools();
    for (int i = 1; i < pools.size(); i++) {
      Aggregate.Pool main = pools.get(0);
      Aggregate.Pool other = pools.get(i);
      err.println(
          messages.plural(
              "aggregate.otherScan",
              other.n(),
              other.n(),
              other.scan().id(),
              other.scan().version(),
              AggregateText.shortHash(other.scan().hash()),
              main.scan().id(),
              main.scan().version(),
              AggregateText.shortHash(main.scan().hash())));
    }
    err.flush();
  }

  /** The renderer the options ask for, writing each group to {@code out} as it comes. */
  private GroupSink writer(Messages messages, PrintWriter out) {
    if (json.json) {
      return AggregateJson.writer(
          new AggregateJson.Selection(classes, companies, schoolYears, scans), out);
    }
    if (csv) {
      return AggregateCsv.writer(messages, excel, out);
    }
    return AggregateText.writer(messages, out);
  }

  private Grouping grouping(Messages messages) {
    try {
      return Grouping.fromId(by);
    } catch (IllegalArgumentException e) {
      throw MvoscanException.invalidInput(messages.get("aggregate.badBy", by));
    }
  }

  /**
   * Stops with exit code 1 when a stored scan of the selection no longer loads (it loaded when it
   * was stored): its responses cannot be reported.
   */
  static void requireReadable(AggregateQueries.Selection selection, Messages messages) {
    requireReadable(selection.unreadable(), messages);
  }

  /** As {@link #requireReadable(AggregateQueries.Selection, Messages)}, for streamed figures. */
  static void requireReadable(List<AggregateQueries.UnreadableScan> unreadable, Messages messages) {
    if (unreadable.isEmpty()) {
      return;
    }
    AggregateQueries.UnreadableScan bad = unreadable.get(0);
    JsonProblem first = bad.problems().isEmpty() ? null : bad.problems().get(0);
    throw MvoscanException.failure(
        messages.get(
            "aggregate.unreadableScan",
            bad.scanId(),
            bad.version(),
            bad.hash(),
            first == null ? "-" : first.pointer() + ": " + messages.get(first.key(), first.args())),
        null);
  }
}
