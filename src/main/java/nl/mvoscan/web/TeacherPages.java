package nl.mvoscan.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.CsvExport;
import nl.mvoscan.report.ExportTable;
import nl.mvoscan.report.XlsxExport;
import nl.mvoscan.report.pdf.ClassReport;
import nl.mvoscan.report.pdf.FileNames;
import nl.mvoscan.report.pdf.PdfReports;
import nl.mvoscan.report.pdf.StudentReport;
import nl.mvoscan.scan.Interview;
import nl.mvoscan.scan.Limits;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.CompanyQueries;
import nl.mvoscan.store.ExportQueries;
import nl.mvoscan.store.Keys;
import nl.mvoscan.store.ReportQueries;

/** The teacher's pages: sign in, open classes, follow them live, figures and downloads. */
final class TeacherPages {

  private final WebServer web;

  TeacherPages(WebServer web) {
    this.web = web;
  }

  void routes(RoutesConfig routes) {
    routes.get("/docent/inloggen", this::loginPage);
    routes.post("/docent/inloggen", this::login);
    routes.post("/docent/uitloggen", signedIn(this::logout));
    routes.get("/docent", signedIn(this::classes));
    routes.post("/docent/klassen", signedIn(this::create));
    routes.get("/docent/klas/{code}", signedIn(this::classPage));
    routes.get("/docent/klas/{code}/leerlingen", signedIn(this::studentsFragment));
    routes.post("/docent/klas/{code}/sluiten", signedIn(ctx -> setClosed(ctx, true)));
    routes.post("/docent/klas/{code}/heropenen", signedIn(ctx -> setClosed(ctx, false)));
    routes.post("/docent/klas/{code}/bedrijven", signedIn(this::merge));
    routes.get("/docent/klas/{code}/klasrapport.pdf", signedIn(this::classPdf));
    routes.get("/docent/klas/{code}/studentrapporten.zip", signedIn(this::zip));
    routes.get("/docent/klas/{code}/export.csv", signedIn(ctx -> export(ctx, false)));
    routes.get("/docent/klas/{code}/export-excel.csv", signedIn(ctx -> export(ctx, true)));
    routes.get("/docent/klas/{code}/werkmap.xlsx", signedIn(this::workbook));
  }

  /** Every teacher page needs the sign-in; without it the answer is 401 and the sign-in form. */
  private Handler signedIn(Handler handler) {
    return ctx -> {
      if (web.guard().teacher(ctx)) {
        handler.handle(ctx);
      } else {
        ctx.status(401);
        renderLogin(ctx, "", null);
      }
    };
  }

  private void loginPage(Context ctx) {
    if (web.guard().teacher(ctx)) {
      ctx.redirect("/docent", HttpStatus.SEE_OTHER);
      return;
    }
    String secret = ctx.queryParam("geheim");
    renderLogin(ctx, secret == null ? "" : secret, null);
  }

  private void renderLogin(Context ctx, String secret, String error) {
    Messages m = WebServer.messages(ctx);
    web.render(
        ctx,
        "teacher/login.jte",
        new Views.Login(web.chrome(ctx, m.get("web.login.title")), secret, error));
  }

