package nl.mvoscan.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.aggregate.Statistics;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.Status;

/**
 * The teacher's report of one class: how many responses, the levels reached, the spread of each
 * theme's scores, the students and companies, the questions the class most needs to work on, and
 * one page per company. It renders a {@link ClassSummary}, as {@code mvoscan aggregate} prints one:
 * every figure in it is one that aggregate computed. With {@code anonymize} no student name appears
 * anywhere in it.
 */
public final class ClassReport {

  /** How many of a company's improvements its page shows; the class page shows all of them. */
  private static final int COMPANY_IMPROVEMENTS = 3;

  /** Room for the differences' heading, its note, the table header and two rows. */
  private static final float DIFFERENCES_HEAD = 130;

  private final ClassSummary summary;
  private final boolean anonymize;
  private final Format f;
  private final Scan scan;
  private final Map<Long, String> labels;
  private final Collator collator;

  private ClassReport(ClassSummary summary, boolean anonymize, Format format) {
    this.summary = summary;
    this.anonymize = anonymize;
    this.f = format;
    this.scan = summary.scan();
    this.labels = labels(summary.responses(), anonymize, format);
    this.collator = Collator.getInstance(format.messages.locale());
    this.collator.setStrength(Collator.SECONDARY);
  }

  public static RenderedPdf render(
      ClassSummary summary, boolean anonymize, Messages messages, String language) {
    ClassReport report =
        new ClassReport(summary, anonymize, new Format(messages, language, summary.scan()));
    return PdfDoc.render(report.meta(), report::write);
  }

  /**
   * The name to print for each response: the student's name, or with {@code anonymize} "Student
   * 01", "Student 02", … numbered in database order, one number per student.
   */
  static Map<Long, String> labels(List<Response> responses, boolean anonymize, Format format) {
    Map<Long, String> labels = new HashMap<>();
    Map<Long, String> byRespondent = new HashMap<>();
    int width = responses.size() >= 100 ? 3 : 2;
    int next = 0;
    for (Response response :
        responses.stream().sorted(Comparator.comparingLong(Response::id)).toList()) {
      if (!anonymize) {
        labels.put(
            response.id(),
            StudentReport.blank(response.student())
                ? format.get("report.class.unknownStudent")
                : response.student());
        continue;
      }
      String label =
          response.respondentId() == null ? null : byRespondent.get(response.respondentId());
      if (label == null) {
        label =
            format.get(
                "report.class.student",
                String.format(java.util.Locale.ROOT, "%0" + width + "d", ++next));
        if (response.respondentId() != null) {
          byRespondent.put(response.respondentId(), label);
        }
      }
      labels.put(response.id(), label);
    }
    return labels;
  }

  private PdfDoc.Meta meta() {
    String title = f.get("report.class.title", summary.className());
    return new PdfDoc.Meta(
        title,
        "mvoscan",
        f.get("report.class.subject", summary.className(), f.text(scan.title())),
        StudentReport.languageTag(f.messages),
        summary.lastDate(),
        title + " · " + f.text(scan.title()) + " " + scan.version(),
        f.get("report.pageOf", "{0}", "{1}"));
  }

  private void write(PdfDoc pdf) throws DocumentException {
    GroupSummary whole = summary.whole();
    cover(pdf, whole);
    pdf.newPage();
    themes(pdf, whole);
    improvements(
        pdf,
        whole,
        whole.improvements().size(),
        f.get("report.class.improvements"),
        f.get("report.class.improvements.intro"),
        true);
    pdf.newPage();
    students(pdf);
    companies(pdf);
    for (GroupSummary company : summary.companies()) {
      pdf.newPage();
      company(pdf, company);
    }
  }

  // ---- cover: numbers and levels

