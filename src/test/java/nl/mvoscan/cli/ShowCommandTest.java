package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ShowCommandTest {

  /** Every command test runs on SQLite and on PostgreSQL, with the same expectations. */
  @Parameter Backend backend;

  private String database;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private String db() {
    if (database == null) {
      database = backend.newDatabase(dir);
    }
    return database;
  }

  /** Imports the bakery (id 1) and the care home (id 2). */
  private void importTwo() throws IOException {
    Path folder = dir.resolve("answers");
    Files.createDirectories(folder);
    Files.copy(Path.of("examples/bakkerij-emmen.json"), folder.resolve("a-bakkerij-emmen.json"));
    Files.copy(
        Path.of("examples/zorghuis-groningen.json"), folder.resolve("b-zorghuis-groningen.json"));
    Cli.Run result = run("import", "--lang", "en", "--db", db(), folder.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void jsonHoldsTheMetadataFiguresAndEveryAnswerOfTheFile() throws IOException {
    importTwo();
    Cli.Run result = run("show", "--lang", "en", "--db", db(), "--json", "1");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode show = MAPPER.readTree(result.out());
    assertThat(show.get("id").asLong()).isEqualTo(1);
    assertThat(show.get("student").asText()).isEqualTo("Sanne de Vries");
    assertThat(show.get("studentNumber").asText()).isEqualTo("104233");
    assertThat(show.get("class").asText()).isEqualTo("3A");
    assertThat(show.at("/company/name").asText()).isEqualTo("Bakkerij De Korenschoof");
    assertThat(show.at("/company/kvk").asText()).isEqualTo("04187352");
    assertThat(show.at("/company/city").asText()).isEqualTo("Emmen");
    assertThat(show.get("schoolYear").asText()).isEqualTo("2026-2027");
    assertThat(show.get("date").asText()).isEqualTo("2026-11-20");
    assertThat(show.at("/scan/id").asText()).isEqualTo("mvo-stagebedrijf");
    assertThat(show.at("/scan/hash").asText()).startsWith("sha256:");
    assertThat(show.at("/source/file").asText()).endsWith("a-bakkerij-emmen.json");
    assertThat(show.at("/source/row").isNull()).isTrue();
    assertThat(result.out()).contains("\"score\" : 30.6", "\"coverage\" : 94.6", "\"grade\" : 3.8");
    assertThat(show.at("/overall/status").asText()).isEqualTo("scored");
    assertThat(show.at("/overall/level").asText()).isEqualTo("starter");

    List<String> themes = new ArrayList<>();
    show.get("themes")
        .forEach(
            t ->
                themes.add(
                    t.get("id").asText()
                        + " "
                        + t.get("status").asText()
                        + " "
                        + (t.get("score").isNull() ? "null" : t.get("score").decimalValue())
                        + " "
                        + (t.get("coverage").isNull()
                            ? "null"
                            : t.get("coverage").decimalValue())));
    assertThat(themes)
        .containsExactly(
            "beleid scored 9.1 100.0",
            "mens scored 42.4 100.0",
            "energie scored 13.2 86.0",
            "circulair scored 36.1 100.0",
            "keten scored 45.6 100.0",
            "omgeving scored 37.5 68.8",
            "kerncijfers not_applicable null null");

    JsonNode file = MAPPER.readTree(Path.of("examples/bakkerij-emmen.json").toFile());
    JsonNode answers = show.get("answers");
    assertThat(answers.size()).isEqualTo(file.get("answers").size());
    for (JsonNode answer : answers) {
      JsonNode given = file.get("answers").get(answer.get("question").asText());
      JsonNode value = given.isObject() ? given.get("value") : given;
      assertThat(answer.get("value")).as(answer.get("question").asText()).isEqualTo(value);
      assertThat(answer.get("evidence").isNull() ? null : answer.get("evidence").asText())
          .isEqualTo(
              given.isObject() && given.has("evidence") ? given.get("evidence").asText() : null);
      assertThat(answer.get("note").isNull() ? null : answer.get("note").asText())
          .isEqualTo(given.isObject() && given.has("note") ? given.get("note").asText() : null);
    }
    assertThat(answers.get(0).get("question").asText()).isEqualTo("sector");
    assertThat(answers.get(0).get("status").isNull()).isTrue();
    JsonNode afval = find(answers, "afvalstromen");
    assertThat(afval.get("status").asText()).isEqualTo("answered");
    assertThat(afval.get("points").asInt()).isEqualTo(2);
    JsonNode unknown = find(answers, "duurzame_energie");
    assertThat(unknown.get("status").asText()).isEqualTo("unknown");
    assertThat(unknown.get("points").isNull()).isTrue();
  }

  private static JsonNode find(JsonNode answers, String question) {
    for (JsonNode answer : answers) {
      if (answer.get("question").asText().equals(question)) {
        return answer;
      }
    }
    throw new AssertionError("no answer to " + question);
  }

  @Test
  void textShowsDetailsThemesAndAnswersWithNotesInEnglish() throws IOException {
    importTwo();
    Cli.Run result = run("show", "--lang", "en", "--db", db(), "2");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("response 2\n")
        .contains("  student      Anaïs Bakker (104219)\n")
        .contains("  company      Zorgcentrum De Lindehof (id 2, KvK 41012684, Groningen)\n")
        .contains(
            "  overall      scored, score 68.2, coverage 100.0%, grade 7.1, level gevorderd\n")
        .containsPattern("\nbeleid +scored +77\\.2 +100\\.0\n")
        .containsPattern(
            "\nmedewerkers +80 +- +- +document\n    note: Volgens het jaarverslag 2025")
        .doesNotContain("Exception");
  }

  @Test
  void dutchTextUsesDutchLabelsAndADecimalComma() throws IOException {
    importTwo();
    Cli.Run result = run("show", "--lang", "nl", "--db", db(), "1");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("  klas        3A\n")
        .contains("  totaal      gescoord, score 30,6, dekking 94,6%, cijfer 3,8, niveau starter\n")
        .containsPattern("\nenergie +gescoord +13,2 +86,0\n")
        .containsPattern("\nafvalstromen +papier, gft +beantwoord +2 +gezien\n")
        .containsPattern(
            "\nactiviteiten +Ambachtelijke bakkerij met wi… +- +- +-\n    antwoord: Ambachtelijke bakkerij met winkel\\.");
  }

  @Test
  void anUnknownIdIsBadInputWithOneLine() throws IOException {
    importTwo();
    Cli.Run result = run("show", "--lang", "en", "--db", db(), "99");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().trim()).isEqualTo("no response with id 99; see mvoscan responses");
    assertThat(result.out()).isEmpty();
    assertThat(run("show", "--lang", "en", "--db", db(), "abc").exitCode()).isEqualTo(2);
  }
}
