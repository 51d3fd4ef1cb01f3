package nl.mvoscan.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.StoreAddress;
import nl.mvoscan.store.StoreException;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@code mvoscan serve}: the class web app on Javalin (Jetty 12) with templates compiled at build
 * time. Pages are rendered on the server and work without JavaScript; state changes are POSTs
 * answered with a redirect (POST-redirect-GET).
 */
public final class WebServer implements AutoCloseable {

  /** Largest request body: a page of answers is a few kilobytes. */
  static final long MAX_BODY = 1_000_000;

  static final int IDLE_TIMEOUT_MS = 30_000;

  /**
   * How to start.
   *
   * @param bind the address to listen on; {@code 0.0.0.0} for every network
   * @param port 0 for any free port
   * @param tlsKeystore a PKCS12 keystore for HTTPS, or {@code null} for plain HTTP
   * @param teacherSecret the teacher's sign-in secret
   */
  public record Options(
      StoreAddress db,
      String bind,
      int port,
      List<Path> scanFolders,
      Path tlsKeystore,
      String tlsPassword,
      String teacherSecret,
      PrintWriter log) {}

  private final Options options;
  private final Data data;
  private final Tokens tokens = new Tokens();
  private final Guard guard;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean stopping;
  private Javalin app;

  private WebServer(Options options, Data data) {
    this.options = options;
    this.data = data;
    this.guard =
        new Guard(
            tokens, options.teacherSecret(), options.tlsKeystore() != null, Clock.systemUTC());
  }

  /** Opens the database and starts listening; throws when the database or the port fails. */
  public static WebServer start(Options options) throws StoreException {
    Data data = new Data(options.db(), options.scanFolders());
    WebServer server = new WebServer(options, data);
    try {
      server.app = server.create().start();
    } catch (RuntimeException e) {
      data.close();
      throw e;
    }
    return server;
  }

