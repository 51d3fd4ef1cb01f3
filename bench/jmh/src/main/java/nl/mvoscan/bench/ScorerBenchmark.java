package nl.mvoscan.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring the example class (28 responses on the bundled scan), the work import does once per
 * response. Run with {@code -prof gc} to see the bytes allocated per class next to the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ScorerBenchmark {

  private Scan scan;
  private List<Answers> answers;

  @Setup
  public void load() {
    Path root = Path.of(System.getProperty("mvoscan.root", "."));
    ScanLoader.Result loaded =
        ScanLoader.load(root.resolve("scans/mvo-stagebedrijf.json"), Locale.ROOT);
    if (!loaded.ok()) {
      throw new IllegalStateException("the bundled scan does not load: " + loaded.problems());
    }
    scan = loaded.scan();
    ClassCsv.Result csv = ClassCsv.read(root.resolve("examples/klas-3a.csv"), scan, Map.of(), null);
    if (!csv.ok()) {
      throw new IllegalStateException("the example class does not import: " + csv.problems());
    }
    answers = csv.rows().stream().map(ClassCsv.Row::answers).toList();
  }

  @Benchmark
  public void scoreClass(Blackhole blackhole) {
    for (Answers response : answers) {
      ScoreResult result = Scorer.score(scan, response);
      blackhole.consume(result);
    }
  }
}
