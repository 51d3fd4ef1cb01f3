package nl.mvoscan.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import nl.mvoscan.aggregate.ClassAdvice;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Status;

/**
 * The teacher's report of one class: how many responses, the levels reached, the spread of each
 * theme's scores, the students and companies, the questions the class most needs to work on, and
 * one page per company. With {@code anonymize} no student name appears anywhere in it.
 */
public final class ClassReport {

  private static final int TOP_IMPROVEMENTS = 5;
  private static final int MAX_DIFFERENCES = 5;

  /**
   * One scored response of the class.
   *
   * @param respondentId the student's database id, {@code null} when unknown; numbers the anonymous
   *     labels
   * @param companyId the company's database id, {@code null} when unknown; groups responses per
   *     company
   */
  public record Entry(
      long id,
      Long respondentId,
      String student,
      Long companyId,
      String company,
      String city,
      String kvk,
      String schoolYear,
      ScoreResult result) {}

  private final String className;
  private final String schoolYear;
  private final List<Entry> entries;
  private final boolean anonymize;
  private final int otherScans;
  private final Format f;
  private final Scan scan;
  private final Map<Long, String> labels;
  private final Collator collator;

  private ClassReport(
      String className,
      String schoolYear,
      List<Entry> entries,
      boolean anonymize,
      int otherScans,
      Format format) {
    this.className = className;
    this.schoolYear = schoolYear;
    this.entries = entries;
    this.anonymize = anonymize;
    this.otherScans = otherScans;
    this.f = format;
    this.scan = entries.get(0).result().scan();
    this.labels = labels(entries, anonymize, format);
    this.collator = Collator.getInstance(format.messages.locale());
    this.collator.setStrength(Collator.SECONDARY);
  }

