package nl.mvoscan.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mvoscan push}: a school's stored results, copied to the regional database under keyed
 * pseudonyms. Students become {@link SchoolKey#student} (no name, no number), a response is known
 * there by {@link SchoolKey#response} of its content hash, companies and figures go as they are,
 * source files never, and notes and evidence (free text that may name people) only when asked.
 *
 * <p>Responses go in batches, each batch one transaction: a broken connection loses at most the
 * batch it was writing, and running the same push again goes on where it stopped. A response that
 * is there with the same content (a digest of everything pushed) is left alone; one whose pushed
 * content changed (a merged company, notes now included) is replaced.
 */
public final class Push {

  /** How the push goes. */
  public record Options(String school, boolean withNotes, int batchSize) {
    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1");
      }
    }
  }

  /** What a push did. */
  public record Outcome(int added, int replaced, int unchanged) {
    public int total() {
      return added + replaced + unchanged;
    }
  }

  /** Told after every batch. */
  @FunctionalInterface
  public interface Listener {
    void pushed(int done, int total);
  }

  /** The school is not on the regional database, or this role may not act for it. */
  public static final class SchoolUnknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean notMember;

    SchoolUnknown(String school, boolean notMember) {
      super(school);
      this.notMember = notMember;
    }

    /** True when the school is there but the user is not a member of its role. */
    public boolean notMember() {
      return notMember;
    }
  }

  private record Local(
      long id,
      String contentHash,
      String scanHash,
      String respondentKey,
      String companyKey,
      String companyName,
      String kvk,
      String city,
      String sector,
      String className,
      String schoolYear,
      String date,
      String language,
      String importedAt,
      Object[] figures) {}

  /**
   * The figures of a response row, in the order of {@link #RESPONSE_FIGURES}: the response's own,
   * then its packed question and lens figures (PackedFigures), which go as they are.
   */
  private static final String RESPONSE_FIGURES =
      "status, score, coverage, grade, level, exact_score, exact_coverage, exact_grade,"
          + " question_figures, lens_figures";

  private static final int OWN_FIGURES = 8;
  private static final int FIGURES = OWN_FIGURES + 2;

  private static final String THEME =
      "theme_id, position, status, score, coverage, reason, exact_score, exact_coverage";
  private static final String ANSWER = "question_id, value, evidence, note, status, points, hidden";

  private Push() {}

  /** How many responses the school's database holds. */
  public static int count(Store local) {
    return local.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT count(*) FROM response");
              ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  /** Pushes every response of {@code local} to {@code network} as school {@code options.school}. */
  public static Outcome push(
      Store local, Store network, SchoolKey key, Options options, Listener listener) {
    long school = school(network, options.school());
    int total = count(local);
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    Map<String, Long> companies = new HashMap<>();
    Map<String, Long> students = new HashMap<>();
    Set<String> scans = new java.util.HashSet<>();
    long after = 0;
    while (true) {
      long from = after;
      Batch batch = local.read(connection -> readBatch(connection, from, options, key, scans));
      if (batch.responses().isEmpty()) {
        break;
      }
      int[] counts =
          network.inTransaction(
              connection -> write(network, connection, school, batch, companies, students, scans));
      batch.scans().keySet().forEach(scans::add);
      added += counts[0];
      replaced += counts[1];
      unchanged += counts[2];
      after = batch.responses().get(batch.responses().size() - 1).id();
      listener.pushed(added + replaced + unchanged, total);
    }
    return new Outcome(added, replaced, unchanged);
  }

  /** The school's id on the regional database; the owner adds a school that is not there. */
  static long school(Store network, String name) {
    return network.inTransaction(
        connection -> {
          Long id = null;
          try (PreparedStatement select =
              connection.prepareStatement("SELECT id FROM school WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
              if (rs.next()) {
                id = rs.getLong(1);
              }
            }
          }
          boolean server = network instanceof PostgresStore;
          if (id == null) {
            if (server && !privilege(connection, "has_table_privilege('school', 'INSERT')")) {
              throw new SchoolUnknown(name, false);
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO school(name) VALUES (?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
              insert.setString(1, name);
              insert.executeUpdate();
              try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
              }
            }
          }
          if (server && !bypassesRowSecurity(connection)) {
            try (PreparedStatement member =
                connection.prepareStatement(
                    "SELECT 1 FROM mvoscan_school_ids() AS s(id) WHERE s.id = ?")) {
              member.setLong(1, id);
              try (ResultSet rs = member.executeQuery()) {
                if (!rs.next()) {
                  throw new SchoolUnknown(name, true);
                }
              }
            }
          }
          return id;
        });
  }

  /** True for the tables' owner, a superuser or a role with BYPASSRLS: no policy applies. */
  static boolean bypassesRowSecurity(Connection connection) throws SQLException {
    return privilege(
        connection,
        "(SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)"
            + " OR pg_has_role(current_user, (SELECT relowner FROM pg_class"
            + " WHERE oid = to_regclass('response')), 'USAGE')");
  }

  private static boolean privilege(Connection connection, String expression) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + expression);
        ResultSet rs = select.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private record Batch(
      List<Local> responses,
      Map<Long, List<Object[]>> themes,
      Map<Long, List<Object[]>> answers,
      Map<Long, String> origins,
      Map<Long, String> versions,
      Map<Long, String> students,
      Map<String, ScanRow> scans) {}

  private record ScanRow(
      String hash, String scanId, String version, String definition, String addedAt) {}

  private static Batch readBatch(
      Connection connection, long after, Options options, SchoolKey key, Set<String> pushedScans)
      throws SQLException {
    List<Local> responses = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT r.id, r.content_hash, r.scan_hash, p.respondent_key, c.company_key, c.name, c.kvk,"
                + " c.city, c.sector, r.class, r.school_year, r.date, r.language, r.imported_at, r."
                + RESPONSE_FIGURES.replace(", ", ", r.")
                + " FROM response r LEFT JOIN respondent p ON p.id = r.respondent_id"
                + " LEFT JOIN company c ON c.id = r.company_id"
                + " WHERE r.id > ? ORDER BY r.id LIMIT ?")) {
      select.setLong(1, after);
      select.setInt(2, options.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Object[] figures = new Object[FIGURES];
          for (int i = 0; i < figures.length; i++) {
            figures[i] = rs.getObject(15 + i);
          }
          responses.add(
              new Local(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getString(14),
                  figures));
        }
      }
    }
    if (responses.isEmpty()) {
      return new Batch(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
    long first = responses.get(0).id();
    long last = responses.get(responses.size() - 1).id();
    Map<Long, List<Object[]>> themes =
        children(connection, "theme_score", THEME, first, last, "position");
    Map<Long, List<Object[]>> answers =
        children(connection, "answer", ANSWER, first, last, "question_id");
    if (!options.withNotes()) {
      for (List<Object[]> rows : answers.values()) {
        for (Object[] row : rows) {
          row[2] = null;
          row[3] = null;
        }
      }
    }
    Map<Long, String> origins = new HashMap<>();
    Map<Long, String> versions = new HashMap<>();
    Map<Long, String> students = new HashMap<>();
    for (Local response : responses) {
      origins.put(response.id(), key.response(response.contentHash()));
      if (response.respondentKey() != null) {
        students.put(response.id(), key.student(response.respondentKey()));
      }
      versions.put(
          response.id(),
          digest(
              response,
              students.get(response.id()),
              List.of(
                  themes.getOrDefault(response.id(), List.of()),
                  unpacked(response.figures()[OWN_FIGURES + 1], 2),
                  unpacked(response.figures()[OWN_FIGURES], 1),
                  answers.getOrDefault(response.id(), List.of()))));
    }
    Map<String, ScanRow> scans = new HashMap<>();
    for (Local response : responses) {
      if (!pushedScans.contains(response.scanHash()) && !scans.containsKey(response.scanHash())) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT hash, scan_id, version, definition, added_at FROM scan WHERE hash = ?")) {
          select.setString(1, response.scanHash());
          try (ResultSet rs = select.executeQuery()) {
            rs.next();
            scans.put(
                rs.getString(1),
                new ScanRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)));
          }
        }
      }
    }
    return new Batch(responses, themes, answers, origins, versions, students, scans);
  }

  /**
   * Packed question or lens figures as the rows of the tables they replaced, with the position
   * after the first {@code keys} values: a response digests as it did before schema version 6, so
   * that pushing again after the upgrade finds it unchanged.
   */
  private static List<Object[]> unpacked(Object packed, int keys) {
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (Object[] values : PackedFigures.rows((String) packed)) {
      Object[] row = new Object[values.length + 1];
      System.arraycopy(values, 0, row, 0, keys);
      row[keys] = position++;
      System.arraycopy(values, keys, row, keys + 1, values.length - keys);
      rows.add(row);
    }
    return rows;
  }

  private static Map<Long, List<Object[]>> children(
      Connection connection, String table, String columns, long first, long last, String order)
      throws SQLException {
    Map<Long, List<Object[]>> rows = new HashMap<>();
    int width = columns.split(",").length;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT response_id, "
                + columns
                + " FROM "
                + table
                + " WHERE response_id BETWEEN ? AND ? ORDER BY response_id, "
                + order)) {
      select.setLong(1, first);
      select.setLong(2, last);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = rs.getObject(i + 2);
          }
          rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row);
        }
      }
    }
    return rows;
  }

  /** A digest of everything a response pushes: the same digest means nothing to do. */
  private static String digest(Local response, String student, List<List<Object[]>> children) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    Object[] own = {
      response.scanHash(),
      student,
      response.companyKey(),
      response.companyName(),
      response.kvk(),
      response.city(),
      response.sector(),
      response.className(),
      response.schoolYear(),
      response.date(),
      response.language(),
      response.importedAt()
    };
    update(sha, own);
    update(sha, java.util.Arrays.copyOf(response.figures(), OWN_FIGURES));
    for (List<Object[]> rows : children) {
      sha.update((byte) 2);
      for (Object[] row : rows) {
        update(sha, row);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, Object[] values) {
    for (Object value : values) {
      if (value == null) {
        sha.update((byte) 0);
      } else {
        sha.update((byte) 1);
        sha.update(text(value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }
    sha.update((byte) 3);
  }

  /** A number as the same text whichever driver read it: 62.5, 3. */
  private static String text(Object value) {
    if (value instanceof Number number && !(value instanceof java.math.BigDecimal)) {
      double d = number.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return value.toString();
  }

  private static int[] write(
      Store network,
      Connection connection,
      long school,
      Batch batch,
      Map<String, Long> companies,
      Map<String, Long> students,
      Set<String> scans)
      throws SQLException {
    Map<String, Long> existing = new HashMap<>();
    Map<String, String> existingVersion = new HashMap<>();
    // one round trip: the batch's origins as a list of values
    String origins =
        String.join(", ", java.util.Collections.nCopies(batch.responses().size(), "?"));
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT origin, origin_version, id FROM response WHERE school_id = ? AND origin IN ("
                + origins
                + ")")) {
      select.setLong(1, school);
      int i = 2;
      for (Local response : batch.responses()) {
        select.setString(i++, batch.origins().get(response.id()));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          existing.put(rs.getString(1), rs.getLong(3));
          existingVersion.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    List<Local> toInsert = new ArrayList<>();
    List<Long> toDelete = new ArrayList<>();
    int replaced = 0;
    int unchanged = 0;
    for (Local response : batch.responses()) {
      String origin = batch.origins().get(response.id());
      if (!existing.containsKey(origin)) {
        toInsert.add(response);
      } else if (batch.versions().get(response.id()).equals(existingVersion.get(origin))) {
        unchanged++;
      } else {
        toDelete.add(existing.get(origin));
        toInsert.add(response);
        replaced++;
      }
    }
    if (!toDelete.isEmpty()) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
        for (long id : toDelete) {
          delete.setLong(1, id);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    if (toInsert.isEmpty()) {
      return new int[] {0, replaced, unchanged};
    }
    for (ScanRow scan : batch.scans().values()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              network.insertOrIgnore(
                  "scan", "hash", "scan_id", "version", "definition", "added_at"))) {
        insert.setString(1, scan.hash());
        insert.setString(2, scan.scanId());
        insert.setString(3, scan.version());
        insert.setString(4, scan.definition());
        insert.setString(5, scan.addedAt());
        insert.executeUpdate();
      }
    }
    List<Long> ids = newIds(network, connection, toInsert.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO response(id, scan_hash, respondent_id, company_id, class, school_year, date,"
                + " language, content_hash, imported_at, "
                + RESPONSE_FIGURES
                + ", school_id, origin, origin_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int n = 0; n < toInsert.size(); n++) {
        Local response = toInsert.get(n);
        String origin = batch.origins().get(response.id());
        String student = batch.students().get(response.id());
        insert.setLong(1, ids.get(n));
        insert.setString(2, response.scanHash());
        setNullable(
            insert,
            3,
            student == null ? null : student(connection, network, school, student, students));
        setNullable(
            insert,
            4,
            response.companyKey() == null
                ? null
                : company(connection, network, response, companies));
        insert.setString(5, response.className());
        insert.setString(6, response.schoolYear());
        insert.setString(7, response.date());
        insert.setString(8, response.language());
        insert.setString(9, "push:" + school + ":" + origin);
        insert.setString(10, response.importedAt());
        for (int f = 0; f < FIGURES; f++) {
          insert.setObject(11 + f, response.figures()[f]);
        }
        insert.setLong(11 + FIGURES, school);
        insert.setString(12 + FIGURES, origin);
        insert.setString(13 + FIGURES, batch.versions().get(response.id()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Map<Long, Long> networkId = new HashMap<>();
    for (int n = 0; n < toInsert.size(); n++) {
      networkId.put(toInsert.get(n).id(), ids.get(n));
    }
    children(connection, "theme_score", THEME, batch.themes(), networkId);
    children(connection, "answer", ANSWER, batch.answers(), networkId);
    return new int[] {toInsert.size() - replaced, replaced, unchanged};
  }

  private static void children(
      Connection connection,
      String table,
      String columns,
      Map<Long, List<Object[]>> rows,
      Map<Long, Long> networkId)
      throws SQLException {
    int width = columns.split(",").length;
    String marks = String.join(", ", java.util.Collections.nCopies(width + 1, "?"));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + "(response_id, " + columns + ") VALUES (" + marks + ")")) {
      for (Map.Entry<Long, Long> entry : networkId.entrySet()) {
        for (Object[] row : rows.getOrDefault(entry.getKey(), List.of())) {
          insert.setLong(1, entry.getValue());
          for (int i = 0; i < width; i++) {
            insert.setObject(i + 2, row[i]);
          }
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Ids for new responses, taken before their rows so that their answers can name them. */
  private static List<Long> newIds(Store network, Connection connection, int count)
      throws SQLException {
    List<Long> ids = new ArrayList<>(count);
    if (network instanceof PostgresStore) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT nextval(pg_get_serial_sequence('response', 'id')) FROM generate_series(1, ?)")) {
        select.setInt(1, count);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      return ids;
    }
    // SQLite: the write lock is held, so the next ids are free
    long max;
    try (PreparedStatement select =
            connection.prepareStatement("SELECT coalesce(max(id), 0) FROM response");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      max = rs.getLong(1);
    }
    for (int i = 1; i <= count; i++) {
      ids.add(max + i);
    }
    return ids;
  }

  private static Long student(
      Connection connection, Store network, long school, String pseudonym, Map<String, Long> cache)
      throws SQLException {
    Long id = cache.get(pseudonym);
    if (id != null) {
      return id;
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM respondent WHERE respondent_key = ?")) {
      select.setString(1, pseudonym);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
    }
    if (id == null) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO respondent(respondent_key, name, school_id) VALUES (?, ?, ?)",
              java.sql.Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, pseudonym);
        insert.setString(2, "student " + pseudonym.substring(2, 14));
        insert.setLong(3, school);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
    }
    cache.put(pseudonym, id);
    return id;
  }

  private static Long company(
      Connection connection, Store network, Local response, Map<String, Long> cache)
      throws SQLException {
    Long id = cache.get(response.companyKey());
    if (id != null) {
      return id;
    }
    for (String sql :
        List.of(
            "SELECT company_id FROM company_alias WHERE company_key = ?",
            "SELECT id FROM company WHERE company_key = ?")) {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, response.companyKey());
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            id = rs.getLong(1);
            break;
          }
        }
      }
    }
    if (id == null) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO company(company_key, name, kvk, city, sector) VALUES (?, ?, ?, ?, ?)",
              java.sql.Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, response.companyKey());
        insert.setString(2, response.companyName());
        insert.setString(3, response.kvk());
        insert.setString(4, response.city());
        insert.setString(5, response.sector());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
    }
    cache.put(response.companyKey(), id);
    return id;
  }

  private static void setNullable(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
