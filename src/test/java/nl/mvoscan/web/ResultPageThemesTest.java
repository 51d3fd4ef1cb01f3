package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web scorecard's theme table lists the themes that count, not the unscored key figures. */
class ResultPageThemesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theThemeTableOfTheWebScorecardLeavesOutTheUnscoredKeyFigures() throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
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
      Set<String> answered = new HashSet<>();
      JsonNode state = save(student, personal, List.of());
      for (int rounds = 0; rounds < 400; rounds++) {
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
      assertThat(answered).contains("kc_stroom");
      student.post(personal + "/afronden", List.of());
      String page = student.get(personal + "/uitslag").body();
      int start = page.indexOf("<table class=\"themes\">");
      String table = page.substring(start, page.indexOf("</table>", start));
      assertThat(table).contains("Beleid").doesNotContain("Kerncijfers");
      assertThat(table.split("<tr>", -1))
          .as("a header row and one row per theme that counts")
          .hasSize(1 + 1 + (int) scan.themes().stream().filter(t -> t.counts()).count());
    }
  }

  private static JsonNode save(
      WebFixture.Client client, String personal, List<Map.Entry<String, String>> fields)
      throws Exception {
    HttpResponse<String> response = client.post(personal + "/bewaar", fields);
    return JSON.readTree(response.body());
  }

  /** The first option, a year or a count, a short text. */
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
