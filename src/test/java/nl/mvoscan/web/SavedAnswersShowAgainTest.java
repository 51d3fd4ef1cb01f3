package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.mvoscan.store.Classrooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student who comes back to a part of the scan sees the choices they saved: a page that shows
 * them unchecked would erase them at the next "Volgende deel".
 */
class SavedAnswersShowAgainTest {

  @TempDir Path dir;

  private static boolean checked(String page, String question, String option) {
    return Pattern.compile(
            "name=\"a\\." + question + "\" value=\"" + option + "\" checked(?![=\"])")
        .matcher(page)
        .find();
  }

  @Test
  void aSavedChoiceAndASavedSelectionAreCheckedWhenThePartOpensAgain() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Kees Bakker", "Bouwbedrijf Noord");
      student.get(personal + "/deel/0");
      HttpResponse<String> saved =
          student.post(
              personal + "/deel/0",
              List.of(
                  Map.entry("q", "sector"),
                  Map.entry("a.sector", "bouw"),
                  Map.entry("q", "producten"),
                  Map.entry("a.producten", "maakt"),
                  Map.entry("a.producten", "verkoopt"),
                  Map.entry("save", "producten")));
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

      String again = student.get(personal + "/deel/0").body();

      assertThat(checked(again, "sector", "bouw")).as("the saved sector").isTrue();
      assertThat(checked(again, "sector", "productie")).isFalse();
      assertThat(checked(again, "producten", "maakt")).as("the saved selection").isTrue();
      assertThat(checked(again, "producten", "verkoopt")).isTrue();
      assertThat(checked(again, "producten", "eten")).isFalse();
    }
  }
}
