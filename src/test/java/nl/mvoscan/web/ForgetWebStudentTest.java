package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.ResponseQueries;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's record of a student goes with {@code forget}: nothing of them stays behind. */
class ForgetWebStudentTest {

  @TempDir Path dir;

  @Test
  void forgettingABusyStudentRemovesTheirWebRecordAnswersAndLink() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      WebFixture.Client sanne = new WebFixture.Client(web.base());
      WebFixture.Client bram = new WebFixture.Client(web.base());
      String linkSanne = sanne.join(room.code(), "Sanne de Vries", "Bakkerij Emmen");
      String linkBram = bram.join(room.code(), "Bram Bos", "Garage Bos");
      sanne.get(linkSanne + "/deel/1");
      sanne.post(
          linkSanne + "/deel/1",
          List.of(
              Map.entry("q", "visie"),
              Map.entry("a.visie", "ja"),
              Map.entry("n.visie", "gevraagd aan mijn begeleider"),
              Map.entry("save", "visie")));
      try (Store store = Store.open(web.db)) {
        ResponseQueries.Forgotten forgotten = ResponseQueries.forget(store, "sanne de vries", null);
        assertThat(forgotten.respondents()).isEqualTo(1);
        assertThat(forgotten.answers()).isEqualTo(1);
        assertThat(Classrooms.students(store, room.id()))
            .extracting(s -> s.details().name())
            .containsExactly("Bram Bos");
        Long leftOver =
            store.read(
                connection -> {
                  try (var statement = connection.createStatement();
                      var rs =
                          statement.executeQuery(
                              "SELECT (SELECT count(*) FROM web_answer)"
                                  + " + (SELECT count(*) FROM web_token t JOIN web_student s"
                                  + " ON s.id = t.student_id WHERE s.name <> 'Bram Bos')")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
        assertThat(leftOver).isZero();
      }
      // the forgotten link reaches nothing any more; the other student's still works
      assertThat(sanne.get(linkSanne).statusCode()).isEqualTo(404);
      assertThat(bram.get(linkBram).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPersonalLinkCarriesAtLeast128RandomBits() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      Classrooms.ClassRoom room = web.openClass("3A");
      String link = new WebFixture.Client(web.base()).join(room.code(), "Sanne", "Bakkerij");
      String token = link.substring("/s/".length());
      assertThat(Base64.getUrlDecoder().decode(token).length * 8).isGreaterThanOrEqualTo(128);
      String other = new WebFixture.Client(web.base()).join(room.code(), "Bram", "Garage");
      assertThat(other).isNotEqualTo(link);
    }
  }
}
