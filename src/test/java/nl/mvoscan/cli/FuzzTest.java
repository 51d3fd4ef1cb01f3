package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated scans, answers files and class tables, from a fixed seed, fed to {@code validate}, {@code
 * score} and {@code import} for a bounded time: every run ends with exit code 0, 1 or 2 (3 for an
 * import with {@code --skip-invalid} that left rows out), without a stack trace, within 10 seconds,
 * and an import that fails leaves the database as it was. A failing input is kept under {@code
 * target/fuzz/} with the seed that made it.
 *
 * <p>{@code -Dmvoscan.fuzz.seconds=N} (per target, default 15) and {@code -Dmvoscan.fuzz.seed=S}
 * run it longer or elsewhere.
 */
class FuzzTest {

  private static final long SEED = Long.getLong("mvoscan.fuzz.seed", 15L);
  private static final long BUDGET_NANOS =
      TimeUnit.SECONDS.toNanos(Long.getLong("mvoscan.fuzz.seconds", 15L));
  private static final long LIMIT_SECONDS = 10;
  private static final Path KEPT = Path.of("target", "fuzz");

  /** What people and tools put in files, and what breaks readers: inserted at random places. */
  private static final List<String> TOKENS =
      List.of(
          "NaN",
          "Infinity",
          "+1",
          "-0",
          "1e999999999",
          "1E-999999999",
          "9".repeat(5_000),
          "0." + "1".repeat(300),
          "x".repeat(40_000),
          "null",
          "true",
          "{}",
          "[]",
          "{",
          "}",
          "[",
          "]",
          "\"",
          "\\",
          "\\u0000",
          "\\ud800",
          ",",
          ";",
          "\t",
          "\n",
          "\r\n",
          "\u0000",
          "\u001b]0;pwned\u0007",
          "\u001b[2J",
          "\u009b",
          "\uFEFF",
          "\u200B=HYPERLINK(\"http://x\")",
          "=cmd|' /C calc'!A0",
          "ŞEYMA YILMAZ",
          "🌱".repeat(300),
          "\u00AD",
          "\u00A0",
          "0026-11-20",
          "2026-02-30",
          "31-12-1850",
          "\"when\": \"sector = \"",
          "\"when\": \"" + "(".repeat(500) + "\"",
          "\"weight\": -1",
          "\"max\": 0",
          "\"type\": \"multi\"",
          "\"exclusive\": true",
          "\"na\": true",
          "\"$ref\": \"#\"");

  /** How often each exit code came, per target, printed at the end of a target. */
  private static final java.util.Map<Integer, Integer> EXITS = new java.util.TreeMap<>();

  private static int imports;

  @TempDir static Path dir;
  private static ExecutorService runner;
  private static Path baseDb;
  private static String baseState;

