package nl.mvoscan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.store.Classrooms;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreAddress;

/** A running web app on a free loopback port with its own database, for the web tests. */
final class WebFixture implements AutoCloseable {

  static final String SECRET = "test-teacher-secret-0123456789";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** The SQLite file, or {@code null} on PostgreSQL. */
  final Path db;

  final StoreAddress address;
  final WebServer server;
  final StringWriter log = new StringWriter();

  WebFixture(Path dir) throws Exception {
    this(new StoreAddress.SqliteFile(dir.resolve("k.db")));
  }

  WebFixture(StoreAddress address) throws Exception {
    this.address = address;
    this.db = address instanceof StoreAddress.SqliteFile file ? file.file() : null;
    this.server =
        WebServer.start(
            new WebServer.Options(
                address,
                "127.0.0.1",
                0,
                List.of(),
                null,
                null,
                SECRET,
                new PrintWriter(log, true)));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A class on the bundled scan, opened straight in the store. */
  Classrooms.ClassRoom openClass(String name) throws Exception {
    ScanCatalog catalog = ScanCatalog.load(List.of(), java.util.Locale.ROOT);
    ScanCatalog.Entry entry = catalog.entry("mvo-stagebedrijf").orElseThrow();
    try (Store store = Store.open(address)) {
      return Classrooms.open(
          store,
          name,
          entry.result().scan().hash(),
          entry.result().scan().id(),
          entry.result().scan().version(),
          entry.result().document().root(),
          "2026-2027",
          null,
          () -> new Tokens().code(6));
    }
  }

  /** A browser-like HTTP client: it keeps cookies, follows no redirects. */
  static final class Client {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    String csrf;

    /** Sent with every request, as a reverse proxy adds them. */
    final Map<String, String> headers = new java.util.LinkedHashMap<>();

    Client(String base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpResponse<String> response =
          http.send(
              request(path).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
      return http.send(
          request(path).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form POST with the CSRF value this client was given. */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields)
        throws IOException, InterruptedException {
      return postRaw(path, fields, true);
    }

    HttpResponse<String> postRaw(
        String path, List<Map.Entry<String, String>> fields, boolean withCsrf)
        throws IOException, InterruptedException {
      String body =
          (withCsrf && csrf != null ? "csrf=" + enc(csrf) + "&" : "")
              + fields.stream()
                  .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                  .collect(Collectors.joining("&"));
      return http.send(
          request(path)
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
      headers.forEach(builder::header);
      return builder;
    }

    /** Joins a class as a student; the personal path /s/TOKEN. */
    String join(String code, String name, String company) throws Exception {
      get("/k/" + code);
      HttpResponse<String> joined =
          post(
              "/k/" + code,
              List.of(
                  Map.entry("name", name),
                  Map.entry("studentNumber", ""),
                  Map.entry("company", company),
                  Map.entry("kvk", ""),
                  Map.entry("city", "Emmen")));
      assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
      String location = joined.headers().firstValue("Location").orElseThrow();
      return URI.create(location).getPath().replaceAll("/deel/0$", "");
    }

    private static String enc(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
