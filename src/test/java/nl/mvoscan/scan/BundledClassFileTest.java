package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * The class file {@code examples/klas-3a.csv} is the class {@code examples/README.md} describes: a
 * column for every question, as a form export has; only what each student could see is answered;
 * the levels and the students who match their own answers files are as told; students at one
 * company mostly, but not always, agree.
 */
class BundledClassFileTest {

  private static final Scan SCAN =
      ScanLoader.load(Path.of("scans", "mvo-stagebedrijf.json"), Locale.ROOT).scan();
  private static final ClassCsv.Result CLASS =
      ClassCsv.read(Path.of("examples", "klas-3a.csv"), SCAN, Map.of(), null);

  private static List<Answers> rows() {
    assertThat(CLASS.problems()).isEmpty();
    return CLASS.rows().stream().map(ClassCsv.Row::answers).toList();
  }

  @Test
  void everyQuestionOfTheScanHasAColumnSoNoScoredQuestionIsLeftOut() {
    assertThat(CLASS.warnings()).isEmpty();
    assertThat(CLASS.missing()).isEmpty();
  }

  @Test
  void noStudentAnswersAQuestionTheirProfileHides() {
    for (Answers row : rows()) {
      Set<String> hidden = Visibility.hidden(SCAN, row.answers());
      assertThat(row.answers().keySet().stream().filter(hidden::contains).toList())
          .as(row.respondent().name())
          .isEmpty();
    }
  }

  @Test
  void sixStudentsAreStarterTwentyGevorderdAndTwoKoploperAsTheReadmeSays() {
    Map<String, Long> levels =
        rows().stream()
            .map(r -> Scorer.score(SCAN, r))
            .map(r -> r.overall().level() == null ? "-" : r.overall().level().id())
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    assertThat(levels)
        .containsExactly(
            Map.entry("gevorderd", 20L), Map.entry("koploper", 2L), Map.entry("starter", 6L));
  }

  @Test
  void theFourStudentsWithAnAnswersFileGaveTheSameAnswersInTheClassFile() {
    Map<String, String> files =
        Map.of(
            "Sanne de Vries", "bakkerij-emmen",
            "Yusuf Demir", "garage-assen",
            "Anaïs Bakker", "zorghuis-groningen",
            "Jesse Hoekstra", "installatiebedrijf-leeuwarden");
    Map<String, Answers> byName = new LinkedHashMap<>();
    rows().forEach(r -> byName.put(r.respondent().name(), r));
    files.forEach(
        (name, file) -> {
          Answers own = AnswersLoader.load(Path.of("examples", file + ".json"), SCAN).answers();
          assertThat(values(byName.get(name))).as(name).isEqualTo(values(own));
        });
  }

  @Test
  void studentsAtOneCompanyMostlyAgreeButNotAlways() {
    // one company per city and sector; the spellings of its name differ on purpose
    Map<String, List<Answers>> companies = new TreeMap<>();
    for (Answers row : rows()) {
      companies
          .computeIfAbsent(
              row.company().city() + "/" + row.answers().get("sector").value(),
              k -> new ArrayList<>())
          .add(row);
    }
    assertThat(companies).hasSize(8).allSatisfy((k, v) -> assertThat(v).hasSizeBetween(3, 4));
    for (Map.Entry<String, List<Answers>> company : companies.entrySet()) {
      // agreement as docs/aggregate.md defines it: per question answered by at least two, the
      // share that gave the most common answer; then the mean over those questions
      int compared = 0;
      int unanimous = 0;
      double sum = 0;
      for (Question q : SCAN.scoredQuestions()) {
        Map<Object, Integer> counts = new LinkedHashMap<>();
        int answered = 0;
        for (Answers row : company.getValue()) {
          Answers.Answer a = row.answers().get(q.id());
          if (a != null && a.value() != null) {
            answered++;
            Object key =
                a.value() instanceof AnswerValue.Multi m ? Set.copyOf(m.optionIds()) : a.value();
            counts.merge(key, 1, Integer::sum);
          }
        }
        if (answered >= 2) {
          compared++;
          int most = counts.values().stream().max(Integer::compare).orElseThrow();
          unanimous += most == answered ? 1 : 0;
          sum += (double) most / answered;
        }
      }
      assertThat(compared).as(company.getKey()).isGreaterThan(40);
      assertThat(sum / compared).as(company.getKey()).isBetween(0.85, 0.99);
      assertThat(unanimous).as(company.getKey()).isLessThan(compared);
    }
  }

  private static Map<String, String> values(Answers answers) {
    Map<String, String> values = new TreeMap<>();
    answers.answers().forEach((id, a) -> values.put(id, String.valueOf(a.value())));
    return values;
  }
}