  /**
   * The scan hash most of the entries were scored on (on a tie, the one of the earliest response):
   * a class report compares like with like, so responses to another scan are left out.
   */
  public static String mainScanHash(List<Entry> entries) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    entries.forEach(e -> counts.merge(e.result().scan().hash(), 1, Integer::sum));
    String best = null;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      if (best == null || count.getValue() > counts.get(best)) {
        best = count.getKey();
      }
    }
    return best;
  }

  /**
   * @param entries the class's responses, all to one scan, in database id order; at least one
   * @param otherScans how many responses of the class were left out because they are for another
   *     scan
   */
  public static RenderedPdf render(
      String className,
      String schoolYear,
      List<Entry> entries,
      boolean anonymize,
      int otherScans,
      Messages messages,
      String language) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a class report needs at least one response");
    }
    ClassReport report =
        new ClassReport(
            className,
            schoolYear,
            entries,
            anonymize,
            otherScans,
            new Format(messages, language, entries.get(0).result().scan()));
    return PdfDoc.render(report.meta(), report::write);
  }

  /**
   * The name to print for each response: the student's name, or with {@code anonymize} "Student
   * 01", "Student 02", … numbered in database order, one number per student.
   */
  static Map<Long, String> labels(List<Entry> entries, boolean anonymize, Format format) {
    Map<Long, String> labels = new HashMap<>();
    Map<Long, String> byRespondent = new HashMap<>();
    int width = entries.size() >= 100 ? 3 : 2;
    int next = 0;
    for (Entry entry : entries.stream().sorted(Comparator.comparingLong(Entry::id)).toList()) {
      if (!anonymize) {
        labels.put(
            entry.id(),
            StudentReport.blank(entry.student())
                ? format.get("report.class.unknownStudent")
                : entry.student());
        continue;
      }
      String label = entry.respondentId() == null ? null : byRespondent.get(entry.respondentId());
      if (label == null) {
        label =
            format.get(
                "report.class.student",
                String.format(java.util.Locale.ROOT, "%0" + width + "d", ++next));
        if (entry.respondentId() != null) {
          byRespondent.put(entry.respondentId(), label);
        }
      }
      labels.put(entry.id(), label);
    }
    return labels;
  }

  private PdfDoc.Meta meta() {
    String title = f.get("report.class.title", className);
    LocalDate last = lastDate();
    return new PdfDoc.Meta(
        title,
        "mvoscan",
        f.get("report.class.subject", className, f.text(scan.title())),
        StudentReport.languageTag(f.messages),
        last,
        title + " · " + f.text(scan.title()) + " " + scan.version(),
        f.get("report.pageOf", "{0}", "{1}"));
  }

  private LocalDate lastDate() {
    return entries.stream()
        .map(e -> e.result().answers().date())
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private LocalDate firstDate() {
    return entries.stream()
        .map(e -> e.result().answers().date())
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private void write(PdfDoc pdf) throws DocumentException {
    cover(pdf);
    pdf.newPage();
    themes(pdf);
    improvements(
        pdf,
        entries,
        TOP_IMPROVEMENTS,
        f.get("report.class.improvements"),
        f.get("report.class.improvements.intro"),
        true);
    pdf.newPage();
    students(pdf);
    companies(pdf);
    for (List<Entry> company : byCompany()) {
      pdf.newPage();
      company(pdf, company);
    }
  }

  // ---- cover: numbers and levels

  private void cover(PdfDoc pdf) throws DocumentException {
    Paragraph kicker =
        pdf.paragraphOf(
            f.get("report.class.kicker").toUpperCase(java.util.Locale.ROOT),
            pdf.font(9, true, PdfDoc.MUTED));
    kicker.setSpacingBefore(30);
    pdf.add(kicker);
    pdf.title(f.get("report.class.title", className));
    pdf.subtitle(f.text(scan.title()) + " · " + f.get("report.version", scan.version()));

    PdfDoc.Table facts = pdf.table(150, PdfDoc.CONTENT_WIDTH - 150);
    facts.row(true, f.get("report.field.class"), className);
    TreeSet<String> years = new TreeSet<>();
    entries.forEach(
        e -> {
          if (e.schoolYear() != null) {
            years.add(e.schoolYear());
          }
        });
    facts.row(
        true,
        f.get("report.class.schoolYear"),
        schoolYear != null ? schoolYear : String.join(", ", years));
    if (firstDate() != null) {
      facts.row(
          true,
          f.get("report.class.period"),
          firstDate().equals(lastDate())
              ? f.date(firstDate())
              : f.date(firstDate()) + " – " + f.date(lastDate()));
    }
    facts.row(true, f.get("report.class.responses"), Integer.toString(entries.size()));
    facts.row(true, f.get("report.class.students"), Long.toString(students()));
    facts.row(true, f.get("report.class.companies"), Integer.toString(byCompany().size()));
    facts.row(
        true,
        f.get("report.field.scan"),
        f.text(scan.title()) + " " + scan.version() + " (" + scan.id() + ")");
    facts.add();
    if (anonymize) {
      pdf.note(f.get("report.class.anonymized"));
    }
    if (otherScans > 0) {
      pdf.note(f.get("report.class.otherScans", otherScans));
    }

    List<Entry> scored =
        entries.stream()
            .filter(e -> e.result().overall().figures().status() == Status.SCORED)
            .toList();
    pdf.h1(f.get("report.class.overall"), 200);
    if (!scored.isEmpty()) {
      pdf.paragraph(
          f.get(
              "report.class.overallSummary",
              f.one(
                  mean(
                      scored.stream()
                          .map(e -> e.result().overall().figures().roundedScore())
                          .toList())),
              f.one(mean(scored.stream().map(e -> e.result().overall().roundedGrade()).toList())),
              scored.size(),
              entries.size()));
    } else {
      pdf.paragraph(f.get("report.class.noneScored"));
    }
    List<String> levelLabels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Level level : scan.levels()) {
      levelLabels.add(f.level(level));
      counts.add(
          (int)
              entries.stream()
                  .filter(
                      e ->
                          e.result().overall().level() != null
                              && e.result().overall().level().id().equals(level.id()))
                  .count());
    }
    int none = (int) entries.stream().filter(e -> e.result().overall().level() == null).count();
    if (none > 0) {
      levelLabels.add(f.get("report.class.noOverall"));
      counts.add(none);
    }
    pdf.chart(
        Charts.counts(levelLabels, counts, f.get("report.col.count")), PdfDoc.CONTENT_WIDTH, 170);
    PdfDoc.Table table =
        pdf.table(250, 80, 80)
            .right(1, 2)
            .header(
                f.get("report.col.level"), f.get("report.col.count"), f.get("report.col.share"));
    for (int i = 0; i < levelLabels.size(); i++) {
      table.row(
          false,
          levelLabels.get(i),
          Integer.toString(counts.get(i)),
          f.percent(
              BigDecimal.valueOf(100L * counts.get(i))
                  .divide(BigDecimal.valueOf(entries.size()), 1, RoundingMode.HALF_UP)));
    }
    table.add();
  }

  private long students() {
    return entries.stream()
        .map(e -> e.respondentId() == null ? "r" + e.id() : "p" + e.respondentId())
        .distinct()
        .count();
  }

  // ---- themes: distribution

  private void themes(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.class.themes"), 260);
    pdf.note(f.get("report.class.themes.intro"));
    List<Charts.Box> boxes = new ArrayList<>();
    PdfDoc.Table table =
        pdf.table(150, 30, 45, 45, 50, 45, 45, 60)
            .right(1, 2, 3, 4, 5, 6, 7)
            .header(
                f.get("report.col.theme"),
                "n",
                f.get("report.col.min"),
                "Q1",
                f.get("report.col.median"),
                "Q3",
                f.get("report.col.max"),
                f.get("report.col.mean"));
    for (Theme theme : scan.themes()) {
      Stats stats = Stats.of(themeScores(entries, theme));
      if (stats == null) {
        table.row(false, f.title(theme), "0", "–", "–", "–", "–", "–", "–");
        continue;
      }
      boxes.add(
          new Charts.Box(
              f.title(theme),
              stats.min().doubleValue(),
              stats.q1().doubleValue(),
              stats.median().doubleValue(),
              stats.q3().doubleValue(),
              stats.max().doubleValue(),
              stats.mean().doubleValue()));
      table.row(
          false,
          f.title(theme),
          Integer.toString(stats.n()),
          f.one(stats.min()),
          f.one(stats.q1()),
          f.one(stats.median()),
          f.one(stats.q3()),
          f.one(stats.max()),
          f.one(stats.mean()));
    }
    if (!boxes.isEmpty()) {
      pdf.chart(Charts.boxes(boxes, f.get("report.col.score")), PdfDoc.CONTENT_WIDTH, 230);
    }
    table.add();
  }

  private static List<BigDecimal> themeScores(List<Entry> entries, Theme theme) {
    List<BigDecimal> scores = new ArrayList<>();
    for (Entry entry : entries) {
      for (ScoreResult.ThemeScore t : entry.result().themes()) {
        if (t.theme().id().equals(theme.id()) && t.figures().status() == Status.SCORED) {
          scores.add(t.figures().roundedScore());
        }
      }
    }
    return scores;
  }

  /**
   * Five-number summary and mean, from {@link Statistics} so the box plots and {@code mvoscan
   * aggregate} agree to the decimal (quartiles as Excel's PERCENTILE.INC).
   */
  record Stats(
      int n,
      BigDecimal min,
      BigDecimal q1,
      BigDecimal median,
      BigDecimal q3,
      BigDecimal max,
      BigDecimal mean) {
    static Stats of(List<BigDecimal> values) {
      if (values.isEmpty()) {
        return null;
      }
      Statistics s = Statistics.of(values.stream().map(Rational::of).toList());
      return new Stats(
          s.n(),
          s.min().toBigDecimal(),
          s.p25().toBigDecimal(),
          s.median().toBigDecimal(),
          s.p75().toBigDecimal(),
          s.max().toBigDecimal(),
          s.mean().toBigDecimal());
    }
  }

  static BigDecimal mean(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
  }

  // ---- improvements of a group of responses

  private record Improvement(
      Question question,
      int count,
      Rational potential,
      BigDecimal meanPoints,
      BigDecimal max,
      List<nl.mvoscan.scan.Text> advice) {}

  /**
   * The questions that most often are among a response's three improvements; ties go to the larger
   * summed potential w·(M−p)/M, then to document order.
   */
  private List<Improvement> topImprovements(List<Entry> group, int limit) {
    List<Question> order = scan.scoredQuestions();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Rational> potentials = new HashMap<>();
    Map<String, List<BigDecimal>> points = new HashMap<>();
    Map<String, List<ScoreResult.QuestionScore>> scores = new HashMap<>();
    for (Entry entry : group) {
      entry.result().improvements().forEach(q -> counts.merge(q.question().id(), 1, Integer::sum));
      for (ScoreResult.QuestionScore q : entry.result().questions()) {
        scores.computeIfAbsent(q.question().id(), k -> new ArrayList<>()).add(q);
        if (q.resolved()) {
          potentials.merge(q.question().id(), q.potential(), Rational::plus);
          points.computeIfAbsent(q.question().id(), k -> new ArrayList<>()).add(q.points());
        }
      }
    }
    List<Improvement> improvements = new ArrayList<>();
    for (Question question : order) {
      Integer count = counts.get(question.id());
      if (count != null) {
        improvements.add(
            new Improvement(
                question,
                count,
                potentials.getOrDefault(question.id(), Rational.ZERO),
                mean(points.getOrDefault(question.id(), List.of())),
                question.maximum(),
                advice(question, scores.getOrDefault(question.id(), List.of()))));
      }
    }
    List<Improvement> sorted = new ArrayList<>(improvements);
    sorted.sort(
        Comparator.comparingInt(Improvement::count)
            .reversed()
            .thenComparing(Improvement::potential, Comparator.reverseOrder())
            .thenComparingInt(i -> order.indexOf(i.question())));
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  /** The advice aggregate derives from the group's most common answer below the maximum. */
  private static List<nl.mvoscan.scan.Text> advice(
      Question question, List<ScoreResult.QuestionScore> scores) {
    ClassAdvice.CommonAnswer common = ClassAdvice.of(question, scores);
    return common == null ? List.of() : common.advice();
  }

  private void improvements(
      PdfDoc pdf, List<Entry> group, int limit, String title, String intro, boolean section)
      throws DocumentException {
    List<Improvement> top = topImprovements(group, limit);
    if (section) {
      pdf.h1(title, 90);
    } else {
      pdf.h2(title);
    }
    if (top.isEmpty()) {
      pdf.paragraph(f.get("report.improvements.none"));
      return;
    }
    pdf.note(intro);
    int rank = 0;
    for (Improvement improvement : top) {
      Question question = improvement.question();
      List<Element> block = new ArrayList<>();
      block.add(pdf.paragraphOf((++rank) + ". " + f.text(question.text()), pdf.strong()));
      String theme = scan.theme(question.themeId()).map(f::title).orElse("");
      block.add(
          pdf.paragraphOf(
              f.get(
                  "report.class.improvement.count",
                  theme,
                  improvement.count(),
                  group.size(),
                  improvement.meanPoints() == null ? "–" : f.one(improvement.meanPoints()),
                  f.points(improvement.max())),
              pdf.small()));
      for (nl.mvoscan.scan.Text advice : improvement.advice()) {
        if (f.has(advice)) {
          block.add(
              pdf.labelled(
                  f.get("report.advice"), pdf.font(10, true, PdfDoc.ACCENT), f.text(advice)));
        }
      }
      pdf.together(block, false);
    }
  }

  // ---- students and companies

  private void students(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.class.studentsTable"), 80);
    PdfDoc.Table table =
        pdf.table(140, 170, 50, 45, 78)
            .right(2, 3)
            .header(
                f.get("report.col.student"),
                f.get("report.col.company"),
                f.get("report.col.score"),
                f.get("report.col.grade"),
                f.get("report.col.level"));
    List<Entry> sorted = new ArrayList<>(entries);
    if (anonymize) {
      sorted.sort(
          Comparator.comparing((Entry e) -> labels.get(e.id())).thenComparingLong(Entry::id));
    } else {
      sorted.sort(
          Comparator.comparing((Entry e) -> labels.get(e.id()), collator)
              .thenComparingLong(Entry::id));
    }
    for (Entry entry : sorted) {
      ScoreResult.Overall overall = entry.result().overall();
      table.row(
          false,
          labels.get(entry.id()),
          companyName(entry),
          f.shortScore(overall.figures()),
          overall.grade() == null ? "–" : f.decimal(overall.roundedGrade()),
          f.level(overall.level()));
    }
    table.add();
  }

  private void companies(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.class.companiesTable"), 80);
    PdfDoc.Table table =
        pdf.table(158, 90, 70, 67, 98)
            .right(2, 3, 4)
            .header(
                f.get("report.col.company"),
                f.get("report.col.city"),
                f.get("report.col.responses"),
                f.get("report.col.meanScore"),
                f.get("report.col.range"));
    for (List<Entry> company : byCompany()) {
      List<BigDecimal> scores = overallScores(company);
      Entry first = company.get(0);
      // two stored companies can share a name (one with a KvK number, one without): tell them apart
      String name =
          StudentReport.blank(first.kvk())
              ? companyName(first)
              : companyName(first) + " (KvK " + first.kvk() + ")";
      table.row(
          false,
          name,
          first.city(),
          Integer.toString(company.size()),
          f.one(mean(scores)),
          scores.isEmpty()
              ? "–"
              : f.one(scores.stream().min(Comparator.naturalOrder()).get())
                  + " – "
                  + f.one(scores.stream().max(Comparator.naturalOrder()).get()));
    }
    table.add();
  }

  private static List<BigDecimal> overallScores(List<Entry> group) {
    return group.stream()
        .filter(e -> e.result().overall().figures().status() == Status.SCORED)
        .map(e -> e.result().overall().figures().roundedScore())
        .toList();
  }

  private String companyName(Entry entry) {
    return StudentReport.blank(entry.company())
        ? f.get("report.class.unknownCompany")
        : entry.company();
  }

  /** The responses per company, companies by name (then database id), responses by id. */
  private List<List<Entry>> byCompany() {
    Map<String, List<Entry>> groups = new LinkedHashMap<>();
    for (Entry entry : entries) {
      String key = entry.companyId() == null ? "none" : "c" + entry.companyId();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    List<List<Entry>> sorted = new ArrayList<>(groups.values());
    sorted.sort(
        Comparator.comparing((List<Entry> g) -> companyName(g.get(0)), collator)
            .thenComparing(
                g -> g.get(0).companyId() == null ? Long.MAX_VALUE : g.get(0).companyId()));
    return sorted;
  }

  private void company(PdfDoc pdf, List<Entry> group) throws DocumentException {
    Entry first = group.get(0);
    pdf.h1(companyName(first), 100);
    List<String> meta = new ArrayList<>();
    if (!StudentReport.blank(first.city())) {
      meta.add(first.city());
    }
    if (!StudentReport.blank(first.kvk())) {
      meta.add(f.get("report.class.company.kvk", first.kvk()));
    }
    meta.add(f.get("report.class.company.responses", group.size()));
    pdf.note(String.join(" · ", meta));

    PdfDoc.Table table =
        pdf.table(150, 85, 60, 50, 90)
            .right(2, 3)
            .compact()
            .header(
                f.get("report.col.student"),
                f.get("report.col.date"),
                f.get("report.col.score"),
                f.get("report.col.grade"),
                f.get("report.col.level"));
    for (Entry entry : group) {
      ScoreResult.Overall overall = entry.result().overall();
      table.row(
          false,
          labels.get(entry.id()),
          f.date(entry.result().answers().date()),
          f.shortScore(overall.figures()),
          overall.grade() == null ? "–" : f.decimal(overall.roundedGrade()),
          f.level(overall.level()));
    }
    table.add();

    pdf.h2(f.get("report.class.company.themes"));
    boolean one = group.size() == 1;
    PdfDoc.Table themes =
        one
            ? pdf.table(280, 80, 80)
                .right(1, 2)
                .compact()
                .header(
                    f.get("report.col.theme"),
                    f.get("report.col.score"),
                    f.get("report.col.coverage"))
            : pdf.table(200, 70, 70, 70)
                .right(1, 2, 3)
                .compact()
                .header(
                    f.get("report.col.theme"),
                    f.get("report.col.mean"),
                    f.get("report.col.min"),
                    f.get("report.col.max"));
    for (Theme theme : scan.themes()) {
      if (one) {
        ScoreResult.Figures figures =
            group.get(0).result().themes().stream()
                .filter(t -> t.theme().id().equals(theme.id()))
                .findFirst()
                .orElseThrow()
                .figures();
        themes.row(false, f.title(theme), f.score(figures), f.coverage(figures));
        continue;
      }
      Stats stats = Stats.of(themeScores(group, theme));
      themes.row(
          false,
          f.title(theme),
          stats == null ? "–" : f.one(stats.mean()),
          stats == null ? "–" : f.one(stats.min()),
          stats == null ? "–" : f.one(stats.max()));
    }
    themes.add();

    improvements(
        pdf,
        group,
        3,
        f.get("report.class.company.improvements"),
        f.get("report.class.company.improvements.intro"),
        false);
    differences(pdf, group);
  }

  /** Choice questions the students of one company answered differently: worth checking together. */
  private void differences(PdfDoc pdf, List<Entry> group) throws DocumentException {
    if (group.size() < 2) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (Question question : scan.questions()) {
      if (question.type() != QuestionType.CHOICE) {
        continue;
      }
      Map<String, Integer> answers = new LinkedHashMap<>();
      for (Entry entry : group) {
        var answer = entry.result().answers().answers().get(question.id());
        if (answer != null && answer.value() != null) {
          answers.merge(f.answer(question, answer.value()), 1, Integer::sum);
        }
      }
      if (answers.size() > 1) {
        List<String> parts = new ArrayList<>();
        answers.forEach((label, count) -> parts.add(label + " (" + count + ")"));
        rows.add(new String[] {f.text(question.text()), String.join(" · ", parts)});
      }
      if (rows.size() == MAX_DIFFERENCES) {
        break;
      }
    }
    if (rows.isEmpty() || pdf.remaining() < 110) {
      return;
    }
    pdf.h2(f.get("report.class.company.differences"));
    pdf.note(f.get("report.class.company.differences.intro"));
    PdfDoc.Table table =
        pdf.table(270, 213)
            .compact()
            .header(f.get("report.col.question"), f.get("report.col.answers"));
    rows.forEach(row -> table.row(false, row));
    table.addFitting();
  }
}
