package nl.mvoscan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.JsonProblem;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.report.pdf.PdfReports;
import nl.mvoscan.report.pdf.RenderedPdf;
import nl.mvoscan.report.pdf.StudentReport;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.Interview;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Limits;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.scoring.Status;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.CompanyQueries;
import nl.mvoscan.store.Keys;
import nl.mvoscan.store.ResponseWriter;

/** The student's pages: find the class, join, answer section by section, finish, results. */
final class StudentPages {

  static final int NOTE_MAX = 2000;
  static final int FIELD_MAX = 200;
  static final List<String> EVIDENCE = List.of("gezien", "gevraagd", "document", "aanname");

  @SuppressWarnings("deprecation") // exact numbers, as everywhere answers are written
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private final WebServer web;

  StudentPages(WebServer web) {
    this.web = web;
  }

  /** One student's state, read fresh for each request. */
  private record Session(
      String token,
      Classrooms.Student student,
      Classrooms.ClassRoom room,
      Data.LoadedScan loaded,
      List<Classrooms.SavedAnswer> saved,
      AnswersDocument.Loaded document,
      Interview interview,
      String lang) {

    Scan scan() {
      return loaded.scan();
    }

    String base() {
      return "/s/" + token;
    }

    boolean readOnly() {
      return !room.openOn(LocalDate.now());
    }

    LocalDate date() {
      return student.finishedAt() == null
          ? LocalDate.now()
          : LocalDate.ofInstant(student.finishedAt(), ZoneId.systemDefault());
    }
  }

  /** A part of the scan on one page: the profile, or one theme. */
  private record Part(String title, String description, List<Question> questions) {}

  // ---- finding and joining a class

  void home(Context ctx) {
    Messages m = WebServer.messages(ctx);
    web.render(
        ctx, "home.jte", new Views.Home(web.chrome(ctx, m.get("web.home.title")), "", null, null));
  }

  void findClass(Context ctx) {
    Messages m = WebServer.messages(ctx);
    String code = Tokens.normalizeCode(ctx.queryParam("code"));
    if (web.guard().blocked(ctx)) {
      web.tooMany(ctx);
      return;
    }
    if (!code.isEmpty()) {
      Optional<Classrooms.ClassRoom> room =
          web.data().read(store -> Classrooms.classByCode(store, code));
      if (room.isPresent()) {
        ctx.redirect("/k/" + room.get().code(), HttpStatus.SEE_OTHER);
        return;
      }
      web.guard().failed(ctx);
    }
    ctx.status(code.isEmpty() ? 400 : 404);
    web.render(
        ctx,
        "home.jte",
        new Views.Home(
            web.chrome(ctx, m.get("web.home.title")),
            ctx.queryParam("code") == null ? "" : ctx.queryParam("code").strip(),
            m.get(code.isEmpty() ? "web.home.codeEmpty" : "web.home.codeUnknown", code),
            null));
  }

  void joinPage(Context ctx) {
    Optional<Classrooms.ClassRoom> room = room(ctx);
    if (room.isEmpty()) {
      return;
    }
    renderJoin(ctx, room.get(), new Classrooms.StudentDetails("", "", "", "", ""), Map.of());
  }

  private void renderJoin(
      Context ctx,
      Classrooms.ClassRoom room,
      Classrooms.StudentDetails details,
      Map<String, String> errors) {
    Messages m = WebServer.messages(ctx);
    Data.LoadedScan loaded = web.data().scan(room.scanHash());
    String lang = textLanguage(loaded.scan(), ctx);
    List<String> companies =
        web.data()
            .read(
                store ->
                    CompanyQueries.list(store).stream().map(c -> c.name()).distinct().toList());
    web.render(
        ctx,
        "join.jte",
        new Views.Join(
            web.chrome(ctx, text(loaded.scan().title(), loaded.scan(), lang)),
            "/k/" + room.code(),
            room.name(),
            text(loaded.scan().title(), loaded.scan(), lang),
            text(loaded.scan().description(), loaded.scan(), lang),
            detailFields(m, details, errors),
            companies,
            !room.openOn(LocalDate.now()),
            m.get("web.join.start")));
  }

