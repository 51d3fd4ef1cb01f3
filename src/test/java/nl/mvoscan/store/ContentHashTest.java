package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanHash;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  private static final Scan SCAN =
      ScanLoader.load(Path.of("scans/mvo-stagebedrijf.json"), Locale.ROOT).scan();

  /**
   * The identity as it was computed before it was written out directly: a JSON tree of the same
   * fields, hashed by {@link ScanHash#of}. Every stored response carries this hash, so a second
   * import of the same file must find it again.
   */
  private static String treeHash(ScoreResult result, String className) {
    JsonNodeFactory nodes = new JsonNodeFactory(true);
    Answers answers = result.answers();
    ObjectNode node = nodes.objectNode();
    node.put("scan", result.scan().hash());
    if (answers.respondent() != null) {
      node.put("name", answers.respondent().name());
      node.put("studentNumber", answers.respondent().id());
    }
    node.put("class", className);
    if (answers.company() != null) {
      node.put("company", answers.company().name());
      node.put("kvk", answers.company().kvk());
    }
    node.put("date", answers.date() == null ? null : answers.date().toString());
    ObjectNode values = node.putObject("answers");
    answers
        .answers()
        .forEach(
            (id, answer) -> {
              ObjectNode entry = values.putObject(id);
              entry.set("value", AnswerJson.write(answer.value()));
              entry.put("evidence", answer.evidence());
              entry.put("note", answer.note());
            });
    return ScanHash.of(node);
  }

  private static ScoreResult scored(
      Answers.Respondent respondent, Answers.Company company, LocalDate date) {
    Map<String, Answers.Answer> given = new LinkedHashMap<>();
    // in an order unlike the sorted one, with every kind of value and awkward text
    given.put(
        "zz-tekst", answer("zz-tekst", AnswerValue.text("Zie \"site\"\\\n\t\u0001 één CO₂ 😀")));
    given.put("b-getal", answer("b-getal", AnswerValue.number(new BigDecimal("2.50"))));
    given.put("b-groot", answer("b-groot", AnswerValue.number(new BigDecimal("1E+3"))));
    given.put("a-keuze", new Answers.Answer("a-keuze", AnswerValue.choice("ja"), "foto.jpg", "n"));
    given.put("É-id", answer("É-id", AnswerValue.multi(List.of("led", "zon", "q\"uote"))));
    given.put("Z-hoofd", answer("Z-hoofd", AnswerValue.multi(List.of())));
    given.put("a~1/b", answer("a~1/b", null));
    Answers answers =
        new Answers(SCAN.id(), SCAN.version(), respondent, company, date, "nl", given);
    return Scorer.score(SCAN, answers);
  }

  private static Answers.Answer answer(String id, AnswerValue value) {
    return new Answers.Answer(id, value, null, null);
  }

  @Test
  void theIdentityOfAResponseIsTheHashItWasStoredWithBefore() {
    List<ScoreResult> results =
        List.of(
            scored(
                new Answers.Respondent("Anna \"A\" de Vries", "123", "3A", null),
                new Answers.Company("Bakkerij Één", "12345678", "Emmen", "food"),
                LocalDate.of(2026, 3, 1)),
            scored(new Answers.Respondent("Bo", null, null, null), null, null),
            scored(null, new Answers.Company("X", null, null, null), LocalDate.of(2025, 8, 1)),
            scored(null, null, null));
    for (ScoreResult result : results) {
      for (String className : new String[] {"3A", null, "kl\"as"}) {
        assertThat(ResponseWriter.contentHash(result, className))
            .isEqualTo(treeHash(result, className));
      }
    }
  }
}
