package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} started and stopped as {@code main} does, on captured output. */
class ServeCommandTest {

  @TempDir Path dir;

  /** What a run printed, once it stopped. */
  private record Served(int exitCode, String out, String err, String address) {}

  /**
   * Starts {@code serve} through the command factory with the output captured (not a terminal),
   * waits for the addresses, runs {@code whileRunning}, then releases the latch: the same stop the
   * shutdown hook runs on Ctrl-C.
   */
  private Served serve(String lang, Check whileRunning) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == ServeCommand.class
                ? type.cast(new ServeCommand(stop))
                : defaults.create(type);
          }
        };
    CommandLine cli =
        CommandLineFactory.create(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            factory,
            StandardInput.system(),
            new StandardOutput(new java.io.ByteArrayOutputStream(), false),
            null);
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread =
        new Thread(
            () ->
                code.set(
                    cli.execute(
                        "serve",
                        "--db",
                        dir.resolve("k.db").toString(),
                        "--port",
                        "0",
                        "--bind",
                        "127.0.0.1",
                        "--lang",
                        lang)));
    long started = System.nanoTime();
    thread.start();
    String stopHint = lang.equals("nl") ? "Stoppen: Ctrl-C" : "Stop: Ctrl-C";
    while (!out.toString().contains(stopHint) && thread.isAlive()) {
      Thread.sleep(20);
      assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(30).toNanos());
    }
    assertThat(out.toString()).as(err.toString()).contains(stopHint);
    Matcher m = Pattern.compile("(?m)^(http://127\\.0\\.0\\.1:[0-9]+/)$").matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    String address = m.group(1);
    whileRunning.run(address);
    stop.countDown();
    thread.join(20_000);
    assertThat(thread.isAlive()).isFalse();
    return new Served(code.get(), out.toString(), err.toString(), address);
  }

  @FunctionalInterface
  private interface Check {
    void run(String address) throws Exception;
  }

  @Test
  void notOnATerminalTheStudentAddressStandsOnItsOwnLineWithoutBlockArtOrEscapes()
      throws Exception {
    Served served = serve("nl", address -> {});
    assertThat(served.exitCode()).isZero();
    assertThat(served.out())
        .contains("Adres voor studenten:\n" + served.address() + "\n")
        .doesNotContain("\u001b")
        .doesNotContainPattern("[\u2580-\u259f]");
  }

  @Test
  void stoppingFinishesTheRequestsClosesTheDatabaseAndThenSaysSo() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Served served =
        serve(
            "nl",
            address -> {
              HttpResponse<String> home =
                  http.send(
                      HttpRequest.newBuilder(URI.create(address)).build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(home.statusCode()).isEqualTo(200);
            });
    assertThat(served.exitCode()).isZero();
    String out = served.out();
    assertThat(out.strip()).endsWith("mvoscan serve gestopt; database gesloten.");
    // the last connection closed: SQLite folded its write-ahead log back into the file
    assertThat(Files.exists(dir.resolve("k.db-wal"))).isFalse();
    assertThat(Files.exists(dir.resolve("k.db"))).isTrue();
  }

  @Test
  void theStopLineIsInEnglishWithTheEnglishMessages() throws Exception {
    Served served = serve("en", address -> {});
    assertThat(served.out())
        .contains("Address for students:\n" + served.address() + "\n")
        .endsWith("mvoscan serve stopped; database closed.\n");
  }
}