  static List<Views.Field> detailFields(
      Messages m, Classrooms.StudentDetails d, Map<String, String> errors) {
    return List.of(
        new Views.Field(
            "name",
            m.get("web.field.name"),
            d.name(),
            errors.get("name"),
            null,
            "name",
            null,
            null,
            "text"),
        new Views.Field(
            "studentNumber",
            m.get("web.field.studentNumber"),
            d.studentNumber(),
            errors.get("studentNumber"),
            m.get("web.field.optional"),
            "off",
            "numeric",
            null,
            "text"),
        new Views.Field(
            "company",
            m.get("web.field.company"),
            d.company(),
            errors.get("company"),
            m.get("web.field.companyHint"),
            "organization",
            null,
            "companies",
            "text"),
        new Views.Field(
            "kvk",
            m.get("web.field.kvk"),
            d.kvk(),
            errors.get("kvk"),
            m.get("web.field.kvkHint"),
            "off",
            "numeric",
            null,
            "text"),
        new Views.Field(
            "city",
            m.get("web.field.city"),
            d.city(),
            errors.get("city"),
            null,
            "address-level2",
            null,
            null,
            "text"));
  }

  /** The details as typed, and a message beside each field that is not right. */
  static Classrooms.StudentDetails readDetails(
      Context ctx, Messages m, Map<String, String> errors) {
    String name = field(ctx, "name");
    String number = field(ctx, "studentNumber");
    String company = field(ctx, "company");
    String kvk = field(ctx, "kvk");
    String city = field(ctx, "city");
    if (name.isEmpty()) {
      errors.put("name", m.get("web.field.required"));
    }
    if (company.isEmpty()) {
      errors.put("company", m.get("web.field.required"));
    }
    for (var entry :
        Map.of("name", name, "studentNumber", number, "company", company, "city", city)
            .entrySet()) {
      // the same check as take and an answers file: a tab or line break is refused, not stored
      Interview.Parsed<String> typed = Interview.name(entry.getValue());
      if (Limits.length(entry.getValue()) > FIELD_MAX) {
        errors.put(entry.getKey(), m.get("web.field.tooLong", FIELD_MAX));
      } else if (!typed.ok()) {
        errors.put(entry.getKey(), m.get(typed.reason().key(), typed.reason().argsArray()));
      }
    }
    Interview.Parsed<String> parsedKvk = Interview.kvk(kvk);
    if (!parsedKvk.ok()) {
      errors.put("kvk", reason(m, parsedKvk.reason()));
    }
    return new Classrooms.StudentDetails(
        name,
        number,
        company,
        parsedKvk.ok() && parsedKvk.value() != null ? parsedKvk.value() : kvk,
        city);
  }

