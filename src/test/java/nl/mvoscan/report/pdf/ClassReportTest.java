package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

class ClassReportTest {

  private static final List<String> NAMES =
      List.of("Sanne de Vries", "Yusuf Demir", "Anaïs Bakker", "Jesse Hoekstra");

  /** The four examples as a class, in database id order; Sanne de Vries answered twice. */
  private static List<ClassReport.Entry> klas() {
    List<ClassReport.Entry> entries = new ArrayList<>();
    entries.add(entry(3, 1L, 2L, "Autobedrijf Van der Veen", "Assen", "garage-assen.json"));
    entries.add(
        entry(5, 2L, 3L, "Zorgcentrum De Lindehof", "Groningen", "zorghuis-groningen.json"));
    entries.add(entry(7, 3L, 1L, "Bakkerij De Korenschoof", "Emmen", "bakkerij-emmen.json"));
    entries.add(
        entry(
            9,
            4L,
            4L,
            "Installatiebedrijf Dijkstra & Zn.",
            "Leeuwarden",
            "installatiebedrijf-leeuwarden.json"));
    entries.add(entry(12, 3L, 1L, "Bakkerij De Korenschoof", "Emmen", "bakkerij-emmen.json"));
    return entries;
  }

  private static ClassReport.Entry entry(
      long id, Long respondent, Long company, String companyName, String city, String file) {
    ScoreResult result = StudentReportTest.score(Path.of("examples", file));
    return new ClassReport.Entry(
        id,
        respondent,
        result.answers().respondent().name(),
        company,
        companyName,
        city,
        result.answers().company().kvk(),
        "2026-2027",
        result);
  }

  private static RenderedPdf render(List<ClassReport.Entry> entries, boolean anonymize) {
    return ClassReport.render("3A", null, entries, anonymize, 0, Messages.forLanguage("nl"), "nl");
  }

  @Test
  void showsCountsLevelsThemeSpreadCompaniesAndStudents() throws Exception {
    RenderedPdf pdf = render(klas(), false);
    String text = StudentReportTest.text(pdf.bytes());
    String cells = StudentReportTest.compact(pdf.bytes());
    assertThat(text).contains("Klasrapport 3A", "18 november 2026 – 24 november 2026");
    assertThat(cells).contains("Schooljaar2026-2027", "Antwoorden5", "Studenten4", "Bedrijven4");
    assertThat(text)
        .contains(
            "Gemiddelde totaalscore 55,1, gemiddeld rapportcijfer 6,0 (5 van de 5 antwoorden hebben een totaalscore)");
    assertThat(cells).contains("Starter240,0%", "Gevorderd240,0%", "Koploper120,0%");
    // beleid: 5.9, 5.9, 41.2, 73.7, 94.7 → n, min, Q1, median, Q3, max, mean
    assertThat(cells).contains("Beleid&bestuur55,95,941,273,794,744,3");
    assertThat(text)
        .contains("Vaakst genoemde verbeterpunten in de klas", "top-3-verbeterpunt bij", "Advies:");
    assertThat(text).contains(NAMES.toArray(String[]::new));
    assertThat(text)
        .contains(
            "Autobedrijf Van der Veen",
            "Zorgcentrum De Lindehof",
            "Bakkerij De Korenschoof",
            "Installatiebedrijf Dijkstra & Zn.");
  }

  @Test
  void everyCompanyHasAPageOfItsOwnWithOnlyItsStudents() throws Exception {
    RenderedPdf pdf = render(klas(), false);
    List<String> pages = StudentReportTest.pages(pdf.bytes());
    assertThat(pages).hasSize(pdf.pages());
    Map<String, String> students =
        Map.of(
            "Autobedrijf Van der Veen",
            "Yusuf Demir",
            "Zorgcentrum De Lindehof",
            "Anaïs Bakker",
            "Bakkerij De Korenschoof",
            "Sanne de Vries",
            "Installatiebedrijf Dijkstra & Zn.",
            "Jesse Hoekstra");
    students.forEach(
        (company, student) -> {
          List<String> own = pages.stream().filter(p -> p.strip().startsWith(company)).toList();
          assertThat(own).as(company).hasSize(1);
          assertThat(own.get(0)).contains(student, "Themascores");
          NAMES.stream()
              .filter(n -> !n.equals(student))
              .forEach(other -> assertThat(own.get(0)).doesNotContain(other));
        });
    String bakery =
        pages.stream()
            .filter(p -> p.strip().startsWith("Bakkerij De Korenschoof"))
            .findFirst()
            .orElseThrow();
    assertThat(bakery).contains("2 antwoord(en)");
  }

