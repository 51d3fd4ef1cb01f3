package nl.mvoscan.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scan.Visibility;
import nl.mvoscan.scoring.Advice;
import nl.mvoscan.scoring.Reason;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Status;

/**
 * The A4 report for a student and their internship company: cover with the overall result, the
 * theme scores (chart, table, advice per theme), strengths, improvements, the questions still to
 * ask, the lens views and every answer in an appendix.
 */
public final class StudentReport {

  /** Lens keys shown, in this order, when the scan tags its questions with them. */
  static final List<String> LENSES = List.of("sdg", "rladder", "iso26000");

  /**
   * The class to compare with: the mean stored score per theme id of the class's responses to the
   * same scan.
   */
  public record ClassAverage(String className, int responses, Map<String, BigDecimal> themes) {}

  /**
   * Who reads the report. The company gets level and score but no school grade: a mark out of ten
   * from a student's scan would read as a verdict; the student's own copy keeps the grade.
   */
  public enum Audience {
    COMPANY,
    STUDENT
  }

  private final ScoreResult result;
  private final ClassAverage classAverage;
  private final Format f;
  private final Scan scan;
  private final Answers answers;
  private final Audience audience;

  private StudentReport(
      ScoreResult result, ClassAverage classAverage, Format format, Audience audience) {
    this.audience = audience;
    this.result = result;
    this.classAverage = classAverage == null || classAverage.responses() == 0 ? null : classAverage;
    this.f = format;
    this.scan = result.scan();
    this.answers = result.answers();
  }

  /**
   * @param classAverage {@code null} when there is nothing to compare with
   * @param messages the report's labels, in {@code language}
   * @param language the language of the scan texts
   */
  public static RenderedPdf render(
      ScoreResult result, ClassAverage classAverage, Messages messages, String language) {
    return render(result, classAverage, messages, language, Audience.COMPANY);
  }

  /**
   * @param audience {@link Audience#COMPANY} for the report a student hands to the company, {@link
   *     Audience#STUDENT} for the student's own copy with the grade
   */
  public static RenderedPdf render(
      ScoreResult result,
      ClassAverage classAverage,
      Messages messages,
      String language,
      Audience audience) {
    StudentReport report =
        new StudentReport(
            result, classAverage, new Format(messages, language, result.scan()), audience);
    return PdfDoc.render(report.meta(), report::write);
  }

  private PdfDoc.Meta meta() {
    String company = company();
    String student = student();
    String scanTitle = f.text(scan.title());
    String title = company == null ? scanTitle : scanTitle + " – " + company;
    StringBuilder footer = new StringBuilder(scanTitle).append(' ').append(scan.version());
    if (company != null) {
      footer.append(" · ").append(company);
    }
    if (student != null) {
      footer.append(" · ").append(student);
    }
    return new PdfDoc.Meta(
        title,
        student == null ? "mvoscan" : student,
        f.get(
            "report.student.subject",
            company == null ? "–" : company,
            student == null ? "–" : student),
        languageTag(f.messages),
        answers.date(),
        footer.toString(),
        f.get("report.pageOf", "{0}", "{1}"));
  }

  static String languageTag(Messages messages) {
    return messages.language().equals("nl") ? "nl-NL" : "en-GB";
  }

  private String company() {
    return answers.company() == null || blank(answers.company().name())
        ? null
        : answers.company().name();
  }

  private String student() {
    return answers.respondent() == null || blank(answers.respondent().name())
        ? null
        : answers.respondent().name();
  }

  private void write(PdfDoc pdf) throws DocumentException {
    cover(pdf);
    pdf.newPage();
    themes(pdf);
    strengths(pdf);
    improvements(pdf);
    gaps(pdf);
    lenses(pdf);
    keyFigures(pdf);
    pdf.newPage();
    appendix(pdf);
  }

  // ---- cover

