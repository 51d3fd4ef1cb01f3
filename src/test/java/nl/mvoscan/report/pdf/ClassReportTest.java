package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.ClassSummary;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswerValue;
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
  private static List<Response> klas() {
    List<Response> responses = new ArrayList<>();
    responses.add(stored(3, 1L, 2L, "Autobedrijf Van der Veen", "Assen", "garage-assen.json"));
    responses.add(
        stored(5, 2L, 3L, "Zorgcentrum De Lindehof", "Groningen", "zorghuis-groningen.json"));
    responses.add(stored(7, 3L, 1L, "Bakkerij De Korenschoof", "Emmen", "bakkerij-emmen.json"));
    responses.add(
        stored(
            9,
            4L,
            4L,
            "Installatiebedrijf Dijkstra & Zn.",
            "Leeuwarden",
            "installatiebedrijf-leeuwarden.json"));
    responses.add(stored(12, 3L, 1L, "Bakkerij De Korenschoof", "Emmen", "bakkerij-emmen.json"));
    return responses;
  }

  private static Response stored(
      long id, Long respondent, Long company, String companyName, String city, String file) {
    ScoreResult result = StudentReportTest.score(Path.of("examples", file));
    return stored(id, respondent, company, companyName, city, result);
  }

  /** A scored response as import stores it and aggregate reads it back. */
  static Response stored(
      long id, Long respondent, Long company, String companyName, String city, ScoreResult result) {
    Map<String, Response.Figure> themes = new LinkedHashMap<>();
    result
        .themes()
        .forEach(
            t ->
                themes.put(
                    t.theme().id(),
                    new Response.Figure(
                        t.figures().status(),
                        t.figures().roundedScore(),
                        t.figures().roundedCoverage())));
    Map<String, Response.QuestionFigure> questions = new HashMap<>();
    result
        .questions()
        .forEach(
            q ->
                questions.put(
                    q.question().id(), new Response.QuestionFigure(q.status(), q.points())));
    Map<String, AnswerValue> answers = new HashMap<>();
    result.answers().answers().forEach((question, answer) -> answers.put(question, answer.value()));
    Set<String> hidden = new HashSet<>();
    result.hiddenAnswers().forEach(h -> hidden.add(h.question().id()));
    Answers.Company stated = result.answers().company();
    return new Response(
        id,
        result.scan().hash(),
        "3A",
        "2026-2027",
        result.answers().date(),
        respondent,
        result.answers().respondent() == null ? null : result.answers().respondent().name(),
        company == null ? null : "company:" + company,
        companyName,
        city,
        stated == null ? null : stated.kvk(),
        null,
        result.overall().figures().status(),
        result.overall().figures().roundedScore(),
        result.overall().roundedGrade(),
        result.overall().level() == null ? null : result.overall().level().id(),
        themes,
        questions,
        answers,
        hidden);
  }

  private static ClassSummary summary(List<Response> responses) {
    Map<String, Scan> scans = new HashMap<>();
    responses.forEach(r -> scans.put(r.scanHash(), scan(r.scanHash())));
    return Aggregator.classSummary("3A", null, responses, scans, "nl");
  }

  private static Scan scan(String hash) {
    return ScanCatalog.load(List.of(), Locale.ROOT).entries().stream()
        .map(e -> e.result().scan())
        .filter(s -> s != null && s.hash().equals(hash))
        .findFirst()
        .orElseThrow();
  }

  private static RenderedPdf render(List<Response> responses, boolean anonymize) {
    return ClassReport.render(summary(responses), anonymize, Messages.forLanguage("nl"), "nl");
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
            "Gemiddelde totaalscore 50,8, gemiddeld rapportcijfer 5,6 (5 van de 5 antwoorden hebben"
                + " een totaalscore)");
    assertThat(cells).contains("Starter240,0%", "Gevorderd360,0%", "Koploper00,0%");
    // beleid: 9.1, 9.1, 38.5, 77.2, 84.4 → n, min, Q1, median, Q3, max, mean
    assertThat(cells).contains("Beleid&bestuur59,19,138,577,284,443,7");
    assertThat(text)
        .contains("Waar de klas het meest kan winnen", "onder het maximum bij", "Advies:");
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
    assertThat(bakery).contains("2 antwoorden");
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
    List<Response> shuffled = new ArrayList<>(klas());
    java.util.Collections.reverse(shuffled);
    Format format = new Format(Messages.forLanguage("nl"), "nl", scan(shuffled.get(0).scanHash()));
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
  void theMainScanIsTheOneMostResponsesWereScoredOn() {
    Scan other = ScanCatalog.load(List.of(), Locale.ROOT).find("circulair-quickscan").orElseThrow();
    List<Response> responses = new ArrayList<>(klas());
    responses.add(0, empty(1, other));
    assertThat(Aggregator.mainScanHash(responses)).isEqualTo(responses.get(1).scanHash());
    ClassSummary summary = summary(responses);
    assertThat(summary.otherScans()).isEqualTo(1);
    assertThat(summary.responses()).hasSize(5);
  }

  @Test
  void aClassWithoutAnyOverallScoreStillGetsAReport() throws Exception {
    Scan scan = scan(klas().get(0).scanHash());
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

  @Test
  void theUnscoredKeyFiguresAreNoThemeInAnyTableOfTheClassReport() throws Exception {
    ClassSummary summary = summary(klas());
    assertThat(summary.whole().themes()).noneMatch(t -> t.theme().id().equals("kerncijfers"));
    summary
        .companies()
        .forEach(c -> assertThat(c.themes()).noneMatch(t -> t.theme().id().equals("kerncijfers")));
    String text = StudentReportTest.text(render(klas(), false).bytes());
    assertThat(text).contains("Beleid & bestuur").doesNotContain("Kerncijfers");
  }

  @Test
  void everyTopicTheLawSetsIsMarkedWhereTheClassReportNamesIt() throws Exception {
    ClassSummary summary = summary(klas());
    String text = StudentReportTest.text(render(klas(), false).bytes());
    int marked = 0;
    for (nl.mvoscan.scan.Question question : summary.scan().scoredQuestions()) {
      String name = question.text().in("nl", "nl").replaceAll("\\s+", " ");
      int at = text.indexOf(name);
      if (at < 0 || !question.tags().containsKey("law")) {
        continue;
      }
      for (; at >= 0; at = text.indexOf(name, at + 1)) {
        String after = text.substring(at + name.length()).strip();
        assertThat(after).as(question.id()).matches("(?s)(· )?Wettelijk verplicht.*");
        marked++;
      }
    }
    assertThat(marked).as("law topics named in the class report").isPositive();
  }

  private static Response empty(long id, Scan scan) {
    Answers answers = new Answers(scan.id(), scan.version(), null, null, null, null, Map.of());
    return stored(id, null, null, null, null, Scorer.score(scan, answers));
  }
}