  private void login(Context ctx) {
    Messages m = WebServer.messages(ctx);
    if (web.guard().blocked(ctx)) {
      web.tooMany(ctx);
      return;
    }
    if (!web.guard().secretOk(ctx.formParam("secret"))) {
      web.guard().failed(ctx);
      ctx.status(401);
      renderLogin(ctx, "", m.get("web.login.wrong"));
      return;
    }
    web.guard().signIn(ctx);
    ctx.redirect("/docent", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    web.guard().signOut(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  // ---- classes

  private void classes(Context ctx) {
    renderClasses(ctx, List.of("", "", Keys.schoolYear(LocalDate.now())), Map.of());
  }

  /**
   * This school year and the next (a class opened in June for after the summer). Not a past one: a
   * response is stored under the school year of the day it is finished, as every import is, so a
   * class of a year gone by would never show its own students' figures.
   */
  private static List<String> schoolYears() {
    int start = Integer.parseInt(Keys.schoolYear(LocalDate.now()).substring(0, 4));
    return List.of(start + "-" + (start + 1), (start + 1) + "-" + (start + 2));
  }

  /** The form {@code import} and the store use: 2026-2027, two years that follow each other. */
  static boolean validSchoolYear(String year) {
    if (year == null || !year.matches("[0-9]{4}-[0-9]{4}")) {
      return false;
    }
    return Integer.parseInt(year.substring(5)) == Integer.parseInt(year.substring(0, 4)) + 1;
  }

  private void renderClasses(Context ctx, List<String> values, Map<String, String> errors) {
    Messages m = WebServer.messages(ctx);
    List<Views.ClassRow> rows = new ArrayList<>();
    for (Classrooms.ClassRoom room : web.data().teacher(Classrooms::classes)) {
      rows.add(row(room, m));
    }
    List<Views.ScanChoice> scans =
        web.data().choosable().stream()
            .map(
                s ->
                    new Views.ScanChoice(
                        s.scan().hash(),
                        s.scan().title().in(WebServer.language(ctx), s.scan().defaultLanguage())
                            + " ("
                            + s.scan().version()
                            + ")"))
            .toList();
    List<Views.Field> fields =
        List.of(
            new Views.Field(
                "name",
                m.get("web.classes.name"),
                values.get(0),
                errors.get("name"),
                m.get("web.classes.nameHint"),
                null,
                null,
                null,
                "text"),
            new Views.Field(
                "until",
                m.get("web.classes.until"),
                values.get(1),
                errors.get("until"),
                m.get("web.classes.untilHint"),
                null,
                null,
                null,
                "date"));
    web.render(
        ctx,
        "teacher/classes.jte",
        new Views.Classes(
            web.chrome(ctx, m.get("web.classes.title")),
            rows,
            scans,
            fields,
            schoolYears(),
            values.get(2),
            errors.get("schoolYear")));
  }

  private Views.ClassRow row(Classrooms.ClassRoom room, Messages m) {
    List<Classrooms.Student> students =
        web.data().teacher(store -> Classrooms.students(store, room.id()));
    Data.LoadedScan loaded = web.data().scan(room.scanHash());
    return new Views.ClassRow(
        room.code(),
        room.name(),
        loaded.scan().title().in(m.language(), loaded.scan().defaultLanguage())
            + " "
            + room.scanVersion(),
        room.schoolYear(),
        room.openUntil() == null ? null : room.openUntil().toString(),
        room.openOn(LocalDate.now()),
        students.size(),
        (int) students.stream().filter(Classrooms.Student::finished).count());
  }

  private void create(Context ctx) {
    Messages m = WebServer.messages(ctx);
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String until = ctx.formParam("until") == null ? "" : ctx.formParam("until").strip();
    String hash = ctx.formParam("scan");
    String year =
        ctx.formParam("schoolYear") == null
            ? Keys.schoolYear(LocalDate.now())
            : ctx.formParam("schoolYear").strip();
    Map<String, String> errors = new LinkedHashMap<>();
    if (!validSchoolYear(year) || !schoolYears().contains(year)) {
      errors.put("schoolYear", m.get("web.classes.yearBad", Keys.schoolYear(LocalDate.now())));
    }
    if (Limits.blank(name)) {
      // a name of only non-breaking or zero-width spaces survives strip() but shows nothing
      errors.put("name", m.get("web.field.required"));
    } else if (name.codePointCount(0, name.length()) > 40) {
      errors.put("name", m.get("web.field.tooLong", 40));
    } else if (!Interview.name(name).ok()) {
      Interview.Reason reason = Interview.name(name).reason();
      errors.put("name", m.get(reason.key(), reason.argsArray()));
    }
    LocalDate openUntil = null;
    if (!until.isEmpty()) {
      Interview.Parsed<LocalDate> parsed = Interview.date(until);
      if (!parsed.ok()) {
        errors.put("until", StudentPages.reason(m, parsed.reason()));
      } else if (parsed.value().isBefore(LocalDate.now())) {
        errors.put("until", m.get("web.classes.untilPast"));
      } else {
        openUntil = parsed.value();
      }
    }
    Optional<Data.LoadedScan> scan =
        web.data().choosable().stream().filter(s -> s.scan().hash().equals(hash)).findFirst();
    if (scan.isEmpty()) {
      errors.put("name", m.get("web.classes.noScan"));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      renderClasses(
          ctx,
          List.of(name, until, schoolYears().contains(year) ? year : schoolYears().get(0)),
          errors);
      return;
    }
    Scan chosen = scan.get().scan();
    LocalDate close = openUntil;
    Classrooms.ClassRoom room =
        web.data()
            .teacher(
                store ->
                    Classrooms.open(
                        store,
                        name,
                        chosen.hash(),
                        chosen.id(),
                        chosen.version(),
                        scan.get().definition(),
                        year,
                        close,
                        () -> web.tokens().code(6)));
    ctx.redirect("/docent/klas/" + room.code(), HttpStatus.SEE_OTHER);
  }

  private Optional<Classrooms.ClassRoom> room(Context ctx) {
    String code = Tokens.normalizeCode(ctx.pathParam("code"));
    Optional<Classrooms.ClassRoom> room =
        web.data().teacher(store -> Classrooms.classByCode(store, code));
    if (room.isEmpty()) {
      web.notFound(ctx);
    }
    return room;
  }

  private void classPage(Context ctx) {
    Optional<Classrooms.ClassRoom> found = room(ctx);
    if (found.isEmpty()) {
      return;
    }
    Classrooms.ClassRoom room = found.get();
    Messages m = WebServer.messages(ctx);
    String lang = WebServer.language(ctx);
    AggregateQueries.Selection selection =
        web.data()
            .teacher(
                store ->
                    AggregateQueries.select(
                        store,
                        new AggregateQueries.Filter(
                            List.of(room.name()),
                            List.of(),
                            List.of(room.schoolYear()),
                            List.of(room.scanHash()))));
    Aggregate aggregate =
        Aggregator.aggregate(selection.responses(), selection.scans(), Grouping.ALL, lang);
    List<Views.StatRow> stats = new ArrayList<>();
    List<Views.Bar> chart = new ArrayList<>();
    List<Views.LevelRow> levels = new ArrayList<>();
    List<String> improvements = new ArrayList<>();
    if (!aggregate.pools().isEmpty() && !aggregate.pools().get(0).groups().isEmpty()) {
      Scan scan = aggregate.pools().get(0).scan();
      GroupSummary group = aggregate.pools().get(0).groups().get(0);
      stats.add(stat(m.get("web.class.overall"), group.overall().statistics(), m));
      int y = 0;
      for (GroupSummary.ThemeSummary theme : group.themes()) {
        String title = theme.theme().title().in(lang, scan.defaultLanguage());
        Statistics statistics = theme.summary().statistics();
        stats.add(stat(title, statistics, m));
        BigDecimal mean = statistics.mean() == null ? null : statistics.mean().round(1);
        chart.add(
            new Views.Bar(
                title.length() > 28 ? title.substring(0, 27) + "…" : title,
                mean == null
                    ? 0
                    : mean.multiply(BigDecimal.valueOf(150))
                        .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
                        .intValue(),
                mean == null ? "-" : m.decimal(mean),
                y));
        y += 26;
      }
      for (GroupSummary.LevelCount level : group.levels()) {
        levels.add(
            new Views.LevelRow(
                level.level() == null
                    ? m.get("web.class.noLevel")
                    : level.level().label().in(lang, scan.defaultLanguage()),
                level.count()));
      }
      group.improvements().stream()
          .limit(5)
          .forEach(i -> improvements.add(i.question().text().in(lang, scan.defaultLanguage())));
    }
    List<Views.CompanyRow> companies = new ArrayList<>();
    for (CompanyQueries.Company company : web.data().teacher(CompanyQueries::list)) {
      companies.add(
          new Views.CompanyRow(
              company.id(), company.name(), company.kvk(), company.city(), company.responses()));
    }
    String link = web.studentAddress() + "k/" + room.code();
    String message =
        ctx.queryParam("klaar") == null
            ? null
            : m.get("web.class.done." + ctx.queryParam("klaar").replaceAll("[^a-z]", ""));
    web.render(
        ctx,
        "teacher/class.jte",
        new Views.ClassPage(
            web.chrome(ctx, m.get("web.class.title", room.name())),
            row(room, m),
            link,
            Qr.svg(link),
            studentRows(room, m),
            stats,
            chart,
            Math.max(26, chart.size() * 26),
            levels,
            improvements,
            companies,
            aggregate.n(),
            message));
  }

  private static Views.StatRow stat(String label, Statistics s, Messages m) {
    return new Views.StatRow(
        label,
        Integer.toString(s.n()),
        figure(s.mean(), m),
        figure(s.median(), m),
        figure(s.min(), m),
        figure(s.max(), m));
  }

  private static String figure(Rational value, Messages m) {
    return value == null ? "-" : m.decimal(value.round(1));
  }

  private List<Views.StudentRow> studentRows(Classrooms.ClassRoom room, Messages m) {
    Data.LoadedScan loaded = web.data().scan(room.scanHash());
    Scan scan = loaded.scan();
    List<Views.StudentRow> rows = new ArrayList<>();
    List<Classrooms.Student> students =
        web.data().teacher(store -> Classrooms.students(store, room.id()));
    for (Classrooms.Student student : students) {
      // every save leaves the student's progress behind; reading and checking all answers of
      // the whole class at every refresh is only needed for students not seen since the start
      Data.Progress progress = web.data().progress(student.id());
      if (progress == null) {
        progress = progress(room, scan, student);
        web.data().progress(student.id(), progress.answered(), progress.total());
      }
      int answered = progress.answered();
      int total = progress.total();
      String state;
      String css;
      if (student.finished()) {
        state = m.get("web.class.state.finished");
        css = "finished";
      } else if (answered == 0) {
        state = m.get("web.class.state.new");
        css = "new";
      } else {
        state = m.get("web.class.state.busy", answered, total);
        css = "busy";
      }
      rows.add(
          new Views.StudentRow(
              student.details().name(), student.details().company(), state, css, answered, total));
    }
    return rows;
  }

  private Data.Progress progress(Classrooms.ClassRoom room, Scan scan, Classrooms.Student student) {
    List<Classrooms.SavedAnswer> answers =
        web.data().teacher(store -> Classrooms.answers(store, student.id()));
    LocalDate date =
        student.finishedAt() == null
            ? LocalDate.now()
            : LocalDate.ofInstant(student.finishedAt(), ZoneId.systemDefault());
    AnswersDocument.Loaded document =
        AnswersDocument.load(
            scan, room.name(), student.details(), scan.defaultLanguage(), date, answers);
    Interview interview =
        Interview.start(
            scan, scan.defaultLanguage(), document.ok() ? document.answers().answers() : Map.of());
    return new Data.Progress(interview.answeredCount(), interview.total());
  }

  private void studentsFragment(Context ctx) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    web.render(
        ctx,
        "teacher/students.jte",
        Map.<String, Object>of("c", web.chrome(ctx, ""), "students", studentRows(room.get(), m)));
  }

  private void setClosed(Context ctx, boolean closed) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    web.data().teacher(store -> Classrooms.setClosed(store, room.get().id(), closed));
    ctx.redirect(
        "/docent/klas/" + room.get().code() + "?klaar=" + (closed ? "closed" : "reopened"),
        HttpStatus.SEE_OTHER);
  }

  private void merge(Context ctx) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    String keep = ctx.formParam("keep");
    List<Long> others = new ArrayList<>();
    for (String id : ctx.formParams("merge")) {
      if (id.matches("[0-9]{1,18}") && !id.equals(keep)) {
        others.add(Long.parseLong(id));
      }
    }
    String outcome = "mergeNothing";
    if (keep != null && keep.matches("[0-9]{1,18}") && !others.isEmpty()) {
      CompanyQueries.Merged merged =
          web.data().teacher(store -> CompanyQueries.merge(store, Long.parseLong(keep), others));
      outcome = merged.unknown().isEmpty() ? "merged" : "mergeNothing";
    }
    ctx.redirect(
        "/docent/klas/"
            + room.get().code()
            + "?klaar="
            + outcome.toLowerCase(java.util.Locale.ROOT),
        HttpStatus.SEE_OTHER);
  }

