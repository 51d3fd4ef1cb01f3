package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.cli.Cli;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --db postgresql://…}: the web app on the second backend, a student from joining to
 * the scorecard, the teacher's class page and downloads, and the CLI reading the same database.
 * Needs {@code MVOSCAN_TEST_PG} (CI starts a server; without it the test is skipped locally).
 */
class ServeOnPostgresTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStudentFinishesTheScanOnPostgresAndTheTeacherAndTheCliSeeIt() throws Exception {
    var database = TestDatabases.newPostgresDatabase();
    try (WebFixture web = new WebFixture(database)) {
      var room = web.openClass("4B");
      WebFixture.Client student = new WebFixture.Client(web.base());
      String personal = student.join(room.code(), "Sanne de Vries", "Bakkerij Emmen");
      Scan scan =
          ScanCatalog.load(List.of(), java.util.Locale.ROOT)
              .entry("mvo-stagebedrijf")
              .orElseThrow()
              .result()
              .scan();
      student.get(personal + "/deel/1");
      // answers every question the server says is visible, until it shows no new one
      Set<String> answered = new HashSet<>();
      JsonNode state = save(student, personal, List.of());
      int rounds = 0;
      while (rounds++ < 400) {
        String next = null;
        for (JsonNode id : state.get("visible")) {
          if (!answered.contains(id.asText())) {
            next = id.asText();
            break;
          }
        }
        if (next == null) {
          break;
        }
        Question q = scan.question(next).orElseThrow();
        answered.add(next);
        state = save(student, personal, List.of(Map.entry("q", next), answer(q)));
        assertThat(state.get("ok").asBoolean()).as(next + ": " + state).isTrue();
      }
      assertThat(state.get("answered").asInt()).isEqualTo(state.get("total").asInt());

      HttpResponse<String> finished = student.post(personal + "/afronden", List.of());
      assertThat(finished.headers().firstValue("Location").orElse("")).endsWith("/uitslag");
      assertThat(student.get(personal + "/uitslag").body()).contains("Bakkerij Emmen");
      HttpResponse<byte[]> pdf = student.bytes(personal + "/rapport.pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(StudentBrowserTest.pdfText(pdf.body())).contains("Sanne de Vries");

      WebFixture.Client teacher = new WebFixture.Client(web.base());
      teacher.get("/docent/inloggen");
      assertThat(
              teacher
                  .post("/docent/inloggen", List.of(Map.entry("secret", WebFixture.SECRET)))
                  .statusCode())
          .isEqualTo(303);
      assertThat(teacher.get("/docent/klas/" + room.code() + "/leerlingen").body())
          .contains("Sanne de Vries");
      HttpResponse<byte[]> classPdf =
          teacher.bytes("/docent/klas/" + room.code() + "/klasrapport.pdf");
      assertThat(classPdf.statusCode()).isEqualTo(200);
      assertThat(new String(classPdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
    }
    Cli.Run listed = Cli.run("responses", "--db", database.address(), "--lang", "nl");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("Sanne de Vries").contains("4B");
  }

  private static JsonNode save(
      WebFixture.Client client, String personal, List<Map.Entry<String, String>> fields)
      throws Exception {
    HttpResponse<String> response = client.post(personal + "/bewaar", fields);
    return JSON.readTree(response.body());
  }

  /** What a student might answer: the first option, a year or a count, a short text. */
  private static Map.Entry<String, String> answer(Question q) {
    String value =
        switch (q.type()) {
          case CHOICE, MULTI -> q.options().get(0).id();
          case NUMBER -> q.id().equals("kc_jaar") ? "2025" : "12";
          case TEXT -> q.id().equals("sbi") ? "1071" : "Brood en banket";
        };
    return Map.entry("a." + q.id(), value);
  }
}
