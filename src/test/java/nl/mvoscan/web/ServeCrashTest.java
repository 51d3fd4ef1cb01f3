package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, a server killed with SIGKILL in the middle of saves, and a restart: every answer the
 * server confirmed is still there, and the database is whole.
 */
class ServeCrashTest {

  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:([0-9]+)/");

  @TempDir Path dir;

  @Test
  void noConfirmedAnswerIsLostToBadInputAKillMidSaveOrARestart() throws Exception {
    Path db = dir.resolve("k.db");
    ScanCatalog.Entry entry =
        ScanCatalog.load(List.of(), java.util.Locale.ROOT).entry("mvo-stagebedrijf").orElseThrow();
    Classrooms.ClassRoom room;
    try (Store store = Store.open(db)) {
      room =
          Classrooms.open(
              store,
              "3A",
              entry.result().scan().hash(),
              entry.result().scan().id(),
              entry.result().scan().version(),
              entry.result().document().root(),
              "2026-2027",
              null,
              () -> new Tokens().code(6));
    }
    List<String> choice =
        entry.result().scan().questions().stream()
            .filter(q -> q.type() == nl.mvoscan.scan.QuestionType.CHOICE)
            .map(q -> q.id() + "=" + q.options().get(0).id())
            .toList();

    Process server = start(db);
    String base = "http://127.0.0.1:" + port(server);
    int students = 8;
    List<WebFixture.Client> clients = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (int i = 0; i < students; i++) {
      WebFixture.Client client = new WebFixture.Client(base);
      links.add(client.join(room.code(), "Student " + i, "Bedrijf " + i));
      client.get(links.get(i));
      clients.add(client);
    }
    // bad input first: refused beside the field, the answers before it stay
    WebFixture.Client first = clients.get(0);
    first.post(
        links.get(0) + "/deel/0",
        List.of(Map.entry("q", "sector"), Map.entry("a.sector", "productie")));
    HttpResponse<String> bad =
        first.post(
            links.get(0) + "/deel/0",
            List.of(Map.entry("q", "medewerkers"), Map.entry("a.medewerkers", "twaalf")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("twaalf").doesNotContain("Exception");

    // every student saves answer after answer; the server is killed while they do
    Map<String, String> confirmed = new ConcurrentHashMap<>();
    confirmed.put(links.get(0) + "|sector", "productie");
    ExecutorService pool = Executors.newFixedThreadPool(students);
    for (int i = 0; i < students; i++) {
      int s = i;
      pool.submit(
          () -> {
            for (String pair : choice) {
              String[] qa = pair.split("=");
              try {
                HttpResponse<String> saved =
                    clients
                        .get(s)
                        .post(
                            links.get(s) + "/bewaar",
                            List.of(Map.entry("q", qa[0]), Map.entry("a." + qa[0], qa[1])));
                if (saved.statusCode() == 200) {
                  confirmed.put(links.get(s) + "|" + qa[0], qa[1]);
                }
              } catch (Exception e) {
                return; // the server is gone
              }
            }
          });
    }
    while (confirmed.size() < 40) {
      Thread.sleep(5);
    }
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
    server.waitFor(10, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    Process again = start(db);
    try {
      String restarted = "http://127.0.0.1:" + port(again);
      assertThat(new WebFixture.Client(restarted).get(links.get(0)).statusCode()).isEqualTo(200);
    } finally {
      again.destroy();
      again.waitFor(10, TimeUnit.SECONDS);
    }
    try (Store store = Store.open(db)) {
      String integrity =
          store.read(
              c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                  return rs.next() ? rs.getString(1) : "no result";
                }
              });
      assertThat(integrity).isEqualTo("ok");
      List<Classrooms.Student> stored = Classrooms.students(store, room.id());
      assertThat(stored).hasSize(students);
      int found = 0;
      for (int i = 0; i < students; i++) {
        Map<String, String> answers = new java.util.HashMap<>();
        for (Classrooms.SavedAnswer a : Classrooms.answers(store, stored.get(i).id())) {
          answers.put(a.questionId(), a.value().asText());
        }
        for (var c : confirmed.entrySet()) {
          String[] key = c.getKey().split("\\|");
          if (key[0].equals(links.get(i))) {
            assertThat(answers).as(c.getKey()).containsEntry(key[1], c.getValue());
            found++;
          }
        }
        assertThat(answers).doesNotContainKey("medewerkers");
      }
      assertThat(found).isEqualTo(confirmed.size()).isGreaterThanOrEqualTo(40);
    }
  }

  private Process start(Path db) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "nl.mvoscan.cli.Main",
            "serve",
            "--db",
            db.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            "0");
    builder.environment().put("MVOSCAN_TEACHER_SECRET", WebFixture.SECRET);
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the port from the addresses the server prints. */
  private static int port(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < until && (line = out.readLine()) != null) {
      seen.add(line);
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        int port = Integer.parseInt(m.group(1));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe empty so the server never blocks on output
                    }
                  } catch (java.io.IOException e) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("the server printed no address: " + seen);
  }
}
