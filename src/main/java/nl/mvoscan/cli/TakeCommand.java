package nl.mvoscan.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Interview;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "take",
    mixinStandardHelpOptions = true,
    description = {
      "Vul een scan in, vraag voor vraag; na elk antwoord wordt alles bewaard.",
      "Fill in a scan question by question; everything is saved after each answer.",
      "",
      "Toetsen / keys: ? uitleg/help, b terug/back, s overslaan/skip, q opslaan en stoppen/save and quit."
    },
    footer = {
      "",
      "Exit codes: 0 ok (finished or stopped with q / af of gestopt met q), 1 failure / mislukt,",
      "2 bad input / foute invoer, 4 input ended before the scan was finished (what was answered",
      "is saved) / invoer stopte voordat de scan af was (wat beantwoord is, is bewaard)."
    })
public final class TakeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin ScanSourceOptions sources;

  @Parameters(paramLabel = "SCAN", description = "Scanbestand of scan-id / scan file or scan id.")
  String scanRef;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "ANSWERS.json",
      description =
          "Antwoordbestand; standaard antwoorden-<naam>-<datum>.json hier / answers file; default"
              + " antwoorden-<name>-<date>.json here.")
  OutputPath output;

  @Option(
      names = "--resume",
      paramLabel = "ANSWERS.json",
      description = "Ga verder met dit antwoordbestand / continue this answers file.")
  Path resume;

  @Option(
      names = "--pdf",
      description = "Maak aan het eind meteen het PDF-rapport / make the PDF report at the end.")
  boolean pdf;

  @Option(
      names = "--store",
      description =
          "Zet de antwoorden aan het eind in de database / store the response in the database at"
              + " the end.")
  boolean store;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Datum die voorgesteld wordt; standaard vandaag / date offered as default; default"
              + " today.")
  String date;

  private final StandardInput input;
  private Messages messages;
  private TakeConsole console;
  private boolean interactive;
  private Scan scan;
  private String textLanguage;
  private TakeFile.Meta meta;
  private Path file;

  /** The theme of the question on screen, so its description is shown when the theme starts. */
  private String shownTheme;

  /** Reads the answers from {@code input} (the command line's factory hands it over). */
  TakeCommand(StandardInput input) {
    this.input = input;
  }

  @Override
  public Integer call() throws IOException {
    Messages startup = common.messages();
    ScanResolver resolver = new ScanResolver(sources, startup);
    scan = resolver.resolve(scanRef);
    LocalDate defaultDate = defaultDate(startup);
    Answers prior = resume == null ? null : loadResume(startup, resolver);

    textLanguage = common.newResponseLanguage(scan, prior == null ? null : prior.language());
    messages = common.messagesFor(textLanguage);

    if (output != null && output.isStandardOutput()) {
      throw MvoscanException.invalidInput(messages.get("take.outputStandardOutput"));
    }
    Path target = output == null ? null : output.file(messages);
    file = target != null ? target : resume;
    if (target != null && Files.exists(target) && (resume == null || !same(target, resume))) {
      throw MvoscanException.invalidInput(messages.get("take.exists", target));
    }

    interactive = input.interactive();
    String noColor = System.getenv("NO_COLOR");
    console =
        new TakeConsole(
            input.reader(),
            spec.commandLine().getOut(),
            interactive && (noColor == null || noColor.isEmpty()),
            !interactive);

    console.line(
        console.heading(
            messages.get("take.intro", scan.title().in(textLanguage, scan.defaultLanguage()))));
    if (scan.description() != null) {
      console.line(text(scan.description()));
    }
    meta =
        prior == null
            ? new TakeFile.Meta(null, null, null, null, null, null, null, null, defaultDate)
            : TakeFile.Meta.of(prior);
    if (!meta.complete()) {
      if (meta.date() == null) {
        meta = withDate(meta, defaultDate);
      }
      if (!askMetadata()) {
        console.line(messages.get("take.nothingSaved"));
        console.flush();
        return stopped();
      }
    }
    if (file == null) {
      file = TakeFile.defaultFile(Path.of(""), meta.name(), meta.date());
    }

    Interview interview =
        Interview.start(scan, textLanguage, prior == null ? java.util.Map.of() : prior.answers());
    save(interview);
    boolean complete = prior != null && interview.finished();
    if (prior != null && !complete) {
      console.line(
          messages.plural(
              "take.resumed",
              interview.answeredCount(),
              interview.answeredCount(),
              interview.total()));
    }
    interview
        .hiddenAnswers()
        .forEach(q -> console.line(console.warn(messages.get("take.hiddenKept", text(q)))));

    boolean going = (!complete || change(interview)) && askAll(interview) && revisit(interview);
    if (!going) {
      save(interview);
      console.blank();
      console.line(messages.get("take.saved", file, interview.answeredCount(), interview.total()));
      console.line(messages.get("take.resumeHint", scanRef, file));
      console.flush();
      return stopped();
    }
    return finish(interview, resolver);
  }

  /**
   * OK when the student chose to stop; {@link ExitCode#INPUT_ENDED} when the input ran out first,
   * so a script that pipes too few answers does not take the scan for done.
   */
  private int stopped() {
    if (!console.ended()) {
      return ExitCode.OK;
    }
    spec.commandLine().getErr().println(messages.get("take.inputEnded"));
    return ExitCode.INPUT_ENDED;
  }

  /** Asks until every visible question is done; false when the student quits. */
  private boolean askAll(Interview interview) throws IOException {
    while (!interview.finished()) {
      if (!ask(interview)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A finished file opened again: every answer listed, and any of them changed by its number, until
   * Enter; false when the student quits.
   */
  private boolean change(Interview interview) throws IOException {
    console.line(messages.get("take.complete", interview.answeredCount(), interview.total()));
    list(interview);
    while (true) {
      console.line(console.dim(messages.get("take.change.keys")));
      String line = console.ask();
      if (line == null) {
        return true;
      }
      String typed = line.strip().toLowerCase(Locale.ROOT);
      typed = typed.equals("/q") ? "q" : typed;
      List<Question> visible = interview.visibleQuestions();
      switch (typed) {
        case "" -> {
          return true;
        }
        case "q" -> {
          return false;
        }
        case "l", "?" -> list(interview);
        default -> {
          int number = typed.matches("[0-9]{1,4}") ? Integer.parseInt(typed) : 0;
          if (number < 1 || number > visible.size()) {
            console.line(
                console.warn(messages.get("take.change.invalid", line.strip(), visible.size())));
            continue;
          }
          interview.goTo(visible.get(number - 1).id());
          if (!ask(interview) || !askAll(interview)) {
            return false;
          }
        }
      }
    }
  }

  /** Every visible question with its number and the answer it has now. */
  private void list(Interview interview) {
    List<Question> visible = interview.visibleQuestions();
    int width = String.valueOf(visible.size()).length();
    for (int i = 0; i < visible.size(); i++) {
      Question question = visible.get(i);
      String answer =
          interview
              .answer(question.id())
              .map(a -> show(question, a.value()))
              .orElse(messages.get("take.change.open"));
      console.line(
          String.format(
              "  %" + width + "d. %s%s %s",
              i + 1,
              text(question),
              law(question),
              console.dim("→ " + answer)));
    }
  }

  /**
   * The "don't know" answers listed at the end, with the offer to look at them again (the student
   * may know by now); false when the student quits on the way.
   */
  private boolean revisit(Interview interview) throws IOException {
    List<Question> unknown = interview.unknownAnswers();
    if (unknown.isEmpty()) {
      return true;
    }
    console.blank();
    console.line(
        console.bold(messages.plural("take.unknown.intro", unknown.size(), unknown.size())));
    unknown.forEach(q -> console.line("  - " + text(q) + law(q)));
    console.line(messages.plural("take.unknown.offer", unknown.size()));
    String answer = console.ask();
    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("j|ja|y|yes")) {
      return true;
    }
    for (Question question : unknown) {
      if (!interview.goTo(question.id())) {
        continue; // an answer given on the way hid it
      }
      if (!ask(interview) || !askAll(interview)) {
        return false;
      }
    }
    return true;
  }

  /** One question, asked until it is answered, skipped or left; false when the student quits. */
  private boolean ask(Interview interview) throws IOException {
    Question question = interview.current().orElseThrow();
    screen(interview, question);
    while (true) {
      String line = console.ask();
      if (line == null) {
        return false;
      }
      String typed = line.strip();
      switch (key(typed, false)) {
        case "q" -> {
          return false;
        }
        case "?" ->
            console.line(
                question.help() == null ? messages.get("take.noHelp") : text(question.help()));
        case "b" -> {
          if (interview.back()) {
            return true;
          }
          console.line(console.warn(messages.get("take.first")));
        }
        case "s" -> {
          var refused = interview.skip();
          if (refused.isEmpty()) {
            return true;
          }
          console.line(console.warn(reason(refused.get())));
        }
        case "" -> {
          if (interview.answer(question.id()).isPresent()) {
            interview.skip();
            return true;
          }
          console.line(
              console.warn(
                  messages.get(
                      question.required() ? "take.emptyInput.required" : "take.emptyInput")));
        }
        default -> {
          Interview.Parsed<AnswerValue> parsed = interview.parse(line);
          if (!parsed.ok()) {
            console.line(console.warn(reason(parsed.reason())));
            continue;
          }
          Interview.Change change = interview.give(parsed.value());
          save(interview);
          feedback(question, parsed.value());
          change
              .nowHidden()
              .forEach(q -> console.line(console.warn(messages.get("take.nowHidden", text(q)))));
          return annotate(interview, question, parsed.value());
        }
      }
    }
  }

  /**
   * After an answer in a theme, how the student knows it and a note, each saved at once; Enter
   * keeps what there is, - removes it. No source is asked for a "don't know". False when the
   * student quits.
   */
  private boolean annotate(Interview interview, Question question, AnswerValue value)
      throws IOException {
    if (question.isProfile()
        || (question.type() != QuestionType.CHOICE && question.type() != QuestionType.MULTI)) {
      return true;
    }
    boolean unknown =
        value.optionIds().stream()
            .map(question::option)
            .flatMap(java.util.Optional::stream)
            .anyMatch(nl.mvoscan.scan.Option::unknown);
    Answers.Answer answer = interview.answer(question.id()).orElseThrow();
    String evidence = unknown ? null : answer.evidence();
    while (!unknown) {
      List<String> choices = new ArrayList<>();
      for (int i = 0; i < Interview.EVIDENCE.size(); i++) {
        choices.add((i + 1) + " = " + messages.get("report.evidence." + Interview.EVIDENCE.get(i)));
      }
      console.line(
          evidence == null
              ? messages.get("take.evidence", String.join(", ", choices))
              : messages.get(
                  "take.evidence.current",
                  String.join(", ", choices),
                  messages.get("report.evidence." + evidence)));
      String line = console.ask();
      if (line == null) {
        return false;
      }
      String typed = line.strip();
      if (key(typed, false).equals("q")) {
        return false;
      }
      if (typed.equals("?")) {
        console.line(messages.get("take.evidence.help"));
        continue;
      }
      if (typed.isEmpty() || typed.equals("-")) {
        evidence = typed.isEmpty() ? evidence : null;
        break;
      }
      Interview.Parsed<String> parsed = Interview.evidence(evidenceId(typed));
      if (!parsed.ok()) {
        console.line(console.warn(reason(parsed.reason())));
        continue;
      }
      evidence = parsed.value();
      break;
    }
    interview.annotate(question.id(), evidence, answer.note());
    save(interview);

    String note = answer.note();
    while (true) {
      console.line(
          note == null ? messages.get("take.note") : messages.get("take.note.current", note));
      String line = console.ask();
      if (line == null) {
        return false;
      }
      String typed = line.strip();
      if (key(typed, false).equals("q")) {
        return false;
      }
      if (typed.length() > Question.DEFAULT_MAX_LENGTH) {
        console.line(
            console.warn(
                messages.get(
                    "take.invalid.tooLong",
                    typed.codePointCount(0, typed.length()),
                    Question.DEFAULT_MAX_LENGTH)));
        continue;
      }
      if (!typed.isEmpty()) {
        note = typed.equals("-") ? null : typed;
      }
      break;
    }
    interview.annotate(question.id(), evidence, note);
    save(interview);
    return true;
  }

  /**
   * The key a typed line stands for ({@code q}, {@code b}, {@code s}, {@code ?}), {@code ""} for
   * Enter, or {@code "answer"} when it is an answer. Where a name is asked (the student, the class,
   * the company) a letter is that name, so a student called "B" or a company called "Q" is not
   * taken for a key; there the keys are typed with a slash, which works at every prompt.
   */
  static String key(String typed, boolean freeText) {
    String lower = typed.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.equals("?")) {
      return lower;
    }
    String letter = lower.length() == 2 && lower.charAt(0) == '/' ? lower.substring(1) : lower;
    boolean slashed = letter.length() < lower.length();
    if (letter.length() == 1 && "bqs".contains(letter) && (slashed || !freeText)) {
      return letter;
    }
    return "answer";
  }

  /** An evidence label typed in the student's language stands for its id. */
  private String evidenceId(String typed) {
    for (String id : Interview.EVIDENCE) {
      if (messages.get("report.evidence." + id).equalsIgnoreCase(typed)) {
        return id;
      }
    }
    return typed;
  }

  private void screen(Interview interview, Question question) {
    console.blank();
    String section =
        question.isProfile()
            ? messages.get("take.profile")
            : scan.theme(question.themeId()).map(t -> text(t.title())).orElse(question.themeId());
    console.line(
        console.heading(
            "["
                + section
                + "] "
                + messages.get("take.position", interview.number(), interview.total())));
    if (!question.isProfile() && !question.themeId().equals(shownTheme)) {
      scan.theme(question.themeId())
          .map(nl.mvoscan.scan.Theme::description)
          .ifPresent(d -> console.line(console.dim(text(d))));
    }
    shownTheme = question.isProfile() ? null : question.themeId();
    String required = question.required() ? " " + messages.get("take.requiredMark") : "";
    console.line(console.bold(text(question.text())) + required);
    if (question.type() == QuestionType.CHOICE || question.type() == QuestionType.MULTI) {
      int width = String.valueOf(question.options().size()).length();
      for (int i = 0; i < question.options().size(); i++) {
        nl.mvoscan.scan.Option option = question.options().get(i);
        String exclusive =
            question.type() == QuestionType.MULTI
                    && option.isExclusive()
                    && question.options().size() > 1
                ? " " + console.dim("(" + messages.get("take.exclusive") + ")")
                : "";
        console.line(
            String.format("  %" + width + "d. %s%s", i + 1, text(option.label()), exclusive));
      }
    }
    interview
        .answer(question.id())
        .ifPresent(
            answer -> console.line(messages.get("take.current", show(question, answer.value()))));
    console.line(hint(question));
    console.line(
        console.dim(messages.get(question.required() ? "take.keys.required" : "take.keys")));
  }

  private String hint(Question question) {
    return switch (question.type()) {
      case CHOICE -> messages.get("take.hint.choice");
      case MULTI -> messages.get("take.hint.multi");
      case TEXT -> messages.plural("take.hint.text", question.maxLength(), question.maxLength());
      case NUMBER -> {
        List<String> parts = new ArrayList<>();
        if (question.integer()) {
          parts.add(messages.get("take.hint.whole"));
        }
        if (question.min() != null) {
          parts.add(messages.get("take.hint.min", number(question.min())));
        }
        if (question.max() != null) {
          parts.add(messages.get("take.hint.max", number(question.max())));
        }
        if (question.unit() != null) {
          parts.add(text(question.unit()));
        }
        yield messages.get(
            "take.hint.number", parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
      }
    };
  }

  private void feedback(Question question, AnswerValue value) {
    for (String id : value.optionIds()) {
      question
          .option(id)
          .map(nl.mvoscan.scan.Option::feedback)
          .filter(f -> f != null)
          .ifPresent(f -> console.line("  " + text(f)));
    }
  }

  /** The metadata, one field at a time; false when the student quits before it is complete. */
  private boolean askMetadata() throws IOException {
    console.blank();
    console.line(messages.get("take.meta.intro"));
    String[] fields = {"name", "class", "company", "kvk", "date"};
    int i = 0;
    while (i < fields.length) {
      String field = fields[i];
      String current = metaValue(field);
      String label = messages.get("take.meta." + field);
      console.line(
          console.bold(
              TakeFile.blank(current) ? label : messages.get("take.meta.default", label, current)));
      String line = console.ask();
      if (line == null) {
        return false;
      }
      String typed = line.strip();
      switch (key(typed, !field.equals("kvk") && !field.equals("date"))) {
        case "q" -> {
          return false;
        }
        case "?" -> console.line(messages.get("take.meta.help"));
        case "b" -> {
          if (i == 0) {
            console.line(console.warn(messages.get("take.first")));
          } else {
            i--;
          }
        }
        default -> {
          String problem = setMeta(field, typed, current);
          if (problem == null) {
            i++;
          } else {
            console.line(console.warn(problem));
          }
        }
      }
    }
    return true;
  }

  /**
   * Sets one metadata field from typed input; Enter keeps the value shown, - empties an optional
   * field.
   */
  private String setMeta(String field, String typed, String current) {
    boolean keep = typed.isEmpty() && !TakeFile.blank(current);
    String value = keep ? current : typed;
    if (!field.equals("kvk") && !field.equals("date")) {
      // refused here, or the answers file saved would be refused by every command that reads it
      Interview.Parsed<String> name = Interview.name(value);
      if (!name.ok()) {
        return reason(name.reason());
      }
    }
    switch (field) {
      case "name", "company" -> {
        if (TakeFile.blank(value) || value.equals("-")) {
          return messages.get("take.meta.required");
        }
        meta =
            field.equals("name")
                ? new TakeFile.Meta(
                    value,
                    meta.studentId(),
                    meta.className(),
                    meta.school(),
                    meta.company(),
                    meta.kvk(),
                    meta.city(),
                    meta.sector(),
                    meta.date())
                : new TakeFile.Meta(
                    meta.name(),
                    meta.studentId(),
                    meta.className(),
                    meta.school(),
                    value,
                    meta.kvk(),
                    meta.city(),
                    meta.sector(),
                    meta.date());
      }
      case "class" -> {
        String clazz = value.equals("-") || value.isEmpty() ? null : value;
        meta =
            new TakeFile.Meta(
                meta.name(),
                meta.studentId(),
                clazz,
                meta.school(),
                meta.company(),
                meta.kvk(),
                meta.city(),
                meta.sector(),
                meta.date());
      }
      case "kvk" -> {
        Interview.Parsed<String> kvk = Interview.kvk(value.equals("-") ? "" : value);
        if (!kvk.ok()) {
          return reason(kvk.reason());
        }
        meta =
            new TakeFile.Meta(
                meta.name(),
                meta.studentId(),
                meta.className(),
                meta.school(),
                meta.company(),
                kvk.value(),
                meta.city(),
                meta.sector(),
                meta.date());
      }
      default -> {
        Interview.Parsed<LocalDate> parsed = Interview.date(value);
        if (!parsed.ok()) {
          return reason(parsed.reason());
        }
        meta = withDate(meta, parsed.value());
      }
    }
    return null;
  }

  private String metaValue(String field) {
    return switch (field) {
      case "name" -> meta.name();
      case "class" -> meta.className();
      case "company" -> meta.company();
      case "kvk" -> meta.kvk();
      default -> meta.date() == null ? null : meta.date().toString();
    };
  }

  private static TakeFile.Meta withDate(TakeFile.Meta meta, LocalDate date) {
    return new TakeFile.Meta(
        meta.name(),
        meta.studentId(),
        meta.className(),
        meta.school(),
        meta.company(),
        meta.kvk(),
        meta.city(),
        meta.sector(),
        date);
  }

  /** The dialog is over: the finishing step scores, stores and reports the answers file. */
  private int finish(Interview interview, ScanResolver resolver) {
    int skipped = interview.unanswered().size();
    return new TakeFinish(
            console, messages, common, db, resolver, scan, scanRef, file, store, pdf, interactive)
        .run(skipped);
  }

  private void save(Interview interview) {
    try {
      TakeFile.write(file, TakeFile.json(scan, textLanguage, meta, interview.answers()));
    } catch (IOException e) {
      throw MvoscanException.failure(
          messages.get("file.cannotWrite", file, Problems.writeReason(messages, e)), e);
    }
  }

  private Answers loadResume(Messages startup, ScanResolver resolver) {
    if (!Files.isRegularFile(resume)) {
      throw MvoscanException.invalidInput(resume + ": " + startup.get("file.notFound"));
    }
    ScanResolver.LoadedAnswers loaded = resolver.loadAnswers(resume, scan);
    if (!loaded.ok()) {
      throw MvoscanException.invalidInput(
          Problems.byPointer(resume.toString(), loaded.problems(), startup));
    }
    return loaded.answers();
  }

  private LocalDate defaultDate(Messages startup) {
    if (date == null) {
      return LocalDate.now();
    }
    Interview.Parsed<LocalDate> parsed = Interview.date(date);
    if (!parsed.ok()) {
      throw MvoscanException.invalidInput(startup.get("take.badDate", date));
    }
    return parsed.value();
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private String text(nl.mvoscan.scan.Text text) {
    return text.in(textLanguage, scan.defaultLanguage());
  }

  private String text(Question question) {
    return text(question.text());
  }

  /** A topic the law sets is a duty, not a choice: marked as the scorecard marks it. */
  private String law(Question question) {
    return question.tags().containsKey("law") ? " (" + messages.get("card.law") + ")" : "";
  }

  private String reason(Interview.Reason reason) {
    return messages.get(reason.key(), reason.argsArray());
  }

  private String show(Question question, AnswerValue value) {
    return value.match(
        choice -> label(question, choice.optionId()),
        multi ->
            multi.optionIds().isEmpty()
                ? messages.get("take.nothingChosen")
                : String.join(
                    ", ", multi.optionIds().stream().map(id -> label(question, id)).toList()),
        number -> number(number.value()),
        text -> text.text());
  }

  private String label(Question question, String optionId) {
    return question.option(optionId).map(o -> text(o.label())).orElse(optionId);
  }

  /** A number as a student writes it: a decimal comma in Dutch. */
  private String number(BigDecimal value) {
    return messages.decimal(nl.mvoscan.scan.Decimals.plain(value));
  }
}
