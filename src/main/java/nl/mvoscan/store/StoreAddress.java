package nl.mvoscan.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the results are: a SQLite file, or a PostgreSQL database on a server. {@code --db} and
 * {@code MVOSCAN_DB} take either: a path, {@code postgresql://host:port/db?user=…} (also {@code
 * postgres://}) or {@code jdbc:postgresql://…}. A password never travels in the address: it comes
 * from {@code PGPASSWORD} or the password file ({@link PgPass}).
 */
public sealed interface StoreAddress {

  /** As messages name it: the file, or {@code postgresql://user@host:port/db}. */
  String display();

  /** A SQLite file. */
  record SqliteFile(Path file) implements StoreAddress {
    @Override
    public String display() {
      return file.toString();
    }
  }

  /**
   * A PostgreSQL database.
   *
   * @param parameters further connection settings passed on to the driver (sslmode, …)
   */
  record Postgres(
      String host, int port, String database, String user, Map<String, String> parameters)
      implements StoreAddress {
    public Postgres {
      parameters = Map.copyOf(parameters);
    }

    @Override
    public String display() {
      return "postgresql://" + user + "@" + hostPort() + "/" + database;
    }

    String hostPort() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The driver's address, without user or password (they go as properties). */
    String jdbcUrl() {
      return "jdbc:postgresql://" + hostPort() + "/" + database;
    }

    /** The same server and user, another database: for setting up and for tests. */
    public Postgres withDatabase(String other) {
      return new Postgres(host, port, other, user, parameters);
    }

    /** The same server and database as another role. */
    public Postgres withUser(String other) {
      return new Postgres(host, port, database, other, parameters);
    }

    /** As {@code --db} takes it back. */
    public String address() {
      StringBuilder text =
          new StringBuilder("postgresql://").append(hostPort()).append('/').append(database);
      text.append("?user=").append(user);
      parameters.forEach((k, v) -> text.append('&').append(k).append('=').append(v));
      return text.toString();
    }
  }

  /** Driver settings an address may carry; anything else is refused so typos do not pass. */
  Set<String> PASSED_ON =
      Set.of(
          "sslmode",
          "sslrootcert",
          "sslcert",
          "sslkey",
          "application_name",
          "connect_timeout",
          "options");

  /**
   * The address {@code text} names. A text that does not start with {@code postgresql:}, {@code
   * postgres:} or {@code jdbc:postgresql:} is a file path.
   *
   * @throws IllegalArgumentException with a message for the user when the address is malformed or
   *     carries a password
   */
  static StoreAddress parse(String text) {
    String trimmed = text.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return postgres(trimmed.substring("jdbc:".length()), text);
    }
    if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
      return postgres(trimmed, text);
    }
    return new SqliteFile(Path.of(text));
  }

  private static Postgres postgres(String uri, String original) {
    URI parsed;
    try {
      parsed = new URI(uri.replaceFirst("(?i)^postgres(ql)?:", "postgresql:"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a PostgreSQL address: " + original + " (" + e.getReason() + ")");
    }
    if (parsed.getRawAuthority() == null && parsed.getRawPath() == null) {
      throw new IllegalArgumentException("not a PostgreSQL address: " + original);
    }
    Map<String, String> query = new LinkedHashMap<>();
    String rawQuery = parsed.getRawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.put(key, value);
      }
    }
    String userInfo = parsed.getRawUserInfo();
    if (query.containsKey("password") || (userInfo != null && userInfo.contains(":"))) {
      throw new IllegalArgumentException(
          "a password does not belong in the address "
              + redacted(original)
              + ": put it in PGPASSWORD or in ~/.pgpass");
    }
    String host = parsed.getHost();
    if (host == null || host.isBlank()) {
      host = query.containsKey("host") ? query.get("host") : "localhost";
    } else if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = parsed.getPort();
    if (query.containsKey("port")) {
      try {
        port = Integer.parseInt(query.get("port"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port number in " + original);
      }
    }
    if (port <= 0) {
      port = 5432;
    }
    String path = parsed.getRawPath() == null ? "" : decode(parsed.getRawPath());
    String database = path.startsWith("/") ? path.substring(1) : path;
    String user =
        query.containsKey("user")
            ? query.get("user")
            : userInfo != null ? decode(userInfo) : System.getProperty("user.name");
    if (database.isBlank()) {
      database = query.getOrDefault("dbname", user);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : query.entrySet()) {
      String key = entry.getKey();
      if (Set.of("user", "host", "port", "dbname").contains(key)) {
        continue;
      }
      if (!PASSED_ON.contains(key)) {
        throw new IllegalArgumentException(
            "unknown setting \"" + key + "\" in the PostgreSQL address " + original);
      }
      parameters.put(key, entry.getValue());
    }
    return new Postgres(host, port, database, user, parameters);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String redacted(String address) {
    return address
        .replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
  }
}
