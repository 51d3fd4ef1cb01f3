package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import nl.mvoscan.cli.Cli;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A student fills in the whole bundled scan in a real browser at phone size, leaves halfway,
 * resumes from the personal link, finishes and downloads the PDF and the answers file; a teacher
 * sees the student finished and downloads the class PDF. Once with JavaScript, once without.
 */
class StudentBrowserTest {

  @TempDir Path dir;

  @Test
  void aStudentOnAPhoneCompletesTheScanResumesAndGetsTheSameFiguresAsTheCli() throws Exception {
    completeTheScan(true, "js");
  }

  @Test
  void theWholeScanAlsoWorksWithJavaScriptSwitchedOff() throws Exception {
    completeTheScan(false, "nojs");
  }

  private final java.util.List<String> violations = new java.util.ArrayList<>();

  /** axe-core on every student page of the JavaScript run: no serious or critical violation. */
  private void axe(Browser browser, boolean javascript, String page) throws Exception {
    if (javascript) {
      browser.seriousViolations().forEach(v -> violations.add(page + ": " + v));
    }
  }

  private void completeTheScan(boolean javascript, String tag) throws Exception {
    Browser.assumeInstalled();
    if (javascript) {
      Browser.axeScript();
    }
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      String personal;
      try (Browser phone = Browser.open(360, 740, javascript)) {
        var d = phone.driver;
        d.get(web.base() + "/");
        phone.shot(tag + "-phone-01-home");
        axe(phone, javascript, "01-home");
        d.findElement(By.id("code")).sendKeys(room.code().toLowerCase(java.util.Locale.ROOT));
        go(phone, d.findElement(By.cssSelector("form[action='/k'] button")));
        assertThat(d.getCurrentUrl()).endsWith("/k/" + room.code());
        phone.shot(tag + "-phone-02-join");
        axe(phone, javascript, "02-join");
        d.findElement(By.id("f-name")).sendKeys("Sanne de Vries");
        d.findElement(By.id("f-company")).sendKeys("Bakkerij De Korenschoof");
        d.findElement(By.id("f-kvk")).sendKeys("1234567"); // one digit short
        go(phone, d.findElement(By.cssSelector("form button.primary")));
        assertThat(d.findElement(By.id("e-kvk")).getText()).contains("1234567");
        phone.shot(tag + "-phone-03-join-error");
        axe(phone, javascript, "03-join-error");
        WebElement kvk = d.findElement(By.id("f-kvk"));
        kvk.clear();
        kvk.sendKeys("12345678");
        d.findElement(By.id("f-city")).clear();
        d.findElement(By.id("f-city")).sendKeys("Emmen");
        go(phone, d.findElement(By.cssSelector("form button.primary")));
        assertThat(d.getCurrentUrl()).contains("/s/").endsWith("/deel/0");
        personal = URI.create(d.getCurrentUrl()).getPath().replaceAll("/deel/0$", "");
        phone.shot(tag + "-phone-04-profile");
        axe(phone, javascript, "04-profile");
        // a decimal in a whole-number question is refused beside the field, as typed, nothing lost
        answerSection(phone, "2,5", false);
        assertThat(d.findElement(By.id("err-medewerkers")).getText())
            .contains("2,5")
            .contains("heel getal");
        phone.shot(tag + "-phone-05-number-error");
        axe(phone, javascript, "05-number-error");
        answerSection(phone, "12", true);
        for (int part = 1; part <= 3; part++) {
          assertThat(d.getCurrentUrl()).endsWith("/deel/" + part);
          if (part == 1) {
            phone.shot(tag + "-phone-06-theme");
            axe(phone, javascript, "06-theme");
            d.findElement(By.cssSelector("details.help summary")).click();
            d.findElement(By.cssSelector("details.evidence summary")).click();
            phone.shot(tag + "-phone-07-help-evidence");
            axe(phone, javascript, "07-help-evidence");
          }
          answerSection(phone, "12", true);
        }
      }
      // the tab is closed halfway; the personal link opens the scan again on another device
      try (Browser phone = Browser.open(360, 740, javascript)) {
        var d = phone.driver;
        d.get(web.base() + personal);
        phone.shot(tag + "-phone-08-overview-halfway");
        axe(phone, javascript, "08-overview-halfway");
        assertThat(d.findElement(By.id("progress")).getAttribute("value")).isNotEqualTo("0");
        String resume = d.findElement(By.id("resume-code")).getText();
        assertThat(resume).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
        go(phone, d.findElement(By.cssSelector("a.button.primary")));
        while (d.getCurrentUrl().contains("/deel/")) {
          answerSection(phone, "12", true);
        }
        assertThat(d.getCurrentUrl()).endsWith(personal);
        phone.fullShot(tag + "-phone-09-overview-ready");
        axe(phone, javascript, "09-overview-ready");
        go(phone, d.findElement(By.cssSelector("form[action$='/afronden'] button")));
        assertThat(d.getCurrentUrl()).endsWith(personal + "/uitslag");
        assertThat(d.findElement(By.cssSelector(".score .figure")).getText())
            .matches("[0-9]+(,[0-9])?");
        phone.fullShot(tag + "-phone-10-result");
        axe(phone, javascript, "10-result");
      }

      WebFixture.Client client = new WebFixture.Client(web.base());
      HttpResponse<byte[]> pdf = client.bytes(personal + "/rapport.pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
      String text = pdfText(pdf.body());
      assertThat(text).contains("Sanne de Vries").contains("Bakkerij De Korenschoof");

      HttpResponse<byte[]> answers = client.bytes(personal + "/antwoorden.json");
      assertThat(answers.statusCode()).isEqualTo(200);
      Path file = dir.resolve("antwoorden.json");
      Files.write(file, answers.body());

      // what the CLI says of the database and of the downloaded file
      Cli.Run listed = Cli.run("responses", "--db", web.db.toString(), "--lang", "nl");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out()).contains("Sanne de Vries").contains("Bakkerij De Korenschoof");
      Cli.Run scored = Cli.run("score", file.toString(), "--json", "--lang", "nl");
      assertThat(scored.exitCode()).as(scored.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(scored.out());
      try (Store store = Store.open(web.db)) {
        store.read(
            c -> {
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT scan_hash, status, score, coverage, grade, level, source_file FROM response")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(json.at("/scan/hash").asText());
                assertThat(rs.getString(2)).isEqualTo(json.at("/overall/status").asText());
                assertThat(rs.getBigDecimal(3))
                    .isEqualByComparingTo(json.at("/overall/score").decimalValue());
                assertThat(rs.getBigDecimal(4))
                    .isEqualByComparingTo(json.at("/overall/coverage").decimalValue());
                assertThat(rs.getBigDecimal(5))
                    .isEqualByComparingTo(json.at("/overall/grade").decimalValue());
                assertThat(rs.getString(6)).isEqualTo(json.at("/overall/level").asText());
                assertThat(rs.getString(7)).isEqualTo("web:" + room.code());
                assertThat(rs.next()).as("exactly one response").isFalse();
              }
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery("SELECT theme_id, score FROM theme_score ORDER BY position")) {
                for (JsonNode theme : json.get("themes")) {
                  assertThat(rs.next()).isTrue();
                  assertThat(rs.getString(1)).isEqualTo(theme.get("id").asText());
                  if (theme.get("score").isNull()) {
                    assertThat(rs.getObject(2)).isNull();
                  } else {
                    assertThat(rs.getBigDecimal(2))
                        .isEqualByComparingTo(theme.get("score").decimalValue());
                  }
                }
              }
              return null;
            });
      }

