package nl.mvoscan.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.report.CsvExport;
import nl.mvoscan.report.ExportTable;
import nl.mvoscan.report.XlsxExport;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.ExportQueries;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exporteer de opgeslagen antwoorden als CSV, JSON of Excel-werkmap, voor een spreadsheet of een script (kolommen: docs/export.md).",
      "Export the stored responses as CSV, JSON or an Excel workbook, for a spreadsheet or a script (columns: docs/export.md)."
    })
public final class ExportCommand implements Callable<Integer>, StreamsOutput {

  /** The output formats. */
  public enum Format {
    csv,
    json,
    xlsx
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Option(
      names = "--format",
      paramLabel = "csv|json|xlsx",
      description =
          "Standaard/default: csv. xlsx: een Excel-werkmap met antwoordensets, antwoorden, klassencijfers en uitleg (vraagt -o) / an Excel workbook with responses, answers, class figures and an explanation (needs -o).")
  Format format = Format.csv;

  @Option(
      names = "--wide",
      description = "Eén rij per antwoordenset (standaard) / one row per response (default).")
  boolean wide;

  @Option(
      names = "--long",
      description = "Eén rij per antwoord op een vraag / one row per answer to a question.")
  boolean answers;

  @Option(names = "--class", paramLabel = "X", description = "Alleen deze klas / only this class.")
  String className;

  @Option(
      names = "--school-year",
      paramLabel = "YYYY-YYYY",
      description = "Alleen dit schooljaar / only this school year.")
  String schoolYear;

  @Option(
      names = "--anonymize",
      description =
          "Namen worden 'Student 01', 'Student 02'… per klas; geen studentnummers / names become 'Student 01'… per class; no student numbers.")
  boolean anonymize;

  @Option(
      names = "--excel",
      description =
          "Voor Nederlandse Excel: BOM, ';' en decimale komma / for Dutch Excel: BOM, ';' and decimal comma.")
  boolean excel;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Schrijf naar FILE in plaats van stdout / write to FILE instead of stdout.")
  OutputPath output;

  private boolean streaming;

  @Override
  public boolean streamingStarted() {
    return streaming;
  }

