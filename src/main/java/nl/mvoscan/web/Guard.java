package nl.mvoscan.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What keeps the pages safe: the response headers, the CSRF check, the teacher's sign-in and the
 * limit on failed attempts (docs/serve.md has the threat model).
 */
final class Guard {

  static final String CSRF_COOKIE = "mvoscan_csrf";
  static final String CSRF_FIELD = "csrf";
  static final String TEACHER_COOKIE = "mvoscan_docent";
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration TEACHER_SESSION = Duration.ofHours(12);

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Tokens tokens;
  private final String teacherSecret;
  private final boolean secure;
  private final Clock clock;
  private final Map<String, Instant> teacherSessions = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  Guard(Tokens tokens, String teacherSecret, boolean secure, Clock clock) {
    this.tokens = tokens;
    this.teacherSecret = teacherSecret;
    this.secure = secure;
    this.clock = clock;
  }

  /** Headers on every response, pages, files and errors alike. */
  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }

  /** The browser's CSRF value, set on the first page it asks for. */
  String csrf(Context ctx) {
    String known = ctx.attribute(CSRF_COOKIE);
    if (known != null) {
      return known;
    }
    String value = ctx.cookie(CSRF_COOKIE);
    if (value == null || !Tokens.wellFormed(value)) {
      value = tokens.token();
      ctx.cookie(cookie(ctx, CSRF_COOKIE, value, -1));
    }
    ctx.attribute(CSRF_COOKIE, value);
    return value;
  }

  /**
   * A state change must carry the value of the browser's CSRF cookie in its form: another site can
   * make the browser send the cookie (not with SameSite=Strict, but older browsers), never read it.
   */
  boolean csrfOk(Context ctx) {
    String cookie = ctx.cookie(CSRF_COOKIE);
    String field = ctx.formParam(CSRF_FIELD);
    return cookie != null && field != null && Tokens.same(cookie, field);
  }

  /** Whether this address failed more than {@link #MAX_FAILURES} times in the last minute. */
  boolean blocked(Context ctx) {
    Deque<Instant> list = failures.get(ctx.ip());
    if (list == null) {
      return false;
    }
    synchronized (list) {
      prune(list);
      return list.size() >= MAX_FAILURES;
    }
  }

  /** A wrong secret, class code, resume code or personal link from this address. */
  void failed(Context ctx) {
    Deque<Instant> list = failures.computeIfAbsent(ctx.ip(), k -> new ArrayDeque<>());
    synchronized (list) {
      prune(list);
      list.addLast(clock.instant());
    }
  }

  private void prune(Deque<Instant> list) {
    Instant limit = clock.instant().minus(WINDOW);
    while (!list.isEmpty() && list.peekFirst().isBefore(limit)) {
      list.removeFirst();
    }
  }

  boolean secretOk(String typed) {
    return Tokens.same(teacherSecret, typed == null ? "" : typed.strip());
  }

  /** Signs the teacher in: a new random session, known to this process only. */
  void signIn(Context ctx) {
    String session = tokens.token();
    teacherSessions.put(Tokens.sha256(session), clock.instant().plus(TEACHER_SESSION));
    ctx.cookie(cookie(ctx, TEACHER_COOKIE, session, (int) TEACHER_SESSION.toSeconds()));
  }

  void signOut(Context ctx) {
    String session = ctx.cookie(TEACHER_COOKIE);
    if (session != null) {
      teacherSessions.remove(Tokens.sha256(session));
    }
    ctx.cookie(cookie(ctx, TEACHER_COOKIE, "", 0));
  }

  boolean teacher(Context ctx) {
    String session = ctx.cookie(TEACHER_COOKIE);
    if (session == null || !Tokens.wellFormed(session)) {
      return false;
    }
    String key = Tokens.sha256(session);
    Instant until = teacherSessions.get(key);
    if (until == null) {
      return false;
    }
    if (until.isBefore(clock.instant())) {
      teacherSessions.remove(key);
      return false;
    }
    return true;
  }

  /**
   * HttpOnly, SameSite=Strict, and Secure when served over TLS: the app's own, or a reverse proxy's
   * that the request came through (only believed when the app listens on loopback).
   */
  Cookie cookie(Context ctx, String name, String value, int maxAge) {
    boolean tls = secure || ctx.req().isSecure();
    return new Cookie(name, value, "/", maxAge, tls, true, null, SameSite.STRICT);
  }
}
