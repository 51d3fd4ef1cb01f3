package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.Reason;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.scoring.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentReportTest {

  @TempDir Path dir;

  private static final Scan SCAN =
      ScanCatalog.load(List.of(), Locale.ROOT).find("mvo-stagebedrijf").orElseThrow();

  static ScoreResult score(Path answers) {
    AnswersLoader.Result loaded = AnswersLoader.load(answers, SCAN);
    assertThat(loaded.problems()).isEmpty();
    return Scorer.score(SCAN, loaded.answers());
  }

  static RenderedPdf render(
      ScoreResult result, StudentReport.ClassAverage average, String language) {
    return StudentReport.render(result, average, Messages.forLanguage(language), language);
  }

  static List<String> pages(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      List<String> pages = new ArrayList<>();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        pages.add(extractor.getTextFromPage(i));
      }
      return pages;
    } finally {
      reader.close();
    }
  }

  /**
   * All text without any whitespace: table cells may be extracted with or without a space between
   * them.
   */
  static String compact(byte[] pdf) throws IOException {
    return String.join("", pages(pdf)).replaceAll("\\s+", "");
  }

  /** All pages' text with every run of whitespace (line ends included) as one space. */
  static String text(byte[] pdf) throws IOException {
    return String.join(" ", pages(pdf)).replaceAll("\\s+", " ");
  }

  private Path customAnswers() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode answers =
        (ObjectNode) mapper.readTree(Path.of("examples", "zorghuis-groningen.json").toFile());
    ObjectNode respondent = (ObjectNode) answers.get("respondent");
    respondent.put("name", "İlkay Şahin-Doğan");
    respondent.put("class", "3B");
    ObjectNode company = (ObjectNode) answers.get("company");
    company.put("name", "Brasserie Zoë & Ağaoğlu");
    company.put("city", "Sint-Oedenrode");
    ((ObjectNode) answers.get("answers").get("visie_org"))
        .put("note", "Kost € 1.250 per jaar; ïdee van de eigenaar, café-stijl.");
    Path file = dir.resolve("answers.json");
    mapper.writeValue(file.toFile(), answers);
    return file;
  }

  @Test
  void theCompanysReportShowsScoreAndLevelWithoutTheGradeAndIsNoCertificate() throws Exception {
    String text =
        text(render(score(Path.of("examples", "zorghuis-groningen.json")), null, "nl").bytes());
    assertThat(text)
        .contains(
            "RAPPORT VOOR HET STAGEBEDRIJF",
            "Dit is een scan die een student tijdens de stage heeft gemaakt, geen keurmerk of"
                + " certificaat.",
            "totaalscore (van 100)",
            "niveau",
            "68,2",
            "Gevorderd")
        .doesNotContain("rapportcijfer", "7,1");
    String english =
        text(render(score(Path.of("examples", "zorghuis-groningen.json")), null, "en").bytes());
    assertThat(english)
        .contains("not a certificate or a label", "68.2", "Advanced")
        .doesNotContain("grade", "7.1");
  }

  @Test
  void theCompanysReportMarksWhatTheLawSetsAndHasAVsmePageWithTheKeyFigures() throws Exception {
    String text =
        text(render(score(Path.of("examples", "zorghuis-groningen.json")), null, "nl").bytes());
    // the RI&E is a legal duty; its question appears among strengths, improvements or answers
    assertThat(text).contains("Wettelijk verplicht", "Kerncijfers voor de VSME");
    String page = text.substring(text.indexOf("Kerncijfers voor de VSME"));
    assertThat(page)
        .contains("niemand heeft ze gecontroleerd", "B3", "412.000 kWh", "B9", "3 ongevallen")
        .contains("80 medewerkers");
    String english =
        text(render(score(Path.of("examples", "zorghuis-groningen.json")), null, "en").bytes());
    assertThat(english).contains("Required by law", "Key figures for the VSME", "412,000 kWh");
  }

  /** The care home's answers with key figures of every shape: five digits, four, a decimal. */
  private Path keyFigures() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode answers =
        (ObjectNode) mapper.readTree(Path.of("examples", "zorghuis-groningen.json").toFile());
    ObjectNode given = (ObjectNode) answers.get("answers");
    given.put("kc_jaar", 2025);
    given.put("kc_stroom", 12500);
    given.put("kc_water", 9800);
    given.put("kc_afval", new BigDecimal("1.25"));
    given.put("kc_brandstof", 1234567);
    Path file = dir.resolve("kerncijfers.json");
    mapper.writeValue(file.toFile(), answers);
    return file;
  }

  /** The VSME data page, up to the appendix. */
  private static String vsmePage(String text, String heading, String next) {
    int start = text.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    return text.substring(start, text.indexOf(next, start));
  }

  @Test
  void theVsmePageGroupsThousandsAndShowsTheYearAsAYearInEveryDefaultLocale() throws Exception {
    Locale before = Locale.getDefault();
    try {
      for (Locale platform : List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY, before)) {
        Locale.setDefault(platform);
        ScoreResult result = score(keyFigures());
        String dutch =
            vsmePage(
                text(render(result, null, "nl").bytes()),
                "Kerncijfers voor de VSME",
                "Bijlage: alle antwoorden");
        assertThat(dutch)
            .as(platform.toString())
            .contains("12.500 kWh", "9800 m³", "1,25 ton", "1.234.567 liter")
            .containsPattern("Over welk jaar gaan de cijfers\\? ?2025 ")
            .doesNotContain("2025 jaar", "2.025", "12500", "1.25 ton");
        String english =
            vsmePage(
                text(render(result, null, "en").bytes()), "Key figures for the VSME", "Appendix");
        assertThat(english)
            .as(platform.toString())
            .contains("12,500 kWh", "9800 m³", "1.25 tonnes", "1,234,567 litres")
            .containsPattern("Which year do the figures cover\\? ?2025 ")
            .doesNotContain("2025 year", "2,025", "12500", "1,25 tonnes");
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theUnscoredKeyFiguresAreNoThemeInTheScoreTablesOfEitherReport() throws Exception {
    ScoreResult result = score(Path.of("examples", "zorghuis-groningen.json"));
    for (StudentReport.Audience audience : StudentReport.Audience.values()) {
      for (String language : List.of("nl", "en")) {
        Messages messages = Messages.forLanguage(language);
        String text =
            text(StudentReport.render(result, null, messages, language, audience).bytes());
        String scores =
            vsmePage(text, messages.get("report.themes"), messages.get("report.strengths"));
        assertThat(scores)
            .as(audience + " " + language)
            .contains(language.equals("nl") ? "Beleid & bestuur" : "Policy & governance")
            .doesNotContain("Kerncijfers", "Key figures");
        assertThat(text).contains(messages.get("report.vsme"));
      }
    }
  }

  @Test
  void theStudentsOwnCopyKeepsTheGrade() throws Exception {
    ScoreResult result = score(Path.of("examples", "zorghuis-groningen.json"));
    String text =
        text(
            StudentReport.render(
                    result, null, Messages.forLanguage("nl"), "nl", StudentReport.Audience.STUDENT)
                .bytes());
    assertThat(text)
        .contains(
            "RAPPORT VOOR DE STUDENT",
            "rapportcijfer",
            "Totaalscore 68,2, rapportcijfer 7,1, niveau Gevorderd.",
            "Het rapportcijfer is 1 + 9 × totaalscore / 100.",
            "geen keurmerk of certificaat");
  }

  @Test
  void reportShowsScoresLevelNamesAndAdvice() throws Exception {
    RenderedPdf pdf = render(score(Path.of("examples", "zorghuis-groningen.json")), null, "nl");
    String text = text(pdf.bytes());
    assertThat(text)
        .contains(
            "Zorgcentrum De Lindehof",
            "Anaïs Bakker",
            "104219",
            "Noordster College",
            "24 november 2026",
            "MVO-scan voor stagebedrijven",
            "2026.2");
    assertThat(text).contains("68,2", "Gevorderd", "totaalscore");
    // theme scores of the examples README, and the koploper levelAdvice of "Beleid & bestuur"
    assertThat(text).contains("77,2", "67,7", "74,7", "51,3", "70,6", "67,8");
    assertThat(text)
        .contains(
            "Advies bij niveau Koploper:",
            "Beleid en bestuur zijn hier op orde, en dat mag gezien worden.");
    assertThat(text)
        .contains(
            "Sterke punten",
            "Verbeterpunten",
            "Vraag dit na bij het bedrijf",
            "Bijlage: alle antwoorden");
    // the appendix: an answer, its evidence and its note
    assertThat(text)
        .contains(
            "Bron: document", "Volgens het jaarverslag 2025: 80 medewerkers, ongeveer 52 fte.");
    // CO₂ in a note has no glyph in the font: it is printed as CO2, not dropped
    assertThat(text).contains("50% minder CO2");
  }

  @Test
  void pageCountMatchesTheFooterOnEveryPage() throws Exception {
    RenderedPdf pdf = render(score(Path.of("examples", "zorghuis-groningen.json")), null, "nl");
    List<String> pages = pages(pdf.bytes());
    assertThat(pages).hasSize(pdf.pages());
    assertThat(pdf.pages()).isBetween(6, 14);
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i)).contains("pagina " + (i + 1) + " van " + pdf.pages());
    }
  }

  @Test
  void sameInputGivesTheSameTextAndMetadata() throws Exception {
    ScoreResult result = score(Path.of("examples", "garage-assen.json"));
    RenderedPdf first = render(result, null, "nl");
    RenderedPdf second = render(score(Path.of("examples", "garage-assen.json")), null, "nl");
    assertThat(pages(second.bytes())).isEqualTo(pages(first.bytes()));
    PdfReader a = new PdfReader(first.bytes());
    PdfReader b = new PdfReader(second.bytes());
    assertThat(b.getInfo()).isEqualTo(a.getInfo());
  }

  @Test
  void metadataHasTitleAuthorLanguageAndTheAnswersDate() throws Exception {
    RenderedPdf pdf = render(score(Path.of("examples", "zorghuis-groningen.json")), null, "nl");
    PdfReader reader = new PdfReader(pdf.bytes());
    Map<String, String> info = reader.getInfo();
    assertThat(info.get("Title"))
        .isEqualTo("MVO-scan voor stagebedrijven – Zorgcentrum De Lindehof");
    assertThat(info.get("Author")).isEqualTo("Anaïs Bakker");
    assertThat(info.get("CreationDate")).startsWith("D:20261124");
    assertThat(info.get("ModDate")).startsWith("D:20261124");
    PdfObject lang = reader.getCatalog().get(PdfName.LANG);
    assertThat(lang).isInstanceOf(PdfString.class);
    assertThat(((PdfString) lang).toUnicodeString()).isEqualTo("nl-NL");
  }

  @Test
  void specialCharactersSurviveAndEveryFontIsEmbedded() throws Exception {
    RenderedPdf pdf = render(score(customAnswers()), null, "nl");
    String text = text(pdf.bytes());
    assertThat(text)
        .contains(
            "İlkay Şahin-Doğan",
            "Brasserie Zoë & Ağaoğlu",
            "Kost € 1.250 per jaar; ïdee van de eigenaar, café-stijl.");

    PdfReader reader = new PdfReader(pdf.bytes());
    List<String> fonts = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      PdfObject object = PdfReader.getPdfObjectRelease(reader.getPdfObject(i));
      if (object instanceof PdfDictionary dictionary
          && PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))) {
        fonts.add(String.valueOf(dictionary.get(PdfName.FONTNAME)));
        assertThat(dictionary.get(PdfName.FONTFILE2))
            .as("embedded font program of " + dictionary.get(PdfName.FONTNAME))
            .isNotNull();
      }
      if (object instanceof PdfDictionary dictionary
          && PdfName.FONT.equals(dictionary.get(PdfName.TYPE))) {
        assertThat(String.valueOf(dictionary.get(PdfName.BASEFONT))).contains("Liberation");
      }
    }
    assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("LiberationSans"));
  }

  @Test
  void classAverageIsShownNextToTheScoresWhenKnown() throws Exception {
    ScoreResult result = score(Path.of("examples", "zorghuis-groningen.json"));
    Map<String, BigDecimal> themes =
        Map.of("beleid", new BigDecimal("57.7"), "mens", new BigDecimal("59.2"));
    String text =
        text(render(result, new StudentReport.ClassAverage("3A", 32, themes), "nl").bytes());
    assertThat(text)
        .contains(
            "Grijs: het gemiddelde van klas 3A (32 antwoorden op dezelfde scan).",
            "Klas 3A",
            "57,7",
            "59,2",
            "gemiddelde klas 3A: 57,7");
    String without = text(render(result, null, "nl").bytes());
    assertThat(without).doesNotContain("gemiddelde klas");
  }

  @Test
  void knowledgeGapsBecomeAChecklistWithHowToFindOut() throws Exception {
    String text =
        text(render(score(Path.of("examples", "bakkerij-emmen.json")), null, "nl").bytes());
    assertThat(text)
        .contains(
            "30,6",
            "Starter",
            "Vraag dit na bij het bedrijf",
            "Wat voor stroom gebruikt het bedrijf?",
            "je antwoord: \"Weet ik niet\"",
            "Zo kom je erachter:");
  }

  @Test
  void englishReportUsesEnglishTextsAndADecimalPoint() throws Exception {
    String text =
        text(render(score(Path.of("examples", "zorghuis-groningen.json")), null, "en").bytes());
    assertThat(text)
        .contains(
            "68.2",
            "Advanced",
            "page 1 of",
            "Strengths",
            "Ask about this at the company",
            "CSR scan for internship companies");
    assertThat(text).doesNotContain("68,2", "Gevorderd");
  }

  @Test
  void levelAdviceFollowsTheRoundedThemeScoreNotMinTheme() {
    Theme theme = SCAN.theme("beleid").orElseThrow();
    assertThat(Format.adviceLevel(SCAN, theme, figures("39.95")).id()).isEqualTo("gevorderd");
    assertThat(Format.adviceLevel(SCAN, theme, figures("39.94")).id()).isEqualTo("starter");
    assertThat(Format.adviceLevel(SCAN, theme, figures("70")).id()).isEqualTo("koploper");
    assertThat(
            Format.adviceLevel(
                SCAN,
                theme,
                new ScoreResult.Figures(
                    Status.INSUFFICIENT,
                    Reason.COVERAGE,
                    null,
                    Rational.ZERO,
                    Rational.ZERO,
                    Rational.ZERO,
                    Rational.ZERO)))
        .isNull();
  }

  private static ScoreResult.Figures figures(String score) {
    Rational one = new Rational(BigInteger.ONE, BigInteger.ONE);
    return new ScoreResult.Figures(
        Status.SCORED, null, Rational.of(new BigDecimal(score)), one, one, one, Rational.ZERO);
  }

  @Test
  void firstPageRendersToAnImageWhenPdftoppmIsInstalled() throws Exception {
    assumeThat(pdftoppm()).as("pdftoppm (poppler-utils) installed").isTrue();
    Path file = dir.resolve("report.pdf");
    Files.write(file, render(score(customAnswers()), null, "nl").bytes());
    Process process =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                file.toString(),
                dir.resolve("page").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    Path png;
    try (var files = Files.list(dir)) {
      png =
          files
              .filter(
                  p ->
                      p.getFileName().toString().startsWith("page")
                          && p.toString().endsWith(".png"))
              .findFirst()
              .orElseThrow();
    }
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isBetween(400, 430);
    int ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    assertThat(ink).as("pixels with ink on the cover").isGreaterThan(1000);
  }

  static boolean pdftoppm() {
    try {
      Process process = new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
