package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Listing, deleting and forgetting stored responses. */
public final class ResponseQueries {

  /** One stored response as teachers browse them. */
  public record Summary(
      long id,
      String student,
      String className,
      String company,
      String schoolYear,
      String date,
      String scanId,
      String status,
      BigDecimal score,
      BigDecimal grade,
      String level) {}

  /** Which responses to list; {@code null} fields do not filter. */
  public record Filter(String className, String company, String schoolYear) {}

  /** What {@link #forget} removed. */
  public record Forgotten(
      int respondents,
      int responses,
      int answers,
      List<String> ambiguousClasses,
      int othersScrubbed) {}

  private ResponseQueries() {}

  public static List<Summary> list(Store store, Filter filter) {
    return store.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT r.id, p.name, r.class, c.name, r.school_year, r.date, s.scan_id, r.status, r.exact_score, r.exact_grade, r.level"
                      + " FROM response r JOIN scan s ON s.hash = r.scan_hash"
                      + " LEFT JOIN respondent p ON p.id = r.respondent_id LEFT JOIN company c ON c.id = r.company_id WHERE 1 = 1");
          List<String> args = new ArrayList<>();
          if (filter.className() != null) {
            sql.append(" AND ").append(store.caseless("r.class"));
            args.add(filter.className());
          }
          if (filter.company() != null) {
            sql.append(
                " AND (c.company_key = ? OR "
                    + store.caseless("c.name")
                    + " OR c.kvk = ?"
                    + " OR c.id IN (SELECT company_id FROM company_alias WHERE company_key = ?))");
            args.add(Keys.company(filter.company(), null));
            args.add(filter.company());
            args.add(filter.company().trim());
            args.add(Keys.company(filter.company(), null));
          }
          if (filter.schoolYear() != null) {
            sql.append(" AND r.school_year = ?");
            args.add(filter.schoolYear());
          }
          sql.append(" ORDER BY r.class, p.name, r.id");
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              select.setString(i + 1, args.get(i));
            }
            List<Summary> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        ExactFigures.oneDecimal(rs.getString(9)),
                        ExactFigures.oneDecimal(rs.getString(10)),
                        rs.getString(11)));
              }
            }
            return rows;
          }
        });
  }

  /**
   * What {@link #delete} did: how many responses it deleted (each id once, however often given), or
   * the ids that do not exist, when it deleted nothing; how many students it removed because they
   * had no response left, and in how many other answers their name or number was replaced.
   */
  public record Deleted(int deleted, List<Long> unknown, int students, int othersScrubbed) {}

  /**
   * Deletes responses with their answers and scores, all or none: when an id does not exist,
   * nothing is deleted and the unknown ids are returned. An id given twice is one response. A
   * student left without any response goes too, as {@link #removeStudentsWithoutResponses} removes
   * them.
   */
  public static Deleted delete(Store store, List<Long> ids) {
    List<Long> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
    store.prepareErasure();
    Deleted deleted =
        store.inTransaction(
            connection -> {
              List<Long> missing = new ArrayList<>();
              try (PreparedStatement exists =
                  connection.prepareStatement("SELECT 1 FROM response WHERE id = ?")) {
                for (long id : distinct) {
                  exists.setLong(1, id);
                  try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                      missing.add(id);
                    }
                  }
                }
              }
              if (!missing.isEmpty()) {
                return new Deleted(0, missing, 0, 0);
              }
              int count = 0;
              // the web app's record of the student who sent it goes with it (their answers
              // while busy, their links): a deleted response must not live on there
              try (PreparedStatement web =
                      connection.prepareStatement("DELETE FROM web_student WHERE response_id = ?");
                  PreparedStatement delete =
                      connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
                for (long id : distinct) {
                  web.setLong(1, id);
                  web.executeUpdate();
                  delete.setLong(1, id);
                  count += delete.executeUpdate();
                }
              }
              Removed removed = removeStudentsWithoutResponses(connection);
              return new Deleted(count, List.of(), removed.students(), removed.othersScrubbed());
            });
    // also after nothing was deleted: a copy an earlier run could not erase goes now
    store.eraseTraces();
    return deleted;
  }

  /** What replaces a forgotten student's name or number in other students' notes and texts. */
  public static final String ERASED = "[verwijderd]";

  /**
   * Removes every trace of a student: respondent, responses, answers, and their name and student
   * number where other students wrote them (notes and text answers, replaced by {@value #ERASED}).
   * {@code student} is a student number or a name (compared as {@link Names#same}: without case,
   * extra or odd spaces, accents or the Turkish dotted and dotless i); {@code className} narrows a
   * name to one class. A name that fits students in several classes deletes nothing and lists the
   * classes in {@link Forgotten#ambiguousClasses()}, so that one request never erases two people.
   * Afterwards the database file holds no copy: when another program keeps one alive the whole
   * request is refused, or fails after the delete, never reported done.
   */
  public static Forgotten forget(Store store, String student, String className) {
    store.prepareErasure();
    Forgotten forgotten =
        store.inTransaction(
            connection -> {
              StudentMatches found = new StudentMatches(student, className);
              Map<Long, Names.Person> people = new LinkedHashMap<>();
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT p.id, p.name, p.student_number, r.class FROM respondent p LEFT JOIN response r ON r.respondent_id = p.id")) {
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    long id = rs.getLong(1);
                    if (found.offer(id, rs.getString(2), rs.getString(3), rs.getString(4))) {
                      people.put(id, new Names.Person(rs.getString(2), rs.getString(3), ERASED));
                    }
                  }
                }
              }
              // students of the web app who have not finished yet have no respondent: their
              // record is matched the same way (negative keys keep them apart from respondents)
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT s.id, s.name, s.student_number, c.name FROM web_student s"
                          + " JOIN web_class c ON c.id = s.class_id WHERE s.response_id IS NULL")) {
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    long id = -rs.getLong(1);
                    if (found.offer(id, rs.getString(2), rs.getString(3), rs.getString(4))) {
                      people.put(id, new Names.Person(rs.getString(2), rs.getString(3), ERASED));
                    }
                  }
                }
              }
              if (found.ambiguous()) {
                return new Forgotten(0, 0, 0, found.classes(), 0);
              }
              Map<Long, Set<String>> matched = found.matched();
              int responses = 0;
              int answers = 0;
              for (long respondent : matched.keySet()) {
                if (respondent < 0) {
                  answers +=
                      count(
                          connection,
                          "SELECT count(*) FROM web_answer WHERE student_id = ?",
                          -respondent);
                  try (PreparedStatement delete =
                      connection.prepareStatement("DELETE FROM web_student WHERE id = ?")) {
                    delete.setLong(1, -respondent);
                    delete.executeUpdate();
                  }
                  continue;
                }
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM web_student WHERE response_id IN"
                            + " (SELECT id FROM response WHERE respondent_id = ?)")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
                answers +=
                    count(
                        connection,
                        "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.respondent_id = ?",
                        respondent);
                responses +=
                    count(
                        connection,
                        "SELECT count(*) FROM response WHERE respondent_id = ?",
                        respondent);
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM response WHERE respondent_id = ?")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM respondent WHERE id = ?")) {
                  delete.setLong(1, respondent);
                  delete.executeUpdate();
                }
              }
              List<Names.Person> forgottenPeople =
                  matched.keySet().stream().map(people::get).toList();
              int scrubbed = scrubOthers(connection, forgottenPeople);
              return new Forgotten(matched.size(), responses, answers, List.of(), scrubbed);
            });
    // also after nothing was found: a copy an earlier run could not erase goes now
    store.eraseTraces();
    return forgotten;
  }

  /**
   * The students {@link #forget} would remove, without removing them: their database ids and the
   * keys import knows them by (a school's key makes their pseudonyms from these). Matched as {@link
   * #forget} matches.
   */
  public record Found(
      List<Long> respondentIds, List<String> respondentKeys, List<String> ambiguousClasses) {}

  /**
   * The students that {@code student} and {@code className} name, as {@link #forget} finds them.
   */
  public static Found find(Store store, String student, String className) {
    return store.read(
        connection -> {
          StudentMatches found = new StudentMatches(student, className);
          Map<Long, String> keys = new LinkedHashMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT p.id, p.name, p.student_number, r.class, p.respondent_key FROM respondent p"
                          + " LEFT JOIN response r ON r.respondent_id = p.id");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              long id = rs.getLong(1);
              if (found.offer(id, rs.getString(2), rs.getString(3), rs.getString(4))) {
                keys.put(id, rs.getString(5));
              }
            }
          }
          if (found.ambiguous()) {
            return new Found(List.of(), List.of(), found.classes());
          }
          List<Long> ids = new ArrayList<>(found.matched().keySet());
          return new Found(List.copyOf(ids), ids.stream().map(keys::get).toList(), List.of());
        });
  }

  /** The ids of the responses of these students, in id order. */
  public static List<Long> responsesOf(Store store, List<Long> respondentIds) {
    return store.read(
        connection -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement("SELECT id FROM response WHERE respondent_id = ?")) {
            for (long respondent : respondentIds) {
              select.setLong(1, respondent);
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
            }
          }
          ids.sort(null);
          return ids;
        });
  }

  /** What {@link #removeStudentsWithoutResponses} removed. */
  record Removed(int students, int othersScrubbed) {}

  /**
   * Deletes every student who has no response left (after {@code delete} or {@code purge}) and
   * replaces their name and student number in the remaining notes and text answers, as {@link
   * #forget} does: a removed student must not live on in a classmate's note.
   */
  static Removed removeStudentsWithoutResponses(Connection connection) throws SQLException {
    Map<Long, Names.Person> people = new LinkedHashMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, name, student_number FROM respondent p WHERE NOT EXISTS"
                    + " (SELECT 1 FROM response r WHERE r.respondent_id = p.id)");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        people.put(rs.getLong(1), new Names.Person(rs.getString(2), rs.getString(3), ERASED));
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM respondent WHERE id = ?")) {
      for (long id : people.keySet()) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      if (!people.isEmpty()) {
        delete.executeBatch();
      }
    }
    return new Removed(people.size(), scrubOthers(connection, List.copyOf(people.values())));
  }

  /**
   * Replaces the forgotten people in every free-text cell that {@code --anonymize} replaces names
   * in: another student may have written "asked together with Sanne de Vries (104233)" in a note,
   * or typed "Kapsalon Sanne" as their company, a name as a city or into the class. So after
   * forget, export shows {@value #ERASED} there and {@code --anonymize} has nothing left to find.
   * How many rows changed.
   */
  private static int scrubOthers(Connection connection, List<Names.Person> people)
      throws SQLException {
    if (people.isEmpty()) {
      return 0;
    }
    Names.Scrubber scrubber = new Names.Scrubber(people);
    int changed = scrubAnswers(connection, scrubber, "answer", "response_id");
    changed += scrubAnswers(connection, scrubber, "web_answer", "student_id");
    changed += scrubColumns(connection, scrubber, "response", "class");
    changed += scrubColumns(connection, scrubber, "web_student", "company", "city");
    changed += scrubColumns(connection, scrubber, "web_class", "name");
    changed += scrubCompanies(connection, scrubber);
    scrubRespondentKeys(connection, scrubber);
    return changed;
  }

  /** The notes, evidence and text answers of {@code table}; how many answers changed. */
  private static int scrubAnswers(
      Connection connection, Names.Scrubber scrubber, String table, String owner)
      throws SQLException {
    record Change(long owner, String question, String value, String evidence, String note) {}
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + owner
                    + ", question_id, value, evidence, note FROM "
                    + table
                    + " WHERE note IS NOT NULL OR evidence IS NOT NULL OR value LIKE '\"%'");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String value = rs.getString(3);
        String evidence = rs.getString(4);
        String note = rs.getString(5);
        String newValue = value;
        if (value != null && value.startsWith("\"")) {
          JsonNode text = ResponseDetails.parseValue(value);
          if (text.isTextual()) {
            String scrubbed = scrubber.scrub(text.asText());
            if (!scrubbed.equals(text.asText())) {
              newValue = JsonNodeFactory.instance.textNode(scrubbed).toString();
            }
          }
        }
        String newEvidence = scrubber.scrub(evidence);
        String newNote = scrubber.scrub(note);
        if (!Objects.equals(newValue, value)
            || !Objects.equals(newEvidence, evidence)
            || !Objects.equals(newNote, note)) {
          changes.add(new Change(rs.getLong(1), rs.getString(2), newValue, newEvidence, newNote));
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET value = ?, evidence = ?, note = ? WHERE "
                + owner
                + " = ? AND question_id = ?")) {
      for (Change change : changes) {
        update.setString(1, change.value());
        update.setString(2, change.evidence());
        update.setString(3, change.note());
        update.setLong(4, change.owner());
        update.setString(5, change.question());
        update.executeUpdate();
      }
    }
    return changes.size();
  }

  /** Free-text {@code columns} of {@code table} (keyed by {@code id}); how many rows changed. */
  private static int scrubColumns(
      Connection connection, Names.Scrubber scrubber, String table, String... columns)
      throws SQLException {
    Map<Long, String[]> changes = new LinkedHashMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, " + String.join(", ", columns) + " FROM " + table);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String[] values = new String[columns.length];
        boolean changed = false;
        for (int c = 0; c < columns.length; c++) {
          String value = rs.getString(c + 2);
          values[c] = scrubber.scrub(value);
          changed |= !Objects.equals(values[c], value);
        }
        if (changed) {
          changes.put(rs.getLong(1), values);
        }
      }
    }
    String set = String.join(" = ?, ", columns) + " = ?";
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
      for (Map.Entry<Long, String[]> change : changes.entrySet()) {
        for (int c = 0; c < columns.length; c++) {
          update.setString(c + 1, change.getValue()[c]);
        }
        update.setLong(columns.length + 1, change.getKey());
        update.executeUpdate();
      }
    }
    return changes.size();
  }

  /**
   * A company's name and city. A company known by name has the name in its key too, so the key
   * follows the new name (with the id when another company already has that key: two companies that
   * each named a forgotten student are still two), and a remembered spelling that names the student
   * is dropped: it would hold the name, and a later import of it is a new company.
   */
  private static int scrubCompanies(Connection connection, Names.Scrubber scrubber)
      throws SQLException {
    record Change(long id, String key, String name, String city) {}
    List<Change> changes = new ArrayList<>();
    Set<String> keys = new java.util.HashSet<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, company_key, name, city FROM company");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(2);
        keys.add(key);
        String name = scrubber.scrub(rs.getString(3));
        String city = scrubber.scrub(rs.getString(4));
        if (!name.equals(rs.getString(3)) || !Objects.equals(city, rs.getString(4))) {
          changes.add(new Change(rs.getLong(1), key, name, city));
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE company SET company_key = ?, name = ?, city = ? WHERE id = ?")) {
      for (Change change : changes) {
        String key = change.key();
        if (key.startsWith("name:")) {
          key = Keys.company(change.name(), null);
          if (!keys.add(key)) {
            key = key + "#" + change.id();
          }
        }
        update.setString(1, key);
        update.setString(2, change.name());
        update.setString(3, change.city());
        update.setLong(4, change.id());
        update.executeUpdate();
      }
    }
    List<String> aliases = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT company_key FROM company_alias");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        if (!rs.getString(1).equals(scrubber.scrub(rs.getString(1)))) {
          aliases.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM company_alias WHERE company_key = ?")) {
      for (String alias : aliases) {
        delete.setString(1, alias);
        delete.executeUpdate();
      }
    }
    return changes.size();
  }

  /**
   * A student known by name within their class has the class in their key: when the class named the
   * forgotten student, the key's class part is replaced as the class was (their own name part
   * stays: it is theirs, not the forgotten student's).
   */
  private static void scrubRespondentKeys(Connection connection, Names.Scrubber scrubber)
      throws SQLException {
    Map<Long, String> changes = new LinkedHashMap<>();
    Set<String> keys = new java.util.HashSet<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, respondent_key, name FROM respondent");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(2);
        keys.add(key);
        String own = "/" + Keys.normalizedName(rs.getString(3));
        if (key.startsWith("name:") && key.endsWith(own)) {
          String room = key.substring("name:".length(), key.length() - own.length());
          String scrubbed = scrubber.scrub(room);
          if (!scrubbed.equals(room)) {
            changes.put(rs.getLong(1), "name:" + scrubbed + own);
          }
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE respondent SET respondent_key = ? WHERE id = ?")) {
      for (Map.Entry<Long, String> change : changes.entrySet()) {
        String key = change.getValue();
        if (!keys.add(key)) {
          key = key + "#" + change.getKey();
        }
        update.setString(1, key);
        update.setLong(2, change.getKey());
        update.executeUpdate();
      }
    }
  }

  private static int count(Connection connection, String sql, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /**
   * The students a request to forget (or find) {@code student} names, one row at a time: a student
   * number names exactly, a name only when no number matched; {@code className} narrows either.
   * Several students by name alone, without a class, is ambiguous: one request never names two
   * people.
   */
  private static final class StudentMatches {
    private final String student;
    private final String className;
    private final Map<Long, Set<String>> byNumber = new LinkedHashMap<>();
    private final Map<Long, Set<String>> byName = new LinkedHashMap<>();

    StudentMatches(String student, String className) {
      this.student = student;
      this.className = className;
    }

    /** Whether this row is the student; the row's class is remembered for an ambiguity. */
    boolean offer(long id, String name, String number, String clazz) {
      String room = clazz == null ? "" : clazz;
      if (className != null && !room.equalsIgnoreCase(className.trim())) {
        return false;
      }
      if (student.trim().equals(number)) {
        byNumber.computeIfAbsent(id, k -> new TreeSet<>()).add(room);
      } else if (Names.same(name, student)) {
        byName.computeIfAbsent(id, k -> new TreeSet<>()).add(room);
      } else {
        return false;
      }
      return true;
    }

    Map<Long, Set<String>> matched() {
      return byNumber.isEmpty() ? byName : byNumber;
    }

    boolean ambiguous() {
      return matched().size() > 1 && byNumber.isEmpty() && className == null;
    }

    List<String> classes() {
      Set<String> classes = new TreeSet<>();
      matched().values().forEach(classes::addAll);
      return List.copyOf(classes);
    }
  }
}
