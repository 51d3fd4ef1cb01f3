package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.NetworkFigures;
import nl.mvoscan.aggregate.Response;
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
    AggregateQueries.Selection[] selection = new AggregateQueries.Selection[1];
    Map<Long, String> schoolOf;
    try (Store store = db.openExisting(messages)) {
      schoolOf =
          store.snapshot(
              () -> {
                selection[0] =
                    AggregateQueries.select(
                        store,
                        new AggregateQueries.Filter(
                            java.util.List.of(),
                            java.util.List.of(),
                            java.util.List.of(),
                            java.util.List.of()));
                return NetworkQueries.schoolOf(store);
              });
    }
    if (schoolOf.isEmpty()) {
      throw MvoscanException.invalidInput(messages.get("report.network.noSchools"));
    }
    if (school != null && !schoolOf.containsValue(school.trim())) {
      throw MvoscanException.invalidInput(messages.get("network.unknownSchool", school));
    }
    NetworkFigures.Limits limits = new NetworkFigures.Limits(minResponses, minSchools);
    String language = messages.language();
    var responses = selection[0].responses();
    var scans = selection[0].scans();
    RenderedPdf pdf =
        NetworkReport.render(
            messages,
            name,
            responses.stream()
                .map(Response::date)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(LocalDate.of(2000, 1, 1)),
            NetworkFigures.of(responses, scans, schoolOf, Grouping.SECTOR, language, limits),
            NetworkFigures.of(responses, scans, schoolOf, Grouping.SCHOOL_YEAR, language, limits),
            NetworkFigures.bySchool(
                responses,
                scans,
                schoolOf,
                school == null ? null : school.trim(),
                language,
                limits));
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
