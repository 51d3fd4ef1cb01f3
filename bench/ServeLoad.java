import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;

/**
 * Load on {@code mvoscan serve}: a real server process on one SQLite database, many students who
 * each save answers one after another as fast as the server answers (all students at once), and a
 * teacher whose student list refreshes every second. Prints p50/p95/p99/max latency and errors per
 * kind of request, then stops the server (SIGTERM) and checks that the database holds exactly the
 * answers that were sent: none lost, none duplicated, none changed.
 *
 * <p>Run from the repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp target/mvoscan.jar bench/ServeLoad.java [--students 200] [--answers 50]
 *     [--think 1000-3000] [--dir DIR]
 * </pre>
 *
 * <p>{@code --think MIN-MAX}: each student waits between MIN and MAX milliseconds before each
 * answer (reading, choosing); {@code --think 0} saves back to back, which measures how many saves a
 * second the server can take rather than what a class feels.
 */
public final class ServeLoad {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern ADDRESS = Pattern.compile("(http://127\\.0\\.0\\.1:[0-9]+)/");
  private static final Pattern SCAN_OPTION = Pattern.compile("<option value=\"([^\"]+)\"");
  private static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*true");
  private static final List<String> EVIDENCE = List.of("gezien", "gevraagd", "document", "aanname");
  private static final String SECRET = "bench-teacher-secret-" + System.nanoTime();

  /** One answer as sent, and as it must be in the database afterwards. */
  record Sent(String value, String evidence, String note) {}

  /** A browser: its own cookies and connection, no redirects followed. */
  static final class Client {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    final String base;
    String csrf;

    Client(String base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    }

    HttpResponse<String> post(String path, Map<String, String> fields)
        throws IOException, InterruptedException {
      String body =
          "csrf="
              + enc(csrf)
              + fields.entrySet().stream()
                  .map(e -> "&" + enc(e.getKey()) + "=" + enc(e.getValue()))
                  .collect(Collectors.joining());
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Latencies in microseconds and errors of one kind of request. */
  static final class Timings {
    final String name;
    final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    final AtomicInteger errors = new AtomicInteger();
    final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

    Timings(String name) {
      this.name = name;
    }

    void add(long startNanos, boolean ok, String what) {
      micros.add((System.nanoTime() - startNanos) / 1_000);
      if (!ok) {
        errors.incrementAndGet();
        if (examples.size() < 5) {
          examples.add(what);
        }
      }
    }

    String line() {
      List<Long> sorted = new ArrayList<>(micros);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return String.format(Locale.ROOT, "%-16s no requests", name);
      }
      return String.format(
          Locale.ROOT,
          "%-16s n=%6d  p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms  max=%7.1f ms  errors=%d",
          name,
          sorted.size(),
          pct(sorted, 50),
          pct(sorted, 95),
          pct(sorted, 99),
          sorted.get(sorted.size() - 1) / 1000.0,
          errors.get());
    }

    private static double pct(List<Long> sorted, int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    int students = 200;
    int answers = 50;
    int thinkMin = 1000;
    int thinkMax = 3000;
    Path dir = Path.of("target", "bench", "serve");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--students" -> students = Integer.parseInt(args[++i]);
        case "--answers" -> answers = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--think" -> {
          String[] range = args[++i].split("-");
          thinkMin = Integer.parseInt(range[0]);
          thinkMax = Integer.parseInt(range[range.length - 1]);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(dir);
    Path db = dir.resolve("load-" + System.currentTimeMillis() + ".db");

    Scan scan =
        ScanCatalog.load(List.of(), Locale.ROOT)
            .entry("mvo-stagebedrijf")
            .orElseThrow()
            .result()
            .scan();
    List<Question> choice =
        scan.questions().stream().filter(q -> q.type() == QuestionType.CHOICE).toList();
    if (choice.size() < answers) {
      throw new IllegalStateException(
          "the bundled scan has " + choice.size() + " choice questions, fewer than " + answers);
    }

    Process server = startServer(db);
    // whatever happens below, the server does not outlive the benchmark
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
    String base = null;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    long started = System.nanoTime();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = ADDRESS.matcher(line);
      if (m.find()) {
        base = m.group(1);
        break;
      }
    }
    if (base == null) {
      throw new IllegalStateException("the server printed no address");
    }
    System.out.printf(
        Locale.ROOT,
        "server up after %.0f ms at %s, database %s%n",
        (System.nanoTime() - started) / 1e6,
        base,
        db);
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "drain");
    drain.setDaemon(true);
    drain.start();

    Client teacher = new Client(base);
    teacher.get("/docent/inloggen");
    expect(teacher.post("/docent/inloggen", Map.of("secret", SECRET)), 303, "sign-in");
    HttpResponse<String> classes = teacher.get("/docent");
    Matcher option = SCAN_OPTION.matcher(classes.body());
    String hash = null;
    while (option.find()) {
      if (option.group(1).equals(scan.hash())) {
        hash = option.group(1);
      }
    }
    if (hash == null) {
      throw new IllegalStateException("the teacher page offers no bundled scan " + scan.hash());
    }
    HttpResponse<String> created =
        teacher.post("/docent/klassen", Map.of("name", "Belasting", "scan", hash, "until", ""));
    expect(created, 303, "open a class");
    String classPath = created.headers().firstValue("Location").orElseThrow();
    String code = classPath.substring(classPath.lastIndexOf('/') + 1);