      // the teacher sees the student finished and downloads the class report
      try (Browser desk = Browser.open(1280, 900, javascript)) {
        var d = desk.driver;
        d.get(web.server.teacherLink());
        desk.shot(tag + "-desk-01-login");
        go(desk, d.findElement(By.cssSelector("form[action='/docent/inloggen'] button")));
        assertThat(d.getCurrentUrl()).endsWith("/docent");
        desk.fullShot(tag + "-desk-02-classes");
        go(desk, d.findElement(By.linkText("3A")));
        assertThat(d.findElement(By.id("students")).getText())
            .contains("Sanne de Vries")
            .contains("klaar");
        desk.fullShot(tag + "-desk-03-class");
        String cookie =
            d.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        var request =
            java.net.http.HttpRequest.newBuilder(
                    URI.create(web.base() + "/docent/klas/" + room.code() + "/klasrapport.pdf"))
                .header("Cookie", cookie)
                .build();
        HttpResponse<byte[]> classPdf =
            java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(classPdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(classPdf.body())).contains("3A");
        HttpResponse<byte[]> workbook =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            URI.create(
                                web.base() + "/docent/klas/" + room.code() + "/werkmap.xlsx"))
                        .header("Cookie", cookie)
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        // an xlsx file is a zip whose entries name the worksheets
        assertThat(new String(workbook.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
            .startsWith("PK")
            .contains("xl/worksheets/");
      }
      assertThat(web.log.toString()).as("no server errors").isEmpty();
      assertThat(violations).as("axe-core: serious or critical violations").isEmpty();
    }
  }

  /**
   * Answers every visible question on the page (first option, first box, {@code number} for
   * numbers, a short text) and goes on to the next part.
   */
  private static void answerSection(Browser browser, String number, boolean valid) {
    var d = browser.driver;
    List<WebElement> questions = d.findElements(By.cssSelector("section.question"));
    for (WebElement q : questions) {
      if (!q.isDisplayed()) {
        continue;
      }
      List<WebElement> radios = q.findElements(By.cssSelector(".options input[type=radio]"));
      List<WebElement> boxes = q.findElements(By.cssSelector(".options input[type=checkbox]"));
      List<WebElement> numbers = q.findElements(By.cssSelector("input.number"));
      List<WebElement> texts = q.findElements(By.cssSelector("textarea[name^='a.']"));
      if (!radios.isEmpty()) {
        if (radios.stream().noneMatch(WebElement::isSelected)) {
          click(browser, radios.get(0));
        }
      } else if (!boxes.isEmpty()) {
        if (boxes.stream().noneMatch(WebElement::isSelected)) {
          click(browser, boxes.get(0));
        }
      } else if (!numbers.isEmpty()) {
        numbers.get(0).clear();
        // the year of the company's figures lies between 2000 and 2100
        boolean year = numbers.get(0).getAttribute("name").equals("a.kc_jaar");
        numbers.get(0).sendKeys(year ? "2025" : number);
      } else if (!texts.isEmpty() && texts.get(0).getAttribute("value").isEmpty()) {
        // the SBI code has room for ten characters; what the company does, for a sentence
        boolean code = texts.get(0).getAttribute("name").equals("a.sbi");
        texts.get(0).sendKeys(code ? "1071" : "Brood en banket");
      }
    }
    String before = d.getCurrentUrl();
    go(browser, d.findElement(By.cssSelector(".nav-row button[value=next]")));
    List<WebElement> errors = d.findElements(By.cssSelector("p.error"));
    if (valid) {
      assertThat(errors)
          .as(before + " " + d.getCurrentUrl())
          .extracting(WebElement::getText)
          .isEmpty();
    }
  }

  private static void click(Browser browser, WebElement element) {
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Clicks a button or link that loads a new page, and waits until it is there. */
  private static void go(Browser browser, WebElement element) {
    browser.go(element);
  }

  static String pdfText(byte[] pdf) throws java.io.IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        text.append(extractor.getTextFromPage(i)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }
}
