package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class CompaniesCommandTest {

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

  private void importClass() {
    Cli.Run result = run("import", "--lang", "en", "--db", db(), "examples/klas-3a.csv");
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  /**
   * Spellings that import files apart (another city, or a KvK number beside none in another place),
   * for a person to merge.
   */
  private void importSpellings() throws IOException {
    Path csv = dir.resolve("spellingen.csv");
    java.nio.file.Files.writeString(
        csv,
        "naam;klas;bedrijf;kvk;plaats;Staat duurzaamheid of MVO in de missie of visie van het bedrijf?\n"
            + "Zoë;3A;Albert Heijn;;Emmen;Ja\n"
            + "Mo;3A;albert heijn bv;;Emmen;Nee\n"
            + "Daan;3A;AH Emmen Centrum;;Emmen-Centrum;Ja\n"
            + "Priya;3A;Albert Heijn Emmen;;Emmen Noord;Deels\n"
            + "Anaïs;3A;Zorgcentrum De Lindehof;41012684;Groningen;Ja\n"
            + "Şeyma;3A;zorgcentrum Lindehof;41012684;Groningen;Ja\n"
            + "Noor;3A;Zorgcentrum De Lindehof;;Haren;Nee\n");
    Cli.Run result = run("import", "--lang", "en", "--db", db(), csv.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  private JsonNode companies() throws IOException {
    Cli.Run result = run("companies", "--lang", "en", "--db", db(), "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    return MAPPER.readTree(result.out());
  }

  private long idOf(JsonNode companies, String name) {
    for (JsonNode company : companies) {
      if (company.get("name").asText().equals(name)) {
        return company.get("id").asLong();
      }
    }
    throw new AssertionError("no company " + name);
  }

  private JsonNode byId(JsonNode companies, long id) {
    for (JsonNode company : companies) {
      if (company.get("id").asLong() == id) {
        return company;
      }
    }
    return null;
  }

  /** Response id → "score grade level" as stored. */
  private Map<Long, String> scores() throws IOException {
    Map<Long, String> scores = new HashMap<>();
    for (JsonNode r : MAPPER.readTree(run("responses", "--db", db(), "--json").out())) {
      scores.put(
          r.get("id").asLong(), r.get("score") + " " + r.get("grade") + " " + r.get("level"));
    }
    return scores;
  }

  @Test
  void listsEveryCompanyWithItsKeyAndNumberOfResponses() throws IOException {
    importClass();
    JsonNode companies = companies();
    assertThat(companies.size()).as("the 8 companies of examples/README.md").isEqualTo(8);
    JsonNode ah = byId(companies, idOf(companies, "Albert Heijn"));
    assertThat(ah.get("key").asText()).isEqualTo("name:albert heijn");
    assertThat(ah.get("city").asText()).isEqualTo("Emmen");
    assertThat(ah.get("kvk").isNull()).isTrue();
    assertThat(ah.get("responses").asInt())
        .as("'Albert Heijn', 'albert heijn bv', 'AH Emmen Centrum', 'Albert Heijn Emmen' in Emmen")
        .isEqualTo(4);
    int total = 0;
    for (JsonNode company : companies) {
      total += company.get("responses").asInt();
    }
    assertThat(total).isEqualTo(28);

    Cli.Run text = run("companies", "--lang", "en", "--db", db());
    assertThat(text.out())
        .startsWith("   id  name ")
        .containsPattern("\n +\\d+  Albert Heijn +- +Emmen +4  name:albert heijn\n");
    assertThat(text.err()).contains("8 companies");
    assertThat(run("companies", "--lang", "nl", "--db", db()).out())
        .contains("naam", "plaats", "antwoorden", "sleutel");
  }

  @Test
  void mergeMovesEveryResponseToTheKeptCompanyDeletesTheOthersAndKeepsScores() throws IOException {
    importSpellings();
    JsonNode before = companies();
    Map<Long, String> scoresBefore = scores();
    long keep = idOf(before, "Albert Heijn");
    long ah = idOf(before, "AH Emmen Centrum");
    long emmen = idOf(before, "Albert Heijn Emmen");

    Cli.Run merge =
        run(
            "companies",
            "merge",
            "--lang",
            "en",
            "--db",
            db(),
            Long.toString(keep),
            Long.toString(ah),
            Long.toString(emmen));
    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(merge.out().trim())
        .isEqualTo(
            "merged 2 companies into #"
                + keep
                + " (Albert Heijn): 2 responses moved; it now has 4 responses");

    JsonNode after = companies();
    assertThat(after.size()).isEqualTo(before.size() - 2);
    assertThat(byId(after, ah)).isNull();
    assertThat(byId(after, emmen)).isNull();
    assertThat(byId(after, keep).get("responses").asInt()).isEqualTo(4);
    assertThat(scores()).isEqualTo(scoresBefore);
    JsonNode listed =
        MAPPER.readTree(
            run("responses", "--db", db(), "--json", "--company", "Albert Heijn").out());
    assertThat(listed.size()).isEqualTo(4);
    assertThat(run("export", "--db", db()).out())
        .doesNotContain("AH Emmen Centrum", "Albert Heijn Emmen");
    for (JsonNode r : listed) {
      JsonNode shown =
          MAPPER.readTree(run("show", "--db", db(), "--json", r.get("id").asText()).out());
      assertThat(shown.at("/company/id").asLong()).isEqualTo(keep);
      assertThat(shown.at("/overall/score").toString()).isEqualTo(r.get("score").toString());
    }
  }

  @Test
  void mergeFillsTheKeptCompanysMissingKvkFromTheMergedOne() throws IOException {
    importSpellings();
    JsonNode withKvk = null;
    JsonNode withoutKvk = null;
    for (JsonNode company : companies()) {
      if (company.get("name").asText().equals("Zorgcentrum De Lindehof")) {
        if (company.get("kvk").isNull()) {
          withoutKvk = company;
        } else {
          withKvk = company;
        }
      }
    }
    assertThat(withKvk).isNotNull();
    assertThat(withoutKvk).isNotNull();
    long kept = withoutKvk.get("id").asLong();
    assertThat(
            run("companies", "merge", "--db", db(), Long.toString(kept), withKvk.get("id").asText())
                .exitCode())
        .isZero();
    JsonNode merged = byId(companies(), kept);
    assertThat(merged.get("kvk").asText()).isEqualTo(withKvk.get("kvk").asText());
    assertThat(merged.get("key").asText())
        .as("the key stays")
        .isEqualTo(withoutKvk.get("key").asText());
    assertThat(merged.get("responses").asInt())
        .isEqualTo(withKvk.get("responses").asInt() + withoutKvk.get("responses").asInt());
  }

  @Test
  void unknownIdsAreBadInputOneLineEachAndNothingChanges() throws IOException {
    importSpellings();
    JsonNode before = companies();
    Map<Long, String> scoresBefore = scores();
    long keep = idOf(before, "Albert Heijn");
    long ah = idOf(before, "AH Emmen Centrum");

    Cli.Run merge =
        run(
            "companies",
            "merge",
            "--lang",
            "en",
            "--db",
            db(),
            Long.toString(keep),
            Long.toString(ah),
            "998",
            "999");
    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err())
        .isEqualTo(
            "no company with id 998; see mvoscan companies\n"
                + "no company with id 999; see mvoscan companies\n"
                + "nothing merged; the database was not changed\n");
    assertThat(merge.out()).isEmpty();
    assertThat(companies()).isEqualTo(before);
    assertThat(scores()).isEqualTo(scoresBefore);

    Cli.Run unknownKeep =
        run("companies", "merge", "--lang", "nl", "--db", db(), "997", Long.toString(ah));
    assertThat(unknownKeep.exitCode()).isEqualTo(2);
    assertThat(unknownKeep.err())
        .contains("geen bedrijf met id 997")
        .contains("niets samengevoegd");
    assertThat(companies()).isEqualTo(before);
  }

  @Test
  void mergingACompanyIntoItselfOrWithoutOthersIsBadInput() throws IOException {
    importClass();
    JsonNode before = companies();
    long keep = idOf(before, "Albert Heijn");
    Cli.Run self =
        run(
            "companies",
            "merge",
            "--lang",
            "en",
            "--db",
            db(),
            Long.toString(keep),
            Long.toString(keep));
    assertThat(self.exitCode()).isEqualTo(2);
    assertThat(self.err())
        .contains("company " + keep + " is both the one to keep and one to merge");
    assertThat(
            run("companies", "merge", "--lang", "en", "--db", db(), Long.toString(keep)).exitCode())
        .isEqualTo(2);
    assertThat(companies()).isEqualTo(before);
  }

  @Test
  void aMergedSpellingStaysMergedWhenItIsImportedAgain() throws IOException {
    importSpellings();
    JsonNode before = companies();
    long keep = idOf(before, "Albert Heijn");
    long other = idOf(before, "AH Emmen Centrum");
    assertThat(
            run("companies", "merge", "--db", db(), Long.toString(keep), Long.toString(other))
                .exitCode())
        .isZero();

    Path later = dir.resolve("later.json");
    java.nio.file.Files.writeString(
        later,
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "Nieuwe Student", "class": "3A"},
         "company": {"name": "AH Emmen Centrum", "city": "Emmen"},
         "answers": {"visie": "ja"}}
        """);
    Cli.Run imported = run("import", "--lang", "en", "--db", db(), later.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    JsonNode after = companies();
    assertThat(after.size()).isEqualTo(before.size() - 1);
    assertThat(byId(after, keep).get("responses").asInt())
        .isEqualTo(
            byId(before, keep).get("responses").asInt()
                + byId(before, other).get("responses").asInt()
                + 1);
  }
}