  private void cover(PdfDoc pdf, GroupSummary whole) throws DocumentException {
    Paragraph kicker =
        pdf.paragraphOf(
            f.get("report.class.kicker").toUpperCase(java.util.Locale.ROOT),
            pdf.font(9, true, PdfDoc.MUTED));
    kicker.setSpacingBefore(30);
    pdf.add(kicker);
    pdf.title(f.get("report.class.title", summary.className()));
    pdf.subtitle(f.text(scan.title()) + " · " + f.get("report.version", scan.version()));

    PdfDoc.Table facts = pdf.table(150, PdfDoc.CONTENT_WIDTH - 150);
    facts.row(true, f.get("report.field.class"), summary.className());
    facts.row(
        true,
        f.get("report.class.schoolYear"),
        summary.schoolYear() != null
            ? summary.schoolYear()
            : String.join(", ", summary.schoolYears()));
    LocalDate first = summary.firstDate();
    LocalDate last = summary.lastDate();
    if (first != null) {
      facts.row(
          true,
          f.get("report.class.period"),
          first.equals(last) ? f.date(first) : f.date(first) + " – " + f.date(last));
    }
    facts.row(true, f.get("report.class.responses"), Integer.toString(whole.n()));
    facts.row(true, f.get("report.class.students"), Integer.toString(summary.students()));
    facts.row(true, f.get("report.class.companies"), Integer.toString(summary.companies().size()));
    facts.row(
        true,
        f.get("report.field.scan"),
        f.text(scan.title()) + " " + scan.version() + " (" + scan.id() + ")");
    facts.add();
    if (anonymize) {
      pdf.note(f.get("report.class.anonymized"));
    }
    if (summary.otherScans() > 0) {
      pdf.note(
          f.messages.plural("report.class.otherScans", summary.otherScans(), summary.otherScans()));
    }

    pdf.h1(f.get("report.class.overall"), 200);
    if (whole.overall().scored() > 0) {
      pdf.paragraph(
          f.messages.plural(
              "report.class.overallSummary",
              whole.overall().scored(),
              one(whole.overall().statistics().mean()),
              one(whole.grade().statistics().mean()),
              whole.overall().scored(),
              f.messages.count("response", whole.n())));
    } else {
      pdf.paragraph(f.get("report.class.noneScored"));
    }
    List<GroupSummary.LevelCount> shown =
        whole.levels().stream().filter(l -> l.level() != null || l.count() > 0).toList();
    List<String> levelLabels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (GroupSummary.LevelCount level : shown) {
      levelLabels.add(
          level.level() == null ? f.get("report.class.noOverall") : f.level(level.level()));
      counts.add(level.count());
    }
    pdf.chart(
        Charts.counts(levelLabels, counts, f.get("report.col.count")), PdfDoc.CONTENT_WIDTH, 170);
    PdfDoc.Table table =
        pdf.table(250, 80, 80)
            .right(1, 2)
            .header(
                f.get("report.col.level"), f.get("report.col.count"), f.get("report.col.share"));
    for (int i = 0; i < shown.size(); i++) {
      table.row(
          false,
          levelLabels.get(i),
          Integer.toString(counts.get(i)),
          f.percent(shown.get(i).share().times(Rational.HUNDRED).round(1)));
    }
    table.add();
  }

  // ---- themes: distribution

  private void themes(PdfDoc pdf, GroupSummary whole) throws DocumentException {
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
    for (GroupSummary.ThemeSummary theme : whole.themes()) {
      Statistics s = theme.summary().statistics();
      if (s.n() == 0) {
        table.row(false, f.title(theme.theme()), "0", "–", "–", "–", "–", "–", "–");
        continue;
      }
      boxes.add(
          new Charts.Box(
              f.title(theme.theme()),
              exact(s.min()),
              exact(s.p25()),
              exact(s.median()),
              exact(s.p75()),
              exact(s.max()),
              exact(s.mean())));
      table.row(
          false,
          f.title(theme.theme()),
          Integer.toString(s.n()),
          one(s.min()),
          one(s.p25()),
          one(s.median()),
          one(s.p75()),
          one(s.max()),
          one(s.mean()));
    }
    if (!boxes.isEmpty()) {
      pdf.chart(Charts.boxes(boxes, f.get("report.col.score")), PdfDoc.CONTENT_WIDTH, 230);
    }
    table.add();
  }

  /** A figure as aggregate prints it: half-up to one decimal. */
  private String one(Rational value) {
    return value == null ? "–" : f.decimal(value.round(1));
  }

  /** Where a chart draws a figure: at its exact value. */
  private static double exact(Rational value) {
    return value.toBigDecimal().doubleValue();
  }

  // ---- improvements of a group of responses

