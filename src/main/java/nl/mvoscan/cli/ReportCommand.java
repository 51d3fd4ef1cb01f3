package nl.mvoscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.report.pdf.ClassReport;
import nl.mvoscan.report.pdf.FileNames;
import nl.mvoscan.report.pdf.PdfReports;
import nl.mvoscan.report.pdf.RenderedPdf;
import nl.mvoscan.report.pdf.StudentReport;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.Keys;
import nl.mvoscan.store.ReportQueries;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoredScans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Maak PDF-rapporten: voor een student en het bedrijf, voor een klas, of alles tegelijk.",
      "Make PDF reports: for a student and the company, for a class, or all at once."
    },
    subcommands = {
      ReportCommand.StudentCommand.class,
      ReportCommand.ClassCommand.class,
      ReportCommand.BatchCommand.class,
      ReportNetworkCommand.class
    })
public final class ReportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "student",
      mixinStandardHelpOptions = true,
      description = {
        "PDF-rapport voor de student en het stagebedrijf, van een antwoordbestand of een opgeslagen antwoord (id).",
        "PDF report for the student and the internship company, from an answers file or a stored response (id)."
      })
  static final class StudentCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;
    @Mixin ScanSourceOptions sources;

    @Parameters(
        paramLabel = "ID|ANSWERS.json",
        description =
            "Id uit mvoscan responses, of een antwoordbestand / id from mvoscan responses, or an answers file.")
    String source;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE.pdf",
        description =
            "Waar het rapport komt (bestand of map) / where to write the report (file or folder).")
    OutputPath output;

    @Option(
        names = "--scan",
        paramLabel = "FILE|ID",
        description =
            "De scan voor een antwoordbestand; standaard die uit het bestand / the scan for an answers file; default: the one it names.")
    String scanRef;

    @Option(
        names = {"--met-cijfer", "--with-grade"},
        description =
            "Eigen versie van de student, met rapportcijfer; zonder deze optie is het rapport voor het bedrijf / the student's own copy, with the grade; without it the report is for the company.")
    boolean withGrade;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      Path file = Path.of(source);
      ScoreResult result;
      StudentReport.ClassAverage average;
      if (Files.isRegularFile(file)) {
        result = scoreFile(file, messages);
        average =
            db.exists()
                ? fromDb(
                    messages,
                    store -> average(store, result, schoolYear(result.answers()), messages))
                : null;
      } else if (source.matches("[0-9]{1,18}")) {
        long id = Long.parseLong(source);
        ScoreResult[] scored = new ScoreResult[1];
        average =
            fromDb(
                messages,
                store ->
                    store.snapshot(
                        () -> {
                          ReportQueries.StoredResponse stored =
                              ReportQueries.response(store, id)
                                  .orElseThrow(
                                      () ->
                                          MvoscanException.invalidInput(
                                              messages.get("report.noResponse", id)));
                          scored[0] = Scorer.score(stored.scan(), stored.answers());
                          return average(store, scored[0], stored.schoolYear(), messages);
                        }));
        result = scored[0];
      } else {
        throw MvoscanException.invalidInput(source + ": " + messages.get("report.notFileOrId"));
      }
      String language = common.textLanguage(result);
      RenderedPdf pdf =
          StudentReport.render(
              result,
              average,
              common.messagesFor(language),
              language,
              withGrade ? StudentReport.Audience.STUDENT : StudentReport.Audience.COMPANY);
      if (output != null && output.isStandardOutput()) {
        return toStandardOutput(spec, pdf, messages);
      }
      Path target = target(output, studentFileBase(result, messages, source), messages);
      write(target, pdf.bytes(), messages);
      PrintWriter out = spec.commandLine().getOut();
      out.println(messages.get("report.written", target, messages.count("page", pdf.pages())));
      out.flush();
      return ExitCode.OK;
    }

    private ScoreResult scoreFile(Path file, Messages messages) {
      ScanResolver resolver = new ScanResolver(sources, messages);
      ScanResolver.LoadedAnswers loaded =
          resolver.loadAnswers(file, scanRef == null ? null : resolver.resolve(scanRef));
      if (!loaded.ok()) {
        throw MvoscanException.invalidInput(
            Problems.byPointer(file.toString(), loaded.problems(), messages));
      }
      return Scorer.score(loaded.scan(), loaded.answers());
    }

    private <T> T fromDb(Messages messages, Query<T> query) {
      try (Store store = db.openExisting(messages)) {
        return query.run(store);
      }
    }
  }

  @Command(
      name = "class",
      mixinStandardHelpOptions = true,
      description = {
        "PDF-klasrapport voor de docent: niveaus, spreiding per thema, bedrijven en verbeterpunten.",
        "PDF class report for the teacher: levels, spread per theme, companies and improvements."
      })
  static final class ClassCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;

    @Parameters(paramLabel = "X", description = "De klas / the class.")
    String className;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE.pdf",
        description =
            "Waar het rapport komt (bestand of map) / where to write the report (file or folder).")
    OutputPath output;

    @Option(
        names = "--anonymize",
        description =
            "Laat namen van studenten weg (Student 01, Student 02, …) / leave out student names.")
    boolean anonymize;

    @Option(
        names = "--school-year",
        paramLabel = "YYYY-YYYY",
        description = "Alleen dit schooljaar / only this school year.")
    String schoolYear;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      ClassSummary summary;
      try (Store store = db.openExisting(messages)) {
        summary = classSummary(store, messages, className, schoolYear);
      }
      RenderedPdf pdf = render(summary, anonymize, messages, spec.commandLine().getErr());
      if (output != null && output.isStandardOutput()) {
        return toStandardOutput(spec, pdf, messages);
      }
      Path target =
          target(
              output,
              FileNames.safe(messages.get("report.class.fileName", summary.className()), "class"),
              messages);
      write(target, pdf.bytes(), messages);
      PrintWriter out = spec.commandLine().getOut();
      out.println(messages.get("report.written", target, messages.count("page", pdf.pages())));
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "batch",
      mixinStandardHelpOptions = true,
      description = {
        "Alle studentrapporten van een klas plus het klasrapport in één map.",
        "Every student report of a class plus the class report, in one folder."
      })
  static final class BatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;

    @Option(
        names = "--class",
        required = true,
        paramLabel = "X",
        description = "De klas / the class.")
    String className;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "DIR",
        description = "Map voor de rapporten / folder for the reports.")
    OutputPath output;

    @Option(
        names = "--school-year",
        paramLabel = "YYYY-YYYY",
        description = "Alleen dit schooljaar / only this school year.")
    String schoolYear;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      PrintWriter err = spec.commandLine().getErr();
      if (output.isStandardOutput()) {
        throw MvoscanException.invalidInput(messages.get("report.batchStandardOutput"));
      }
      Path folder = output.path();
      if (Files.exists(folder) && !Files.isDirectory(folder)) {
        throw MvoscanException.invalidInput(folder + ": " + messages.get("report.notAFolder"));
      }
      // as for every -o: mvoscan never creates a folder, so a typo cannot hide the reports
      if (!Files.isDirectory(folder)) {
        throw MvoscanException.invalidInput(folder + ": " + messages.get("file.noFolder"));
      }
      ExecutorService pool = renderPool();
      try {
        return batch(messages, err, folder, pool);
      } finally {
        pool.shutdownNow();
      }
    }

    private int batch(Messages messages, PrintWriter err, Path folder, ExecutorService pool) {
      // what every PDF shares (fonts, the chart canvas's font list, the class report's collator)
      // is made on one render thread while this one opens the database, instead of after it
      Future<?> prepared = pool.submit(() -> PdfReports.prepare(messages.locale()));
      // and the scan's definition, the longest part of reading the class, on the other
      Future<?> scans = pool.submit(StoredScans::preloadCurrentBundled);
      // each PDF is laid out as soon as what it shows is read, while this thread reads on; it is
      // written only once everything read well, so a failure while reading still writes nothing
      CompletableFuture<Written> readWell = new CompletableFuture<>();
      AtomicInteger done = new AtomicInteger();
      List<CompletableFuture<Void>> written = new ArrayList<>();
      List<String> studentFiles = new ArrayList<>();
      CompletableFuture<ClassSummary> summarised;
      try (Store store = db.openExisting(messages)) {
        // the class report, the student reports and their class averages from one snapshot
        summarised =
            store.snapshot(
                () -> {
                  AggregateQueries.Selection selection =
                      classSelection(store, messages, className, schoolYear);
                  // the class's figures are summed on a render thread, then laid out there: the
                  // class report, the longest, goes first, and this thread reads the students
                  CompletableFuture<ClassSummary> summary =
                      CompletableFuture.supplyAsync(
                          () -> classSummary(className, schoolYear, selection, messages), pool);
                  written.add(
                      later(
                          summary.thenApply(
                              read ->
                                  ClassReport.render(read, false, messages, messages.language())),
                          0,
                          readWell,
                          done,
                          messages));
                  Map<String, StudentReport.ClassAverage> byClass = new HashMap<>();
                  for (ReportQueries.StoredResponse response :
                      ReportQueries.classResponses(store, className, schoolYear)) {
                    ScoreResult result = Scorer.score(response.scan(), response.answers());
                    String key =
                        result.scan().hash()
                            + "|"
                            + response.className()
                            + "|"
                            + response.schoolYear();
                    if (!byClass.containsKey(key)) {
                      byClass.put(key, average(store, selection, response, result, messages));
                    }
                    StudentReport.ClassAverage average = byClass.get(key);
                    studentFiles.add(
                        studentFileBase(result, messages, Long.toString(response.id())));
                    written.add(
                        later(
                            CompletableFuture.supplyAsync(
                                () -> {
                                  String language = common.textLanguage(result);
                                  return StudentReport.render(
                                      result, average, common.messagesFor(language), language);
                                },
                                pool),
                            written.size(),
                            readWell,
                            done,
                            messages));
                  }
                  return summary;
                });
      } catch (RuntimeException | Error e) {
        keepWith(e, prepared);
        keepWith(e, scans);
        readWell.completeExceptionally(e);
        throw e;
      }
      ClassSummary summary = await(summarised);
      warnOtherScans(summary, messages, err);
      // every name is claimed in order (the class report, then the students in id order), so
      // that two students of one name get the same files however the reports are spread over
      // threads
      FileNames.Claims claims = new FileNames.Claims();
      List<Path> targets = new ArrayList<>();
      targets.add(
          folder.resolve(
              claims.claim(
                  FileNames.safe(
                      messages.get("report.class.fileName", summary.className()), "class"),
                  ".pdf")));
      for (String base : studentFiles) {
        targets.add(folder.resolve(claims.claim(base, ".pdf")));
      }
      // a target that no staged file can replace (a folder of its name) is refused before any PDF
      // is written, every one at once, so the teacher fixes them all in one go
      List<String> blocked = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        AtomicFiles.WriteFailed why = AtomicFiles.notReplaceable(targets.get(i));
        if (why != null) {
          blocked.add(
              messages.get(
                  "report.batch.blocked",
                  targets.get(i),
                  i == 0 ? summary.className() : studentFiles.get(i - 1),
                  messages.get("report.batch.inTheWay")));
        }
      }
      if (!blocked.isEmpty()) {
        readWell.completeExceptionally(new IllegalStateException("targets in the way"));
        throw MvoscanException.failure(blocked, messages.get("report.batch.noneWritten", folder));
      }
      Staging staging = new Staging();
      try (Progress progress = new Progress(err, written.size(), summary.className() + " (PDF)")) {
        readWell.complete(new Written(targets, progress, staging));
        // the preloaded scans are not awaited: a scan that failed to preload is loaded (and fails,
        // if it is needed) on this thread as before
        await(prepared);
        for (CompletableFuture<Void> report : written) {
          await(report);
        }
      } catch (RuntimeException | Error e) {
        staging.discardAll();
        throw e;
      }
      staging.commitAll(folder, messages);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          messages.plural("report.batch.done", studentFiles.size(), studentFiles.size(), folder));
      out.flush();
      return ExitCode.OK;
    }
  }

  /** Where each PDF of a batch goes (the class report first), known once all is read. */
  private record Written(List<Path> targets, Progress progress, Staging staging) {}

  /**
   * The PDFs of a batch written beside their targets, put in place only when all of them are: a
   * batch is all or nothing. Once the batch has failed, a PDF that is staged late is removed at
   * once, so no temporary file outlives the run.
   */
  private static final class Staging {
    private final List<AtomicFiles.Staged> staged = new ArrayList<>();
    private boolean failed;

    void stage(Path target, byte[] bytes, Messages messages) {
      AtomicFiles.Staged one;
      try {
        one = AtomicFiles.stage(target, bytes);
      } catch (IOException e) {
        throw MvoscanException.failure(
            messages.get("report.writeFailed", target, Problems.writeReason(messages, e))
                + " "
                + messages.get("report.batch.noneWritten", target.getParent()),
            e);
      }
      synchronized (this) {
        if (!failed) {
          staged.add(one);
          return;
        }
      }
      one.discard();
    }

    synchronized void discardAll() {
      failed = true;
      staged.forEach(AtomicFiles.Staged::discard);
      staged.clear();
    }

    /**
     * Renames every PDF into place. A rename that fails (rare: the disk went away) stops there and
     * says which PDFs were replaced and which were not, so the teacher knows what the folder holds.
     */
    synchronized void commitAll(Path folder, Messages messages) {
      List<Path> moved = new ArrayList<>();
      for (int i = 0; i < staged.size(); i++) {
        AtomicFiles.Staged one = staged.get(i);
        try {
          one.commit();
          moved.add(one.target());
        } catch (IOException e) {
          List<String> notMoved = new ArrayList<>();
          for (AtomicFiles.Staged rest : staged.subList(i, staged.size())) {
            notMoved.add(rest.target().getFileName().toString());
            rest.discard();
          }
          staged.clear();
          failed = true;
          AtomicFiles.forced(folder);
          throw MvoscanException.failure(
              messages.get(
                  "report.batch.partlyMoved",
                  one.target(),
                  Problems.writeReason(messages, e),
                  moved.size(),
                  moved.isEmpty()
                      ? "-"
                      : String.join(
                          ", ", moved.stream().map(p -> p.getFileName().toString()).toList()),
                  notMoved.size(),
                  String.join(", ", notMoved)),
              e);
        }
      }
      staged.clear();
      AtomicFiles.forced(folder);
    }
  }

  /**
   * A PDF being laid out, staged beside its target ({@code index} in {@link Written#targets}) once
   * the batch has read everything well, by the thread that finishes the later of the two (no
   * queueing behind other layouts, so few laid-out PDFs wait in memory); the progress counts it
   * then.
   */
  private static CompletableFuture<Void> later(
      CompletableFuture<RenderedPdf> rendered,
      int index,
      CompletableFuture<Written> readWell,
      AtomicInteger done,
      Messages messages) {
    return rendered.thenCombine(
        readWell,
        (pdf, all) -> {
          all.staging().stage(all.targets().get(index), pdf.bytes(), messages);
          int finished = done.incrementAndGet();
          synchronized (all.progress()) {
            all.progress().update(finished);
          }
          return null;
        });
  }

  /** Waits for one step of a batch; its failure is thrown as it was. */
  private static <T> T await(Future<T> step) {
    try {
      return step.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the reports", e);
    }
  }

  /**
   * A thread per core (at most four) for the report jobs of a batch: each PDF is laid out on its
   * own, and the layout of one student's report is most of the time a batch takes. Daemon threads,
   * so a batch refused while it reads the database does not wait for its preparation.
   */
  private static ExecutorService renderPool() {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    AtomicInteger made = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        job -> {
          Thread thread = new Thread(job, "report-" + made.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * A preparation that failed too is kept with the read's failure (shown with {@code --verbose}),
   * not lost; the read's own message is what the user needs to act on.
   */
  private static void keepWith(Throwable failure, Future<?> prepared) {
    if (!prepared.isDone() || prepared.isCancelled()) {
      return;
    }
    try {
      prepared.get();
    } catch (ExecutionException e) {
      failure.addSuppressed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- shared

  @FunctionalInterface
  private interface Query<T> {
    T run(Store store);
  }

  /**
   * Select, aggregate: every figure of the class report, from the class's stored figures. A class
   * without responses is bad input.
   */
  static ClassSummary classSummary(
      Store store, Messages messages, String className, String schoolYear) {
    return classSummary(
        className, schoolYear, classSelection(store, messages, className, schoolYear), messages);
  }

  /** The responses of the class report: a class without responses is bad input. */
  private static AggregateQueries.Selection classSelection(
      Store store, Messages messages, String className, String schoolYear) {
    AggregateQueries.Selection selection =
        AggregateQueries.select(
            store,
            new AggregateQueries.Filter(
                List.of(className),
                List.of(),
                schoolYear == null ? List.of() : List.of(schoolYear),
                List.of()));
    if (selection.responses().isEmpty()) {
      // a class or year that names nothing stored says which ones there are, as --class does
      // elsewhere
      Selections.requireKnown(
          store, messages, List.of(className), List.of(), Selections.of(schoolYear));
      throw MvoscanException.invalidInput(
          messages.get(
              "report.noClass",
              className,
              schoolYear == null ? "" : " " + messages.get("report.inSchoolYear", schoolYear)));
    }
    AggregateCommand.requireReadable(selection, messages);
    return selection;
  }

  private static ClassSummary classSummary(
      String className,
      String schoolYear,
      AggregateQueries.Selection selection,
      Messages messages) {
    return Aggregator.classSummary(
        className, schoolYear, selection.responses(), selection.scans(), messages.language());
  }

  /** Render: the class report of a summary, saying on stderr which responses it leaves out. */
  private static RenderedPdf render(
      ClassSummary summary, boolean anonymize, Messages messages, PrintWriter err) {
    warnOtherScans(summary, messages, err);
    return ClassReport.render(summary, anonymize, messages, messages.language());
  }

  /** Which responses the class report leaves out (other scans), on stderr. */
  private static void warnOtherScans(ClassSummary summary, Messages messages, PrintWriter err) {
    if (summary.otherScans() > 0) {
      err.println(
          messages.plural(
              "report.otherScansSkipped",
              summary.otherScans(),
              summary.otherScans(),
              summary.className()));
      err.flush();
    }
  }

  /**
   * The class's mean theme scores on the same scan (and school year, when known), as aggregate
   * computes them for {@code --class X --scan HASH}; null without a class.
   */
  static StudentReport.ClassAverage average(
      Store store, ScoreResult result, String schoolYear, Messages messages) {
    Answers.Respondent respondent = result.answers().respondent();
    if (respondent == null || respondent.className() == null || respondent.className().isBlank()) {
      return null;
    }
    AggregateQueries.Selection selection =
        AggregateQueries.select(
            store,
            new AggregateQueries.Filter(
                List.of(respondent.className()),
                List.of(),
                schoolYear == null ? List.of() : List.of(schoolYear),
                List.of(result.scan().hash())));
    if (selection.responses().isEmpty()) {
      return null;
    }
    AggregateCommand.requireReadable(selection, messages);
    return average(
        selection.responses(), selection.scans(), respondent.className().trim(), messages);
  }

  /**
   * {@link #average(Store, ScoreResult, String, Messages)} of a stored response of the class whose
   * responses {@code classSelection} holds, taken from them instead of a second query: the class's
   * responses on the response's scan, of its school year when it has one. A stored class or year
   * with spaces around it would be matched differently by the query, so that one still asks it.
   */
  private static StudentReport.ClassAverage average(
      Store store,
      AggregateQueries.Selection classSelection,
      ReportQueries.StoredResponse response,
      ScoreResult result,
      Messages messages) {
    Answers.Respondent respondent = result.answers().respondent();
    if (respondent == null || respondent.className() == null || respondent.className().isBlank()) {
      return null;
    }
    String hash = result.scan().hash();
    String year = response.schoolYear();
    nl.mvoscan.scan.Scan scan = classSelection.scans().get(hash);
    if (scan == null
        || !respondent.className().equals(response.className())
        || !respondent.className().equals(respondent.className().trim())
        || (year != null && !year.equals(year.trim()))) {
      return average(store, result, year, messages);
    }
    List<nl.mvoscan.aggregate.Response> same =
        classSelection.responses().stream()
            .filter(r -> r.scanHash().equals(hash) && (year == null || year.equals(r.schoolYear())))
            .toList();
    if (same.isEmpty()) {
      return null;
    }
    return average(same, Map.of(hash, scan), respondent.className().trim(), messages);
  }

  private static StudentReport.ClassAverage average(
      List<nl.mvoscan.aggregate.Response> responses,
      Map<String, nl.mvoscan.scan.Scan> scans,
      String className,
      Messages messages) {
    GroupSummary group =
        Aggregator.aggregate(responses, scans, Grouping.ALL, messages.language())
            .pools()
            .get(0)
            .groups()
            .get(0);
    Map<String, java.math.BigDecimal> themes = new HashMap<>();
    for (GroupSummary.ThemeSummary theme : group.themes()) {
      if (theme.summary().statistics().n() > 0) {
        themes.put(theme.theme().id(), theme.summary().statistics().mean().round(1));
      }
    }
    return new StudentReport.ClassAverage(className, group.n(), themes);
  }

  static String schoolYear(Answers answers) {
    return answers.date() == null ? null : Keys.schoolYear(answers.date());
  }

  /** "Student name - Company", made safe as a file name. */
  private static String studentFileBase(ScoreResult result, Messages messages, String fallback) {
    Answers answers = result.answers();
    String student = answers.respondent() == null ? null : answers.respondent().name();
    String company = answers.company() == null ? null : answers.company().name();
    String name =
        student == null || student.isBlank()
            ? company
            : company == null || company.isBlank() ? student : student + " - " + company;
    return FileNames.safe(name, messages.get("report.student.fileName", fallback));
  }

  /**
   * {@code -o} as given; a folder gets the default name inside it; no {@code -o} writes the default
   * name here.
   */
  static Path target(OutputPath output, String defaultBase, Messages messages) {
    if (output == null) {
      return Path.of(defaultBase + ".pdf");
    }
    if (output.folder() && !Files.exists(output.path())) {
      // -o nieuw/ names a folder that is not there: never made, as for every -o
      throw MvoscanException.invalidInput(output.shown() + ": " + messages.get("file.noFolder"));
    }
    return output.fileOrIn(defaultBase + ".pdf");
  }

  /**
   * {@code -o -}: the PDF's bytes on standard output (refused on a terminal), and the line that
   * names the file on stderr instead, so a pipe gets nothing but the PDF.
   */
  static int toStandardOutput(
      picocli.CommandLine.Model.CommandSpec spec, RenderedPdf pdf, Messages messages) {
    StandardOutput.of(spec).write(pdf.bytes(), "PDF", spec.commandLine().getOut(), messages);
    PrintWriter err = spec.commandLine().getErr();
    err.println(messages.get("report.writtenStandardOutput", messages.count("page", pdf.pages())));
    err.flush();
    return ExitCode.OK;
  }

  static void write(Path target, byte[] bytes, Messages messages) {
    try {
      AtomicFiles.write(target, bytes);
    } catch (IOException e) {
      throw MvoscanException.failure(
          messages.get("report.writeFailed", target, Problems.writeReason(messages, e)), e);
    }
  }
}
