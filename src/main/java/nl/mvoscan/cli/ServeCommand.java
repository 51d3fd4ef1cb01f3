package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.StoreException;
import nl.mvoscan.web.Qr;
import nl.mvoscan.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start de web-app voor de klas: studenten vullen de scan in hun browser in, de docent volgt"
          + " de klas.",
      "Start the class web app: students fill in the scan in their browser, the teacher follows the"
          + " class.",
      "",
      "Docentgeheim / teacher secret: $MVOSCAN_TEACHER_SECRET, anders nieuw bij elke start / else"
          + " new at each start.",
      "TLS-wachtwoord / keystore password: $MVOSCAN_TLS_PASSWORD."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin ScanSourceOptions sources;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Poort / port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "0.0.0.0",
      description =
          "Adres om op te luisteren / address to listen on (default: ${DEFAULT-VALUE}, every"
              + " network; 127.0.0.1: this computer only).")
  String bind;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description = "PKCS12-sleutelbestand voor HTTPS / PKCS12 keystore for HTTPS.")
  Path keystore;

  /** Released by a test to stop the server; in normal use Ctrl-C stops it. */
  private final CountDownLatch stop;

  public ServeCommand() {
    this(new CountDownLatch(1));
  }

  ServeCommand(CountDownLatch stop) {
    this.stop = stop;
  }

  @Override
  public Integer call() {
    Messages messages = common.messages();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = new ArrayList<>();
    if (port < 0 || port > 65535) {
      problems.add(messages.get("serve.badPort", port));
    }
    if (keystore != null && !Files.isRegularFile(keystore)) {
      problems.add(keystore + ": " + messages.get("file.notFound"));
    }
    if (!problems.isEmpty()) {
      throw MvoscanException.invalidInput(problems);
    }
    String secret = System.getenv("MVOSCAN_TEACHER_SECRET");
    if (secret == null || secret.isBlank()) {
      secret = generatedSecret();
    } else if (secret.strip().length() < 16) {
      throw MvoscanException.invalidInput(messages.get("serve.shortSecret"));
    }
    WebServer server;
    try {
      server =
          WebServer.start(
              new WebServer.Options(
                  db.address(),
                  bind,
                  port,
                  sources.allFolders(messages.locale()),
                  keystore,
                  System.getenv("MVOSCAN_TLS_PASSWORD"),
                  secret.strip(),
                  err));
    } catch (StoreException e) {
      throw MvoscanException.failure(messages.get(e.key(), e.args()), e.getCause());
    } catch (RuntimeException e) {
      throw MvoscanException.failure(
          messages.get("serve.cannotStart", bind, port, String.valueOf(e.getMessage())), e);
    }
    Thread hook = new Thread(() -> stop(server, out, messages), "mvoscan-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);

    out.println(messages.get("serve.started", db.path()));
    for (String address : server.addresses()) {
      out.println("  " + address);
    }
    out.println();
    out.println(messages.get("serve.students", server.studentAddress()));
    // output into a pipe or a file gets the plain address, never block art or escape codes
    if (StandardOutput.of(spec).terminal()) {
      out.print(Qr.terminal(server.studentAddress()));
    } else {
      out.println(messages.get("serve.studentsPlain"));
      out.println(server.studentAddress());
    }
    out.println(messages.get("serve.teacher"));
    out.println("  " + server.teacherLink());
    if (server.plainOnNetwork()) {
      out.println();
      out.println(messages.get("serve.plainWarning"));
    }
    out.println(messages.get("serve.stopHint"));
    out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(server, out, messages);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook closes the server
    }
    return ExitCode.OK;
  }

  /**
   * What Ctrl-C runs (the shutdown hook) and what a released latch runs: running requests finish,
   * the database is closed, and only then the line that says so, so a teacher who sees it knows
   * nothing is still being written.
   */
  private void stop(WebServer server, PrintWriter out, Messages messages) {
    server.close();
    out.println(messages.get("serve.stopped"));
    out.flush();
    stop.countDown();
  }

  private static String generatedSecret() {
    byte[] bytes = new byte[16];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
