package nl.mvoscan.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.mvoscan.scoring.ScoreResult;
import org.junit.jupiter.api.Test;

/**
 * report batch lays out several PDFs at once, sharing the embedded fonts: each comes out as it does
 * alone, text, pages and size.
 */
class ParallelRenderingTest {

  @Test
  void reportsRenderedAtTheSameTimeEqualThoseRenderedOneByOne() throws Exception {
    List<ScoreResult> results = new ArrayList<>();
    for (String example :
        List.of(
            "bakkerij-emmen.json",
            "garage-assen.json",
            "installatiebedrijf-leeuwarden.json",
            "zorghuis-groningen.json")) {
      results.add(StudentReportTest.score(Path.of("examples", example)));
    }
    List<RenderedPdf> alone = new ArrayList<>();
    for (ScoreResult result : results) {
      alone.add(StudentReportTest.render(result, null, "nl"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RenderedPdf>> together = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (ScoreResult result : results) {
          together.add(pool.submit(() -> StudentReportTest.render(result, null, "nl")));
        }
      }
      for (int i = 0; i < together.size(); i++) {
        RenderedPdf expected = alone.get(i % results.size());
        RenderedPdf actual = together.get(i).get();
        assertThat(actual.pages()).isEqualTo(expected.pages());
        assertThat(actual.bytes()).hasSameSizeAs(expected.bytes());
        assertThat(StudentReportTest.pages(actual.bytes()))
            .isEqualTo(StudentReportTest.pages(expected.bytes()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
