package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student pages over HTTP: wording, counts, the finish box and both PDFs. */
class StudentPagesTest {

  @TempDir Path dir;

  static Scan bundled() {
    return ScanCatalog.load(List.of(), Locale.ROOT)
        .entry("mvo-stagebedrijf")
        .orElseThrow()
        .result()
        .scan();
  }

  /** Answers every required or scored question through the autosave; optional ones stay empty. */
  static void answerScoredQuestions(WebFixture.Client student, String personal) throws Exception {
    student.get(personal + "/deel/0");
    for (Question q : bundled().questions()) {
      if (!q.required() && !q.scored()) {
        continue;
      }
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      fields.add(Map.entry("q", q.id()));
      if (q.type() == QuestionType.CHOICE || q.type() == QuestionType.MULTI) {
        Option first = q.options().get(0);
        fields.add(Map.entry("a." + q.id(), first.id()));
      } else if (q.type() == QuestionType.NUMBER) {
        fields.add(Map.entry("a." + q.id(), q.min() == null ? "12" : q.min().toPlainString()));
      } else {
        fields.add(Map.entry("a." + q.id(), q.id().equals("sbi") ? "1071" : "Brood en banket"));
      }
      student.post(personal + "/bewaar", fields);
    }
  }

  @Test
  void aTextAnswerStoresNoEvidenceOrNoteThePageNeverShowed() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      student.get(personal + "/deel/0");
      student.post(
          personal + "/bewaar",
          List.of(
              Map.entry("q", "activiteiten"),
              Map.entry("a.activiteiten", "Brood bakken"),
              Map.entry("e.activiteiten", "gezien"),
              Map.entry("n.activiteiten", "verborgen notitie")));
      try (Store store = Store.open(web.db)) {
        long id = Classrooms.students(store, room.id()).get(0).id();
        assertThat(Classrooms.answers(store, id))
            .filteredOn(a -> a.questionId().equals("activiteiten"))
            .singleElement()
            .satisfies(
                a -> {
                  assertThat(a.value().asText()).isEqualTo("Brood bakken");
                  assertThat(a.evidence()).isNull();
                  assertThat(a.note()).isNull();
                });
      }
    }
  }

  @Test
  void aNameOfOnlyInvisibleCharactersIsRefusedAsAnEmptyName() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      student.get("/k/" + room.code());
      HttpResponse<String> refused =
          student.post(
              "/k/" + room.code(),
              List.of(
                  Map.entry("name", "\u00A0\u200B\u00AD"),
                  Map.entry("studentNumber", ""),
                  Map.entry("company", "Bakkerij"),
                  Map.entry("kvk", ""),
                  Map.entry("city", "Emmen")));
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("href=\"#f-name\"").contains("Dit moet je invullen.");
    }
  }

  @Test
  void aRefusedJoinFormSaysWhatIsWrongAtTheTopAndFocusesTheFirstBadField() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      student.get("/k/" + room.code());
      HttpResponse<String> refused =
          student.post(
              "/k/" + room.code(),
              List.of(
                  Map.entry("name", "Sanne"),
                  Map.entry("studentNumber", ""),
                  Map.entry("company", "Bakkerij"),
                  Map.entry("kvk", "1234567"),
                  Map.entry("city", "Emmen")));
      assertThat(refused.statusCode()).isEqualTo(422);
      String body = refused.body();
      // on a phone the field is below the fold: the summary comes before the form
      assertThat(body.indexOf("class=\"error-summary\""))
          .isPositive()
          .isLessThan(body.indexOf("<form method=\"post\""));
      assertThat(body).contains("Verbeter eerst dit:").contains("href=\"#f-kvk\"");
      assertThat(body).containsPattern("id=\"f-kvk\"[^>]*autofocus");
      assertThat(body).doesNotContainPattern("id=\"f-name\"[^>]*autofocus");
    }
  }

  @Test
  void theKvkMessageOnTheWebSaysToLeaveTheFieldEmptyNotToPressAKey() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      for (String lang : List.of("nl", "en")) {
        WebFixture.Client student = new WebFixture.Client(web.base());
        student.get("/taal/" + lang + "?terug=/");
        student.get("/k/" + room.code());
        HttpResponse<String> refused =
            student.post(
                "/k/" + room.code(),
                List.of(
                    Map.entry("name", "Sanne"),
                    Map.entry("studentNumber", ""),
                    Map.entry("company", "Bakkerij"),
                    Map.entry("kvk", "1234567"),
                    Map.entry("city", "Emmen")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("1234567")
            .contains(lang.equals("nl") ? "Laat het veld dan leeg" : "Leave the field empty")
            .doesNotContain("Enter");
      }
    }
  }

  @Test
  void everyReasonTakeGivesHasWebWordingThatMentionsNoKey() throws Exception {
    for (String bundle : List.of("messages.properties", "messages_nl.properties")) {
      Properties p = new Properties();
      try (InputStream in = getClass().getResourceAsStream("/nl/mvoscan/i18n/" + bundle)) {
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("take.invalid.")) {
          String web = key.replace("take.invalid.", "web.invalid.");
          assertThat(p.getProperty(web)).as(bundle + " " + web).isNotNull();
        }
        if (key.startsWith("web.")) {
          assertThat(p.getProperty(key))
              .as(bundle + " " + key)
              // the key, not the verb: "Enter the class code" is fine, "press Enter." is not
              .doesNotContainPattern("(?i)\\benter\\b\\s*([.?!,)]|$)")
              .doesNotContainIgnoringCase("druk op")
              .doesNotContainIgnoringCase("press")
              .doesNotContain("Typ ")
              .doesNotContain("Type ");
        }
      }
    }
  }

  @Test
  void theFinishBoxCountsOnlyRequiredAndScoredQuestionsAsOpenAndNamesOptionalOnesApart()
      throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      answerScoredQuestions(student, personal);
      String overview = student.get(personal).body();
      assertThat(overview)
          .contains("Alle verplichte vragen zijn beantwoord.")
          .doesNotContain("open vragen komen dan")
          .doesNotContain("open vraag komt dan")
          .contains("id=\"optional-open\"")
          .containsPattern("[0-9]+ optionele vragen zijn nog leeg");
      assertThat(web.log.toString()).isEmpty();
    }
  }

  @Test
  void countsOnThePagesUseTheSingularForOne() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      answerScoredQuestions(student, personal);
      student.get(personal);
      assertThat(student.post(personal + "/afronden", List.of()).statusCode()).isEqualTo(303);

      WebFixture.Client teacher = new WebFixture.Client(web.base());
      teacher.get("/docent/inloggen");
      teacher.post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)));
      String dutch = teacher.get("/docent/klas/" + room.code()).body();
      assertThat(dutch).contains("Over 1 afgeronde scan.").doesNotContain("1 afgeronde scans");
      teacher.get("/taal/en?terug=/");
      String english = teacher.get("/docent/klas/" + room.code()).body();
      assertThat(english).contains("Based on 1 finished scan.").doesNotContain("1 finished scans");

      // the plural where it is one: "1 van 1 vraag", with a number from the page's own progress
      assertThat(Views.plural(nl.mvoscan.i18n.Messages.forLanguage("nl"), "web.progress", 1, 1, 1))
          .isEqualTo("1 van 1 vraag beantwoord");
      assertThat(Views.plural(nl.mvoscan.i18n.Messages.forLanguage("en"), "web.progress", 1, 0, 1))
          .isEqualTo("0 of 1 question answered");
      assertThat(student.get(personal).body()).containsPattern("[0-9]+ van [0-9]+ vragen");
    }
  }

  @Test
  void aFinishedStudentDownloadsTheirReportWithTheGradeAndTheCompanyReportWithout()
      throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne de Vries", "Bakkerij De Korenschoof");
      answerScoredQuestions(student, personal);
      student.get(personal);
      student.post(personal + "/afronden", List.of());
      String result = student.get(personal + "/uitslag").body();
      assertThat(result)
          .contains("href=\"" + personal + "/rapport.pdf\"")
          .contains("href=\"" + personal + "/bedrijfsrapport.pdf\"");
      HttpResponse<byte[]> own = student.bytes(personal + "/rapport.pdf");
      HttpResponse<byte[]> company = student.bytes(personal + "/bedrijfsrapport.pdf");
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(company.statusCode()).isEqualTo(200);
      assertThat(company.headers().firstValue("Content-Disposition").orElse(""))
          .contains("bedrijfsrapport");
      String ownText = StudentBrowserTest.pdfText(own.body());
      String companyText = StudentBrowserTest.pdfText(company.body());
      assertThat(ownText).contains("Bakkerij De Korenschoof").containsIgnoringCase("rapportcijfer");
      assertThat(companyText)
          .contains("Bakkerij De Korenschoof")
          .doesNotContainIgnoringCase("rapportcijfer");
    }
  }

  @Test
  void aBodyOverOneMegabyteGets413InTheReadersLanguageWithoutInternals() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      String big = "x".repeat(1_100_000);
      for (String lang : List.of("nl", "en")) {
        student.get("/taal/" + lang + "?terug=/");
        student.get(personal + "/deel/1");
        HttpResponse<String> refused =
            student.post(
                personal + "/bewaar", List.of(Map.entry("q", "visie"), Map.entry("n.visie", big)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body())
            .contains(lang.equals("nl") ? "Te veel tekst" : "Too much text")
            .contains("lang=\"" + lang + "\"")
            .doesNotContainIgnoringCase("exception")
            .doesNotContainIgnoringCase("jetty")
            .doesNotContainIgnoringCase("javalin");
      }
    }
  }

  @Test
  void aServerErrorShowsAnErrorIdInTheReadersLanguageThatIsAlsoInTheLog() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne", "Bakkerij");
      // a stored answer that no longer loads: the page cannot be built, a real server error
      try (Store store = Store.open(web.address)) {
        store.inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO web_answer (student_id, question_id, value, saved_at)"
                          + " SELECT id, 'visie', '\"geen-optie\"', '2026-01-01T00:00:00Z'"
                          + " FROM web_student")) {
                st.executeUpdate();
              }
              return null;
            });
      }
      for (String lang : List.of("nl", "en")) {
        student.get("/taal/" + lang + "?terug=/");
        HttpResponse<String> failed = student.get(personal);
        assertThat(failed.statusCode()).isEqualTo(500);
        java.util.regex.Matcher id =
            java.util.regex.Pattern.compile("<strong class=\"code\">([^<]+)</strong>")
                .matcher(failed.body());
        assertThat(id.find()).as(failed.body()).isTrue();
        assertThat(failed.body())
            .contains(lang.equals("nl") ? "Er ging iets mis" : "Something went wrong")
            .contains(lang.equals("nl") ? "Foutcode" : "Error code")
            .doesNotContain("IllegalStateException")
            .doesNotContain("at nl.mvoscan");
        assertThat(web.log.toString()).contains(" error " + id.group(1) + " GET /s/{token}");
        assertThat(web.log.toString()).doesNotContain(personal);
      }
    }
  }
}
