package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** Minors use this: hostile input runs nothing, and nobody reaches what is not theirs. */
class SecurityTest {

  static final String SCRIPT = "<script>alert('naam')</script>";
  static final String IMG = "<img src=x onerror=alert('bedrijf')>";
  static final String LINK = "javascript:alert('plaats')";
  static final String SVG = "<svg onload=alert('notitie')></svg>";

  @TempDir Path dir;

  @Test
  void hostileNamesCompaniesAndNotesRunNothingOnStudentAndTeacherPages() throws Exception {
    Browser.assumeInstalled();
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), SCRIPT, IMG);
      student.get(personal + "/gegevens");
      student.post(
          personal + "/gegevens",
          List.of(
              Map.entry("name", SCRIPT),
              Map.entry("studentNumber", "\"><b id=injected>x</b>"),
              Map.entry("company", IMG),
              Map.entry("kvk", ""),
              Map.entry("city", LINK)));
      student.get(personal + "/deel/1");
      HttpResponse<String> saved =
          student.post(
              personal + "/deel/1",
              List.of(
                  Map.entry("q", "visie"),
                  Map.entry("a.visie", "ja"),
                  Map.entry("n.visie", SVG),
                  Map.entry("save", "visie")));
      assertThat(saved.statusCode()).isEqualTo(303);

      try (Browser browser = Browser.open(1280, 900, true)) {
        var d = browser.driver;
        for (String page : List.of(personal, personal + "/deel/1", personal + "/gegevens")) {
          d.get(web.base() + page);
          assertNothingRan(browser);
        }
        assertThat(d.getPageSource()).contains("&lt;script&gt;");
        d.get(web.base() + personal + "/deel/1");
        assertThat(d.findElement(By.id("n-visie")).getAttribute("value")).isEqualTo(SVG);

        d.get(web.server.teacherLink());
        browser.go(d.findElement(By.cssSelector("form[action='/docent/inloggen'] button")));
        d.get(web.base() + "/docent/klas/" + room.code());
        assertNothingRan(browser);
        assertThat(d.findElement(By.id("students")).getText()).contains(SCRIPT).contains(IMG);
        browser.fullShot("security-teacher-class");
      }
    }
  }

  private static void assertNothingRan(Browser browser) {
    var d = browser.driver;
    try {
      String text = d.switchTo().alert().getText();
      throw new AssertionError("a dialog opened: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    Object injected =
        d.executeScript(
            "return document.querySelectorAll('img[src=\"x\"], svg[onload], #injected,"
                + " script:not([src]), [onerror], [onload], a[href^=\"javascript:\"]').length");
    assertThat(((Number) injected).intValue()).isZero();
  }

  @Test
  void aNameOrCompanyWithALineBreakOrTabGetsAMessageBesideTheFieldAndIsNotStored()
      throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      for (String[] field :
          new String[][] {
            {"name", "Jan\nPiet"}, {"company", "Bakkerij\tDe Korenschoof"}, {"city", "Emmen\u001B"},
          }) {
        WebFixture.Client student = new WebFixture.Client(web.base());
        student.get("/k/" + room.code());
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("name", "Sanne de Vries");
        values.put("studentNumber", "");
        values.put("company", "Bakkerij De Korenschoof");
        values.put("kvk", "");
        values.put("city", "Emmen");
        values.put(field[0], field[1]);
        HttpResponse<String> refused =
            student.post("/k/" + room.code(), List.copyOf(values.entrySet()));
        assertThat(refused.statusCode()).as(field[0]).isNotEqualTo(303);
        assertThat(refused.body()).as(field[0]).contains("stuurteken (U+00");
      }
      try (nl.mvoscan.store.Store store = nl.mvoscan.store.Store.open(web.address)) {
        assertThat(Classrooms.students(store, room.id())).isEmpty();
      }
    }
  }

  @Test
  void aStateChangeWithoutTheCsrfValueIsRefusedAndChangesNothing() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      HttpResponse<String> refused =
          student.postRaw(
              personal + "/deel/1",
              List.of(Map.entry("q", "visie"), Map.entry("a.visie", "ja")),
              false);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("verlopen");
      HttpResponse<String> wrong =
          student.postRaw(
              personal + "/deel/1",
              List.of(
                  Map.entry("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                  Map.entry("q", "visie"),
                  Map.entry("a.visie", "ja")),
              false);
      assertThat(wrong.statusCode()).isEqualTo(403);
      try (Store store = Store.open(web.db)) {
        long id = Classrooms.students(store, room.id()).get(0).id();
        assertThat(Classrooms.answers(store, id)).isEmpty();
      }
    }
  }

  @Test
  void oneStudentsLinkNeitherShowsNorChangesAnotherStudentsAnswers() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client a = new WebFixture.Client(web.base());
      WebFixture.Client b = new WebFixture.Client(web.base());
      String linkA = a.join(room.code(), "Anna Aalbers", "Bakkerij A");
      String linkB = b.join(room.code(), "Bram Bos", "Garage B");
      b.get(linkB + "/deel/1");
      b.post(
          linkB + "/deel/1",
          List.of(Map.entry("q", "visie"), Map.entry("a.visie", "nee"), Map.entry("save", "x")));
      HttpResponse<String> pageA = a.get(linkA);
      assertThat(pageA.body()).contains("Anna Aalbers").doesNotContain("Bram Bos");
      a.get(linkA + "/deel/1");
      a.post(
          linkA + "/deel/1",
          List.of(Map.entry("q", "visie"), Map.entry("a.visie", "ja"), Map.entry("save", "x")));
      // a made-up link reaches nobody, and the class code alone shows nobody's answers
      assertThat(a.get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
      assertThat(a.get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAA/antwoorden.json").statusCode())
          .isEqualTo(404);
      HttpResponse<String> classPage = new WebFixture.Client(web.base()).get("/k/" + room.code());
      assertThat(classPage.body()).doesNotContain("Anna Aalbers").doesNotContain("Bram Bos");
      try (Store store = Store.open(web.db)) {
        List<Classrooms.Student> students = Classrooms.students(store, room.id());
        assertThat(Classrooms.answers(store, students.get(1).id()))
            .extracting(x -> x.value().asText())
            .containsExactly("nee");
        assertThat(Classrooms.answers(store, students.get(0).id()))
            .extracting(x -> x.value().asText())
            .containsExactly("ja");
      }
    }
  }

  @Test
  void teacherPagesWithoutSignInAreRefused() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client stranger = new WebFixture.Client(web.base());
      for (String page :
          List.of(
              "/docent",
              "/docent/klas/" + room.code(),
              "/docent/klas/" + room.code() + "/klasrapport.pdf",
              "/docent/klas/" + room.code() + "/export.csv",
              "/docent/klas/" + room.code() + "/werkmap.xlsx",
              "/docent/klas/" + room.code() + "/studentrapporten.zip")) {
        HttpResponse<String> response = stranger.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .startsWith("text/html");
      }
      stranger.get("/docent/inloggen");
      HttpResponse<String> close =
          stranger.post("/docent/klas/" + room.code() + "/sluiten", List.of());
      assertThat(close.statusCode()).isEqualTo(401);
      try (Store store = Store.open(web.db)) {
        assertThat(Classrooms.classByCode(store, room.code()).orElseThrow().closed()).isFalse();
      }
    }
  }

  @Test
  void moreThanTenWrongSecretsAMinuteGetHttp429EvenForTheRightOne() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client guesser = new WebFixture.Client(web.base());
      guesser.get("/docent/inloggen");
      for (int i = 0; i < Guard.MAX_FAILURES; i++) {
        HttpResponse<String> wrong =
            guesser.post("/docent/inloggen", List.of(Map.entry("secret", "guess-" + i)));
        assertThat(wrong.statusCode()).isEqualTo(401);
      }
      HttpResponse<String> blocked =
          guesser.post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)));
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(blocked.headers().firstValue("Set-Cookie").orElse(""))
          .doesNotContain(Guard.TEACHER_COOKIE);
    }
  }

  @Test
  void theSignInPageOpenedWithTheSecretPutsItInNoOtherLink() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      String page =
          new WebFixture.Client(web.base())
              .get("/docent/inloggen?geheim=" + WebFixture.SECRET)
              .body();
      assertThat(page).contains("/taal/en?terug=%2Fdocent%2Finloggen\"");
      assertThat(page.replaceFirst("value=\"" + WebFixture.SECRET + "\"", ""))
          .doesNotContain(WebFixture.SECRET);
    }
  }

  @Test
  void aValidPersonalLinkStillSavesFromAnAddressThatIsBlockedForGuessing() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      // a classmate behind the same school address guesses secrets until the limit blocks it
      student.get("/docent/inloggen");
      for (int i = 0; i < Guard.MAX_FAILURES; i++) {
        student.post("/docent/inloggen", List.of(Map.entry("secret", "guess-" + i)));
      }
      assertThat(student.get("/s/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(429);
      assertThat(student.get(personal + "/deel/1").statusCode()).isEqualTo(200);
      HttpResponse<String> saved =
          student.post(
              personal + "/deel/1",
              List.of(
                  Map.entry("q", "visie"), Map.entry("a.visie", "ja"), Map.entry("save", "visie")));
      assertThat(saved.statusCode()).isEqualTo(303);
      try (Store store = Store.open(web.db)) {
        long id = Classrooms.students(store, room.id()).get(0).id();
        assertThat(Classrooms.answers(store, id))
            .extracting(Classrooms.SavedAnswer::questionId)
            .contains("visie");
      }
    }
  }

  @Test
  void behindAProxyOnLoopbackEachStudentsOwnAddressCountsAndHttpsCookiesAreSecure()
      throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client overHttps = new WebFixture.Client(web.base());
      overHttps.headers.put("X-Forwarded-Proto", "https");
      assertThat(overHttps.get("/docent/inloggen").headers().allValues("Set-Cookie"))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c).contains("Secure"));
      assertThat(new WebFixture.Client(web.base()).get("/").headers().allValues("Set-Cookie"))
          .noneSatisfy(c -> assertThat(c).contains("Secure"));
      // (the test's client, on plain HTTP, would not send a Secure cookie back: the rest is HTTP)
      WebFixture.Client guesser = new WebFixture.Client(web.base());
      guesser.headers.put("X-Forwarded-For", "10.0.0.7");
      guesser.get("/docent/inloggen");
      for (int i = 0; i < Guard.MAX_FAILURES; i++) {
        guesser.post("/docent/inloggen", List.of(Map.entry("secret", "guess-" + i)));
      }
      assertThat(
              guesser
                  .post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)))
                  .statusCode())
          .isEqualTo(429);
      // the next student behind the same proxy is not blocked by the first one's mistakes
      WebFixture.Client teacher = new WebFixture.Client(web.base());
      teacher.headers.put("X-Forwarded-For", "10.0.0.8");
      teacher.get("/docent/inloggen");
      assertThat(
              teacher
                  .post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)))
                  .statusCode())
          .isEqualTo(303);
    }
  }

  @Test
  void everyResponseCarriesTheProtectiveHeaders() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client client = new WebFixture.Client(web.base());
      for (String page : List.of("/", "/static/app.css", "/nope", "/docent")) {
        HttpResponse<String> response = client.get(page);
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
            .as(page)
            .contains("script-src 'self'")
            .contains("frame-ancestors 'none'")
            .doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(page).hasValue("no-referrer");
      }
      assertThat(client.get("/nope").statusCode()).isEqualTo(404);
      assertThat(new WebFixture.Client(web.base()).get("/").headers().allValues("Set-Cookie"))
          .anySatisfy(
              c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }
  }
}
