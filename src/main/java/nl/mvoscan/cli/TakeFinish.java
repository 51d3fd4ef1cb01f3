package nl.mvoscan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.Scorecard;
import nl.mvoscan.report.pdf.RenderedPdf;
import nl.mvoscan.report.pdf.StudentReport;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.store.ResponseWriter;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreException;

/**
 * The step after {@code take}'s dialog: the finished answers file scored and shown exactly as
 * {@code score} shows it, stored with {@code --store}, and with {@code --pdf} (or a yes on a
 * terminal) the student's report written beside it, as {@code report student FILE} writes it.
 */
final class TakeFinish {

  private final TakeConsole console;
  private final Messages messages;
  private final CommonOptions common;
  private final DbOptions db;
  private final ScanResolver resolver;
  private final Scan scan;
  private final String scanRef;
  private final Path file;
  private final boolean store;
  private final boolean pdf;
  private final boolean interactive;

  TakeFinish(
      TakeConsole console,
      Messages messages,
      CommonOptions common,
      DbOptions db,
      ScanResolver resolver,
      Scan scan,
      String scanRef,
      Path file,
      boolean store,
      boolean pdf,
      boolean interactive) {
    this.console = console;
    this.messages = messages;
    this.common = common;
    this.db = db;
    this.resolver = resolver;
    this.scan = scan;
    this.scanRef = scanRef;
    this.file = file;
    this.store = store;
    this.pdf = pdf;
    this.interactive = interactive;
  }

  /**
   * @param skipped how many visible questions were left open
   */
  int run(int skipped) {
    console.blank();
    console.line(console.heading(messages.get("take.done")));
    if (skipped > 0) {
      console.line(messages.plural("take.skipped", skipped, skipped, scanRef, file));
    }
    ScanResolver.LoadedAnswers loaded = resolver.loadAnswers(file, scan);
    if (!loaded.ok()) {
      throw MvoscanException.invalidInput(
          Problems.byPointer(file.toString(), loaded.problems(), messages));
    }
    ScoreResult result = Scorer.score(scan, loaded.answers());
    String language = common.textLanguage(result);
    console.blank();
    console.line(Scorecard.render(result, common.messagesFor(language), language));
    console.line(messages.get("take.file", file));
    if (store) {
      String clazz =
          loaded.answers().respondent() == null ? null : loaded.answers().respondent().className();
      try (Store database = db.open()) {
        ResponseWriter.Outcome outcome =
            ResponseWriter.save(
                database,
                List.of(
                    new ResponseWriter.NewResponse(
                        result, resolver.definition(scan), clazz, file.toString(), null)),
                LocalDate.now());
        console.line(
            outcome.insertedIds().isEmpty()
                ? messages.get("take.storedDuplicate", db.path())
                : messages.get("take.stored", db.path(), outcome.insertedIds().get(0)));
      }
    }
    offerReport(result, language);
    console.flush();
    return ExitCode.OK;
  }

  /** With --pdf, or when the student says yes on a terminal, the PDF beside the answers file. */
  private void offerReport(ScoreResult result, String language) {
    boolean make = pdf;
    if (!make && interactive) {
      console.line(messages.get("take.offerPdf"));
      try {
        String answer = console.ask();
        make =
            answer != null
                && (answer.isBlank()
                    || answer.strip().toLowerCase(Locale.ROOT).matches("j|ja|y|yes"));
      } catch (IOException e) {
        make = false;
      }
    }
    if (!make) {
      console.line(messages.get("take.reportHint", file));
      return;
    }
    Path target =
        file.resolveSibling(
            file.getFileName().toString().replaceFirst("(?i)\\.json$", "") + ".pdf");
    Messages output = common.messagesFor(language);
    try {
      StudentReport.ClassAverage average = null;
      if (db.exists()) {
        try (Store database = db.openExisting(messages)) {
          average =
              ReportCommand.average(
                  database, result, ReportCommand.schoolYear(result.answers()), output);
        }
      }
      RenderedPdf rendered = StudentReport.render(result, average, output, language);
      ReportCommand.write(target, rendered.bytes(), output);
      console.line(output.get("report.written", target, output.count("page", rendered.pages())));
    } catch (MvoscanException e) {
      // the answers are saved and scored: a report that cannot be made is not take's failure
      e.lines().forEach(console::line);
      console.line(messages.get("take.reportHint", file));
    } catch (StoreException e) {
      console.line(messages.get(e.key(), e.args()));
      console.line(messages.get("take.reportHint", file));
    }
  }
}
