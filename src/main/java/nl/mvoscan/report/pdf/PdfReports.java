package nl.mvoscan.report.pdf;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.store.AggregateQueries;
import nl.mvoscan.store.Store;

/**
 * What the PDF reports read from the database, for {@code report} and {@code serve} alike: select,
 * aggregate; the renderers only render.
 */
public final class PdfReports {

  private PdfReports() {}

  /**
   * Makes ahead of the first PDF what every PDF of a run shares, so that a batch can do it while it
   * reads the database: the embedded fonts, the platform font list that the first chart canvas
   * reads (JFreeChart's default fonts are the logical SansSerif) and the collator the class report
   * sorts with. It fails as the first PDF would have failed.
   */
  public static void prepare(Locale locale) {
    Fonts.get();
    new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12).getFontName();
    Collator.getInstance(locale);
  }

  /** The responses of a class (and school year) as aggregate selects them. */
  public static AggregateQueries.Selection classSelection(
      Store store, String className, String schoolYear, String scanHash) {
    return AggregateQueries.select(
        store,
        new AggregateQueries.Filter(
            List.of(className),
            List.of(),
            schoolYear == null ? List.of() : List.of(schoolYear),
            scanHash == null ? List.of() : List.of(scanHash)));
  }

  /** Every figure of the class report; {@code null} when the class has no responses. */
  public static ClassSummary classSummary(
      Store store, String className, String schoolYear, String language) {
    AggregateQueries.Selection selection = classSelection(store, className, schoolYear, null);
    if (selection.responses().isEmpty()) {
      return null;
    }
    return Aggregator.classSummary(
        className, schoolYear, selection.responses(), selection.scans(), language);
  }

  /**
   * The class's mean theme scores on the same scan (and school year, when known), as aggregate
   * computes them for {@code --class X --scan HASH}; null without a class or without responses.
   */
  public static StudentReport.ClassAverage classAverage(
      Store store, ScoreResult result, String schoolYear, String language) {
    Answers.Respondent respondent = result.answers().respondent();
    if (respondent == null || respondent.className() == null || respondent.className().isBlank()) {
      return null;
    }
    AggregateQueries.Selection selection =
        classSelection(store, respondent.className(), schoolYear, result.scan().hash());
    if (selection.responses().isEmpty() || !selection.unreadable().isEmpty()) {
      return null;
    }
    GroupSummary group =
        Aggregator.aggregate(selection.responses(), selection.scans(), Grouping.ALL, language)
            .pools()
            .get(0)
            .groups()
            .get(0);
    Map<String, BigDecimal> themes = new HashMap<>();
    for (GroupSummary.ThemeSummary theme : group.themes()) {
      if (theme.summary().statistics().n() > 0) {
        themes.put(theme.theme().id(), theme.summary().statistics().mean().round(1));
      }
    }
    return new StudentReport.ClassAverage(respondent.className().trim(), group.n(), themes);
  }

  /** "Student name - Company", made safe as a file name. */
  public static String studentFileBase(ScoreResult result, Messages messages, String fallback) {
    Answers answers = result.answers();
    String student = answers.respondent() == null ? null : answers.respondent().name();
    String company = answers.company() == null ? null : answers.company().name();
    String name =
        student == null || student.isBlank()
            ? company
            : company == null || company.isBlank() ? student : student + " - " + company;
    return FileNames.safe(name, messages.get("report.student.fileName", fallback));
  }
}
