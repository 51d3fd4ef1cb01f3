package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scan being filled in, one question at a time: which questions are visible given the answers so
 * far, which one is asked now, going back, skipping, and turning typed input into an answer or the
 * reason it is not one.
 *
 * <p>Visibility is decided exactly as the scorer decides it: in document order (profile first, then
 * the themes), a condition sees only the answers of visible questions before it. Answers to
 * questions that became hidden are kept, never dropped: {@link #hiddenAnswers()} lists them so they
 * can be flagged, and they stay in {@link #answers()} so they are written back.
 *
 * <p>After an answer or a skip, the interview moves to the next visible question after the current
 * one that has no answer yet; it is finished when there is none. Skipped questions stay unanswered,
 * so a later {@link #start} (a resumed run) begins at the first of them.
 */
public final class Interview {

  /** Why typed input is not an answer: a key of the message bundle and its arguments. */
  public record Reason(String key, List<Object> args) {
    public static Reason of(String key, Object... args) {
      return new Reason(key, Collections.unmodifiableList(Arrays.asList(args)));
    }

    public Object[] argsArray() {
      return args.toArray();
    }
  }

  /**
   * Typed input read as a value, or the reason it is not one.
   *
   * @param value an {@link AnswerValue} for a question (a multi's option ids in option order), a
   *     {@link LocalDate} or {@link String} for metadata; {@code null} with a reason
   */
  public record Parsed<T>(T value, Reason reason) {
    static <T> Parsed<T> of(T value) {
      return new Parsed<>(value, null);
    }

    static <T> Parsed<T> not(String key, Object... args) {
      return new Parsed<>(null, Reason.of(key, args));
    }

    public boolean ok() {
      return reason == null;
    }
  }

  /** What an answer changed: answered questions that no longer count because they became hidden. */
  public record Change(List<Question> nowHidden) {}

  /** The evidence ids in the order a student is offered them. */
  public static final List<String> EVIDENCE = List.of("gezien", "gevraagd", "document", "aanname");

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+([.,][0-9]+)?");
  private static final Pattern THOUSANDS = Pattern.compile("[-+]?[0-9]{1,3}\\.[0-9]{3}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern SPACED_NUMBERS = Pattern.compile("[0-9]+(\\s+[0-9]+)+");
  private static final Pattern KVK = Pattern.compile("[0-9]{8}");
  private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern DUTCH_DATE = Pattern.compile("([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})");

  private final Scan scan;
  private final String language;
  private final List<Question> all;
  private final Map<String, Answers.Answer> answers = new HashMap<>();

  /** Index into {@link #all} of the question asked now; {@code all.size()} when finished. */
  private int cursor;

  private Interview(Scan scan, String language, Map<String, Answers.Answer> given) {
    this.scan = scan;
    this.language = language;
    this.all = List.copyOf(scan.questions());
    given.forEach(
        (id, answer) -> {
          if (answer != null && answer.value() != null && scan.question(id).isPresent()) {
            answers.put(id, answer);
          }
        });
  }

  /**
   * An interview over {@code scan} in {@code language} (for option labels in reasons), starting
   * from {@code given} answers (none for a fresh run), at the first visible question without an
   * answer.
   */
  public static Interview start(Scan scan, String language, Map<String, Answers.Answer> given) {
    Interview interview = new Interview(scan, language, given);
    interview.cursor = interview.nextUnanswered(-1);
    return interview;
  }

  public Scan scan() {
    return scan;
  }

  public String language() {
    return language;
  }

  /** The question asked now; empty when every visible question after the last answer is done. */
  public Optional<Question> current() {
    return finished() ? Optional.empty() : Optional.of(all.get(cursor));
  }

  public boolean finished() {
    return cursor >= all.size();
  }

  /** The visible questions, in document order. */
  public List<Question> visibleQuestions() {
    boolean[] visible = visibility();
    List<Question> list = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (visible[i]) {
        list.add(all.get(i));
      }
    }
    return list;
  }

  public boolean isVisible(Question question) {
    int index = all.indexOf(question);
    return index >= 0 && visibility()[index];
  }

  /** The position of the current question among the visible ones, from 1; 0 when finished. */
  public int number() {
    if (finished()) {
      return 0;
    }
    boolean[] visible = visibility();
    int number = 0;
    for (int i = 0; i <= cursor; i++) {
      if (visible[i]) {
        number++;
      }
    }
    return number;
  }

  /** How many questions are visible now; changes as answers come in. */
  public int total() {
    return visibleQuestions().size();
  }

  public Optional<Answers.Answer> answer(String questionId) {
    return Optional.ofNullable(answers.get(questionId));
  }

  /** Every answer, to visible and hidden questions, in document order. */
  public Map<String, Answers.Answer> answers() {
    Map<String, Answers.Answer> ordered = new LinkedHashMap<>();
    for (Question question : all) {
      Answers.Answer answer = answers.get(question.id());
      if (answer != null) {
        ordered.put(question.id(), answer);
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  /** Answered questions that are hidden now: their answers are kept but do not count. */
  public List<Question> hiddenAnswers() {
    boolean[] visible = visibility();
    List<Question> hidden = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!visible[i] && answers.containsKey(all.get(i).id())) {
        hidden.add(all.get(i));
      }
    }
    return hidden;
  }

  /** Visible questions without an answer (skipped, or not reached yet), in document order. */
  public List<Question> unanswered() {
    return visibleQuestions().stream().filter(q -> !answers.containsKey(q.id())).toList();
  }

  /** How many visible questions have an answer. */
  public int answeredCount() {
    return (int) visibleQuestions().stream().filter(q -> answers.containsKey(q.id())).count();
  }

  /** Reads typed input as an answer to the current question. */
  public Parsed<AnswerValue> parse(String input) {
    return parse(
        current().orElseThrow(() -> new IllegalStateException("the interview is finished")), input);
  }

  /**
   * Reads typed input as an answer to {@code question}: a number from the list, an option id or
   * label, a number, a text.
   */
  public Parsed<AnswerValue> parse(Question question, String input) {
    String typed = input == null ? "" : input.strip();
    if (typed.isEmpty()) {
      return Parsed.not("take.invalid.empty");
    }
    return switch (question.type()) {
      case CHOICE -> {
        Object found = option(question, typed);
        yield found instanceof Reason reason
            ? new Parsed<>(null, reason)
            : Parsed.of(AnswerValue.choice(((Option) found).id()));
      }
      case MULTI -> multi(question, typed);
      case NUMBER -> number(question, typed);
      case TEXT -> {
        int length = typed.codePointCount(0, typed.length());
        yield length > question.maxLength()
            ? Parsed.not("take.invalid.tooLong", length, question.maxLength())
            : Parsed.of(AnswerValue.text(typed));
      }
    };
  }

  /**
   * Gives the current question this answer (a value as {@link #parse} returns it), keeping any
   * evidence and note it had, and moves on to the next visible question without an answer.
   */
  public Change give(AnswerValue value) {
    Question question =
        current().orElseThrow(() -> new IllegalStateException("the interview is finished"));
    if (value == null) {
      throw new IllegalArgumentException(
          "an answer needs a value; use skip() to leave a question open");
    }
    Set<String> hiddenBefore = ids(hiddenAnswers());
    Answers.Answer old = answers.get(question.id());
    answers.put(
        question.id(),
        new Answers.Answer(
            question.id(),
            value,
            old == null ? null : old.evidence(),
            old == null ? null : old.note()));
    List<Question> nowHidden =
        hiddenAnswers().stream().filter(q -> !hiddenBefore.contains(q.id())).toList();
    cursor = nextUnanswered(cursor);
    return new Change(nowHidden);
  }

  /**
   * Leaves the current question as it is (no answer, or the answer it has) and moves on; a required
   * question without an answer cannot be skipped.
   */
  public Optional<Reason> skip() {
    Question question =
        current().orElseThrow(() -> new IllegalStateException("the interview is finished"));
    if (question.required() && !answers.containsKey(question.id())) {
      return Optional.of(Reason.of("take.required"));
    }
    cursor = nextUnanswered(cursor);
    return Optional.empty();
  }

  /**
   * Goes to the visible question before the current one (the last one when finished); false at the
   * first.
   */
  public boolean back() {
    boolean[] visible = visibility();
    for (int i = Math.min(cursor, all.size()) - 1; i >= 0; i--) {
      if (visible[i]) {
        cursor = i;
        return true;
      }
    }
    return false;
  }

  /**
   * Makes a visible question the current one, to change its answer (a finished file reopened, a
   * "don't know" looked at again); false when the question is hidden or not in the scan.
   */
  public boolean goTo(String questionId) {
    boolean[] visible = visibility();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(questionId)) {
        if (!visible[i]) {
          return false;
        }
        cursor = i;
        return true;
      }
    }
    return false;
  }

  /**
   * Sets how the student knows an answer already given, and their note about it; {@code null}
   * leaves either out. The value stays as it is.
   */
  public void annotate(String questionId, String evidence, String note) {
    Answers.Answer old = answers.get(questionId);
    if (old == null) {
      throw new IllegalStateException("no answer to annotate: " + questionId);
    }
    if (evidence != null && !AnswersLoader.EVIDENCE.contains(evidence)) {
      throw new IllegalArgumentException("not an evidence: " + evidence);
    }
    answers.put(questionId, new Answers.Answer(questionId, old.value(), evidence, note));
  }

  /** Visible questions answered with a "don't know" option, in document order. */
  public List<Question> unknownAnswers() {
    return visibleQuestions().stream()
        .filter(
            q -> {
              Answers.Answer answer = answers.get(q.id());
              return answer != null
                  && answer.value().optionIds().stream()
                      .map(q::option)
                      .flatMap(Optional::stream)
                      .anyMatch(Option::unknown);
            })
        .toList();
  }

  /**
   * How the student knows an answer (contract §4): a number in the order of {@link #EVIDENCE}, or
   * the evidence id itself.
   */
  public static Parsed<String> evidence(String input) {
    String typed = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
    if (DIGITS.matcher(typed).matches()) {
      int n = Integer.parseInt(typed.length() > 3 ? "0" : typed);
      return n >= 1 && n <= EVIDENCE.size()
          ? Parsed.of(EVIDENCE.get(n - 1))
          : Parsed.not("take.invalid.evidence", input.strip(), EVIDENCE.size());
    }
    return EVIDENCE.contains(typed)
        ? Parsed.of(typed)
        : Parsed.not("take.invalid.evidence", input == null ? "" : input.strip(), EVIDENCE.size());
  }

  /**
   * A KvK number: exactly 8 digits (spaces and dots are left out), or empty for none ({@code
   * null}).
   */
  public static Parsed<String> kvk(String input) {
    String typed = input == null ? "" : input.strip().replace(" ", "").replace(".", "");
    if (typed.isEmpty()) {
      return Parsed.of(null);
    }
    return KVK.matcher(typed).matches()
        ? Parsed.of(typed)
        : Parsed.not("take.invalid.kvk", input.strip());
  }

  /**
   * A name, student number, class or company name as typed: stripped, at most {@link
   * Limits#MAX_NAME} characters and no control character, as an answers file may hold it.
   */
  public static Parsed<String> name(String input) {
    String typed = input == null ? "" : input.strip();
    if (Limits.nameTooLong(typed)) {
      return Parsed.not(
          "take.invalid.nameTooLong", Limits.length(typed), String.valueOf(Limits.MAX_NAME));
    }
    int control = Limits.control(typed);
    return control >= 0
        ? Parsed.not("take.invalid.control", Limits.codePoint(control))
        : Parsed.of(typed);
  }

  /**
   * A real calendar date as {@code YYYY-MM-DD} or {@code D-M-YYYY}, in the years a scan can be
   * filled in.
   */
  public static Parsed<LocalDate> date(String input) {
    String typed = input == null ? "" : input.strip();
    Matcher iso = ISO_DATE.matcher(typed);
    Matcher dutch = DUTCH_DATE.matcher(typed);
    try {
      LocalDate date = null;
      if (iso.matches()) {
        date =
            LocalDate.of(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)));
      } else if (dutch.matches()) {
        date =
            LocalDate.of(
                Integer.parseInt(dutch.group(3)),
                Integer.parseInt(dutch.group(2)),
                Integer.parseInt(dutch.group(1)));
      }
      if (date != null) {
        return Limits.plausible(date)
            ? Parsed.of(date)
            : Parsed.not(
                "take.invalid.dateRange",
                typed,
                String.valueOf(Limits.FIRST_YEAR),
                String.valueOf(Limits.LAST_YEAR));
      }
    } catch (DateTimeException e) {
      // not a real day, such as 31-2-2026
    }
    return Parsed.not("take.invalid.date", typed);
  }

  private int nextUnanswered(int after) {
    boolean[] visible = visibility();
    for (int i = after + 1; i < all.size(); i++) {
      if (visible[i] && !answers.containsKey(all.get(i).id())) {
        return i;
      }
    }
    return all.size();
  }

  /** Which questions are visible, decided in document order like the scorer does. */
  private boolean[] visibility() {
    Set<String> hidden = Visibility.hidden(scan, answers);
    boolean[] visible = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      visible[i] = !hidden.contains(all.get(i).id());
    }
    return visible;
  }

  private static Set<String> ids(List<Question> questions) {
    Set<String> ids = new HashSet<>();
    questions.forEach(q -> ids.add(q.id()));
    return ids;
  }

  /** An {@link Option}, or the {@link Reason} the token names none. */
  private Object option(Question question, String token) {
    List<Option> options = question.options();
    if (DIGITS.matcher(token).matches()) {
      int number = token.length() > 6 ? -1 : Integer.parseInt(token);
      if (number < 1 || number > options.size()) {
        return Reason.of("take.invalid.range", token, options.size());
      }
      return options.get(number - 1);
    }
    String folded = token.toLowerCase(Locale.ROOT);
    for (Option option : options) {
      if (option.id().equals(folded)) {
        return option;
      }
    }
    Set<Option> byLabel = new LinkedHashSet<>();
    for (Option option : options) {
      for (String label : option.label().values().values()) {
        if (label.strip().toLowerCase(Locale.ROOT).equals(folded)) {
          byLabel.add(option);
        }
      }
    }
    if (byLabel.size() == 1) {
      return byLabel.iterator().next();
    }
    if (byLabel.size() > 1) {
      return Reason.of("take.invalid.ambiguous", token);
    }
    return Reason.of("take.invalid.option", token, options.size());
  }

  private Parsed<AnswerValue> multi(Question question, String typed) {
    if (typed.equals("-")) {
      return Parsed.of(AnswerValue.multi(List.of()));
    }
    List<String> tokens = new ArrayList<>();
    for (String part : typed.split("[,;]")) {
      String token = part.strip();
      if (SPACED_NUMBERS.matcher(token).matches()) {
        tokens.addAll(Arrays.asList(token.split("\\s+")));
      } else if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    if (tokens.isEmpty()) {
      return Parsed.not("take.invalid.empty");
    }
    Set<Option> chosen = new LinkedHashSet<>();
    for (String token : tokens) {
      Object found = option(question, token);
      if (found instanceof Reason reason) {
        return new Parsed<>(null, reason);
      }
      Option option = (Option) found;
      if (!chosen.add(option)) {
        return Parsed.not("take.invalid.duplicate", label(option));
      }
    }
    if (chosen.size() > 1) {
      for (Option option : chosen) {
        if (option.isExclusive()) {
          return Parsed.not("take.invalid.exclusive", label(option));
        }
      }
    }
    List<String> ids = new ArrayList<>();
    for (Option option : question.options()) {
      if (chosen.contains(option)) {
        ids.add(option.id());
      }
    }
    return Parsed.of(AnswerValue.multi(ids));
  }

  private static Parsed<AnswerValue> number(Question question, String input) {
    String typed = input;
    if (Limits.tooManyDigits(typed)) {
      // the answers file could hold it, but no loader would read it back
      return Parsed.not(
          "take.invalid.numberTooLong", Limits.digits(typed), String.valueOf(Limits.MAX_DIGITS));
    }
    if (!NUMBER.matcher(typed).matches()) {
      return Parsed.not("take.invalid.number", typed);
    }
    if (question.integer()) {
      // §8.4 as a class CSV reads it: in a whole number 1.200 can only be twelve hundred
      typed = WholeNumbers.withoutThousands(typed);
    } else if (THOUSANDS.matcher(typed).matches()) {
      // where decimals are allowed, a Dutch student who types 1.000 may mean a thousand, or one
      return Parsed.not("take.invalid.thousands", typed, typed.replace(".", ""));
    }
    BigDecimal number = Decimals.plain(new BigDecimal(typed.replace(',', '.')));
    if (question.min() != null && number.compareTo(question.min()) < 0) {
      return Parsed.not("take.invalid.belowMin", Decimals.plain(question.min()).toPlainString());
    }
    if (question.max() != null && number.compareTo(question.max()) > 0) {
      return Parsed.not("take.invalid.aboveMax", Decimals.plain(question.max()).toPlainString());
    }
    if (question.integer() && number.scale() > 0) {
      return Parsed.not("take.invalid.notWhole", input);
    }
    return Parsed.of(AnswerValue.number(number));
  }

  private String label(Option option) {
    return option.label().in(language, scan.defaultLanguage());
  }
}