  private void cover(PdfDoc pdf) throws DocumentException {
    Paragraph kicker =
        pdf.paragraphOf(
            f.get(grade() ? "report.student.kicker.student" : "report.student.kicker")
                .toUpperCase(java.util.Locale.ROOT),
            pdf.font(9, true, PdfDoc.MUTED));
    kicker.setSpacingBefore(30);
    pdf.add(kicker);
    pdf.title(company() == null ? f.text(scan.title()) : company());
    pdf.subtitle(f.text(scan.title()) + " · " + f.get("report.version", scan.version()));
    pdf.paragraph(f.get("report.student.notACertificate"));

    PdfDoc.Table facts = pdf.table(130, PdfDoc.CONTENT_WIDTH - 130);
    Answers.Company company = answers.company();
    if (company != null) {
      fact(facts, "report.field.company", company.name());
      fact(facts, "report.field.city", company.city());
      fact(facts, "report.field.kvk", company.kvk());
    }
    Answers.Respondent respondent = answers.respondent();
    if (respondent != null) {
      fact(facts, "report.field.student", respondent.name());
      fact(facts, "report.field.studentNumber", respondent.id());
      fact(facts, "report.field.class", respondent.className());
      fact(facts, "report.field.school", respondent.school());
    }
    fact(facts, "report.field.date", answers.date() == null ? null : f.date(answers.date()));
    fact(
        facts,
        "report.field.scan",
        f.text(scan.title()) + " " + scan.version() + " (" + scan.id() + ")");
    facts.add();

    ScoreResult.Overall overall = result.overall();
    ScoreResult.Figures figures = overall.figures();
    Paragraph resultTitle =
        pdf.paragraphOf(f.get("report.overall.title"), pdf.font(15, true, PdfDoc.ACCENT));
    resultTitle.setSpacingBefore(16);
    pdf.add(resultTitle);
    if (figures.status() == Status.SCORED) {
      PdfPTable boxes = new PdfPTable(grade() ? 3 : 2);
      boxes.setWidthPercentage(100);
      boxes.setSpacingBefore(4);
      boxes.setSpacingAfter(8);
      boxes.addCell(
          figureBox(pdf, f.decimal(figures.roundedScore()), f.get("report.overall.score")));
      if (grade()) {
        boxes.addCell(
            figureBox(pdf, f.decimal(overall.roundedGrade()), f.get("report.overall.grade")));
      }
      boxes.addCell(figureBox(pdf, f.level(overall.level()), f.get("report.overall.level")));
      pdf.add(boxes);
      pdf.paragraph(
          grade()
              ? f.get(
                  "report.overall.summary",
                  f.decimal(figures.roundedScore()),
                  f.decimal(overall.roundedGrade()),
                  f.level(overall.level()),
                  f.coverage(figures))
              : f.get(
                  "report.overall.summary.company",
                  f.decimal(figures.roundedScore()),
                  f.level(overall.level()),
                  f.coverage(figures)));
      Level heldBack = overall.heldBackByCoverage();
      if (heldBack != null) {
        pdf.paragraph(
            f.get(
                "report.overall.levelCoverage",
                f.level(heldBack),
                f.decimal(Decimals.plain(heldBack.minCoverage().multiply(BigDecimal.valueOf(100))))
                    + "%"));
      }
      Level level = overall.level();
      if (level != null && f.has(level.advice())) {
        pdf.together(
            List.of(
                pdf.paragraphOf(f.get("report.overall.levelAdvice", f.level(level)), pdf.strong()),
                pdf.paragraphOf(f.text(level.advice()), pdf.body())),
            true);
      }
    } else {
      pdf.paragraph(f.get("report.overall.none." + figures.status().id(), f.coverage(figures)));
    }
    Paragraph how = pdf.paragraphOf(f.get("report.howToRead"), pdf.strong());
    how.setSpacingBefore(10);
    pdf.add(how);
    String howToRead =
        f.get(
            "report.howToRead.text",
            f.decimal(
                scan.minCoverage()
                    .multiply(BigDecimal.valueOf(100))
                    .stripTrailingZeros()
                    .setScale(0, java.math.RoundingMode.HALF_UP)));
    if (scan.maxNa() != null) {
      howToRead +=
          " "
              + f.get(
                  "report.howToRead.maxNa",
                  f.decimal(Decimals.plain(scan.maxNa().multiply(BigDecimal.valueOf(100)))));
    }
    pdf.note(grade() ? howToRead + " " + f.get("report.howToRead.grade") : howToRead);
  }

