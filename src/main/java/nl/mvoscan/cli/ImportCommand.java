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
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.CsvProblem;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.io.Tables;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Limits;
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
    Map<String, String> mapping = mapping(messages);
    List<Path> files = files(messages);
    Intake intake = new Intake(resolver, fixedScan, mapping, files, messages, err);

    LocalDate today = LocalDate.now();
    if (dryRun) {
      ResponseWriter.Preview preview;
      // the import itself, rolled back: the dry run and the real import can never disagree. With
      // no database yet, into an empty one of its own, which tells the same of a response or a
      // student twice in this import as the first real import would
      if (db.file() != null && !db.exists()) {
        // the real import would refuse a database it cannot make: the dry run says so too
        Store.requireCreatable(db.file());
      }
      try (Store store = db.exists() ? db.openExisting(messages) : Store.temporary(db.path())) {
        preview =
            ResponseWriter.preview(
                store,
                today,
                session -> {
                  intake.run(session::add);
                  intake.conflicts(session.conflicts());
                  intake.refuseIfRejected();
                });
      }
      Problems.capped(intake.problems, messages).forEach(err::println);
      out.println(
          messages.get(
              "import.dryRun",
              messages.plural("import.dryRun.added", preview.added(), preview.added()),
              messages.plural("import.present", preview.present(), preview.present()),
              intake.rejected,
              messages.plural("import.dryRun.replaced", preview.replaced(), preview.replaced())));
      replaced(out, messages, preview);
      anonymousRepeats(out, messages, preview.anonymousRepeats());
      out.flush();
      return intake.rejected > 0 ? ExitCode.SKIPPED : ExitCode.OK;
    }

    ResponseWriter.Outcome outcome = null;
    if (db.file() != null && !db.exists()) {
      // a first import makes the database whole or not at all: a rejected one leaves none
      outcome =
          Store.createWhole(db.file(), store -> importInto(store, intake, today)).orElse(null);
    }
    if (outcome == null) {
      try (Store store = db.open()) {
        outcome = importInto(store, intake, today);
      }
    }
    Problems.capped(intake.problems, messages).forEach(err::println);
    out.println(
        messages.get(
            "import.summary",
            messages.count("response", outcome.insertedIds().size()),
            messages.count("company", outcome.companies().size()),
            outcome.classes().isEmpty()
                ? "-"
                : String.join(", ", outcome.classes().stream().map(TerminalText::inline).toList()),
            messages.plural("import.present", outcome.duplicates(), outcome.duplicates()),
            intake.rejected,
            outcome.replaced()));
    anonymousRepeats(out, messages, outcome.anonymousRepeats());
    out.flush();
    return intake.rejected > 0 ? ExitCode.SKIPPED : ExitCode.OK;
  }

  /**
   * Which stored responses a dry run would replace, one line each, as stored: a teacher checks that
   * a correction replaces the response meant, not a classmate's.
   */
  private static void replaced(PrintWriter out, Messages messages, ResponseWriter.Preview preview) {
    List<ResponseWriter.Replaced> listed = preview.replacedResponses();
    int shown = Math.min(listed.size(), Problems.MAX_LISTED);
    for (ResponseWriter.Replaced r : listed.subList(0, shown)) {
      // indented under the line that counts them
      out.println(
          "  "
              + messages.get(
                  "import.dryRun.replacedResponse",
                  TerminalText.excerpt(r.student()),
                  r.className() == null ? "-" : TerminalText.excerpt(r.className()),
                  r.company() == null ? "-" : TerminalText.excerpt(r.company()),
                  TerminalText.inline(r.scanId()) + " " + TerminalText.inline(r.scanVersion()),
                  r.schoolYear()));
    }
    if (preview.replaced() > shown) {
      out.println(
          messages.get(
              "import.dryRun.replacedMore",
              messages.count("response", preview.replaced() - shown)));
    }
  }

  /**
   * Says that identical anonymous rows were each imported, not merged: "already present" only
   * counts what was stored before, and a teacher who expects a merge should see it did not happen.
   */
  private static void anonymousRepeats(PrintWriter out, Messages messages, int repeats) {
    if (repeats > 0) {
      out.println(messages.get("import.anonymousRepeats", messages.count("response", repeats)));
    }
  }

  /**
   * Reads, checks, scores and stores as one stream in one transaction; problems undo all of it
   * unless {@code --skip-invalid}.
   */
  private ResponseWriter.Outcome importInto(Store store, Intake intake, LocalDate today) {
    return ResponseWriter.write(
        store,
        today,
        session -> {
          // read and score on one core while the other stores: the same responses, in order
          ReadAhead.run(intake::run, session::add);
          intake.conflicts(session.conflicts());
          intake.refuseIfRejected();
          return session.outcome();
        });
  }

  /**
   * The inputs read one response at a time: good ones go to a sink as they are scored, problems are
   * kept (one line each) to be told all at once. Without {@code --skip-invalid}, once a problem is
   * found the rest is only checked, since nothing will be stored.
   */
  private final class Intake {
    private final ScanResolver resolver;
    private final Scan fixedScan;
    private final Map<String, String> mapping;
    private final List<Path> files;
    private final Messages messages;
    private final PrintWriter err;
    final List<String> problems = new ArrayList<>();
    int rejected;

    Intake(
        ScanResolver resolver,
        Scan fixedScan,
        Map<String, String> mapping,
        List<Path> files,
        Messages messages,
        PrintWriter err) {
      this.resolver = resolver;
      this.fixedScan = fixedScan;
      this.mapping = mapping;
      this.files = files;
      this.messages = messages;
      this.err = err;
    }

    /** Reads every input again from the start; may run twice (a database made meanwhile). */
    void run(Consumer<ResponseWriter.NewResponse> sink) {
      problems.clear();
      rejected = 0;
      try (Progress progress = new Progress(err, files.size(), messages.get("import.progress"))) {
        int done = 0;
        for (Path file : files) {
          progress.update(done++);
          if (Tables.isTable(file)) {
            table(file, sink);
          } else {
            answersFile(file, sink);
          }
        }
      }
    }

    private boolean storing() {
      return problems.isEmpty() || skipInvalid;
    }

    private void table(Path file, Consumer<ResponseWriter.NewResponse> sink) {
      Scan scan = fixedScan != null ? fixedScan : resolver.byId(DEFAULT_CSV_SCAN, null);
      try (ClassCsv.Reading csv = ClassCsv.open(file, scan, mapping, className)) {
        // a bad header (line 1, or the file as a whole) spoils every row: skip the file, not rows
        boolean fileUnusable = csv.problems().stream().anyMatch(p -> p.line() <= 1);
        for (ClassCsv.Row row = csv.next(); row != null; row = csv.next()) {
          if (fileUnusable || !storing() || (!skipInvalid && csv.hasProblems())) {
            continue; // checked for its problems only: nothing of this import will be stored
          }
          // the row's class, also for an anonymous row that has no respondent to carry it
          String clazz = row.className();
          sink.accept(
              new ResponseWriter.NewResponse(
                  Scorer.score(scan, row.answers(), row.hidden()),
                  resolver.definition(scan),
                  clazz,
                  file.toString(),
                  row.line()));
        }
        // an unusable file gets one clear line on why; which columns were not recognised and which
        // questions have none is noise next to it (a one-column header of 3000 characters)
        List<CsvProblem> warnings = fileUnusable ? List.of() : csv.warnings();
        warnings.forEach(
            w ->
                err.println(
                    file
                        + (w.line() > 1 ? ":" + w.line() + ": " + Problems.column(w.column()) : "")
                        + ": "
                        + Problems.columnMessage(messages, w.column(), w.key(), w.args())));
        if (!csv.missing().isEmpty() && !fileUnusable) {
          // said before anything is stored, so a dropped column never goes unnoticed
          err.println(
              messages.plural(
                  "import.missingQuestions",
                  csv.missing().size(),
                  file,
                  csv.missing().size(),
                  String.join(", ", csv.missing().stream().map(q -> q.id()).toList())));
        }
        List<CsvProblem> found = csv.problems();
        if (!found.isEmpty()) {
          rejected +=
              skipInvalid && !fileUnusable
                  ? found.stream().mapToInt(CsvProblem::line).distinct().count()
                  : 1;
          // line 0 is the file as a whole (empty, unreadable): no line number to show
          found.forEach(
              p ->
                  problems.add(
                      file
                          + (p.line() > 0 ? ":" + p.line() : "")
                          + ": "
                          + (p.column() == null ? "" : Problems.column(p.column()) + ": ")
                          + Problems.columnMessage(messages, p.column(), p.key(), p.args())));
        }
      }
    }

    private void answersFile(Path file, Consumer<ResponseWriter.NewResponse> sink) {
      ScanResolver.LoadedAnswers loaded = resolver.loadAnswers(file, fixedScan);
      if (!loaded.ok()) {
        rejected++;
        problems.addAll(lines(file, loaded.problems(), messages));
        return;
      }
      if (loaded.answers().respondent() != null
          && Limits.blank(loaded.answers().respondent().name())) {
        // a student nobody could find, list or forget: a template not filled in, or a typing slip
        rejected++;
        problems.add(file + ": /respondent/name: " + messages.get("answers.blankName"));
        return;
      }
      // the same rule for a class and a company: a blank one would be stored as a name nobody sees
      if (loaded.answers().respondent() != null
          && loaded.answers().respondent().className() != null
          && !loaded.answers().respondent().className().isEmpty()
          && Limits.blank(loaded.answers().respondent().className())) {
        rejected++;
        problems.add(file + ": /respondent/class: " + messages.get("answers.blankClass"));
        return;
      }
      if (loaded.answers().company() != null && Limits.blank(loaded.answers().company().name())) {
        rejected++;
        problems.add(file + ": /company/name: " + messages.get("answers.blankCompany"));
        return;
      }
      if (!storing()) {
        return;
      }
      String clazz =
          loaded.answers().respondent() != null
                  && loaded.answers().respondent().className() != null
                  && !loaded.answers().respondent().className().isBlank()
              ? loaded.answers().respondent().className()
              : className;
      sink.accept(
          new ResponseWriter.NewResponse(
              Scorer.score(loaded.scan(), loaded.answers()),
              resolver.definition(loaded.scan()),
              clazz,
              file.toString(),
              null));
    }

    /**
     * A student twice in one import with different answers: the later one is a problem naming both
     * places, since which one is the correction only the teacher knows.
     */
    void conflicts(List<ResponseWriter.Conflict> conflicts) {
      rejected += conflicts.size();
      for (ResponseWriter.Conflict c : conflicts) {
        problems.add(
            messages.get(
                "import.conflict",
                c.place(),
                TerminalText.excerpt(c.student()),
                c.company() == null ? "-" : TerminalText.excerpt(c.company()),
                c.firstPlace()));
      }
    }

    /** Every problem at once, and nothing stored, unless --skip-invalid. */
    void refuseIfRejected() {
      if (!problems.isEmpty() && !skipInvalid) {
        throw MvoscanException.invalidInput(
            problems, messages.plural("import.nothingImported", rejected, rejected));
      }
    }
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
                  messages.plural(
                      "import.ignoredFiles",
                      ignored.size(),
                      input,
                      ignored.size(),
                      String.join(", ", ignored)));
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
                    // a syntax error is found at a character, not at a value: its column helps
                    + (p.pointer().isEmpty() && p.line() > 0 && p.column() > 0
                        ? ":" + p.column()
                        : "")
                    + ": "
                    + (p.pointer().isEmpty() ? "" : p.pointer() + ": ")
                    + Problems.message(messages, p.key(), p.args()))
        .toList();
  }
}
