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
    boolean copy = network instanceof PostgresStore && network.read(Push::mayCopy);
    int total = count(local);
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    Map<String, Long> companies = new HashMap<>();
    Map<String, Long> students = new HashMap<>();
    Set<String> scans = new java.util.HashSet<>();
    SchoolOrigins current = new SchoolOrigins(local, key);
    long after = 0;
    while (true) {
      long from = after;
      Batch batch = local.read(connection -> readBatch(connection, from, options, key, scans));
      if (batch.responses().isEmpty()) {
        break;
      }
      int[] counts =
          network.inTransaction(
              connection ->
                  write(network, connection, school, batch, companies, students, current, copy));
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

  /**
   * True when the user may create temporary tables, which the fast path stages its rows in:
   * PostgreSQL grants that to everyone unless the administrator revoked it (docs/regional.md).
   */
  static boolean mayCopy(Connection connection) throws SQLException {
    return privilege(connection, "has_database_privilege(current_database(), 'TEMPORARY')");
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
      SchoolOrigins current,
      boolean copy)
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
    List<Long> toDelete = new ArrayList<>();
    Set<Long> corrections =
        corrected(network, connection, school, batch, companies, current, toDelete);
    List<Local> toInsert = new ArrayList<>();
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    for (Local response : batch.responses()) {
      String origin = batch.origins().get(response.id());
      boolean corrects = corrections.contains(response.id());
      if (!existing.containsKey(origin)) {
        toInsert.add(response);
        if (corrects) {
          replaced++;
        } else {
          added++;
        }
      } else if (batch.versions().get(response.id()).equals(existingVersion.get(origin))) {
        if (corrects) {
          replaced++;
        } else {
          unchanged++;
        }
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
      return new int[] {added, replaced, unchanged};
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
    Long[] respondents = new Long[toInsert.size()];
    Long[] companyIds = new Long[toInsert.size()];
    if (copy) {
      students(connection, school, batch, toInsert, students);
    }
    for (int n = 0; n < toInsert.size(); n++) {
      Local response = toInsert.get(n);
      String student = batch.students().get(response.id());
      respondents[n] =
          student == null ? null : student(connection, network, school, student, students);
      companyIds[n] =
          response.companyKey() == null ? null : company(connection, network, response, companies);
    }
    Map<Long, Long> networkId = new HashMap<>();
    for (int n = 0; n < toInsert.size(); n++) {
      networkId.put(toInsert.get(n).id(), ids.get(n));
    }
    if (copy) {
      copy(connection, school, batch, toInsert, ids, respondents, companyIds);
    } else {
      insert(connection, school, batch, toInsert, ids, respondents, companyIds);
      children(connection, "theme_score", THEME, batch.themes(), networkId);
      children(connection, "answer", ANSWER, batch.answers(), networkId);
    }
    return new int[] {added, replaced, unchanged};
  }

  /**
   * The school's earlier responses on the regional database that the batch's responses correct,
   * added to {@code toDelete}; returns the batch's (school) ids of the responses that correct one.
   * A regional response R is corrected by a pushed response N, as an import at school corrects
   * (docs/decisions.md "A correction replaces"), when both are of one pseudonymised student, one
   * company (the regional one N's company resolves to), one scan edition and one school year, and R
   * is no longer at school: so a response deleted at school without a correction stays, and two
   * responses of one student that are both at school never replace each other. One query for the
   * batch: the school's regional responses of the batch's students.
   */
  private static Set<Long> corrected(
      Store network,
      Connection connection,
      long school,
      Batch batch,
      Map<String, Long> companies,
      SchoolOrigins current,
      List<Long> toDelete)
      throws SQLException {
    Map<String, List<Local>> byStudent = new HashMap<>();
    for (Local response : batch.responses()) {
      String student = batch.students().get(response.id());
      // an anonymous response replaces nothing, as at school
      if (student != null) {
        byStudent.computeIfAbsent(student, k -> new ArrayList<>()).add(response);
      }
    }
    Set<Long> corrections = new java.util.HashSet<>();
    if (byStudent.isEmpty()) {
      return corrections;
    }
    Set<String> pushed = new java.util.HashSet<>(batch.origins().values());
    List<Candidate> candidates = new ArrayList<>();
    String marks = String.join(", ", java.util.Collections.nCopies(byStudent.size(), "?"));
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT p.respondent_key, r.id, r.origin, r.company_id, r.scan_hash, r.school_year"
                + " FROM response r JOIN respondent p ON p.id = r.respondent_id"
                + " WHERE r.school_id = ? AND p.respondent_key IN ("
                + marks
                + ")")) {
      select.setLong(1, school);
      int i = 2;
      for (String student : byStudent.keySet()) {
        select.setString(i++, student);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          // a response of this batch is at school, whatever else holds
          if (!pushed.contains(rs.getString(3))) {
            long company = rs.getLong(4);
            // asked right after the company: a response without one has a NULL there, not id 0
            Long companyOrNull = rs.wasNull() ? null : company;
            candidates.add(
                new Candidate(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    companyOrNull,
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
      }
    }
    for (Candidate candidate : candidates) {
      for (Local response : byStudent.get(candidate.student())) {
        if (!response.scanHash().equals(candidate.scanHash())
            || !java.util.Objects.equals(response.schoolYear(), candidate.schoolYear())) {
          continue;
        }
        Long company =
            response.companyKey() == null
                ? null
                : company(connection, network, response, companies);
        if (java.util.Objects.equals(company, candidate.company())
            && !current.contains(candidate.origin())) {
          toDelete.add(candidate.id());
          corrections.add(response.id());
          break;
        }
      }
    }
    return corrections;
  }

  /** A regional response of the school that a pushed response of the same student may correct. */
  private record Candidate(
      String student, long id, String origin, Long company, String scanHash, String schoolYear) {}

  /**
   * The pseudonyms of the responses the school holds, read the first time a push needs them (one
   * pass over the school's content hashes) and kept as the first 64 bits of each, sorted: 800 kB
   * for 100 000 responses. Two pseudonyms that share those bits make a response look as if it were
   * still at school, which keeps it: a collision can keep a response, never delete one.
   */
  private static final class SchoolOrigins {
    private final Store local;
    private final SchoolKey key;
    private long[] sorted;

    SchoolOrigins(Store local, SchoolKey key) {
      this.local = local;
      this.key = key;
    }

    boolean contains(String origin) {
      if (sorted == null) {
        sorted = read();
      }
      return java.util.Arrays.binarySearch(sorted, prefix(origin)) >= 0;
    }

    private long[] read() {
      return local.read(
          connection -> {
            long[] values = new long[1024];
            int size = 0;
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT content_hash FROM response");
                ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                if (size == values.length) {
                  values = java.util.Arrays.copyOf(values, size * 2);
                }
                values[size++] = prefix(key.response(rs.getString(1)));
              }
            }
            long[] origins = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(origins);
            return origins;
          });
    }

    private static long prefix(String origin) {
      return Long.parseUnsignedLong(origin.substring(0, 16), 16);
    }
  }

  /** The columns of a pushed response row, in the order {@link #responseRow} gives them. */
  private static final String RESPONSE =
      "id, scan_hash, respondent_id, company_id, class, school_year, date, language, content_hash,"
          + " imported_at, "
          + RESPONSE_FIGURES
          + ", school_id, origin, origin_version";

  /** A response's row as it goes to the regional database, in the order of {@link #RESPONSE}. */
  private static Object[] responseRow(
      long school, Batch batch, Local response, long id, Long respondent, Long company) {
    Object[] row = new Object[13 + FIGURES];
    String origin = batch.origins().get(response.id());
    row[0] = id;
    row[1] = response.scanHash();
    row[2] = respondent;
    row[3] = company;
    row[4] = response.className();
    row[5] = response.schoolYear();
    row[6] = response.date();
    row[7] = response.language();
    row[8] = "push:" + school + ":" + origin;
    row[9] = response.importedAt();
    System.arraycopy(response.figures(), 0, row, 10, FIGURES);
    row[10 + FIGURES] = school;
    row[11 + FIGURES] = origin;
    row[12 + FIGURES] = batch.versions().get(response.id());
    return row;
  }

  /** The responses as batched inserts (a multi-row statement per batch on PostgreSQL). */
  private static void insert(
      Connection connection,
      long school,
      Batch batch,
      List<Local> toInsert,
      List<Long> ids,
      Long[] respondents,
      Long[] companies)
      throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(13 + FIGURES, "?"));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO response(" + RESPONSE + ") VALUES (" + marks + ")")) {
      for (int n = 0; n < toInsert.size(); n++) {
        Object[] row =
            responseRow(school, batch, toInsert.get(n), ids.get(n), respondents[n], companies[n]);
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null && (i == 2 || i == 3)) {
            insert.setNull(i + 1, java.sql.Types.BIGINT);
          } else {
            insert.setObject(i + 1, row[i]);
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * The batch's rows by {@code COPY} into temporary tables of this transaction, then into the real
   * tables with {@code INSERT … SELECT}: a school's role may not {@code COPY} into a table with
   * row-level security, but a temporary table has none, and the {@code INSERT} into the real tables
   * is checked by their policies as any insert is. One transaction: the batch lands whole or not at
   * all, and the staging tables go with it ({@code ON COMMIT DROP}, or the rollback).
   */
  private static void copy(
      Connection connection,
      long school,
      Batch batch,
      List<Local> toInsert,
      List<Long> ids,
      Long[] respondents,
      Long[] companies)
      throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      for (String[] table : STAGED) {
        statement.execute(
            "CREATE TEMPORARY TABLE "
                + table[1]
                + " ON COMMIT DROP AS SELECT "
                + table[2]
                + " FROM "
                + table[0]
                + " WITH NO DATA");
      }
    }
    org.postgresql.copy.CopyManager copy =
        connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
    try (CopyText rows = new CopyText(copy, STAGED[0][1], STAGED[0][2])) {
      for (int n = 0; n < toInsert.size(); n++) {
        rows.row(
            responseRow(school, batch, toInsert.get(n), ids.get(n), respondents[n], companies[n]));
      }
      rows.end();
    }
    for (int t = 1; t < STAGED.length; t++) {
      Map<Long, List<Object[]>> children = t == 1 ? batch.themes() : batch.answers();
      try (CopyText rows = new CopyText(copy, STAGED[t][1], STAGED[t][2])) {
        for (int n = 0; n < toInsert.size(); n++) {
          Long id = ids.get(n);
          for (Object[] child : children.getOrDefault(toInsert.get(n).id(), List.of())) {
            rows.child(id, child);
          }
        }
        rows.end();
      }
    }
    try (java.sql.Statement statement = connection.createStatement()) {
      for (String[] table : STAGED) {
        statement.execute(
            "INSERT INTO "
                + table[0]
                + "("
                + table[2]
                + ") SELECT "
                + table[2]
                + " FROM pg_temp."
                + table[1]);
      }
    }
  }

  /**
   * Rows in the text format of {@code COPY … FROM STDIN}, in 64 kB writes: a tab between fields, a
   * newline after each row, {@code \N} for null. The only bytes with a meaning there are the
   * backslash, tab, newline and carriage return, so a value has those four escaped and every other
   * character as its UTF-8 (a value that is "\N" or a lone "\." becomes {@code \\N}, {@code \\.}:
   * text, not a null or the end of the data). A NUL character, which a SQLite text may hold and a
   * PostgreSQL text may not, goes as it is: the server refuses the batch, as it refuses it in a
   * parameter of the inserts.
   */
  static final class CopyText implements AutoCloseable {
    private final org.postgresql.copy.CopyIn in;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    CopyText(org.postgresql.copy.CopyManager copy, String table, String columns)
        throws SQLException {
      in = copy.copyIn("COPY pg_temp." + table + "(" + columns + ") FROM STDIN");
    }

    void row(Object[] values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          put((byte) '\t');
        }
        field(values[i]);
      }
      put((byte) '\n');
    }

    /** A row of a response's child table: the response's id on the regional database, then it. */
    void child(long response, Object[] values) throws SQLException {
      field(response);
      for (Object value : values) {
        put((byte) '\t');
        field(value);
      }
      put((byte) '\n');
    }

    /** Sends the rest and ends the data; the server reports a refused row here at the latest. */
    void end() throws SQLException {
      flush();
      in.endCopy();
    }

    /** After {@link #end}, nothing; after a failure, the copy is cancelled (its rows go). */
    @Override
    public void close() throws SQLException {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }

    private void field(Object value) throws SQLException {
      if (value == null) {
        put((byte) '\\');
        put((byte) 'N');
        return;
      }
      // numbers as Java writes them: Double.toString reads back as the same double
      String text = value instanceof String string ? string : value.toString();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        switch (b) {
          case '\\' -> {
            put((byte) '\\');
            put((byte) '\\');
          }
          case '\t' -> {
            put((byte) '\\');
            put((byte) 't');
          }
          case '\n' -> {
            put((byte) '\\');
            put((byte) 'n');
          }
          case '\r' -> {
            put((byte) '\\');
            put((byte) 'r');
          }
          default -> put(b);
        }
      }
    }

    private void put(byte b) throws SQLException {
      if (used == buffer.length) {
        flush();
      }
      buffer[used++] = b;
    }

    private void flush() throws SQLException {
      if (used > 0) {
        in.writeToCopy(buffer, 0, used);
        used = 0;
      }
    }
  }

  /** The real table, its staging table and the columns pushed, responses first. */
  private static final String[][] STAGED = {
    {"response", "mvoscan_push_response", RESPONSE},
    {"theme_score", "mvoscan_push_theme_score", "response_id, " + THEME},
    {"answer", "mvoscan_push_answer", "response_id, " + ANSWER}
  };

  /**
   * The batch's new students in two round trips, not two per student: the ones already there (this
   * school's, row-level security shows no other), then one insert of the rest.
   */
  private static void students(
      Connection connection,
      long school,
      Batch batch,
      List<Local> toInsert,
      Map<String, Long> cache)
      throws SQLException {
    java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>();
    for (Local response : toInsert) {
      String student = batch.students().get(response.id());
      if (student != null && !cache.containsKey(student)) {
        wanted.add(student);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT respondent_key, id FROM respondent WHERE respondent_key = ANY (?)")) {
      select.setArray(1, connection.createArrayOf("text", wanted.toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          cache.put(rs.getString(1), rs.getLong(2));
          wanted.remove(rs.getString(1));
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(wanted.size());
    for (String pseudonym : wanted) {
      names.add("student " + pseudonym.substring(2, 14));
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO respondent(respondent_key, name, school_id)"
                + " SELECT k, n, ? FROM unnest(?, ?) AS t(k, n) RETURNING respondent_key, id")) {
      insert.setLong(1, school);
      insert.setArray(2, connection.createArrayOf("text", wanted.toArray()));
      insert.setArray(3, connection.createArrayOf("text", names.toArray()));
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          cache.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
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