  private boolean grade() {
    return audience == Audience.STUDENT;
  }

  private void fact(PdfDoc.Table table, String key, String value) {
    if (!blank(value)) {
      table.row(true, f.get(key), value);
    }
  }

  private static PdfPCell figureBox(PdfDoc pdf, String figure, String label) {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.BOX);
    cell.setBorderColor(PdfDoc.ACCENT_LIGHT);
    cell.setBorderWidth(3);
    cell.setBackgroundColor(PdfDoc.ACCENT_LIGHT);
    cell.setPadding(10);
    Paragraph big = new Paragraph(pdf.phrase(figure, pdf.font(24, true, PdfDoc.ACCENT)));
    big.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(big);
    Paragraph small = new Paragraph(pdf.phrase(label, pdf.font(9, false, PdfDoc.MUTED)));
    small.setAlignment(Element.ALIGN_CENTER);
    cell.addElement(small);
    return cell;
  }

  // ---- themes

  private void themes(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.themes"), 250);
    pdf.note(f.get("report.themes.intro"));
    if (classAverage != null) {
      pdf.note(
          f.get(
              "report.themes.introClass",
              classAverage.className(),
              f.messages.count("response", classAverage.responses())));
    }
    List<Charts.ThemeBar> bars = new ArrayList<>();
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      bars.add(
          new Charts.ThemeBar(
              f.title(theme.theme()), theme.figures().roundedScore(), classMean(theme.theme())));
    }
    List<Charts.Threshold> thresholds = new ArrayList<>();
    for (Level level : scan.levels()) {
      if (level.min().signum() > 0) {
        thresholds.add(new Charts.Threshold(f.level(level), level.min()));
      }
    }
    float height = 60 + 34f * bars.size() * (classAverage == null ? 1 : 1.4f);
    pdf.chart(
        Charts.themeBars(
            bars,
            f.get("report.series.score"),
            classAverage == null ? null : f.get("report.series.class", classAverage.className()),
            thresholds,
            f.messages.language()),
        PdfDoc.CONTENT_WIDTH,
        Math.min(height, 330));

    PdfDoc.Table table =
        classAverage == null
            ? pdf.table(250, 80, 80)
                .right(1, 2)
                .header(
                    f.get("report.col.theme"),
                    f.get("report.col.score"),
                    f.get("report.col.coverage"))
            : pdf.table(210, 70, 70, 80)
                .right(1, 2, 3)
                .header(
                    f.get("report.col.theme"),
                    f.get("report.col.score"),
                    f.get("report.col.coverage"),
                    f.get("report.col.classAverage", classAverage.className()));
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      ScoreResult.Figures figures = theme.figures();
      if (classAverage == null) {
        table.row(false, f.title(theme.theme()), f.score(figures), f.coverage(figures));
      } else {
        table.row(
            false,
            f.title(theme.theme()),
            f.score(figures),
            f.coverage(figures),
            f.one(classMean(theme.theme())));
      }
    }
    ScoreResult.Figures overall = result.overall().figures();
    if (classAverage == null) {
      table.row(true, f.get("report.col.overall"), f.score(overall), f.coverage(overall));
    } else {
      table.row(true, f.get("report.col.overall"), f.score(overall), f.coverage(overall), "");
    }
    table.add();

    pdf.h1(f.get("report.perTheme"), 80);
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      themeBlock(pdf, theme);
    }
  }

  private BigDecimal classMean(Theme theme) {
    return classAverage == null ? null : classAverage.themes().get(theme.id());
  }

  private void themeBlock(PdfDoc pdf, ScoreResult.ThemeScore theme) throws DocumentException {
    ScoreResult.Figures figures = theme.figures();
    List<Element> block = new ArrayList<>();
    Paragraph heading = new Paragraph();
    heading.add(pdf.phrase(f.title(theme.theme()), pdf.font(11.5f, true, PdfDoc.INK)));
    heading.add(pdf.phrase("   " + f.score(figures), pdf.font(11.5f, true, PdfDoc.ACCENT)));
    heading.setSpacingAfter(2);
    block.add(heading);
    StringBuilder meta = new StringBuilder(f.get("report.theme.coverage", f.coverage(figures)));
    BigDecimal mean = classMean(theme.theme());
    if (mean != null) {
      meta.append(" · ")
          .append(f.get("report.theme.classAverage", classAverage.className(), f.one(mean)));
    }
    block.add(pdf.paragraphOf(meta.toString(), pdf.small()));
    if (figures.reason() == Reason.NA) {
      block.add(
          pdf.paragraphOf(
              f.get(
                  "report.theme.insufficientNa",
                  f.decimal(Decimals.plain(scan.maxNa().multiply(BigDecimal.valueOf(100)))) + "%"),
              pdf.body()));
    } else if (figures.status() == Status.INSUFFICIENT) {
      block.add(
          pdf.paragraphOf(
              f.get(
                  "report.theme.insufficient",
                  f.coverage(figures),
                  f.decimal(
                          scan.minCoverage()
                              .multiply(BigDecimal.valueOf(100))
                              .stripTrailingZeros()
                              .setScale(0, java.math.RoundingMode.HALF_UP))
                      + "%"),
              pdf.body()));
    } else if (figures.status() == Status.NOT_APPLICABLE) {
      block.add(pdf.paragraphOf(f.get("report.theme.notApplicable"), pdf.body()));
    }
    Level level = Format.adviceLevel(scan, theme.theme(), figures);
    if (level != null) {
      block.add(
          pdf.labelled(
              f.get("report.theme.levelAdvice", f.level(level)),
              pdf.strong(),
              f.text(theme.theme().levelAdvice().get(level.id()))));
    }
    if (f.has(theme.theme().advice())) {
      block.add(
          pdf.labelled(f.get("report.theme.advice"), pdf.strong(), f.text(theme.theme().advice())));
    }
    pdf.together(block, true);
  }

  // ---- strengths, improvements, gaps

  private void strengths(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.strengths"), 60);
    if (result.strengths().isEmpty()) {
      pdf.paragraph(f.get("report.strengths.none"));
    }
    for (ScoreResult.QuestionScore q : result.strengths()) {
      List<Element> block = new ArrayList<>();
      block.add(pdf.paragraphOf(f.text(q.question().text()), pdf.strong()));
      law(pdf, q.question(), block);
      block.add(pdf.paragraphOf(answerLine(q), pdf.small()));
      feedback(pdf, q, block);
      pdf.together(block, false);
    }
  }

  private void improvements(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.improvements"), 60);
    if (result.improvements().isEmpty()) {
      pdf.paragraph(f.get("report.improvements.none"));
    }
    for (ScoreResult.QuestionScore q : result.improvements()) {
      List<Element> block = new ArrayList<>();
      block.add(pdf.paragraphOf(f.text(q.question().text()), pdf.strong()));
      law(pdf, q.question(), block);
      block.add(pdf.paragraphOf(answerLine(q), pdf.small()));
      for (nl.mvoscan.scan.Text advice : Advice.of(q)) {
        if (f.has(advice)) {
          block.add(
              pdf.labelled(
                  f.get("report.advice"), pdf.font(10, true, PdfDoc.ACCENT), f.text(advice)));
        }
      }
      feedback(pdf, q, block);
      pdf.together(block, false);
    }
  }

  /** A topic the law sets is a duty, not a choice: the company must see that at once. */
  private void law(PdfDoc pdf, Question question, List<? super Paragraph> block) {
    if (question.tags().containsKey("law")) {
      block.add(pdf.paragraphOf(f.get("report.law"), pdf.font(9, true, PdfDoc.ACCENT)));
    }
  }

  private void feedback(PdfDoc pdf, ScoreResult.QuestionScore q, List<Element> block) {
    if (q.value() instanceof AnswerValue.Choice chosen) {
      q.question()
          .option(chosen.optionId())
          .map(Option::feedback)
          .filter(f::has)
          .ifPresent(
              text -> block.add(pdf.paragraphOf(f.text(text), pdf.italic(9.5f, PdfDoc.MUTED))));
    }
  }

  /** "Policy · your answer: Partly (1 of 2 points)". */
  private String answerLine(ScoreResult.QuestionScore q) {
    String theme = scan.theme(q.question().themeId()).map(f::title).orElse("");
    return f.get(
        "report.answered",
        theme,
        f.answer(q.question(), q.value()),
        f.pointsOf(f.points(q.points()), q.max()));
  }

  private void gaps(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.gaps"), 60);
    if (result.gaps().isEmpty()) {
      pdf.paragraph(f.get("report.gaps.none"));
      return;
    }
    pdf.note(f.get("report.gaps.intro"));
    List<String[]> items = new ArrayList<>();
    for (ScoreResult.QuestionScore gap : result.gaps()) {
      Question question = gap.question();
      String theme = scan.theme(question.themeId()).map(f::title).orElse("");
      String status =
          (gap.status() == Status.UNKNOWN
                  ? f.get("report.gaps.unknown", theme, f.answer(question, gap.value()))
                  : f.get("report.gaps.missing", theme))
              + (question.tags().containsKey("law") ? " · " + f.get("report.law") : "");
      items.add(
          new String[] {
            f.text(question.text()),
            status,
            f.has(question.help()) ? f.get("report.gaps.help", f.text(question.help())) : null
          });
    }
    pdf.checklist(items);
  }

  // ---- lenses

  private void lenses(PdfDoc pdf) throws DocumentException {
    List<String> keys =
        LENSES.stream()
            .filter(k -> result.lenses().stream().anyMatch(l -> l.key().equals(k)))
            .toList();
    if (keys.isEmpty()) {
      return;
    }
    pdf.h1(f.get("report.lenses"), 160);
    pdf.note(f.get("report.lenses.intro"));
    for (String key : keys) {
      pdf.ensureSpace(80);
      PdfDoc.Table table =
          pdf.table(330, 75, 75)
              .right(1, 2)
              .header(
                  f.get("report.lens." + key),
                  f.get("report.col.score"),
                  f.get("report.col.coverage"));
      for (ScoreResult.LensScore lens : result.lenses()) {
        if (lens.key().equals(key)) {
          table.row(
              false,
              lensLabel(key, lens.value()),
              f.score(lens.figures()),
              f.coverage(lens.figures()));
        }
      }
      table.add();
    }
  }

  /**
   * "SDG 12 · Responsible consumption and production", "R4 · Repair…", or an ISO 26000 subject by
   * name.
   */
  private String lensLabel(String key, String value) {
    String name = f.optional("report." + key + "." + value);
    if (name == null) {
      return value;
    }
    return switch (key) {
      case "sdg" -> "SDG " + value + " · " + name;
      case "iso26000" -> name;
      default -> value + " · " + name;
    };
  }

  // ---- key figures

  /**
   * The VSME data page: the unscored numbers a scan asks for the VSME basic module, each with its
   * datapoint. A number without a {@code vsme} tag in the same theme as one (such as the year the
   * figures cover) belongs with them; the profile's headcount comes by its own tag.
   */
  private void keyFigures(PdfDoc pdf) throws DocumentException {
    Set<String> themes = new HashSet<>();
    for (Question question : scan.questions()) {
      if (keyFigure(question)
          && question.tags().containsKey("vsme")
          && question.themeId() != null) {
        themes.add(question.themeId());
      }
    }
    List<Question> figures =
        scan.questions().stream()
            .filter(StudentReport::keyFigure)
            .filter(q -> q.tags().containsKey("vsme") || themes.contains(q.themeId()))
            .toList();
    if (figures.isEmpty()) {
      return;
    }
    Map<String, Boolean> visible = visibility();
    pdf.h1(f.get("report.vsme"), 160);
    pdf.note(f.get("report.vsme.intro"));
    PdfDoc.Table table =
        pdf.table(60, 283, 140)
            .header(
                f.get("report.col.vsme"), f.get("report.col.question"), f.get("report.col.answer"));
    boolean any = false;
    for (Question question : figures) {
      if (!visible.getOrDefault(question.id(), true)) {
        continue;
      }
      Answers.Answer answer = answers.answers().get(question.id());
      boolean given = answer != null && answer.value() != null;
      any |= given && question.themeId() != null && themes.contains(question.themeId());
      table.row(
          false,
          String.join(", ", question.tags().getOrDefault("vsme", List.of("–"))),
          f.text(question.text()),
          given ? f.answer(question, answer.value()) : f.get("report.answer.none"));
    }
    table.add();
    if (!any) {
      pdf.note(f.get("report.vsme.none"));
    }
  }

  /** A number the scan asks that does not count towards a score. */
  private static boolean keyFigure(Question question) {
    return question.type() == QuestionType.NUMBER && !question.scored();
  }

  // ---- appendix

  private void appendix(PdfDoc pdf) throws DocumentException {
    pdf.h1(f.get("report.appendix"), 120);
    pdf.note(f.get("report.appendix.intro"));
    Map<String, ScoreResult.QuestionScore> scored = new HashMap<>();
    result.questions().forEach(q -> scored.put(q.question().id(), q));
    Map<String, Boolean> visible = visibility();

    if (!scan.profile().isEmpty()) {
      answersTable(pdf, f.get("report.profile"), scan.profile(), scored, visible);
    }
    for (Theme theme : scan.themes()) {
      answersTable(pdf, f.title(theme), theme.questions(), scored, visible);
    }
  }

  private void answersTable(
      PdfDoc pdf,
      String title,
      List<Question> questions,
      Map<String, ScoreResult.QuestionScore> scored,
      Map<String, Boolean> visible)
      throws DocumentException {
    pdf.h2(title);
    PdfDoc.Table table =
        pdf.table(190, 130, 163)
            .header(
                f.get("report.col.question"), f.get("report.col.answer"), f.get("report.col.note"));
    for (Question question : questions) {
      Answers.Answer answer = answers.answers().get(question.id());
      boolean shown = visible.getOrDefault(question.id(), true);
      if (!shown && answer == null) {
        continue;
      }
      List<Paragraph> left = new ArrayList<>();
      left.add(pdf.paragraphOf(f.text(question.text()), pdf.body()));
      law(pdf, question, left);
      List<Paragraph> middle = new ArrayList<>();
      if (answer == null) {
        middle.add(pdf.paragraphOf(f.get("report.answer.none"), pdf.italic(10, PdfDoc.MUTED)));
      } else if (answer.value() instanceof AnswerValue.Multi multi
          && !multi.optionIds().isEmpty()) {
        for (String id : multi.optionIds()) {
          middle.add(
              pdf.paragraphOf(
                  "• " + f.answer(question, AnswerValue.multi(List.of(id))),
                  pdf.font(9, false, PdfDoc.INK)));
        }
      } else {
        middle.add(pdf.paragraphOf(f.answer(question, answer.value()), pdf.strong()));
      }
      ScoreResult.QuestionScore q = scored.get(question.id());
      if (!shown) {
        middle.add(pdf.paragraphOf(f.get("report.answer.hidden"), pdf.small()));
      } else if (q != null && q.points() != null && q.status() == Status.ANSWERED) {
        middle.add(pdf.paragraphOf(f.pointsOf(f.points(q.points()), q.max()), pdf.small()));
      } else if (q != null && answer != null) {
        middle.add(pdf.paragraphOf(f.get("report.answer.status." + q.status().id()), pdf.small()));
      }
      List<Paragraph> right = new ArrayList<>();
      if (answer != null && !blank(answer.evidence())) {
        right.add(
            pdf.paragraphOf(
                f.get("report.evidenceLabel", f.get("report.evidence." + answer.evidence())),
                pdf.small()));
      }
      if (answer != null && !blank(answer.note())) {
        right.add(pdf.paragraphOf(answer.note(), pdf.font(9, false, PdfDoc.INK)));
      }
      table.rich(List.of(left, middle, right));
    }
    if (table.rows() > 0) {
      table.add();
    }
  }

  /** Whether each question is shown, decided in document order exactly as the scorer does. */
  private Map<String, Boolean> visibility() {
    Set<String> hidden = Visibility.hidden(scan, answers.answers());
    Map<String, Boolean> visible = new HashMap<>();
    for (Question question : scan.questions()) {
      visible.put(question.id(), !hidden.contains(question.id()));
    }
    return visible;
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
