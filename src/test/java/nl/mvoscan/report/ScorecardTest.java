package nl.mvoscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  private static final Scan SCAN =
      ScanCatalog.load(List.of(), Locale.ROOT).find("mvo-stagebedrijf").orElseThrow();

  @Test
  void theUnscoredKeyFiguresAreNoRowOfTheScorecardNorOfTheExplanation() {
    AnswersLoader.Result loaded =
        AnswersLoader.load(Path.of("examples", "zorghuis-groningen.json"), SCAN);
    assertThat(loaded.problems()).isEmpty();
    ScoreResult result = Scorer.score(SCAN, loaded.answers());
    assertThat(result.themes()).anyMatch(t -> t.theme().id().equals("kerncijfers"));
    for (String language : List.of("nl", "en")) {
      Messages messages = Messages.forLanguage(language);
      String card = Scorecard.render(result, messages, language);
      String explained = Scorecard.explain(result, messages, language);
      assertThat(card).as(language).contains(language.equals("nl") ? "Beleid" : "Policy");
      assertThat(card + explained).doesNotContain("Kerncijfers", "Key figures", "kc_");
    }
    // score --json keeps every theme in document order (contract §6): there it stays
    assertThat(
            ResultJson.of(result, Messages.forLanguage("nl")).get("themes").findValuesAsText("id"))
        .contains("kerncijfers");
  }
}