    Timings joins = new Timings("join");
    Timings saves = new Timings("save answer");
    Timings refreshes = new Timings("teacher list");
    ExecutorService pool = Executors.newFixedThreadPool(students);
    List<Client> clients = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<Future<String>> joined = new ArrayList<>();
    for (int s = 0; s < students; s++) {
      Client c = new Client(base);
      clients.add(c);
      int n = s;
      joined.add(
          pool.submit(
              () -> {
                c.get("/k/" + code);
                long t = System.nanoTime();
                HttpResponse<String> r =
                    c.post(
                        "/k/" + code,
                        Map.of(
                            "name", "Student " + n,
                            "studentNumber", "",
                            "company", "Bedrijf " + (n % 40),
                            "kvk", "",
                            "city", "Emmen"));
                joins.add(t, r.statusCode() == 303, "join " + r.statusCode());
                String location = r.headers().firstValue("Location").orElseThrow();
                String path = URI.create(location).getPath().replaceAll("/deel/[0-9]+$", "");
                c.get(path + "/deel/1");
                return path;
              }));
    }
    for (Future<String> f : joined) {
      links.add(f.get());
    }

    // what each student sends: question j of student s gets option (s + j), so that every answer
    // in the database can be told apart and checked
    Map<String, Sent> expected = new HashMap<>();
    int finalAnswers = answers;
    int fromMs = thinkMin;
    int toMs = thinkMax;
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    Thread refresher =
        new Thread(
            () -> {
              try {
                go.await();
                while (!done.get()) {
                  long t = System.nanoTime();
                  HttpResponse<String> r = teacher.get(classPath + "/leerlingen");
                  refreshes.add(t, r.statusCode() == 200, "list " + r.statusCode());
                  Thread.sleep(1000);
                }
              } catch (Exception e) {
                refreshes.errors.incrementAndGet();
              }
            },
            "teacher");
    refresher.start();
    List<Future<?>> work = new ArrayList<>();
    for (int s = 0; s < students; s++) {
      Client c = clients.get(s);
      String link = links.get(s);
      int n = s;
      for (int j = 0; j < answers; j++) {
        Question q = choice.get(j);
        String value = q.options().get((n + j) % q.options().size()).id();
        expected.put(
            "Student " + n + "|" + q.id(),
            new Sent(
                "\"" + value + "\"", EVIDENCE.get((n + j) % 4), "student " + n + " vraag " + j));
      }
      work.add(
          pool.submit(
              () -> {
                go.await();
                java.util.Random random = new java.util.Random(n);
                for (int j = 0; j < finalAnswers; j++) {
                  if (toMs > 0) {
                    // reading the question and choosing: no student answers faster than this
                    Thread.sleep(fromMs + random.nextInt(toMs - fromMs + 1));
                  }
                  Question q = choice.get(j);
                  Sent sent = expected.get("Student " + n + "|" + q.id());
                  long t = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        c.post(
                            link + "/bewaar",
                            Map.of(
                                "q",
                                q.id(),
                                "a." + q.id(),
                                sent.value().replace("\"", ""),
                                "e." + q.id(),
                                sent.evidence(),
                                "n." + q.id(),
                                sent.note()));
                    boolean ok = r.statusCode() == 200 && OK.matcher(r.body()).find();
                    saves.add(t, ok, r.statusCode() + " " + r.body());
                  } catch (IOException e) {
                    saves.add(t, false, e.toString());
                  }
                }
                return null;
              }));
    }
    long t0 = System.nanoTime();
    go.countDown();
    for (Future<?> f : work) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    done.set(true);
    refresher.join();
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);

    long stopAt = System.nanoTime();
    server.destroy();
    boolean stopped = server.waitFor(30, TimeUnit.SECONDS);
    System.out.printf(
        Locale.ROOT,
        "%d students x %d answers, think %d-%d ms, in %.1f s (%.0f saves/s); server stopped by"
            + " SIGTERM in %.0f ms (exit %s)%n",
        students,
        answers,
        thinkMin,
        thinkMax,
        seconds,
        students * answers / seconds,
        (System.nanoTime() - stopAt) / 1e6,
        stopped ? String.valueOf(server.exitValue()) : "still running");
    for (Timings t : List.of(joins, saves, refreshes)) {
      System.out.println(t.line());
      t.examples.forEach(e -> System.out.println("    e.g. " + e));
    }

    int lost = 0;
    int changed = 0;
    int extra = 0;
    int rows = 0;
    Map<String, Sent> remaining = new HashMap<>(expected);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT s.name, a.question_id, a.value, a.evidence, a.note FROM web_answer a"
                    + " JOIN web_student s ON s.id = a.student_id")) {
      while (rs.next()) {
        rows++;
        Sent stored = new Sent(rs.getString(3), rs.getString(4), rs.getString(5));
        Sent sent = remaining.remove(rs.getString(1) + "|" + rs.getString(2));
        if (sent == null) {
          extra++;
        } else if (!sent.equals(stored)) {
          changed++;
        }
      }
    }
    lost = remaining.size();
    System.out.printf(
        Locale.ROOT,
        "database: %d answers stored, %d sent; lost %d, changed %d, duplicated or unexpected %d%n",
        rows,
        expected.size(),
        lost,
        changed,
        extra);
    int problems =
        lost + changed + extra + saves.errors.get() + refreshes.errors.get() + joins.errors.get();
    System.out.println(problems == 0 ? "OK" : "FAILED: " + problems + " problems");
    System.exit(problems == 0 && stopped ? 0 : 1);
  }

  private static Process startServer(Path db) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-jar",
            Path.of("target", "mvoscan.jar").toString(),
            "serve",
            "--db",
            db.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            "0");
    builder.environment().put("MVOSCAN_TEACHER_SECRET", SECRET);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder.start();
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": HTTP " + response.statusCode() + "\n" + response.body());
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
