package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.mvoscan.io.JsonReader;

/**
 * The classes of the web app and their students' answers while they fill in a scan. A finished
 * student's answers are also stored as an ordinary response (through {@link ResponseWriter}), so
 * every command that reads responses sees web responses exactly like imported ones.
 *
 * <p>Personal links are stored as hashes of their tokens only, so a copy of the database holds no
 * link that opens a student's scan. The short resume code is kept as it is: it is shown to the
 * student on every page, and works only together with the class code, while the class is open.
 */
public final class Classrooms {

  /** A class opened in the web app. */
  public record ClassRoom(
      long id,
      String code,
      String name,
      String scanHash,
      String scanId,
      String scanVersion,
      String schoolYear,
      LocalDate openUntil,
      boolean closed,
      Instant createdAt) {

    /** Answers can be given and changed: not closed, and {@code today} not after open-until. */
    public boolean openOn(LocalDate today) {
      return !closed && (openUntil == null || !today.isAfter(openUntil));
    }
  }

  /** Who fills in the scan about which company, as the student typed it. */
  public record StudentDetails(
      String name, String studentNumber, String company, String kvk, String city) {}

  /** One student of a class, with how many answers they gave so far. */
  public record Student(
      long id,
      long classId,
      StudentDetails details,
      String language,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      Long responseId,
      int answers) {

    public boolean finished() {
      return finishedAt != null;
    }
  }

  /**
   * One saved answer.
   *
   * @param value the answer value as JSON ({@code "ja"}, {@code 12}, {@code ["led"]}), or {@code
   *     null} when only evidence or a note was given
   */
  public record SavedAnswer(String questionId, JsonNode value, String evidence, String note) {}

  private static final int CODE_ATTEMPTS = 20;

  private Classrooms() {}