  private void classPdf(Context ctx) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    ClassSummary summary =
        web.data()
            .teacher(
                store ->
                    store.snapshot(
                        () ->
                            PdfReports.classSummary(
                                store, room.get().name(), room.get().schoolYear(), m.language())));
    if (summary == null) {
      web.problem(ctx, 404, "web.class.noFigures", "web.class.noFiguresText", null);
      return;
    }
    byte[] pdf = ClassReport.render(summary, false, m, m.language()).bytes();
    StudentPages.download(
        ctx,
        "application/pdf",
        FileNames.safe(m.get("report.class.fileName", summary.className()), "class") + ".pdf",
        pdf);
  }

  /** One student report per stored response of the class, as report batch makes them. */
  private void zip(Context ctx) throws IOException {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    String name = room.get().name();
    String year = room.get().schoolYear();
    Map<ReportQueries.StoredResponse, StudentReport.ClassAverage> reports = new LinkedHashMap<>();
    Map<Long, ScoreResult> results = new LinkedHashMap<>();
    web.data()
        .teacher(
            store ->
                store.snapshot(
                    () -> {
                      Map<String, StudentReport.ClassAverage> byScan = new HashMap<>();
                      for (ReportQueries.StoredResponse stored :
                          ReportQueries.classResponses(store, name, year)) {
                        ScoreResult result = Scorer.score(stored.scan(), stored.answers());
                        results.put(stored.id(), result);
                        StudentReport.ClassAverage average =
                            byScan.computeIfAbsent(
                                result.scan().hash() + "|" + stored.schoolYear(),
                                k ->
                                    PdfReports.classAverage(
                                        store, result, stored.schoolYear(), m.language()));
                        reports.put(stored, average);
                      }
                      return null;
                    }));
    if (reports.isEmpty()) {
      web.problem(ctx, 404, "web.class.noFigures", "web.class.noFiguresText", null);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FileNames.Claims claims = new FileNames.Claims();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var entry : reports.entrySet()) {
        ScoreResult result = results.get(entry.getKey().id());
        String language =
            result.answers().language() != null
                ? result.answers().language()
                : result.scan().defaultLanguage();
        byte[] pdf =
            StudentReport.render(result, entry.getValue(), Messages.forLanguage(language), language)
                .bytes();
        zip.putNextEntry(
            new ZipEntry(
                claims.claim(
                    PdfReports.studentFileBase(result, m, Long.toString(entry.getKey().id())),
                    ".pdf")));
        zip.write(pdf);
        zip.closeEntry();
      }
    }
    StudentPages.download(
        ctx,
        "application/zip",
        FileNames.safe(m.get("report.class.fileName", name), "class") + ".zip",
        bytes.toByteArray());
  }

  private void export(Context ctx, boolean excel) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    ExportQueries.Data data =
        web.data()
            .teacher(
                store ->
                    ExportQueries.read(
                        store,
                        new ExportQueries.Filter(room.get().name(), room.get().schoolYear()),
                        false));
    String csv =
        CsvExport.csv(
            ExportTable.wide(data, false),
            excel ? CsvExport.Dialect.EXCEL : CsvExport.Dialect.STANDARD);
    StudentPages.download(
        ctx,
        "text/csv; charset=utf-8",
        FileNames.safe("mvoscan-" + room.get().name(), "export") + ".csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The Excel workbook of {@code export --format xlsx}, for this class and school year. */
  private void workbook(Context ctx) throws IOException {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    String name = room.get().name();
    String year = room.get().schoolYear();
    ExportQueries.Data[] data = new ExportQueries.Data[1];
    Aggregate classes =
        web.data()
            .teacher(
                store ->
                    store.snapshot(
                        () -> {
                          data[0] =
                              ExportQueries.read(store, new ExportQueries.Filter(name, year), true);
                          AggregateQueries.Selection selection =
                              PdfReports.classSelection(store, name, year, null);
                          return Aggregator.aggregate(
                              selection.responses(),
                              selection.scans(),
                              Grouping.CLASS,
                              m.language());
                        }));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XlsxExport.write(
        ExportTable.wide(data[0], false), ExportTable.answers(data[0], false), classes, m, bytes);
    StudentPages.download(
        ctx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileNames.safe("mvoscan-" + name, "export") + ".xlsx",
        bytes.toByteArray());
  }
}
