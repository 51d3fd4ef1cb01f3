package nl.mvoscan.cli;

import static nl.mvoscan.cli.CliFixtures.assertNoStackTrace;
import static nl.mvoscan.cli.CliFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Nothing a command throws, an Error included, reaches the user as a stack trace. */
class ErrorHandlerTest {

  @TempDir Path dir;

  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Error error;

    Boom(Error error) {
      this.error = error;
    }

    @Override
    public Integer call() {
      throw error;
    }
  }

  private static Cli.Run runWith(Error error, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), null);
    commandLine.addSubcommand("boom", new Boom(error));
    int[] code = new int[1];
    assertThatCode(() -> code[0] = commandLine.execute(args))
        .as("nothing escapes the handler")
        .doesNotThrowAnyException();
    return new Cli.Run(code[0], out.toString(), err.toString());
  }

  @Test
  void anOutOfMemoryErrorIsOneLineAboutMemoryWithExitCodeOne() {
    Cli.Run dutch = runWith(new OutOfMemoryError("Java heap space"), "--lang", "nl", "boom");
    assertThat(dutch.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(lines(dutch.err())).hasSize(1);
    assertThat(dutch.err()).startsWith("te weinig geheugen voor ").contains("; probeer ");
    assertThat(dutch.err()).contains("MVOSCAN_JAVA_OPTS=-Xmx");
    assertNoStackTrace(dutch);

    Cli.Run english = runWith(new OutOfMemoryError("Java heap space"), "--lang", "en", "boom");
    assertThat(english.err()).startsWith("not enough memory for ").contains("; try ");
  }

  @Test
  void theMemoryAdviceFitsWhatTheCommandReads() {
    nl.mvoscan.i18n.Messages english = nl.mvoscan.i18n.Messages.forLanguage("en");
    for (String files : List.of("import", "score", "validate")) {
      assertThat(english.get(CommandLineFactory.outOfMemoryKey(files), "mvoscan " + files, 256))
          .as(files)
          .contains("fewer or smaller files at once");
    }
    for (String selection : List.of("aggregate", "export", "report")) {
      assertThat(
              english.get(
                  CommandLineFactory.outOfMemoryKey(selection), "mvoscan " + selection, 256))
          .as(selection)
          .doesNotContain("files")
          .contains("a smaller selection")
          .contains("--class")
          .contains("MVOSCAN_JAVA_OPTS=-Xmx");
    }
    for (String other : List.of("serve", "push", "responses")) {
      assertThat(english.get(CommandLineFactory.outOfMemoryKey(other), "mvoscan " + other, 256))
          .as(other)
          .doesNotContain("files")
          .doesNotContain("selection")
          .contains("MVOSCAN_JAVA_OPTS=-Xmx");
    }
    assertThat(
            nl.mvoscan.i18n.Messages.forLanguage("nl")
                .get(CommandLineFactory.outOfMemoryKey("aggregate"), "mvoscan aggregate", 256))
        .contains("kleinere selectie")
        .doesNotContain("bestanden");
  }

  @Test
  void anyOtherErrorIsWordedWithoutAStackTraceUnlessVerbose() {
    Cli.Run run = runWith(new StackOverflowError(), "--lang", "en", "boom");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.err()).contains("StackOverflowError");
    assertNoStackTrace(run);

    Cli.Run assertion = runWith(new AssertionError("unreachable"), "--lang", "en", "boom");
    assertThat(assertion.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertNoStackTrace(assertion);

    Cli.Run verbose =
        runWith(new AssertionError("unreachable"), "--lang", "en", "--verbose", "boom");
    assertThat(verbose.err()).contains("\tat ");
  }

  /**
   * A real shortage, in a JVM of its own with a small heap: reading a large answers file does not
   * fit, and the user gets one line and exit code 1 instead of "Exception in thread main".
   */
  @Test
  void aRealShortageOfMemoryInItsOwnJvmIsOneLine() throws IOException, InterruptedException {
    Path answers = dir.resolve("groot.json");
    byte[] padding = new byte[40 * 1024 * 1024];
    java.util.Arrays.fill(padding, (byte) ' ');
    Files.write(answers, "{\"format\": \"mvoscan-answers/1\",".getBytes(StandardCharsets.UTF_8));
    Files.write(answers, padding, java.nio.file.StandardOpenOption.APPEND);
    Files.write(
        answers,
        "\"answers\": {}}".getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx16m",
                    "-Xlog:disable",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "score",
                    "--lang",
                    "nl",
                    answers.toString()))
            .redirectErrorStream(false)
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(lines(err)).as(err).hasSize(1);
    assertThat(err).startsWith("te weinig geheugen voor ");
    assertThat(out).isEmpty();
    assertThat(process.exitValue()).isEqualTo(ExitCode.FAILURE);
  }
}
