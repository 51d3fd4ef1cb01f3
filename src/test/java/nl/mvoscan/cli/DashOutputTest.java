package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o -} writes to standard output wherever {@code -o} exists: text as without {@code -o}, a
 * PDF or workbook as its bytes, refused on a terminal; where it makes no sense (take asks its
 * questions there, a batch is a folder) it is bad input that says what to give instead. Nothing is
 * written as a file called "-".
 */
class DashOutputTest {

  @TempDir Path dir;

  private String db;

  @BeforeEach
  void classInDatabase() {
    db = dir.resolve("k.db").toString();
    Cli.Run imported = Cli.run("import", "--db", db, "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  @Test
  void templateWritesItsJsonAndItsFormToStandardOutput() {
    Cli.Run json = Cli.run("template", "--lang", "en", "mvo-stagebedrijf", "-o", "-");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out()).startsWith("{").contains("\"format\" : \"mvoscan-answers/1\"");
    Cli.Run form = Cli.run("template", "--lang", "en", "mvo-stagebedrijf", "--form", "-o", "-");
    assertThat(form.exitCode()).as(form.err()).isZero();
    assertThat(form.out()).contains("Your name");
    assertNoDashFile();
  }

  @Test
  void exportWritesCsvAndJsonToStandardOutput() {
    Cli.Run csv = Cli.run("export", "--lang", "en", "--db", db, "-o", "-");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines().count()).isEqualTo(29);
    assertThat(csv.err()).contains("exported").doesNotContain(" to -");
    Cli.Run json = Cli.run("export", "--lang", "en", "--db", db, "--format", "json", "-o", "-");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.out().strip()).startsWith("[").endsWith("]");
    assertNoDashFile();
  }

  @Test
  void anExcelWorkbookGoesToAPipeAndIsRefusedOnATerminal() throws Exception {
    Cli.BinaryRun piped =
        Cli.runBinary(false, "export", "--lang", "en", "--db", db, "--format", "xlsx", "-o", "-");
    assertThat(piped.exitCode()).as(piped.err()).isZero();
    assertThat(new String(piped.bytes(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    assertThat(piped.out()).isEmpty();
    try (var workbook =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(piped.bytes()))) {
      assertThat(workbook.getSheets().count()).isGreaterThanOrEqualTo(3);
    }

    Cli.BinaryRun terminal =
        Cli.runBinary(true, "export", "--lang", "en", "--db", db, "--format", "xlsx", "-o", "-");
    assertThat(terminal.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(terminal.bytes()).isEmpty();
    assertThat(terminal.err())
        .contains("-o -: standard output is a terminal, where xlsx output is unreadable")
        .doesNotContain("Exception");
    assertNoDashFile();
  }

  @Test
  void studentAndClassReportsGoToAPipeAsPdfAndAreRefusedOnATerminal() {
    for (String[] args :
        new String[][] {
          {"report", "student", "examples/bakkerij-emmen.json", "--lang", "en", "-o", "-"},
          {"report", "class", "3A", "--lang", "en", "--db", db, "-o", "-"}
        }) {
      Cli.BinaryRun piped = Cli.runBinary(false, args);
      assertThat(piped.exitCode()).as(piped.err()).isZero();
      assertThat(new String(piped.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(piped.out()).as("nothing but the PDF on standard output").isEmpty();
      assertThat(piped.err()).contains("written to standard output (");

      Cli.BinaryRun terminal = Cli.runBinary(true, args);
      assertThat(terminal.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(terminal.bytes()).isEmpty();
      assertThat(terminal.err()).contains("where PDF output is unreadable");
    }
    assertNoDashFile();
  }

  @Test
  void aBatchAndTakeSayWhyStandardOutputCannotBeTheirOutput() {
    Cli.Run batch =
        Cli.run("report", "batch", "--class", "3A", "--lang", "en", "--db", db, "-o", "-");
    assertThat(batch.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(batch.err()).contains("a batch is a folder of PDF files").contains("-o rapporten/");

    Cli.Run take =
        Cli.run(
            new java.io.BufferedReader(new java.io.StringReader("")),
            "take",
            "mvo-stagebedrijf",
            "--lang",
            "en",
            "-o",
            "-");
    assertThat(take.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(take.err()).contains("take asks its questions on standard output");
    assertNoDashFile();
  }

  /** No command took "-" for a file name, here or in the working directory. */
  private void assertNoDashFile() {
    assertThat(Path.of("-")).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A disk that is full, or a pipe closed early: every write fails. */
  private static final class Refusing extends java.io.OutputStream {
    @Override
    public void write(int b) throws java.io.IOException {
      throw new java.io.IOException("No space left on device");
    }
  }

  @Test
  void aWorkbookOrFiguresThatStandardOutputRefusesAreAFailureNotASuccess() {
    String refused =
        "cannot write to standard output (a full disk behind the redirection, or a pipe that was"
            + " closed early?); run the command again with -o FILE, or with room on the disk";
    for (String[] args :
        new String[][] {
          {"export", "--lang", "en", "--db", db, "--format", "xlsx", "-o", "-"},
          {"export", "--lang", "en", "--db", db, "--long"},
          {"aggregate", "--lang", "en", "--db", db},
        }) {
      java.io.StringWriter err = new java.io.StringWriter();
      // as System.out does: the PrintStream swallows the error and only tells checkError()
      java.io.PrintStream full = new java.io.PrintStream(new Refusing(), false);
      int code =
          CommandLineFactory.create(
                  new java.io.PrintWriter(
                      new java.io.OutputStreamWriter(full, StandardCharsets.UTF_8), true),
                  new java.io.PrintWriter(err, true),
                  picocli.CommandLine.defaultFactory(),
                  StandardInput.system(),
                  new StandardOutput(full, false),
                  null)
              .execute(args);
      assertThat(code).as(String.join(" ", args) + "\n" + err).isEqualTo(ExitCode.FAILURE);
      assertThat(err.toString()).as(String.join(" ", args)).contains(refused);
      assertThat(err.toString()).doesNotContain("geëxporteerd").doesNotContain("exported");
    }
  }

  private static final String REFUSED_NL =
      "kan niet naar de standaarduitvoer schrijven (een volle schijf achter de omleiding, of een"
          + " pipe die te vroeg dichtging?); voer het commando opnieuw uit met -o BESTAND, of met"
          + " ruimte op de schijf";

  private static final String REFUSED_EN =
      "cannot write to standard output (a full disk behind the redirection, or a pipe that was"
          + " closed early?); run the command again with -o FILE, or with room on the disk";

  /** Commands that print to standard output (text, a PDF, help), in English. */
  private String[][] printingCommands() {
    return new String[][] {
      {"score", "--lang", "en", "examples/bakkerij-emmen.json"},
      {"score", "--lang", "en", "--json", "examples/bakkerij-emmen.json"},
      {"responses", "--lang", "en", "--db", db},
      {"companies", "--lang", "en", "--db", db},
      {"scans", "--lang", "en"},
      {"validate", "--lang", "en", "scans/mvo-stagebedrijf.json"},
      {"report", "student", "examples/bakkerij-emmen.json", "--lang", "en", "-o", "-"},
      {"report", "class", "3A", "--lang", "en", "--db", db, "-o", "-"},
      {"aggregate", "--lang", "en", "--db", db, "--json"},
      {"template", "--lang", "en", "mvo-stagebedrijf", "-o", "-"},
      {"--lang", "en", "--help"},
      {"score", "--help", "--lang", "en"},
    };
  }

  /**
   * Runs {@code args} as {@code main} does, text and bytes both going to {@code stdout}: the JVM's
   * {@code System.out} is one PrintStream behind both, which swallows what its stream throws.
   */
  private static Cli.Run runOn(java.io.PrintStream stdout, String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        CommandLineFactory.create(
                new java.io.PrintWriter(
                    new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
                new java.io.PrintWriter(err, true),
                picocli.CommandLine.defaultFactory(),
                StandardInput.system(),
                new StandardOutput(stdout, false),
                null)
            .execute(args);
    return new Cli.Run(code, "", err.toString());
  }

  @Test
  void everyCommandWhoseStandardOutputIsRefusedFailsWithTheOneLine() {
    for (String[] args : printingCommands()) {
      Cli.Run run = runOn(new java.io.PrintStream(new Refusing(), true), args);
      String what = String.join(" ", args) + "\n" + run.err();
      assertThat(run.exitCode()).as(what).isEqualTo(ExitCode.FAILURE);
      assertThat(lines(run.err())).as(what).contains(REFUSED_EN);
      assertThat(lines(run.err()))
          .as(what + ": said once")
          .filteredOn(REFUSED_EN::equals)
          .hasSize(1);
      assertThat(run.err())
          .as(what + ": no success after output that did not arrive")
          .doesNotContain("written to standard output")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aRefusedStandardOutputIsWordedInDutchToo() {
    Cli.Run run =
        runOn(
            new java.io.PrintStream(new Refusing(), true),
            "score",
            "--lang",
            "nl",
            "examples/bakkerij-emmen.json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(lines(run.err())).containsExactly(REFUSED_NL);
  }

  @Test
  void aTextWriterThatThrowsLikeAClosedPipeIsAFailureToo() {
    // as main builds it, without a PrintStream in between: the writer itself meets the
    // IOException, and keeps it
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        CommandLineFactory.create(
                TerminalWriter.of(
                    new java.io.OutputStreamWriter(new Refusing(), StandardCharsets.UTF_8)),
                new java.io.PrintWriter(err, true),
                picocli.CommandLine.defaultFactory(),
                StandardInput.system(),
                new StandardOutput(new java.io.ByteArrayOutputStream(), false),
                null)
            .execute("responses", "--lang", "en", "--db", db);
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(lines(err.toString())).contains(REFUSED_EN);
  }

  /** The operating system's own full disk, where there is one (Linux). */
  private static final Path DEV_FULL = Path.of("/dev/full");

  @Test
  void standardOutputOnDevFullFailsAndAHealthyOneSucceeds() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isWritable(DEV_FULL),
        "no writable /dev/full on this system: a full disk is not at hand");
    for (String[] args :
        new String[][] {
          {"score", "--lang", "en", "examples/bakkerij-emmen.json"},
          {"responses", "--lang", "en", "--db", db},
          {"report", "class", "3A", "--lang", "en", "--db", db, "-o", "-"},
        }) {
      String what = String.join(" ", args);
      try (java.io.PrintStream full =
          new java.io.PrintStream(new java.io.FileOutputStream(DEV_FULL.toFile()), true)) {
        Cli.Run run = runOn(full, args);
        assertThat(run.exitCode()).as(what + "\n" + run.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(lines(run.err())).as(what).contains(REFUSED_EN);
      }
      java.io.ByteArrayOutputStream room = new java.io.ByteArrayOutputStream();
      Cli.Run healthy = runOn(new java.io.PrintStream(room, true), args);
      assertThat(healthy.exitCode()).as(what + "\n" + healthy.err()).isZero();
      assertThat(healthy.err()).as(what).doesNotContain(REFUSED_EN);
      assertThat(room.size()).as(what).isPositive();
    }
  }

  /** mvoscan as a script starts it, its standard output a full disk: exit 1 and the one line. */
  @Test
  void aRealProcessWhoseStandardOutputIsAFullDiskExitsOne() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isWritable(DEV_FULL),
        "no writable /dev/full on this system: a full disk is not at hand");
    Path healthy = dir.resolve("score.txt");
    for (java.io.File stdout : new java.io.File[] {DEV_FULL.toFile(), healthy.toFile()}) {
      String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  launcher,
                  "-Xlog:disable",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "score",
                  "--lang",
                  "nl",
                  "examples/bakkerij-emmen.json")
              .redirectOutput(stdout)
              .start();
      process.getOutputStream().close();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      if (stdout.equals(healthy.toFile())) {
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain(REFUSED_NL);
        assertThat(Files.size(healthy)).isPositive();
      } else {
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.FAILURE);
        assertThat(lines(err)).containsExactly(REFUSED_NL);
      }
    }
  }
}
