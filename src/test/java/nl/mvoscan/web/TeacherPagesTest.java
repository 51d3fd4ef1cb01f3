package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Keys;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher pages over HTTP. */
class TeacherPagesTest {

  @TempDir Path dir;

  private static WebFixture.Client signIn(WebFixture web) throws Exception {
    WebFixture.Client teacher = new WebFixture.Client(web.base());
    teacher.get("/docent/inloggen");
    HttpResponse<String> in =
        teacher.post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)));
    assertThat(in.statusCode()).isEqualTo(303);
    return teacher;
  }

  private static String scanHash(String page) {
    Matcher m = Pattern.compile("<option value=\"(sha256:[0-9a-f]{64})\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  @Test
  void theTeacherChoosesTheSchoolYearOfANewClassTheCurrentOneByDefault() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client teacher = signIn(web);
      String form = teacher.get("/docent").body();
      String current = Keys.schoolYear(LocalDate.now());
      int start = Integer.parseInt(current.substring(0, 4));
      String next = (start + 1) + "-" + (start + 2);
      assertThat(form)
          .contains("name=\"schoolYear\"")
          .contains("<option value=\"" + current + "\" selected>")
          .contains("<option value=\"" + next + "\">");

      HttpResponse<String> created =
          teacher.post(
              "/docent/klassen",
              List.of(
                  Map.entry("name", "3A"),
                  Map.entry("until", ""),
                  Map.entry("schoolYear", next),
                  Map.entry("scan", scanHash(form))));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
      try (Store store = Store.open(web.address)) {
        assertThat(Classrooms.classes(store))
            .extracting(Classrooms.ClassRoom::schoolYear)
            .containsExactly(next);
      }
    }
  }

  @Test
  void aSchoolYearNotInTheStoresFormOrAlreadyPastIsRefusedBesideTheField() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client teacher = signIn(web);
      String form = teacher.get("/docent").body();
      int start = Integer.parseInt(Keys.schoolYear(LocalDate.now()).substring(0, 4));
      // a past school year too: its class would never show the figures of students finishing now
      for (String bad :
          List.of("2025/2026", "2025-2027", "25-26", "<b>", (start - 1) + "-" + start)) {
        HttpResponse<String> refused =
            teacher.post(
                "/docent/klassen",
                List.of(
                    Map.entry("name", "3A"),
                    Map.entry("until", ""),
                    Map.entry("schoolYear", bad),
                    Map.entry("scan", scanHash(form))));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("id=\"e-schoolYear\"")
            .contains(
                "Kies dit schooljaar (" + Keys.schoolYear(LocalDate.now()) + ") of het volgende.");
      }
      try (Store store = Store.open(web.address)) {
        assertThat(Classrooms.classes(store)).isEmpty();
      }
    }
  }

  @Test
  void aClassNameThatShowsNothingIsRefusedBesideTheField() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      WebFixture.Client teacher = signIn(web);
      String form = teacher.get("/docent").body();
      HttpResponse<String> refused =
          teacher.post(
              "/docent/klassen",
              List.of(
                  Map.entry("name", "\u00A0\u200B "),
                  Map.entry("until", ""),
                  Map.entry("schoolYear", Keys.schoolYear(LocalDate.now())),
                  Map.entry("scan", scanHash(form))));
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("id=\"e-name\"").contains("Dit moet je invullen.");
      try (Store store = Store.open(web.address)) {
        assertThat(Classrooms.classes(store)).isEmpty();
      }
    }
  }
}
