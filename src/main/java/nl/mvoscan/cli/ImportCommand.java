package nl.mvoscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.Tables;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.store.ResponseWriter;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Zet antwoordbestanden, klas-CSV's en Forms-exports (.xlsx) van een klas in de database: alles of niets, nooit dubbel.",
      "Import a class's answers files, class CSVs and Forms exports (.xlsx) into the database: all or nothing, never twice."
    })
public final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin ScanSourceOptions sources;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description =
          "Antwoordbestanden, CSV, .xlsx of mappen (recursief) / answers files, CSV, .xlsx or folders (recursive).")
  List<Path> inputs;

  @Option(
      names = "--scan",
      paramLabel = "FILE|ID",
      description =
          "De scan; standaard die uit elk antwoordbestand / the scan; default: the one each file names.")
  String scanRef;

  @Option(
      names = "--class",
      paramLabel = "X",
      description = "Klas voor antwoorden zonder klas / class for answers that name none.")
  String className;

  @Option(
      names = "--map",
      paramLabel = "MAPPING.json",
      description =
          "Koppeling kolomkop → vraag-id voor klas-CSV / column header → question id for class CSVs (docs/class-csv.md).")
  Path mappingFile;

  @Option(
      names = "--dry-run",
      description = "Alleen controleren, niets opslaan / check only, store nothing.")
  boolean dryRun;

  @Option(
      names = "--skip-invalid",
      description =
          "Sla foute bestanden en rijen over en importeer de rest; exitcode 3 als er iets is overgeslagen / skip bad files and rows, import the rest; exit code 3 when anything was skipped.")
  boolean skipInvalid;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanResolver resolver = new ScanResolver(sources, messages);
    Scan fixedScan = scanRef == null ? null : resolver.resolve(scanRef);

    List<ResponseWriter.NewResponse> responses = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    Map<String, String> mapping = mapping(messages);
    List<Path> files = files(messages);
    Progress progress = new Progress(err, files.size(), messages.get("import.progress"));
    int done = 0;
    for (Path file : files) {
      progress.update(done++);
      if (Tables.isTable(file)) {
        Scan scan = fixedScan != null ? fixedScan : resolver.byId(DEFAULT_CSV_SCAN, null);
        ClassCsv.Result csv = ClassCsv.read(file, scan, mapping, className);
        csv.warnings()
            .forEach(
                w ->
                    err.println(
                        file
                            + (w.line() > 1 ? ":" + w.line() + ": " + w.column() : "")
                            + ": "
                            + messages.get(w.key(), w.args())));
        if (!csv.missing().isEmpty()) {
          // said before anything is stored, so a dropped column never goes unnoticed
          err.println(
              messages.get(
                  "import.missingQuestions",
                  file,
                  csv.missing().size(),
                  String.join(", ", csv.missing().stream().map(q -> q.id()).toList())));
        }
        // a bad header (line 1, or the file as a whole) spoils every row: skip the file, not rows
        boolean fileUnusable = csv.problems().stream().anyMatch(p -> p.line() <= 1);
        if (!csv.problems().isEmpty()) {
          rejected +=
              skipInvalid && !fileUnusable
                  ? csv.problems().stream().mapToInt(CsvProblem::line).distinct().count()
                  : 1;
          // line 0 is the file as a whole (empty, unreadable): no line number to show
          csv.problems()
              .forEach(
                  p ->
                      problems.add(
                          file
                              + (p.line() > 0 ? ":" + p.line() : "")
                              + ": "
                              + (p.column() == null ? "" : p.column() + ": ")
                              + messages.get(p.key(), p.args())));
        }
        if (csv.problems().isEmpty() || (skipInvalid && !fileUnusable)) {
          for (ClassCsv.Row row : csv.rows()) {
            String clazz =
                row.answers().respondent() != null
                    ? row.answers().respondent().className()
                    : className;
            responses.add(
                new ResponseWriter.NewResponse(
                    Scorer.score(scan, row.answers()),
                    resolver.definition(scan),
                    clazz,
                    file.toString(),
                    row.line()));
          }
        }
        continue;
      }
      List<String> fileProblems = new ArrayList<>();
      ScanResolver.LoadedAnswers loaded = resolver.loadAnswers(file, fixedScan);
      if (loaded.ok()) {
        String clazz =
            loaded.answers().respondent() != null
                    && loaded.answers().respondent().className() != null
                    && !loaded.answers().respondent().className().isBlank()
                ? loaded.answers().respondent().className()
                : className;
        responses.add(
            new ResponseWriter.NewResponse(
                Scorer.score(loaded.scan(), loaded.answers()),
                resolver.definition(loaded.scan()),
                clazz,
                file.toString(),
                null));
      } else {
        fileProblems.addAll(lines(file, loaded.problems(), messages));
      }
      if (!fileProblems.isEmpty()) {
        rejected++;
        problems.addAll(fileProblems);
      }
    }
    progress.close();
    if (!problems.isEmpty() && !skipInvalid) {
      throw MvoscanException.invalidInput(
          problems, messages.get("import.nothingImported", rejected));
    }
    Problems.capped(problems, messages).forEach(err::println);
    if (dryRun) {
      ResponseWriter.Preview preview = new ResponseWriter.Preview(responses.size(), 0, 0);
      if (db.exists()) {
        try (Store store = db.openExisting(messages)) {
          preview = ResponseWriter.preview(store, responses, LocalDate.now());
        }
      }
      out.println(
          messages.get(
              "import.dryRun",
              messages.count("response", preview.added()),
              preview.present(),
              rejected,
              preview.replaced()));
      out.flush();
      return rejected > 0 ? ExitCode.SKIPPED : ExitCode.OK;
    }
    try (Store store = db.open()) {
      ResponseWriter.Outcome outcome = ResponseWriter.save(store, responses, LocalDate.now());
      out.println(
          messages.get(
              "import.summary",
              messages.count("response", outcome.insertedIds().size()),
              messages.count("company", outcome.companies().size()),
              outcome.classes().isEmpty() ? "-" : String.join(", ", outcome.classes()),
              outcome.duplicates(),
              rejected,
              outcome.replaced()));
    }
    out.flush();
    return rejected > 0 ? ExitCode.SKIPPED : ExitCode.OK;
  }

  private List<Path> files(Messages messages) {
    List<Path> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !isSideFile(f))
              .sorted()
              .forEach(
                  f -> {
                    if (isJson(f) || Tables.isTable(f)) {
                      files.add(f);
                    } else if (!f.getFileName().toString().startsWith(".")) {
                      ignored.add(input.relativize(f).toString());
                    }
                  });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (!ignored.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  messages.get(
                      "import.ignoredFiles", input, ignored.size(), String.join(", ", ignored)));
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        missing.add(input + ": " + messages.get("file.notFound"));
      }
    }
    if (!missing.isEmpty()) {
      throw MvoscanException.invalidInput(missing);
    }
    return files;
  }

  /** Class CSVs name no scan; without --scan they are for the bundled MVO scan. */
  static final String DEFAULT_CSV_SCAN = "mvo-stagebedrijf";

  /**
   * Excel lock files (~$klas.xlsx), macOS resource forks (._klas.csv) and the --map file itself.
   */
  private boolean isSideFile(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("~$") || name.startsWith("._")) {
      return true;
    }
    try {
      return mappingFile != null
          && Files.exists(mappingFile)
          && Files.isSameFile(file, mappingFile);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private Map<String, String> mapping(Messages messages) {
    if (mappingFile == null) {
      return Map.of();
    }
    ClassCsv.Mapping mapping = ClassCsv.readMapping(mappingFile);
    if (!mapping.ok()) {
      throw MvoscanException.invalidInput(lines(mappingFile, mapping.problems(), messages));
    }
    return mapping.columns();
  }

  private static List<String> lines(Path file, List<JsonProblem> problems, Messages messages) {
    return problems.stream()
        .map(
            p ->
                file
                    + ":"
                    + Math.max(p.line(), 1)
                    + ": "
                    + (p.pointer().isEmpty() ? "" : p.pointer() + ": ")
                    + messages.get(p.key(), p.args()))
        .toList();
  }
}