  @BeforeAll
  static void start() throws IOException {
    runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "fuzz");
              thread.setDaemon(true); // a run that hangs must not keep the build alive
              return thread;
            });
    baseDb = dir.resolve("base.db");
    Cli.Run seeded = Cli.run("import", "--db", baseDb.toString(), "examples/bakkerij-emmen.json");
    assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    baseState = state(baseDb);
  }

  @AfterAll
  static void stop() {
    runner.shutdownNow();
  }

  @Test
  void mutatedScansAreValidatedWithoutACrashOrAHang() throws Exception {
    byte[] seed = Files.readAllBytes(CliFixtures.fixture("scans").resolve("mini-scan.json"));
    fuzz(
        "scan",
        seed,
        ".json",
        file -> check(file, run("validate", "--lang", "nl", file.toString())));
  }

  @Test
  void mutatedAnswersFilesAreScoredAndImportedWithoutACrashOrAHalfImport() throws Exception {
    byte[] seed = Files.readAllBytes(Path.of("examples", "garage-assen.json"));
    fuzz(
        "answers",
        seed,
        ".json",
        file -> {
          String problem = check(file, run("score", "--lang", "en", file.toString()));
          return problem != null ? problem : importInto(file);
        });
  }

  @Test
  void mutatedClassTablesAreImportedWithoutACrashOrAHalfImport() throws Exception {
    byte[] seed = Files.readAllBytes(Path.of("examples", "klas-3a.csv"));
    fuzz("table", seed, ".csv", FuzzTest::importInto);
  }

  /**
   * Mutates {@code seed} until the time is up, writes each mutant to a file and hands it to {@code
   * target}, which returns what went wrong or null.
   */
  private static void fuzz(String name, byte[] seed, String suffix, Function<Path, String> target)
      throws IOException {
    Random random = new Random(SEED * 31 + name.hashCode());
    long end = System.nanoTime() + BUDGET_NANOS;
    int cases = 0;
    for (; cases == 0 || System.nanoTime() < end; cases++) {
      byte[] mutant = mutate(seed, random);
      Path file = dir.resolve(name + "-" + cases + suffix);
      Files.write(file, mutant);
      String problem = target.apply(file);
      if (problem != null) {
        Files.createDirectories(KEPT);
        Path kept = KEPT.resolve(name + "-seed" + SEED + "-case" + cases + suffix);
        Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        fail("%s case %d (seed %d, input kept in %s): %s", name, cases, SEED, kept, problem);
      }
      Files.delete(file);
    }
    System.out.printf("fuzz %s: %d cases, exit codes %s%n", name, cases, EXITS);
    EXITS.clear();
    assertThat(cases).as("cases run for " + name).isPositive();
  }

  /** One to four mutations of the seed: flips, cuts, copies, tokens and digit runs. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int rounds = 1 + random.nextInt(4);
    for (int r = 0; r < rounds; r++) {
      int at = data.length == 0 ? 0 : random.nextInt(data.length);
      switch (random.nextInt(7)) {
        case 0 -> { // flip a few bits
          for (int i = 0; i < 1 + random.nextInt(8) && data.length > 0; i++) {
            data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 ->
            data = splice(data, at, Math.min(data.length - at, random.nextInt(64)), ""); // cut
        case 2 -> { // copy a piece elsewhere
          int length = Math.min(data.length - at, random.nextInt(200));
          String piece = new String(data, at, length, StandardCharsets.ISO_8859_1);
          data = splice(data, random.nextInt(data.length + 1), 0, piece, true);
        }
        case 3 -> data = splice(data, at, 0, TOKENS.get(random.nextInt(TOKENS.size())));
        case 4 -> // replace a token
            data =
                splice(
                    data,
                    at,
                    Math.min(data.length - at, random.nextInt(12)),
                    TOKENS.get(random.nextInt(TOKENS.size())));
        case 5 -> data = java.util.Arrays.copyOf(data, at); // truncate
        default -> data = splice(data, at, 0, "7".repeat(1 + random.nextInt(300_000))); // digits
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int at, int remove, String insert) {
    return splice(data, at, remove, insert, false);
  }

  private static byte[] splice(byte[] data, int at, int remove, String insert, boolean raw) {
    byte[] middle = insert.getBytes(raw ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    byte[] out = new byte[data.length - remove + middle.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(middle, 0, out, at, middle.length);
    System.arraycopy(data, at + remove, out, at + middle.length, data.length - at - remove);
    return out;
  }

  /** Imports into a copy of the seeded database; a failed import must leave it unchanged. */
  private static String importInto(Path file) {
    try {
      Path db = Files.createTempFile(dir, "case", ".db");
      Files.copy(baseDb, db, StandardCopyOption.REPLACE_EXISTING);
      Path wal = Path.of(baseDb + "-wal");
      if (Files.exists(wal)) {
        Files.copy(wal, Path.of(db + "-wal"), StandardCopyOption.REPLACE_EXISTING);
      }
      // every other case keeps the good rows, so partial imports are tried too
      boolean skip = (imports++ & 1) == 1;
      Cli.Run run =
          skip
              ? run(
                  "import",
                  "--lang",
                  "en",
                  "--skip-invalid",
                  "--db",
                  db.toString(),
                  file.toString())
              : run("import", "--lang", "en", "--db", db.toString(), file.toString());
      String problem = check(file, run, skip);
      if (problem == null
          && run.exitCode() != 0
          && run.exitCode() != ExitCode.SKIPPED
          && !state(db).equals(baseState)) {
        problem = "import failed with exit " + run.exitCode() + " but changed the database";
      }
      for (String extra : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(db + extra));
      }
      return problem;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Everything stored, as the commands list it. */
  private static String state(Path db) {
    return Cli.run("responses", "--db", db.toString(), "--json").out()
        + Cli.run("companies", "--db", db.toString(), "--json").out();
  }

  /** What is wrong with how a run ended, or null. */
  private static String check(Path file, Cli.Run run) {
    return check(file, run, false);
  }

  /**
   * What is wrong with how a run ended, or null; {@code skipping} allows the exit code of an import
   * that left bad rows out on request.
   */
  private static String check(Path file, Cli.Run run, boolean skipping) {
    EXITS.merge(run.exitCode(), 1, Integer::sum);
    List<String> wrong = new ArrayList<>();
    boolean skipped = skipping && run.exitCode() == ExitCode.SKIPPED;
    if (!skipped && (run.exitCode() < 0 || run.exitCode() > 2)) {
      wrong.add("exit code " + run.exitCode() + ": " + head(run.err()));
    }
    for (String stream : List.of(run.out(), run.err())) {
      if (stream.contains("\tat ") || stream.contains("Exception") || stream.contains("Error:")) {
        wrong.add("a stack trace or exception: " + head(stream));
      }
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong) + " (" + file.getFileName() + ")";
  }

  /** Runs a command line, failing the case when it takes longer than the limit. */
  private static Cli.Run run(String... args) {
    Future<Cli.Run> future = runner.submit(() -> Cli.run(args));
    try {
      return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Cli.Run(
          -1, "", "took longer than " + LIMIT_SECONDS + " s: " + String.join(" ", args));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return new Cli.Run(-2, "", "Exception escaped the command: " + e.getCause());
    }
  }

  private static String head(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