  /**
   * Opens a class for the scan with {@code scanHash}, storing the scan's definition when it is new;
   * {@code codes} supplies random class codes until one is free.
   */
  public static ClassRoom open(
      Store store,
      String name,
      String scanHash,
      String scanId,
      String scanVersion,
      JsonNode definition,
      String schoolYear,
      LocalDate openUntil,
      Supplier<String> codes) {
    return store.inTransaction(
        connection -> {
          try (PreparedStatement scan =
              connection.prepareStatement(
                  store.insertOrIgnore(
                      "scan", "hash", "scan_id", "version", "definition", "added_at"))) {
            scan.setString(1, scanHash);
            scan.setString(2, scanId);
            scan.setString(3, scanVersion);
            scan.setString(4, definition.toString());
            scan.setString(5, Instant.now().toString());
            scan.executeUpdate();
          }
          String code = null;
          for (int i = 0; i < CODE_ATTEMPTS && code == null; i++) {
            String candidate = codes.get();
            if (classByCode(connection, candidate).isEmpty()) {
              code = candidate;
            }
          }
          if (code == null) {
            throw new SQLException("no free class code after " + CODE_ATTEMPTS + " attempts");
          }
          Instant now = Instant.now();
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO web_class(code, name, scan_hash, school_year, open_until, closed, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, code);
            insert.setString(2, name);
            insert.setString(3, scanHash);
            insert.setString(4, schoolYear);
            insert.setString(5, openUntil == null ? null : openUntil.toString());
            insert.setString(6, now.toString());
            insert.executeUpdate();
          }
          return classByCode(connection, code).orElseThrow();
        });
  }

  /** Every class, newest first. */
  public static List<ClassRoom> classes(Store store) {
    return store.read(
        connection -> {
          List<ClassRoom> list = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(CLASS_SELECT + " ORDER BY c.id DESC");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              list.add(classRoom(rs));
            }
          }
          return list;
        });
  }

  /** The class with this code (compared without case), or empty. */
  public static Optional<ClassRoom> classByCode(Store store, String code) {
    return store.read(connection -> classByCode(connection, code));
  }

  /** Closes a class (no more changes) or opens it again; false when there is no such class. */
  public static boolean setClosed(Store store, long classId, boolean closed) {
    return store.inTransaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE web_class SET closed = ? WHERE id = ?")) {
            update.setInt(1, closed ? 1 : 0);
            update.setLong(2, classId);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Adds a student to a class with their first personal link and resume code (hashes only); false
   * when the resume code's hash is taken, so the caller draws another code.
   */
  public static Optional<Student> join(
      Store store,
      long classId,
      StudentDetails details,
      String language,
      String tokenHash,
      String resumeCode) {
    return store.inTransaction(
        connection -> {
          try (PreparedStatement taken =
              connection.prepareStatement("SELECT 1 FROM web_student WHERE resume_code = ?")) {
            taken.setString(1, resumeCode);
            try (ResultSet rs = taken.executeQuery()) {
              if (rs.next()) {
                return Optional.<Student>empty();
              }
            }
          }
          String now = Instant.now().toString();
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO web_student(class_id, resume_code, name, student_number, company, kvk, city, language, started_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, classId);
            insert.setString(2, resumeCode);
            setDetails(insert, 3, details);
            insert.setString(8, language);
            insert.setString(9, now);
            insert.setString(10, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          addToken(connection, id, tokenHash);
          return student(connection, "s.id = ?", id);
        });
  }

  /** The student whose personal link has this token hash. */
  public static Optional<Student> studentByToken(Store store, String tokenHash) {
    return store.read(
        connection ->
            student(
                connection,
                "s.id = (SELECT student_id FROM web_token WHERE token_hash = ?)",
                tokenHash));
  }

  /**
   * The student of {@code classId} with this resume code hash; on a match a new personal link
   * (token hash) is added for the device that resumes.
   */
  public static Optional<Student> resume(
      Store store, long classId, String resumeCode, String newTokenHash) {
    return store.inTransaction(
        connection -> {
          Optional<Student> found = student(connection, "s.resume_code = ?", resumeCode);
          if (found.isEmpty() || found.get().classId() != classId) {
            return Optional.<Student>empty();
          }
          addToken(connection, found.get().id(), newTokenHash);
          return found;
        });
  }

  /** The resume code of a student, to show it again. */
  public static String resumeCode(Store store, long studentId) {
    return store.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT resume_code FROM web_student WHERE id = ?")) {
            select.setLong(1, studentId);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  /** The class with this id. */
  public static Optional<ClassRoom> classById(Store store, long classId) {
    return store.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(CLASS_SELECT + " WHERE c.id = ?")) {
            select.setLong(1, classId);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(classRoom(rs)) : Optional.<ClassRoom>empty();
            }
          }
        });
  }

  public static Optional<Student> student(Store store, long studentId) {
    return store.read(connection -> student(connection, "s.id = ?", studentId));
  }

  /** The students of a class in the order they started. */
  public static List<Student> students(Store store, long classId) {
    return store.read(connection -> students(connection, "s.class_id = ? ORDER BY s.id", classId));
  }

  /** The answers a student saved. */
  public static List<SavedAnswer> answers(Store store, long studentId) {
    return store.read(connection -> answers(connection, studentId));
  }

  /**
   * Saves what a student changed in one transaction: {@code saved} replaces those questions'
   * answers, {@code removed} clears them; the student's details and language too, when given.
   * {@code restore}, when not null, is run in the same transaction to store the finished response
   * again with the new answers.
   */
  public static void save(
      Store store,
      long studentId,
      StudentDetails details,
      String language,
      List<SavedAnswer> saved,
      List<String> removed,
      Restorer restore) {
    store.inTransaction(
        connection -> {
          String now = Instant.now().toString();
          if (!saved.isEmpty()) {
            try (PreparedStatement upsert =
                connection.prepareStatement(
                    "INSERT INTO web_answer(student_id, question_id, value, evidence, note, saved_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT(student_id, question_id) DO UPDATE SET value = excluded.value,"
                        + " evidence = excluded.evidence, note = excluded.note, saved_at = excluded.saved_at")) {
              for (SavedAnswer answer : saved) {
                upsert.setLong(1, studentId);
                upsert.setString(2, answer.questionId());
                upsert.setString(3, answer.value() == null ? null : answer.value().toString());
                upsert.setString(4, answer.evidence());
                upsert.setString(5, answer.note());
                upsert.setString(6, now);
                upsert.addBatch();
              }
              upsert.executeBatch();
            }
          }
          if (!removed.isEmpty()) {
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM web_answer WHERE student_id = ? AND question_id = ?")) {
              for (String questionId : removed) {
                delete.setLong(1, studentId);
                delete.setString(2, questionId);
                delete.addBatch();
              }
              delete.executeBatch();
            }
          }
          if (details != null) {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE web_student SET name = ?, student_number = ?, company = ?, kvk = ?, city = ? WHERE id = ?")) {
              setDetails(update, 1, details);
              update.setLong(6, studentId);
              update.executeUpdate();
            }
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE web_student SET updated_at = ?, language = coalesce(?, language) WHERE id = ?")) {
            update.setString(1, now);
            update.setString(2, language);
            update.setLong(3, studentId);
            update.executeUpdate();
          }
          if (restore != null) {
            Student student = student(connection, "s.id = ?", studentId).orElseThrow();
            storeResponse(
                store,
                connection,
                student,
                restore.response(student, answers(connection, studentId)));
          }
          return null;
        });
  }

  /** Builds the response to store from the student and their answers as they are now. */
  @FunctionalInterface
  public interface Restorer {
    ResponseWriter.NewResponse response(Student student, List<SavedAnswer> answers);
  }

  /**
   * Stores the student's response as an ordinary response, replacing the one they stored before,
   * and marks them finished.
   */
  public static long finish(Store store, long studentId, Restorer response) {
    return store.inTransaction(
        connection -> {
          Student student = student(connection, "s.id = ?", studentId).orElseThrow();
          return storeResponse(
              store,
              connection,
              student,
              response.response(student, answers(connection, studentId)));
        });
  }

  private static long storeResponse(
      Store store, Connection connection, Student student, ResponseWriter.NewResponse response)
      throws SQLException {
    Long old = student.responseId();
    String hash = ResponseWriter.contentHash(response.result(), response.className());
    Long same = existing(connection, hash);
    long id;
    if (same != null) {
      id = same;
    } else {
      if (old != null && !sharedWithOthers(connection, old, student.id())) {
        try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
          delete.setLong(1, old);
          delete.executeUpdate();
        }
      }
      Long inserted = ResponseWriter.insertIn(store, connection, response, LocalDate.now());
      id = inserted == null ? existing(connection, hash) : inserted;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE web_student SET response_id = ?, finished_at = coalesce(finished_at, ?) WHERE id = ?")) {
      update.setLong(1, id);
      update.setString(2, Instant.now().toString());
      update.setLong(3, student.id());
      update.executeUpdate();
    }
    return id;
  }

  private static Long existing(Connection connection, String contentHash) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM response WHERE content_hash = ?")) {
      select.setString(1, contentHash);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Two sessions with the very same answers share one stored response; keep it for the other. */
  private static boolean sharedWithOthers(Connection connection, long responseId, long studentId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM web_student WHERE response_id = ? AND id != ?")) {
      select.setLong(1, responseId);
      select.setLong(2, studentId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static final String CLASS_SELECT =
      "SELECT c.id, c.code, c.name, c.scan_hash, s.scan_id, s.version, c.school_year, c.open_until, c.closed,"
          + " c.created_at FROM web_class c JOIN scan s ON s.hash = c.scan_hash";

  private static Optional<ClassRoom> classByCode(Connection connection, String code)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(CLASS_SELECT + " WHERE c.code = ?")) {
      // codes are stored in upper case; callers normalise what was typed
      select.setString(1, code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(classRoom(rs)) : Optional.empty();
      }
    }
  }

  private static ClassRoom classRoom(ResultSet rs) throws SQLException {
    String until = rs.getString(8);
    return new ClassRoom(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        until == null ? null : LocalDate.parse(until),
        rs.getInt(9) != 0,
        Instant.parse(rs.getString(10)));
  }

  private static final String STUDENT_SELECT =
      "SELECT s.id, s.class_id, s.name, s.student_number, s.company, s.kvk, s.city, s.language,"
          + " s.started_at, s.updated_at, s.finished_at, s.response_id,"
          + " (SELECT count(*) FROM web_answer a WHERE a.student_id = s.id AND a.value IS NOT NULL)"
          + " FROM web_student s WHERE ";

  private static Optional<Student> student(Connection connection, String where, Object key)
      throws SQLException {
    List<Student> found = students(connection, where, key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Student> students(Connection connection, String where, Object key)
      throws SQLException {
    List<Student> list = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(STUDENT_SELECT + where)) {
      select.setObject(1, key);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String finished = rs.getString(11);
          long response = rs.getLong(12);
          Long responseId = rs.wasNull() ? null : response;
          list.add(
              new Student(
                  rs.getLong(1),
                  rs.getLong(2),
                  new StudentDetails(
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)),
                  rs.getString(8),
                  Instant.parse(rs.getString(9)),
                  Instant.parse(rs.getString(10)),
                  finished == null ? null : Instant.parse(finished),
                  responseId,
                  rs.getInt(13)));
        }
      }
    }
    return list;
  }

  private static List<SavedAnswer> answers(Connection connection, long studentId)
      throws SQLException {
    List<SavedAnswer> list = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT question_id, value, evidence, note FROM web_answer WHERE student_id = ? ORDER BY saved_at, question_id")) {
      select.setLong(1, studentId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String value = rs.getString(2);
          list.add(
              new SavedAnswer(
                  rs.getString(1),
                  value == null ? null : JsonReader.parse("answer", value).root(),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
    }
    return list;
  }

  private static void addToken(Connection connection, long studentId, String tokenHash)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO web_token(token_hash, student_id, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, tokenHash);
      insert.setLong(2, studentId);
      insert.setString(3, Instant.now().toString());
      insert.executeUpdate();
    }
  }

  private static void setDetails(PreparedStatement statement, int first, StudentDetails details)
      throws SQLException {
    statement.setString(first, details.name());
    setNullable(statement, first + 1, details.studentNumber());
    statement.setString(first + 2, details.company());
    setNullable(statement, first + 3, details.kvk());
    setNullable(statement, first + 4, details.city());
  }

  private static void setNullable(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null || value.isBlank()) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
