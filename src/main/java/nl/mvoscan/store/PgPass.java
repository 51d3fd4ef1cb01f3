package nl.mvoscan.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The password for a PostgreSQL address, as libpq finds it: {@code PGPASSWORD}, else the first
 * matching line of the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}; on Windows {@code
 * %APPDATA%\postgresql\pgpass.conf}). A line is {@code host:port:database:user:password}; {@code *}
 * matches anything in the first four fields, {@code \:} and {@code \\} are a colon and a backslash,
 * lines starting with {@code #} are comments. As libpq does, a password file that its group or
 * others can read is ignored.
 */
final class PgPass {

  private PgPass() {}

  /** The password for {@code address}, or empty to let the server decide (trust, peer). */
  static Optional<String> password(StoreAddress.Postgres address, Map<String, String> env) {
    String fromEnv = env.get("PGPASSWORD");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    Path file = file(env);
    if (file == null || !Files.isRegularFile(file) || !private_(file)) {
      return Optional.empty();
    }
    try {
      return match(Files.readAllLines(file, StandardCharsets.UTF_8), address);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Path file(Map<String, String> env) {
    String explicit = env.get("PGPASSFILE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    if (System.getProperty("os.name", "")
        .toLowerCase(java.util.Locale.ROOT)
        .startsWith("windows")) {
      String appData = env.get("APPDATA");
      return appData == null ? null : Path.of(appData, "postgresql", "pgpass.conf");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return home == null ? null : Path.of(home, ".pgpass");
  }

  private static boolean private_(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return true;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.stream()
          .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    } catch (IOException e) {
      return false;
    }
  }

  static Optional<String> match(List<String> lines, StoreAddress.Postgres address) {
    String[] wanted = {
      address.host(), Integer.toString(address.port()), address.database(), address.user()
    };
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() < 5) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < 4 && matches; i++) {
        String field = fields.get(i);
        matches =
            field.equals("*") || field.equals(wanted[i]) || sameLocalHost(i, field, wanted[i]);
      }
      if (matches) {
        return Optional.of(fields.get(4));
      }
    }
    return Optional.empty();
  }

  /** libpq names a local connection "localhost" in the password file, whatever the socket. */
  private static boolean sameLocalHost(int index, String field, String host) {
    return index == 0 && field.equals("localhost") && host.startsWith("/");
  }

  /** Splits on unescaped colons; as in libpq, an unescaped colon also ends the password. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(line.charAt(++i));
      } else if (c == ':' && fields.size() < 4) {
        fields.add(current.toString());
        current.setLength(0);
      } else if (c == ':') {
        break;
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }
}