  @Test
  void anonymizedReportNamesNoStudentAnywhere() throws Exception {
    RenderedPdf pdf = render(klas(), true);
    String text = StudentReportTest.text(pdf.bytes());
    for (String name : NAMES) {
      assertThat(text).doesNotContain(name);
      assertThat(text).doesNotContain(name.split(" ")[0]);
    }
    assertThat(text)
        .contains("Student 01", "Student 02", "Student 03", "Student 04")
        .doesNotContain("Student 05");
    PdfReader reader = new PdfReader(pdf.bytes());
    assertThat(reader.getInfo().values())
        .noneMatch(value -> NAMES.stream().anyMatch(value::contains));
  }

  @Test
  void anonymousNumbersFollowDatabaseIdsOnePerStudent() {
    List<ClassReport.Entry> shuffled = new ArrayList<>(klas());
    java.util.Collections.reverse(shuffled);
    Format format = new Format(Messages.forLanguage("nl"), "nl", shuffled.get(0).result().scan());
    Map<Long, String> labels = ClassReport.labels(shuffled, true, format);
    assertThat(labels)
        .containsEntry(3L, "Student 01")
        .containsEntry(5L, "Student 02")
        .containsEntry(7L, "Student 03")
        .containsEntry(9L, "Student 04")
        .containsEntry(12L, "Student 03");
    assertThat(ClassReport.labels(shuffled, false, format)).containsEntry(12L, "Sanne de Vries");
  }

  @Test
  void sameInputGivesTheSameText() throws Exception {
    assertThat(StudentReportTest.pages(render(klas(), true).bytes()))
        .isEqualTo(StudentReportTest.pages(render(klas(), true).bytes()));
  }

  @Test
  void quartilesInterpolateBetweenRanksLikeSpreadsheets() {
    ClassReport.Stats stats =
        ClassReport.Stats.of(
            List.of(
                new BigDecimal("40"),
                new BigDecimal("10"),
                new BigDecimal("30"),
                new BigDecimal("20")));
    assertThat(stats.n()).isEqualTo(4);
    assertThat(stats.min()).isEqualByComparingTo("10");
    assertThat(stats.q1()).isEqualByComparingTo("17.5");
    assertThat(stats.median()).isEqualByComparingTo("25");
    assertThat(stats.q3()).isEqualByComparingTo("32.5");
    assertThat(stats.max()).isEqualByComparingTo("40");
    assertThat(stats.mean()).isEqualByComparingTo("25");
    assertThat(ClassReport.Stats.of(List.of())).isNull();
  }

  @Test
  void theMainScanIsTheOneMostResponsesWereScoredOn() {
    Scan other = ScanCatalog.load(List.of(), Locale.ROOT).find("circulair-quickscan").orElseThrow();
    List<ClassReport.Entry> entries = new ArrayList<>(klas());
    entries.add(0, empty(1, other));
    assertThat(ClassReport.mainScanHash(entries)).isEqualTo(entries.get(1).result().scan().hash());
  }

  @Test
  void aClassWithoutAnyOverallScoreStillGetsAReport() throws Exception {
    Scan scan = klas().get(0).result().scan();
    RenderedPdf pdf = render(List.of(empty(1, scan), empty(2, scan)), false);
    String text = StudentReportTest.text(pdf.bytes());
    assertThat(text)
        .contains(
            "Klasrapport 3A",
            "Nog geen enkel antwoord heeft een totaalscore",
            "(bedrijf onbekend)",
            "(naam onbekend)");
    assertThat(StudentReportTest.compact(pdf.bytes())).contains("geentotaalscore2100,0%");
  }

  private static ClassReport.Entry empty(long id, Scan scan) {
    Answers answers = new Answers(scan.id(), scan.version(), null, null, null, null, Map.of());
    return new ClassReport.Entry(
        id, null, null, null, null, null, null, "2026-2027", Scorer.score(scan, answers));
  }
}