  /**
   * The web's wording of a reason {@code take} gives: the same rule, but the terminal's words
   * ("press Enter", "type the number") mean nothing beside a form field.
   */
  static String reason(Messages m, Interview.Reason reason) {
    return m.get(
        reason.key().replaceFirst("^take\\.invalid\\.", "web.invalid."), reason.argsArray());
  }

  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    // only spaces or invisible characters is an empty field: a name nobody could find or forget
    return value == null || Limits.blank(value) ? "" : value.strip();
  }

  void join(Context ctx) {
    Optional<Classrooms.ClassRoom> found = room(ctx);
    if (found.isEmpty()) {
      return;
    }
    Classrooms.ClassRoom room = found.get();
    Messages m = WebServer.messages(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    Classrooms.StudentDetails details = readDetails(ctx, m, errors);
    if (!room.openOn(LocalDate.now()) || !errors.isEmpty()) {
      ctx.status(room.openOn(LocalDate.now()) ? 422 : 403);
      renderJoin(ctx, room, details, errors);
      return;
    }
    Data.LoadedScan loaded = web.data().scan(room.scanHash());
    String lang = textLanguage(loaded.scan(), ctx);
    String token = web.tokens().token();
    Optional<Classrooms.Student> student = Optional.empty();
    for (int i = 0; i < 20 && student.isEmpty(); i++) {
      String resume = web.tokens().code(8);
      student =
          web.data()
              .student(
                  store ->
                      Classrooms.join(
                          store, room.id(), details, lang, Tokens.sha256(token), resume));
    }
    if (student.isEmpty()) {
      throw new IllegalStateException("no free resume code after 20 attempts");
    }
    ctx.redirect("/s/" + token + "/deel/0", HttpStatus.SEE_OTHER);
  }

  void resume(Context ctx) {
    Messages m = WebServer.messages(ctx);
    if (web.guard().blocked(ctx)) {
      web.tooMany(ctx);
      return;
    }
    String code = Tokens.normalizeCode(ctx.formParam("code"));
    String resume = Tokens.normalizeCode(ctx.formParam("resume"));
    Optional<Classrooms.ClassRoom> room =
        code.isEmpty()
            ? Optional.empty()
            : web.data().read(store -> Classrooms.classByCode(store, code));
    String token = web.tokens().token();
    Optional<Classrooms.Student> student =
        room.isEmpty() || resume.isEmpty()
            ? Optional.empty()
            : web.data()
                .student(
                    store ->
                        Classrooms.resume(store, room.get().id(), resume, Tokens.sha256(token)));
    if (student.isEmpty()) {
      web.guard().failed(ctx);
      ctx.status(404);
      web.render(
          ctx,
          "home.jte",
          new Views.Home(
              web.chrome(ctx, m.get("web.home.title")), "", null, m.get("web.home.resumeUnknown")));
      return;
    }
    ctx.redirect("/s/" + token, HttpStatus.SEE_OTHER);
  }

  private Optional<Classrooms.ClassRoom> room(Context ctx) {
    if (web.guard().blocked(ctx)) {
      web.tooMany(ctx);
      return Optional.empty();
    }
    String code = Tokens.normalizeCode(ctx.pathParam("code"));
    Optional<Classrooms.ClassRoom> room =
        web.data().read(store -> Classrooms.classByCode(store, code));
    if (room.isEmpty()) {
      web.guard().failed(ctx);
      web.notFound(ctx);
    }
    return room;
  }

  // ---- the scan

  /** The student behind the personal link, or a 404 (and a counted failure) for a wrong one. */
  private Session session(Context ctx) {
    String token = ctx.pathParam("token");
    // the student, their class and answers in one visit to a reading connection
    Optional<Stored> stored =
        Tokens.wellFormed(token)
            ? web.data()
                .read(
                    store ->
                        Classrooms.studentByToken(store, Tokens.sha256(token))
                            .map(
                                student ->
                                    new Stored(
                                        student,
                                        Classrooms.classById(store, student.classId())
                                            .orElseThrow(),
                                        Classrooms.answers(store, student.id()))))
            : Optional.empty();
    // a valid personal link always works: the limit stops guessing, and behind a school's NAT one
    // student's typos must not stop the whole class from saving
    if (stored.isEmpty()) {
      if (web.guard().blocked(ctx)) {
        web.tooMany(ctx);
        return null;
      }
      web.guard().failed(ctx);
      web.notFound(ctx);
      return null;
    }
    return loadStored(token, stored.get(), ctx);
  }

  /** What the database holds of one student at the start of a request. */
  private record Stored(
      Classrooms.Student student, Classrooms.ClassRoom room, List<Classrooms.SavedAnswer> saved) {}

  private Session load(String token, Classrooms.Student student, Context ctx) {
    return loadStored(
        token,
        web.data()
            .read(
                store ->
                    new Stored(
                        student,
                        Classrooms.classById(store, student.classId()).orElseThrow(),
                        Classrooms.answers(store, student.id()))),
        ctx);
  }

  private Session loadStored(String token, Stored stored, Context ctx) {
    Classrooms.Student student = stored.student();
    Classrooms.ClassRoom room = stored.room();
    List<Classrooms.SavedAnswer> saved = stored.saved();
    Data.LoadedScan loaded = web.data().scan(room.scanHash());
    String lang = textLanguage(loaded.scan(), ctx);
    LocalDate date =
        student.finishedAt() == null
            ? LocalDate.now()
            : LocalDate.ofInstant(student.finishedAt(), ZoneId.systemDefault());
    AnswersDocument.Loaded document =
        AnswersDocument.load(
            loaded.scan(),
            room.name(),
            student.details(),
            answersLanguage(loaded.scan(), student),
            date,
            saved);
    if (!document.ok()) {
      throw new IllegalStateException(
          "stored answers of a web student no longer load: " + document.problems());
    }
    Interview interview = Interview.start(loaded.scan(), lang, document.answers().answers());
    return new Session(token, student, room, loaded, saved, document, interview, lang);
  }

  private static String answersLanguage(Scan scan, Classrooms.Student student) {
    return scan.languages().contains(student.language())
        ? student.language()
        : scan.defaultLanguage();
  }

  private List<Part> parts(Scan scan, String lang) {
    List<Part> parts = new ArrayList<>();
    Messages m = Messages.forLanguage(lang.equals("en") ? "en" : "nl");
    if (!scan.profile().isEmpty()) {
      parts.add(new Part(m.get("web.profile"), m.get("web.profileText"), scan.profile()));
    }
    for (Theme theme : scan.themes()) {
      parts.add(
          new Part(
              text(theme.title(), scan, lang),
              text(theme.description(), scan, lang),
              theme.questions()));
    }
    return parts;
  }

  private List<Views.SectionLink> links(Session s, int current) {
    List<Part> parts = parts(s.scan(), s.lang());
    List<Views.SectionLink> links = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<Question> visible =
          parts.get(i).questions().stream().filter(s.interview()::isVisible).toList();
      int answered =
          (int) visible.stream().filter(q -> s.interview().answer(q.id()).isPresent()).count();
      links.add(
          new Views.SectionLink(
              s.base() + "/deel/" + i,
              parts.get(i).title(),
              answered,
              visible.size(),
              i == current,
              answered == visible.size()));
    }
    return links;
  }

  void overview(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    List<Question> missing =
        s.interview().unanswered().stream().filter(Question::required).toList();
    // an optional question that is not scored (the key figures) is not "open": leaving it empty
    // changes neither the score nor the list of things to check with the company
    int open =
        (int) s.interview().unanswered().stream().filter(q -> q.required() || q.scored()).count();
    int optionalOpen = s.interview().unanswered().size() - open;
    int first = firstOpenPart(s);
    String scanTitle = text(s.scan().title(), s.scan(), s.lang());
    web.render(
        ctx,
        "overview.jte",
        new Views.Overview(
            web.chrome(ctx, scanTitle),
            s.base(),
            scanTitle,
            s.room().name(),
            s.student().details().name(),
            s.student().details().company(),
            personalLink(s),
            Tokens.showCode(resumeCode(s)),
            s.room().code(),
            s.interview().answeredCount(),
            s.interview().total(),
            links(s, -1),
            missing.stream().map(q -> text(q.text(), s.scan(), s.lang())).toList(),
            s.base() + "/deel/" + first,
            open,
            optionalOpen,
            s.student().finished(),
            s.readOnly()));
    m.language();
  }

  private String personalLink(Session s) {
    return web.studentAddress().replaceAll("/$", "") + s.base();
  }

  private String resumeCode(Session s) {
    return web.data().read(store -> Classrooms.resumeCode(store, s.student().id()));
  }

  private int firstOpenPart(Session s) {
    List<Part> parts = parts(s.scan(), s.lang());
    for (int i = 0; i < parts.size(); i++) {
      for (Question q : parts.get(i).questions()) {
        if (s.interview().isVisible(q) && s.interview().answer(q.id()).isEmpty()) {
          return i;
        }
      }
    }
    return 0;
  }

  void section(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    int n = part(ctx, s);
    if (n < 0) {
      web.notFound(ctx);
      return;
    }
    renderSection(ctx, s, n, Map.of(), Map.of());
  }

  private int part(Context ctx, Session s) {
    String n = ctx.pathParam("n");
    int size = parts(s.scan(), s.lang()).size();
    if (!n.matches("[0-9]{1,3}")) {
      return -1;
    }
    int index = Integer.parseInt(n);
    return index < size ? index : -1;
  }

  private void renderSection(
      Context ctx, Session s, int n, Map<String, String> errors, Map<String, String> typed) {
    Messages m = WebServer.messages(ctx);
    List<Part> parts = parts(s.scan(), s.lang());
    Part part = parts.get(n);
    List<Views.QuestionView> questions = new ArrayList<>();
    Map<String, Classrooms.SavedAnswer> saved = new LinkedHashMap<>();
    s.saved().forEach(a -> saved.put(a.questionId(), a));
    for (Question q : part.questions()) {
      questions.add(view(q, s, m, saved.get(q.id()), errors.get(q.id()), typed.get(q.id())));
    }
    String scanTitle = text(s.scan().title(), s.scan(), s.lang());
    web.render(
        ctx,
        "section.jte",
        new Views.Section(
            web.chrome(ctx, part.title() + " · " + scanTitle),
            s.base(),
            s.base() + "/deel/" + n,
            scanTitle,
            part.title(),
            part.description(),
            questions,
            s.interview().answeredCount(),
            s.interview().total(),
            n > 0,
            n == parts.size() - 1,
            s.readOnly(),
            links(s, n),
            EVIDENCE,
            EVIDENCE.stream().map(e -> m.get("web.evidence." + e)).toList(),
            personalLink(s),
            Tokens.showCode(resumeCode(s)),
            s.room().code()));
  }

  private Views.QuestionView view(
      Question q, Session s, Messages m, Classrooms.SavedAnswer saved, String error, String typed) {
    Scan scan = s.scan();
    AnswerValue value = s.interview().answer(q.id()).map(Answers.Answer::value).orElse(null);
    // a saved choice must come back checked: a page shown without it would erase it on "next"
    List<String> chosen = value == null ? List.of() : value.optionIds();
    List<Views.OptionView> options = new ArrayList<>();
    for (Option option : q.options()) {
      options.add(
          new Views.OptionView(
              option.id(),
              text(option.label(), scan, s.lang()),
              chosen.contains(option.id()),
              q.type() == QuestionType.MULTI && option.isExclusive(),
              option.feedback() == null ? null : text(option.feedback(), scan, s.lang())));
    }
    String input =
        typed != null
            ? typed
            : value == null
                ? ""
                : value.match(
                    choice -> "",
                    multi -> "",
                    number -> m.decimal(Decimals.plain(number.value())),
                    AnswerValue.Text::text);
    return new Views.QuestionView(
        q.id(),
        q.type().name().toLowerCase(java.util.Locale.ROOT),
        text(q.text(), scan, s.lang()),
        q.help() == null ? null : text(q.help(), scan, s.lang()),
        q.required(),
        s.interview().isVisible(q),
        options,
        input,
        q.unit() == null ? null : text(q.unit(), scan, s.lang()),
        hint(q, m),
        saved == null ? null : saved.evidence(),
        saved == null ? null : saved.note(),
        error,
        value != null);
  }

  private static String hint(Question q, Messages m) {
    return switch (q.type()) {
      case MULTI -> m.get("web.hint.multi");
      case NUMBER -> {
        List<String> parts = new ArrayList<>();
        if (q.integer()) {
          parts.add(m.get("take.hint.whole"));
        }
        if (q.min() != null) {
          parts.add(m.get("take.hint.min", m.decimal(Decimals.plain(q.min()))));
        }
        if (q.max() != null) {
          parts.add(m.get("take.hint.max", m.decimal(Decimals.plain(q.max()))));
        }
        yield parts.isEmpty() ? null : String.join(", ", parts);
      }
      case TEXT -> Views.plural(m, "web.hint.text", q.maxLength(), q.maxLength());
      default -> null;
    };
  }

  /** What one form submission asks to change, and what is wrong with it. */
  private record Changes(
      List<Classrooms.SavedAnswer> saved,
      List<String> removed,
      Map<String, String> errors,
      Map<String, String> typed,
      List<Classrooms.SavedAnswer> after,
      AnswersDocument.Loaded checked) {}

  /**
   * Reads the answers in the form: the typed text through the same reading {@code take} uses
   * ({@link Interview#parse}), the result through the loader {@code score} and {@code import} use
   * ({@link AnswersLoader}); an answer that fails either is not saved and gets its message.
   */
  private Changes read(Context ctx, Session s, List<Question> allowed) {
    Messages m = WebServer.messages(ctx);
    Map<String, Classrooms.SavedAnswer> current = new LinkedHashMap<>();
    s.saved().forEach(a -> current.put(a.questionId(), a));
    Map<String, Classrooms.SavedAnswer> saved = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    List<String> asked = ctx.formParams("q");
    for (Question q : allowed) {
      if (!asked.contains(q.id())) {
        continue;
      }
      List<String> values = ctx.formParams("a." + q.id());
      String input =
          q.type() == QuestionType.MULTI
              ? String.join(",", values)
              : values.isEmpty() ? "" : values.get(0);
      // a text answer has no evidence or note on the page: none is stored that the student
      // never saw
      boolean annotated = q.type() != QuestionType.TEXT;
      String evidence = annotated ? blankToNull(ctx.formParam("e." + q.id())) : null;
      String note = annotated ? blankToNull(ctx.formParam("n." + q.id())) : null;
      if (evidence != null && !EVIDENCE.contains(evidence)) {
        errors.put(q.id(), m.get("web.badEvidence"));
        continue;
      }
      if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
        errors.put(q.id(), m.get("web.noteTooLong", NOTE_MAX));
        typed.put(q.id(), input);
        continue;
      }
      JsonNode value = null;
      if (!input.isBlank()) {
        Interview.Parsed<AnswerValue> parsed = s.interview().parse(q, input);
        if (!parsed.ok()) {
          errors.put(q.id(), reason(m, parsed.reason()));
          typed.put(q.id(), input);
          continue;
        }
        value = AnswerJson.write(parsed.value());
      }
      Classrooms.SavedAnswer before = current.get(q.id());
      if (value == null && evidence == null && note == null) {
        if (before != null) {
          removed.add(q.id());
        }
        continue;
      }
      Classrooms.SavedAnswer after = new Classrooms.SavedAnswer(q.id(), value, evidence, note);
      if (!after.equals(before)) {
        saved.put(q.id(), after);
      }
    }
    AnswersDocument.Loaded checked = null;
    if (!saved.isEmpty()) {
      // the whole answers file as it would be, read by the contract's own loader
      Map<String, Classrooms.SavedAnswer> merged = new LinkedHashMap<>(current);
      removed.forEach(merged::remove);
      merged.putAll(saved);
      AnswersDocument.Loaded check =
          AnswersDocument.load(
              s.scan(),
              s.room().name(),
              s.student().details(),
              answersLanguage(s.scan(), s.student()),
              s.date(),
              List.copyOf(merged.values()));
      for (JsonProblem problem : check.problems()) {
        String id = questionOf(problem.pointer());
        if (id != null && saved.containsKey(id)) {
          saved.remove(id);
          errors.putIfAbsent(id, m.get(problem.key(), problem.args()));
          typed.putIfAbsent(id, String.join(",", ctx.formParams("a." + id)));
        }
      }
      // what was checked is what will be stored, unless an answer was just taken out of it
      checked = check.ok() ? check : null;
    }
    // the answers as they are once this is stored: what the student sees next, without reading
    // back what was just written
    Map<String, Classrooms.SavedAnswer> after = new LinkedHashMap<>(current);
    removed.forEach(after::remove);
    after.putAll(saved);
    return new Changes(
        List.copyOf(saved.values()), removed, errors, typed, List.copyOf(after.values()), checked);
  }

  /** The answers as the contract's loader reads them from these saved rows. */
  private Map<String, nl.mvoscan.scan.Answers.Answer> answers(
      Session s, List<Classrooms.SavedAnswer> saved) {
    AnswersDocument.Loaded document =
        AnswersDocument.load(
            s.scan(),
            s.room().name(),
            s.student().details(),
            answersLanguage(s.scan(), s.student()),
            s.date(),
            saved);
    if (!document.ok()) {
      throw new IllegalStateException("saved answers no longer load: " + document.problems());
    }
    return document.answers().answers();
  }

  private static String questionOf(String pointer) {
    if (pointer == null || !pointer.startsWith("/answers/")) {
      return null;
    }
    String rest = pointer.substring("/answers/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void store(Context ctx, Session s, Changes changes) {
    if (changes.saved().isEmpty() && changes.removed().isEmpty()) {
      return;
    }
    String lang = textLanguage(s.scan(), ctx);
    Classrooms.Restorer restore = s.student().finished() ? restorer(s) : null;
    web.data()
        .student(
            store -> {
              Classrooms.save(
                  store, s.student().id(), null, lang, changes.saved(), changes.removed(), restore);
              return null;
            });
  }

  void saveSection(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    int n = part(ctx, s);
    if (n < 0) {
      web.notFound(ctx);
      return;
    }
    List<Part> parts = parts(s.scan(), s.lang());
    if (s.readOnly()) {
      ctx.status(403);
      renderSection(ctx, s, n, Map.of(), Map.of());
      return;
    }
    Changes changes = read(ctx, s, parts.get(n).questions());
    store(ctx, s, changes);
    Session after = load(s.token(), s.student(), ctx);
    web.data()
        .progress(s.student().id(), after.interview().answeredCount(), after.interview().total());
    if (!changes.errors().isEmpty()) {
      ctx.status(422);
      renderSection(ctx, after, n, changes.errors(), changes.typed());
      return;
    }
    String go = ctx.formParam("go");
    String saveOf = ctx.formParam("save");
    if ("next".equals(go)) {
      ctx.redirect(
          n + 1 < parts.size() ? s.base() + "/deel/" + (n + 1) : s.base(), HttpStatus.SEE_OTHER);
    } else if ("prev".equals(go) && n > 0) {
      ctx.redirect(s.base() + "/deel/" + (n - 1), HttpStatus.SEE_OTHER);
    } else {
      String anchor = nextQuestion(after, parts.get(n).questions(), saveOf);
      ctx.redirect(
          s.base() + "/deel/" + n + (anchor == null ? "" : "#q-" + anchor), HttpStatus.SEE_OTHER);
    }
  }

  /** The next visible question after {@code saved} on the page, so a phone shows it next. */
  private static String nextQuestion(Session s, List<Question> questions, String saved) {
    boolean after = saved == null;
    for (Question q : questions) {
      if (after && s.interview().isVisible(q) && s.interview().answer(q.id()).isEmpty()) {
        return q.id();
      }
      if (q.id().equals(saved)) {
        after = true;
      }
    }
    return null;
  }

  /** Saving one answer from the page's script: the answer, then what is visible now. */
  void autosave(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    ObjectNode out = NODES.objectNode();
    if (s.readOnly()) {
      ctx.status(403);
      out.put("ok", false);
      out.put("message", WebServer.messages(ctx).get("web.readOnly"));
      ctx.contentType("application/json").result(ResultJson.write(out));
      return;
    }
    Changes changes = read(ctx, s, s.scan().questions());
    store(ctx, s, changes);
    // visibility by the when engine on the answers as stored now, in memory
    Interview after =
        changes.saved().isEmpty() && changes.removed().isEmpty()
            ? s.interview()
            : Interview.start(
                s.scan(),
                s.lang(),
                changes.checked() != null
                    ? changes.checked().answers().answers()
                    : answers(s, changes.after()));
    web.data().progress(s.student().id(), after.answeredCount(), after.total());
    out.put("ok", changes.errors().isEmpty());
    ObjectNode errors = out.putObject("errors");
    changes.errors().forEach(errors::put);
    var visible = out.putArray("visible");
    after.visibleQuestions().forEach(q -> visible.add(q.id()));
    out.put("answered", after.answeredCount());
    out.put("total", after.total());
    out.put(
        "progress",
        Views.plural(
            WebServer.messages(ctx),
            "web.progress",
            after.total(),
            after.answeredCount(),
            after.total()));
    ctx.status(changes.errors().isEmpty() ? 200 : 422);
    ctx.contentType("application/json").result(ResultJson.write(out));
  }

  void detailsPage(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    renderDetails(ctx, s, s.student().details(), Map.of());
  }

  private void renderDetails(
      Context ctx, Session s, Classrooms.StudentDetails details, Map<String, String> errors) {
    Messages m = WebServer.messages(ctx);
    web.render(
        ctx,
        "join.jte",
        new Views.Join(
            web.chrome(ctx, m.get("web.details.title")),
            s.base() + "/gegevens",
            s.room().name(),
            m.get("web.details.title"),
            null,
            detailFields(m, details, errors),
            List.of(),
            s.readOnly(),
            m.get("web.save")));
  }

  void saveDetails(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    Messages m = WebServer.messages(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    Classrooms.StudentDetails details = readDetails(ctx, m, errors);
    if (s.readOnly() || !errors.isEmpty()) {
      ctx.status(s.readOnly() ? 403 : 422);
      renderDetails(ctx, s, details, errors);
      return;
    }
    Classrooms.Restorer restore = s.student().finished() ? restorer(s) : null;
    web.data()
        .student(
            store -> {
              Classrooms.save(
                  store,
                  s.student().id(),
                  details,
                  textLanguage(s.scan(), ctx),
                  List.of(),
                  List.of(),
                  restore);
              return null;
            });
    ctx.redirect(s.base(), HttpStatus.SEE_OTHER);
  }

  /**
   * Builds the stored response from the student as the transaction sees them: the answers file,
   * read by the contract's loader and scored by the one scorer, exactly as {@code import} would.
   */
  private Classrooms.Restorer restorer(Session s) {
    return (student, answers) -> {
      LocalDate date =
          student.finishedAt() == null
              ? LocalDate.now()
              : LocalDate.ofInstant(student.finishedAt(), ZoneId.systemDefault());
      AnswersDocument.Loaded document =
          AnswersDocument.load(
              s.scan(),
              s.room().name(),
              student.details(),
              answersLanguage(s.scan(), student),
              date,
              answers);
      if (!document.ok()) {
        throw new IllegalStateException("answers do not load: " + document.problems());
      }
      ScoreResult result = Scorer.score(s.scan(), document.answers());
      return new ResponseWriter.NewResponse(
          result, s.loaded().definition(), s.room().name(), "web:" + s.room().code(), null);
    };
  }

  void finish(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    if (s.readOnly()) {
      ctx.redirect(s.base(), HttpStatus.SEE_OTHER);
      return;
    }
    boolean missing = s.interview().unanswered().stream().anyMatch(Question::required);
    if (missing) {
      ctx.redirect(s.base(), HttpStatus.SEE_OTHER);
      return;
    }
    String lang = textLanguage(s.scan(), ctx);
    web.data()
        .student(
            store -> {
              Classrooms.save(store, s.student().id(), null, lang, List.of(), List.of(), null);
              return Classrooms.finish(store, s.student().id(), restorer(s));
            });
    ctx.redirect(s.base() + "/uitslag", HttpStatus.SEE_OTHER);
  }

  private ScoreResult score(Session s) {
    return Scorer.score(s.scan(), s.document().answers());
  }

  void result(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    if (!s.student().finished()) {
      ctx.redirect(s.base(), HttpStatus.SEE_OTHER);
      return;
    }
    Messages m = WebServer.messages(ctx);
    ScoreResult result = score(s);
    Scan scan = s.scan();
    String lang = s.lang();
    List<Views.ThemeRow> themes = new ArrayList<>();
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      ScoreResult.Figures f = theme.figures();
      boolean scored = f.status() == Status.SCORED;
      themes.add(
          new Views.ThemeRow(
              text(theme.theme().title(), scan, lang),
              scored ? m.decimal(f.roundedScore()) : m.get("status.word." + f.status().id()),
              scored ? f.roundedScore().setScale(0, java.math.RoundingMode.HALF_UP).intValue() : 0,
              f.coverage() == null ? "-" : m.decimal(f.roundedCoverage()) + "%",
              f.status().id(),
              scored ? levelAdvice(theme.theme(), f.roundedScore(), scan, lang) : null));
    }
    ScoreResult.Figures overall = result.overall().figures();
    boolean scored = overall.status() == Status.SCORED;
    Level level = result.overall().level();
    List<Views.AdviceRow> improvements = new ArrayList<>();
    for (ScoreResult.QuestionScore q : result.improvements()) {
      improvements.add(
          new Views.AdviceRow(
              scan.theme(q.question().themeId()).map(t -> text(t.title(), scan, lang)).orElse(""),
              text(q.question().text(), scan, lang),
              q.question().advice() == null ? null : text(q.question().advice(), scan, lang)));
    }
    String scanTitle = text(scan.title(), scan, lang);
    web.render(
        ctx,
        "result.jte",
        new Views.Result(
            web.chrome(ctx, m.get("web.result.title")),
            s.base(),
            scanTitle,
            s.student().details().name(),
            s.student().details().company(),
            scored ? m.decimal(overall.roundedScore()) : null,
            scored ? m.decimal(result.overall().roundedGrade()) : null,
            level == null ? "-" : text(level.label(), scan, lang),
            level == null || level.advice() == null ? null : text(level.advice(), scan, lang),
            overall.coverage() == null ? "-" : m.decimal(overall.roundedCoverage()) + "%",
            scored,
            m.get(
                "card.noOverall." + overall.status().id(),
                m.decimal(overall.roundedCoverage()) + "%"),
            themes,
            result.strengths().stream().map(q -> text(q.question().text(), scan, lang)).toList(),
            improvements,
            result.gaps().stream().map(q -> text(q.question().text(), scan, lang)).toList(),
            s.readOnly()));
  }

  private static String levelAdvice(Theme theme, BigDecimal rounded, Scan scan, String lang) {
    if (theme.levelAdvice() == null || theme.levelAdvice().isEmpty()) {
      return null;
    }
    Text found = null;
    for (Level level : scan.levels()) {
      if (level.min().compareTo(rounded) <= 0 && theme.levelAdvice().containsKey(level.id())) {
        found = theme.levelAdvice().get(level.id());
      }
    }
    return found == null ? null : text(found, scan, lang);
  }

  /** The student's report, with the school grade. */
  void pdf(Context ctx) {
    pdf(ctx, StudentReport.Audience.STUDENT, "rapport");
  }

  /** The report for the company, as {@code report} without {@code --with-grade} makes it. */
  void companyPdf(Context ctx) {
    pdf(ctx, StudentReport.Audience.COMPANY, "bedrijfsrapport");
  }

  private void pdf(Context ctx, StudentReport.Audience audience, String suffix) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    if (!s.student().finished()) {
      ctx.redirect(s.base(), HttpStatus.SEE_OTHER);
      return;
    }
    ScoreResult result = score(s);
    String lang = s.lang();
    StudentReport.ClassAverage average =
        web.data()
            .read(
                store ->
                    PdfReports.classAverage(
                        store, result, Keys.schoolYear(s.date()), WebServer.language(ctx)));
    RenderedPdf pdf =
        StudentReport.render(
            result, average, Messages.forLanguage(lang.equals("en") ? "en" : "nl"), lang, audience);
    String name =
        PdfReports.studentFileBase(result, WebServer.messages(ctx), "rapport")
            + (audience == StudentReport.Audience.COMPANY ? "-" + suffix : "")
            + ".pdf";
    download(ctx, "application/pdf", name, pdf.bytes());
  }

  void answersFile(Context ctx) {
    Session s = session(ctx);
    if (s == null) {
      return;
    }
    download(
        ctx,
        "application/json",
        AnswersDocument.fileName(s.student().details()),
        s.document().bytes());
  }

  static void download(Context ctx, String type, String fileName, byte[] bytes) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\""
            + ascii
            + "\"; filename*=UTF-8''"
            + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    ctx.contentType(type).result(bytes);
  }

  // ---- texts

  /** The language of the scan's texts: the reader's, when the scan has it. */
  static String textLanguage(Scan scan, Context ctx) {
    String lang = WebServer.language(ctx);
    return scan.languages().contains(lang) ? lang : scan.defaultLanguage();
  }

  static String text(Text text, Scan scan, String lang) {
    return text == null ? null : text.in(lang, scan.defaultLanguage());
  }
}