  @Override
  public Integer call() {
    Messages messages = common.messages();
    // -o - is standard output: as without -o for text, the bytes themselves for a workbook
    Path file = output == null || output.isStandardOutput() ? null : output.file(messages);
    List<String> problems = new ArrayList<>();
    if (wide && answers) {
      problems.add(messages.get("export.wideAndLong"));
    }
    if (excel && format != Format.csv) {
      problems.add(messages.get("export.excelNeedsCsv"));
    }
    if (format == Format.xlsx && output == null) {
      problems.add(messages.get("export.xlsxNeedsOutput"));
    }
    if (!problems.isEmpty()) {
      throw MvoscanException.invalidInput(problems);
    }
    if (format == Format.xlsx) {
      return workbook(messages, file);
    }
    PrintWriter err = spec.commandLine().getErr();
    int rows;
    try (Store store = db.openExisting(messages)) {
      Selections.requireKnown(
          store, messages, Selections.of(className), List.of(), Selections.of(schoolYear));
      if (file != null) {
        int[] written = {0};
        try {
          AtomicFiles.write(
              file,
              stream -> {
                Writer writer =
                    new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                try {
                  written[0] = export(store, writer);
                } catch (UncheckedIOException e) {
                  throw e.getCause();
                }
                writer.flush();
              });
        } catch (IOException e) {
          throw MvoscanException.failure(
              messages.get("file.cannotWrite", file, Problems.writeReason(messages, e)), e);
        }
        rows = written[0];
      } else {
        PrintWriter out = spec.commandLine().getOut();
        // a long export is millions of small pieces: gathered here, the terminal writer escapes
        // and encodes them a buffer at a time instead of piece by piece
        Writer buffered = new BufferedWriter(out, 1 << 16);
        streaming = true;
        rows = export(store, buffered);
        try {
          buffered.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        StandardOutput.of(spec).requireWritten(out, messages);
      }
    }
    String what = messages.plural(answers ? "export.answers" : "export.responses", rows, rows);
    err.println(
        file != null
            ? messages.get("export.written", what, file)
            : messages.get("export.done", what));
    err.flush();
    return ExitCode.OK;
  }

  /**
   * Writes the selected rows to {@code out} while they are read, as CSV or JSON; returns how many.
   */
  private int export(Store store, Writer out) {
    return ExportQueries.stream(
        store,
        new ExportQueries.Filter(className, schoolYear),
        answers,
        source -> {
          ExportTable.Streamed table =
              answers
                  ? ExportTable.answers(source, anonymize)
                  : ExportTable.wide(source, anonymize);
          if (format == Format.json) {
            int rows;
            try (CsvExport.Json json = CsvExport.json(out, table.columns())) {
              rows = table.write(json);
            }
            try {
              out.write(System.lineSeparator());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return rows;
          }
          try (CsvExport.Csv csv =
              CsvExport.csv(
                  out,
                  table.columns(),
                  excel ? CsvExport.Dialect.EXCEL : CsvExport.Dialect.STANDARD)) {
            return table.write(csv);
          }
        });
  }

  /**
   * The workbook: both tables and the class figures of the same selection, each sheet written while
   * its rows are read, straight into the file (or standard output).
   */
  private int workbook(Messages messages, Path file) {
    StandardOutput standardOutput = StandardOutput.of(spec);
    if (file == null && standardOutput.terminal()) {
      // refused before the database is read: the answer would be the same after
      throw MvoscanException.invalidInput(messages.get("output.binaryToTerminal", "xlsx"));
    }
    int rows;
    try (Store store = db.openExisting(messages)) {
      Selections.requireKnown(
          store, messages, Selections.of(className), List.of(), Selections.of(schoolYear));
      if (file != null) {
        int[] written = {0};
        try {
          AtomicFiles.write(file, stream -> written[0] = workbook(store, messages, stream));
        } catch (IOException e) {
          throw MvoscanException.failure(
              messages.get("file.cannotWrite", file, Problems.writeReason(messages, e)), e);
        }
        rows = written[0];
      } else {
        spec.commandLine().getOut().flush();
        streaming = true;
        try {
          rows = workbook(store, messages, standardOutput.stream());
          standardOutput.stream().flush();
        } catch (IOException e) {
          throw MvoscanException.failure(
              messages.get("file.cannotWrite", "-", Problems.writeReason(messages, e)), e);
        }
        standardOutput.requireWritten(spec.commandLine().getOut(), messages);
      }
    }
    String what = messages.plural("export.responses", rows, rows);
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        file == null
            ? messages.get("export.done", what)
            : messages.get("export.written", what, file));
    err.flush();
    return ExitCode.OK;
  }

  /** Responses read at a time with their figures for the class sheet, as aggregate reads them. */
  private static final int RUN = 1000;

  /**
   * Writes the workbook to {@code out} as the store is read, all on one snapshot, so an import in
   * between cannot give the sheets and the class figures different responses; returns how many
   * responses. The class figures stream as {@code aggregate --by class} streams them: a first pass
   * plans the groups, then each group is read, written and let go.
   */
  private int workbook(Store store, Messages messages, java.io.OutputStream out)
      throws IOException {
    ExportQueries.Filter filter = new ExportQueries.Filter(className, schoolYear);
    AggregateQueries.Filter classes =
        new AggregateQueries.Filter(
            className == null ? List.of() : List.of(className),
            List.of(),
            schoolYear == null ? List.of() : List.of(schoolYear),
            List.of());
    try {
      return store.snapshot(
          () -> {
            AggregateQueries.Scans scans = AggregateQueries.scans(store, classes);
            // before the first byte: a scan that no longer loads has no class figures
            AggregateCommand.requireReadable(scans.unreadable(), messages);
            XlsxExport.Book book = XlsxExport.start(messages, out);
            int responses =
                ExportQueries.stream(
                    store,
                    filter,
                    false,
                    source -> book.responses(ExportTable.wide(source, anonymize)));
            ExportQueries.stream(
                store,
                filter,
                true,
                source -> book.answers(ExportTable.answers(source, anonymize)));
            Aggregator.Planner planner =
                Aggregator.planner(scans.scans(), Grouping.CLASS, messages.language());
            AggregateQueries.keys(store, classes, scans.scans(), planner);
            Aggregator.Plan plan = planner.finish();
            Aggregator.Streamer streamer = Aggregator.streamer(plan, book.classes());
            AggregateQueries.stream(store, plan.runs(RUN), scans.scans(), streamer);
            streamer.finish();
            book.finish();
            return responses;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
