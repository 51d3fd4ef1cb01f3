package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.pdf.FileNames;
import nl.mvoscan.report.pdf.NetworkReport;
import nl.mvoscan.report.pdf.RenderedPdf;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = {
      "PDF-netwerkrapport: per sector en schooljaar, kleine groepen weggelaten, scholen zonder"
          + " ranglijst (docs/regional.md).",
      "PDF network report: per sector and school year, small groups left out, schools without a"
          + " ranking (docs/regional.md)."
    })
final class ReportNetworkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      defaultValue = "MVO-netwerk",
      description = "Naam van het netwerk in de titel / the network's name in the title.")
  String name;

  @Option(
      names = "--school",
      paramLabel = "NAME",
      description =
          "De cijfers van deze school naast die van het netwerk / this school's figures beside the network's.")
  String school;

  @Option(
      names = "--min-responses",
      paramLabel = "N",
      defaultValue = "5",
      description = "Groepen met minder antwoorden: \"<N\" / groups with fewer responses: \"<N\".")
  int minResponses;

  @Option(
      names = "--min-schools",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Sectoren van minder scholen niet getoond / sectors of fewer schools not shown.")
  int minSchools;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE.pdf",
      description = "Waar het rapport komt (bestand of map) / where to write the report.")
  OutputPath output;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    if (minResponses < 1 || minSchools < 1) {
      throw MvoscanException.invalidInput(
          messages.get(
              "network.badLimit",
              minResponses < 1 ? "--min-responses" : "--min-schools",
              Math.min(minResponses, minSchools)));
    }
    String language = messages.language();
    // one pass over the responses' stored overall and theme figures feeds all three parts
    record Read(
        Set<String> schools,
        AggregateQueries.Scans scans,
        NetworkFigures.GroupsAccumulator sectors,
        NetworkFigures.GroupsAccumulator years,
        NetworkFigures.SchoolsAccumulator bySchool,
        LocalDate latest) {}
    Read read;
    try (Store store = db.openExisting(messages)) {
      read =
          store.snapshot(
              () -> {
                Set<String> schools = NetworkQueries.schools(store);
                AggregateQueries.Filter all =
                    new AggregateQueries.Filter(List.of(), List.of(), List.of(), List.of());
                AggregateQueries.Scans scans = AggregateQueries.scans(store, all);
                NetworkFigures.GroupsAccumulator sectors =
                    NetworkFigures.of(scans.scans(), Grouping.SECTOR, language);
                NetworkFigures.GroupsAccumulator years =
                    NetworkFigures.of(scans.scans(), Grouping.SCHOOL_YEAR, language);
                NetworkFigures.SchoolsAccumulator bySchool =
                    NetworkFigures.bySchool(scans.scans(), language);
                LocalDate[] latest = {null};
                NetworkQueries.stream(
                    store,
                    all,
                    scans.scans(),
                    sectors
                        .andThen(years)
                        .andThen(bySchool)
                        .andThen(
                            r -> {
                              if (r.date() != null
                                  && (latest[0] == null || r.date().isAfter(latest[0]))) {
                                latest[0] = r.date();
                              }
                            }));
                return new Read(schools, scans, sectors, years, bySchool, latest[0]);
              });
    }
    AggregateCommand.requireReadable(read.scans().unreadable(), messages);
    if (read.schools().isEmpty()) {
      throw MvoscanException.invalidInput(messages.get("report.network.noSchools"));
    }
    if (school != null && !read.schools().contains(school.trim())) {
      throw MvoscanException.invalidInput(messages.get("network.unknownSchool", school));
    }
    NetworkFigures.Limits limits = new NetworkFigures.Limits(minResponses, minSchools);
    RenderedPdf pdf =
        NetworkReport.render(
            messages,
            name,
            read.latest() == null ? LocalDate.of(2000, 1, 1) : read.latest(),
            read.sectors().finish(limits),
            read.years().finish(limits),
            read.bySchool().finish(school == null ? null : school.trim(), limits));
    if (output != null && output.isStandardOutput()) {
      return ReportCommand.toStandardOutput(spec, pdf, messages);
    }
    Path target =
        ReportCommand.target(
            output,
            FileNames.safe(messages.get("report.network.fileName", name), "network"),
            messages);
    ReportCommand.write(target, pdf.bytes(), messages);
    PrintWriter out = spec.commandLine().getOut();
    out.println(messages.get("report.written", target, messages.count("page", pdf.pages())));
    out.flush();
    return ExitCode.OK;
  }
}