  private void improvements(
      PdfDoc pdf, GroupSummary group, int limit, String title, String intro, boolean section)
      throws DocumentException {
    List<GroupSummary.Improvement> top =
        group.improvements().subList(0, Math.min(limit, group.improvements().size()));
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
    for (GroupSummary.Improvement improvement : top) {
      Question question = improvement.question();
      List<Element> block = new ArrayList<>();
      block.add(pdf.paragraphOf((++rank) + ". " + f.text(question.text()), pdf.strong()));
      if (law(question)) {
        block.add(pdf.paragraphOf(f.get("report.law"), pdf.font(9, true, PdfDoc.ACCENT)));
      }
      String theme = scan.theme(question.themeId()).map(f::title).orElse("");
      block.add(
          pdf.paragraphOf(
              f.get(
                  "report.class.improvement.count",
                  theme,
                  improvement.below(),
                  f.messages.count("response", improvement.resolved()),
                  f.pointsOf(one(improvement.meanPoints()), question.maximum())),
              pdf.small()));
      List<Text> advice = improvement.common() == null ? List.of() : improvement.common().advice();
      for (Text text : advice) {
        if (f.has(text)) {
          block.add(
              pdf.labelled(
                  f.get("report.advice"), pdf.font(10, true, PdfDoc.ACCENT), f.text(text)));
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
    List<Response> sorted = new ArrayList<>(summary.responses());
    if (anonymize) {
      sorted.sort(
          Comparator.comparing((Response r) -> labels.get(r.id())).thenComparingLong(Response::id));
    } else {
      sorted.sort(
          Comparator.comparing((Response r) -> labels.get(r.id()), collator)
              .thenComparingLong(Response::id));
    }
    for (Response response : sorted) {
      table.row(
          false,
          labels.get(response.id()),
          companyName(response.companyName()),
          score(response),
          f.decimal(response.grade()),
          f.level(level(response)));
    }
    table.add();
  }

  /** The stored overall score, or a dash where a table has no room for the reason. */
  private String score(Response response) {
    return response.status() == Status.SCORED ? f.decimal(response.score()) : "–";
  }

  private Level level(Response response) {
    return scan.levels().stream()
        .filter(l -> l.id().equals(response.level()))
        .findFirst()
        .orElse(null);
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
    for (GroupSummary company : summary.companies()) {
      Response first = summary.responses(company).get(0);
      Statistics overall = company.overall().statistics();
      // two stored companies can share a name (one with a KvK number, one without): tell them apart
      String name =
          StudentReport.blank(first.companyKvk())
              ? companyName(company.label())
              : companyName(company.label()) + " (KvK " + first.companyKvk() + ")";
      table.row(
          false,
          name,
          first.companyCity(),
          Integer.toString(company.n()),
          one(overall.mean()),
          overall.n() == 0 ? "–" : one(overall.min()) + " – " + one(overall.max()));
    }
    table.add();
  }

  private String companyName(String name) {
    return StudentReport.blank(name) ? f.get("report.class.unknownCompany") : name;
  }

  private void company(PdfDoc pdf, GroupSummary company) throws DocumentException {
    List<Response> group = summary.responses(company);
    Response first = group.get(0);
    pdf.h1(companyName(company.label()), 100);
    List<String> meta = new ArrayList<>();
    if (!StudentReport.blank(first.companyCity())) {
      meta.add(first.companyCity());
    }
    if (!StudentReport.blank(first.companyKvk())) {
      meta.add(f.get("report.class.company.kvk", first.companyKvk()));
    }
    meta.add(f.messages.count("response", company.n()));
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
    for (Response response : group) {
      table.row(
          false,
          labels.get(response.id()),
          f.date(response.date()),
          score(response),
          f.decimal(response.grade()),
          f.level(level(response)));
    }
    table.add();

    pdf.h2(f.get("report.class.company.themes"));
    boolean one = company.n() == 1;
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
    for (GroupSummary.ThemeSummary theme : company.themes()) {
      if (one) {
        Response.Figure figure = first.themes().get(theme.theme().id());
        themes.row(
            false,
            f.title(theme.theme()),
            figure == null
                ? "–"
                : figure.status() == Status.SCORED
                    ? f.decimal(figure.score())
                    : f.status(figure.status()),
            figure == null || figure.coverage() == null ? "–" : f.percent(figure.coverage()));
        continue;
      }
      Statistics s = theme.summary().statistics();
      themes.row(false, f.title(theme.theme()), one(s.mean()), one(s.min()), one(s.max()));
    }
    themes.add();

    improvements(
        pdf,
        company,
        COMPANY_IMPROVEMENTS,
        f.get("report.class.company.improvements"),
        f.get("report.class.company.improvements.intro"),
        false);
    differences(pdf, company);
  }

  /**
   * The questions the students of one company answered differently, least agreement first: every
   * one of aggregate's {@link GroupSummary.CompanyAgreement#disagreements()}, per school year.
   */
  private void differences(PdfDoc pdf, GroupSummary company) throws DocumentException {
    for (GroupSummary.CompanyAgreement agreement : company.agreement()) {
      List<GroupSummary.QuestionAgreement> rows = agreement.disagreements();
      if (rows.isEmpty()) {
        continue;
      }
      // the heading and its explanation never stand alone at the foot of a page
      pdf.ensureSpace(DIFFERENCES_HEAD);
      pdf.h2(
          company.agreement().size() > 1
              ? f.get("report.class.company.differences") + " · " + agreement.schoolYear()
              : f.get("report.class.company.differences"));
      pdf.note(f.get("report.class.company.differences.intro"));
      PdfDoc.Table table =
          pdf.table(220, 55, 208)
              .right(1)
              .compact()
              .header(
                  f.get("report.col.question"),
                  f.get("report.col.agreement"),
                  f.get("report.col.answers"));
      for (GroupSummary.QuestionAgreement row : rows) {
        List<String> parts = new ArrayList<>();
        for (GroupSummary.AnswerCount answer : row.answers()) {
          parts.add(answer(row.question(), answer.answer()) + " (" + answer.count() + ")");
        }
        table.row(
            false,
            f.text(row.question().text())
                + (law(row.question()) ? " · " + f.get("report.law") : ""),
            f.percent(row.agreement().times(Rational.HUNDRED).round(1)),
            String.join(" · ", parts));
      }
      table.add();
    }
  }

  /** A topic the law sets is a duty, not a choice: marked as in the student's report. */
  private static boolean law(Question question) {
    return question.tags().containsKey("law");
  }

  /** One distinct answer of the agreement figures: an option, or a selection of options. */
  private String answer(Question question, List<String> optionIds) {
    return f.answer(
        question,
        question.type() == QuestionType.MULTI
            ? AnswerValue.multi(optionIds)
            : AnswerValue.choice(optionIds.get(0)));
  }
}