  private Javalin create() {
    StudentPages students = new StudentPages(this);
    TeacherPages teachers = new TeacherPages(this);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.maxRequestSize = MAX_BODY;
          config.http.defaultContentType = "text/html; charset=utf-8";
          config.jetty.addConnector(this::connector);
          config.jetty.modifyServer(s -> s.setStopTimeout(5_000));
          config.staticFiles.add(
              files -> {
                files.hostedPath = "/static";
                files.directory = "/nl/mvoscan/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
              });
          config.routes.before(
              ctx -> {
                Guard.headers(ctx);
                if (stopping) {
                  ctx.header("Connection", "close");
                  problem(ctx, 503, "web.error.stopping.title", "web.error.stopping.text", null);
                  ctx.skipRemainingHandlers();
                  return;
                }
                if (ctx.method().name().equals("POST") && !guard.csrfOk(ctx)) {
                  problem(ctx, 403, "web.error.csrf.title", "web.error.csrf.text", null);
                  ctx.skipRemainingHandlers();
                  return;
                }
                running.incrementAndGet();
                ctx.attribute("mvoscan.counted", Boolean.TRUE);
              });
          config.routes.after(
              ctx -> {
                if (ctx.attribute("mvoscan.counted") != null) {
                  running.decrementAndGet();
                }
                if (ctx.path().startsWith("/s/") || ctx.path().startsWith("/docent")) {
                  ctx.header("Cache-Control", "no-store");
                }
              });
          config.routes.get("/", students::home);
          config.routes.get("/k", students::findClass);
          config.routes.get("/k/{code}", students::joinPage);
          config.routes.post("/k/{code}", students::join);
          config.routes.post("/hervat", students::resume);
          config.routes.get("/taal/{lang}", this::switchLanguage);
          config.routes.get("/s/{token}", students::overview);
          config.routes.get("/s/{token}/deel/{n}", students::section);
          config.routes.post("/s/{token}/deel/{n}", students::saveSection);
          config.routes.post("/s/{token}/bewaar", students::autosave);
          config.routes.get("/s/{token}/gegevens", students::detailsPage);
          config.routes.post("/s/{token}/gegevens", students::saveDetails);
          config.routes.post("/s/{token}/afronden", students::finish);
          config.routes.get("/s/{token}/uitslag", students::result);
          config.routes.get("/s/{token}/rapport.pdf", students::pdf);
          config.routes.get("/s/{token}/bedrijfsrapport.pdf", students::companyPdf);
          config.routes.get("/s/{token}/antwoorden.json", students::answersFile);
          teachers.routes(config.routes);
          config.routes.exception(Exception.class, this::serverError);
          config.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.res().isCommitted()) {
                  if (ctx.attribute("mvoscan.rendered") == null) {
                    problem(ctx, 404, "web.error.notFound.title", "web.error.notFound.text", null);
                  }
                }
              });
          config.routes.error(
              413,
              ctx ->
                  problem(ctx, 413, "web.error.tooLarge.title", "web.error.tooLarge.text", null));
        });
  }

  private ServerConnector connector(
      org.eclipse.jetty.server.Server server, HttpConfiguration http) {
    http.setSendServerVersion(false);
    if (loopbackOnly()) {
      // only a program on this machine, the reverse proxy, can reach a loopback address: its
      // X-Forwarded-For and -Proto give each student's own address (for the limit on wrong codes)
      // and whether they came over HTTPS; on a network address anyone could send those headers
      http.addCustomizer(new ForwardedRequestCustomizer());
    }
    ServerConnector connector;
    if (options.tlsKeystore() != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(options.tlsKeystore().toAbsolutePath().toString());
      ssl.setKeyStoreType("PKCS12");
      ssl.setKeyStorePassword(options.tlsPassword() == null ? "" : options.tlsPassword());
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer customizer = new SecureRequestCustomizer();
      // a school server is reached by its address as often as by its name
      customizer.setSniHostCheck(false);
      https.addCustomizer(customizer);
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(options.bind());
    connector.setPort(options.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    return connector;
  }

  public int port() {
    return app.port();
  }

  public boolean tls() {
    return options.tlsKeystore() != null;
  }

  /** Every address a browser can reach the app on, the local one first. */
  public List<String> addresses() {
    String scheme = tls() ? "https" : "http";
    List<String> list = new ArrayList<>();
    String bind = options.bind();
    if (bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty()) {
      list.add(scheme + "://localhost:" + port() + "/");
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          if (!nic.isUp() || nic.isLoopback()) {
            continue;
          }
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            if (address instanceof Inet4Address) {
              list.add(scheme + "://" + address.getHostAddress() + ":" + port() + "/");
            }
          }
        }
      } catch (SocketException e) {
        // the local address still works
      }
    } else {
      String host = bind.contains(":") ? "[" + bind + "]" : bind;
      list.add(scheme + "://" + host + ":" + port() + "/");
    }
    return list;
  }

  /** The address students are given: one on the network when there is one. */
  public String studentAddress() {
    List<String> all = addresses();
    return all.size() > 1 ? all.get(1) : all.get(0);
  }

  /** True when the app can be reached from other machines without TLS. */
  public boolean plainOnNetwork() {
    return !tls() && !loopbackOnly();
  }

  /** True when only programs on this machine can reach the app. */
  private boolean loopbackOnly() {
    try {
      return InetAddress.getByName(options.bind()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public String teacherLink() {
    return studentAddress()
        + "docent/inloggen?geheim="
        + URLEncoder.encode(options.teacherSecret(), StandardCharsets.UTF_8);
  }

  /** Stops taking new requests, lets running ones finish, then stops Jetty and closes the store. */
  @Override
  public void close() {
    stopping = true;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (running.get() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (app != null) {
      app.stop();
    }
    data.close();
  }

  // ---- shared by the pages

  Data data() {
    return data;
  }

  Tokens tokens() {
    return tokens;
  }

  Guard guard() {
    return guard;
  }

  /** Dutch unless the reader switched to English. */
  static String language(Context ctx) {
    return "en".equals(ctx.cookie("mvoscan_lang")) ? "en" : "nl";
  }

  static Messages messages(Context ctx) {
    return Messages.forLanguage(language(ctx));
  }

  Views.Chrome chrome(Context ctx, String title) {
    String lang = language(ctx);
    String other = lang.equals("nl") ? "en" : "nl";
    String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    if (ctx.method().name().equals("POST") || ctx.queryParam("geheim") != null) {
      // the teacher's secret never travels on in another link
      back = ctx.path();
    }
    return new Views.Chrome(
        Messages.forLanguage(lang),
        lang,
        title,
        guard.csrf(ctx),
        "/taal/" + other + "?terug=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
        other);
  }

  void render(Context ctx, String template, Object page) {
    StringOutput out = new StringOutput();
    templates.render(template, page, out);
    ctx.attribute("mvoscan.rendered", Boolean.TRUE);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.attribute("mvoscan.rendered", Boolean.TRUE);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  /** An error page in the reader's language; never internals. */
  void problem(Context ctx, int status, String headingKey, String textKey, String errorId) {
    Messages m = messages(ctx);
    ctx.status(status);
    render(
        ctx,
        "problem.jte",
        new Views.Problem(
            chrome(ctx, m.get(headingKey)), status, m.get(headingKey), m.get(textKey), errorId));
  }

  void notFound(Context ctx) {
    problem(ctx, 404, "web.error.notFound.title", "web.error.notFound.text", null);
  }

  void tooMany(Context ctx) {
    ctx.header("Retry-After", "60");
    problem(ctx, 429, "web.error.tooMany.title", "web.error.tooMany.text", null);
  }

  private void serverError(Exception e, Context ctx) {
    String id = tokens.code(6);
    PrintWriter log = options.log();
    // the route pattern, never the address: addresses hold students' personal tokens
    String route = ctx.endpoint() == null ? "?" : ctx.endpoint().path;
    synchronized (log) {
      log.println(
          Instant.now()
              + " error "
              + id
              + " "
              + ctx.method()
              + " "
              + route
              + ": "
              + e.getClass().getName()
              + ": "
              + e.getMessage());
      for (StackTraceElement element : e.getStackTrace()) {
        log.println("    at " + element);
      }
      log.flush();
    }
    try {
      problem(ctx, 500, "web.error.server.title", "web.error.server.text", id);
    } catch (RuntimeException again) {
      ctx.status(500).contentType("text/plain; charset=utf-8").result("500 " + id);
    }
  }

  private void switchLanguage(Context ctx) {
    String lang = "en".equals(ctx.pathParam("lang")) ? "en" : "nl";
    ctx.cookie(guard.cookie(ctx, "mvoscan_lang", lang, 365 * 24 * 3600));
    ctx.redirect(safeBack(ctx.queryParam("terug")), HttpStatus.SEE_OTHER);
  }

  /** Only a path on this site: never an address elsewhere. */
  static String safeBack(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
      return "/";
    }
    return back;
  }
}
