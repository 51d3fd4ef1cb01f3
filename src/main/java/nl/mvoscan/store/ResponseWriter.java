package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.ScanHash;
import nl.mvoscan.scoring.ScoreResult;

/** Stores scored responses; a response whose normalised content is already stored is skipped. */
public final class ResponseWriter {

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /**
   * One response to store.
   *
   * @param scanDefinition the scan file's JSON, kept whole so old results stay explainable
   * @param className the class from the answers, else from the command line; may be null
   */
  public record NewResponse(
      ScoreResult result,
      JsonNode scanDefinition,
      String className,
      String sourceFile,
      Integer sourceRow) {}

  /**
   * What an import did: new response ids, how many were already there, which companies it touched.
   */
  public record Outcome(
      List<Long> insertedIds,
      int duplicates,
      int replaced,
      Set<String> companies,
      Set<String> classes) {}

  /** What an import would do, for a dry run: new, already stored, replacing a stored one. */
  public record Preview(int added, int present, int replaced) {}

  private ResponseWriter() {}

  /** Writes all responses in one transaction. */
  public static Outcome save(Store store, List<NewResponse> responses, LocalDate importDate) {
    return store.inTransaction(connection -> save(connection, store, responses, importDate));
  }

  private static Outcome save(
      Connection connection, Store store, List<NewResponse> responses, LocalDate importDate)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    Set<String> companies = new LinkedHashSet<>();
    Set<String> classes = new LinkedHashSet<>();
    Set<String> scansStored = new java.util.HashSet<>();
    int duplicates = 0;
    int[] replaced = {0};
    for (NewResponse response : responses) {
      if (scansStored.add(response.result().scan().hash())) {
        storeScan(store, connection, response);
      }
      Inserted inserted = insert(store, connection, response, importDate, replaced);
      if (inserted == null) {
        duplicates++;
      } else {
        ids.add(inserted.id());
        if (inserted.companyId() != null) {
          companies.add("company:" + inserted.companyId());
        }
        if (response.className() != null) {
          classes.add(response.className());
        }
      }
    }
    return new Outcome(List.copyOf(ids), duplicates, replaced[0], companies, classes);
  }

  /**
   * Stores one response inside a transaction the caller runs (the web app replaces a student's
   * response this way), replacing a stored one of the same student as an import does; {@code null}
   * when the very same response is stored already.
   */
  static Long insertIn(
      Store store, Connection connection, NewResponse response, LocalDate importDate)
      throws SQLException {
    storeScan(store, connection, response);
    Inserted inserted = insert(store, connection, response, importDate, new int[1]);
    return inserted == null ? null : inserted.id();
  }

  /**
   * What {@link #save} would do, without storing anything: the same work in a transaction that is
   * rolled back, so the dry run and the real import can never disagree.
   */
  public static Preview preview(Store store, List<NewResponse> responses, LocalDate importDate) {
    try {
      store.inTransaction(
          connection -> {
            Outcome outcome = save(connection, store, responses, importDate);
            throw new DryRun(
                new Preview(
                    outcome.insertedIds().size(), outcome.duplicates(), outcome.replaced()));
          });
    } catch (DryRun dry) {
      return dry.preview;
    }
    throw new IllegalStateException("a dry run always rolls back");
  }

  /** Carries the outcome of a dry run out of the transaction it rolls back. */
  private static final class DryRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Preview preview;

    DryRun(Preview preview) {
      super(null, null, false, false);
      this.preview = preview;
    }
  }

  /**
   * The identity of a response: what was answered, by whom, about which company, for which scan.
   */
  public static String contentHash(ScoreResult result, String className) {
    Answers answers = result.answers();
    ObjectNode node = NODES.objectNode();
    node.put("scan", result.scan().hash());
    if (answers.respondent() != null) {
      node.put("name", answers.respondent().name());
      node.put("studentNumber", answers.respondent().id());
    }
    node.put("class", className);
    if (answers.company() != null) {
      node.put("company", answers.company().name());
      node.put("kvk", answers.company().kvk());
    }
    node.put("date", answers.date() == null ? null : answers.date().toString());
    ObjectNode values = node.putObject("answers");
    answers
        .answers()
        .forEach(
            (id, answer) -> {
              ObjectNode entry = values.putObject(id);
              entry.set("value", AnswerJson.write(answer.value()));
              entry.put("evidence", answer.evidence());
              entry.put("note", answer.note());
            });
    return ScanHash.of(node);
  }

  /** A stored response and the company it was filed under. */
  private record Inserted(long id, Long companyId) {}

  private static Inserted insert(
      Store store,
      Connection connection,
      NewResponse response,
      LocalDate importDate,
      int[] replaced)
      throws SQLException {
    ScoreResult result = response.result();
    Answers answers = result.answers();
    String hash = contentHash(result, response.className());
    try (PreparedStatement exists =
        connection.prepareStatement("SELECT 1 FROM response WHERE content_hash = ?")) {
      exists.setString(1, hash);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return null;
        }
      }
    }
    Long respondentId =
        answers.respondent() == null
            ? null
            : respondent(store, connection, answers.respondent(), response.className());
    Long companyId =
        answers.company() == null ? null : company(store, connection, answers.company());
    LocalDate date = answers.date() != null ? answers.date() : importDate;
    replaced[0] += replace(connection, respondentId, companyId, result, date);
    ScoreResult.Figures overall = result.overall().figures();
    long id;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO response(scan_hash, respondent_id, company_id, class, school_year, date, language, source_file,"
                + " source_row, content_hash, imported_at, status, score, coverage, grade, level)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, result.scan().hash());
      setLong(insert, 2, respondentId);
      setLong(insert, 3, companyId);
      insert.setString(4, response.className());
      insert.setString(5, Keys.schoolYear(date));
      insert.setString(6, answers.date() == null ? null : answers.date().toString());
      insert.setString(7, answers.language());
      insert.setString(8, response.sourceFile());
      if (response.sourceRow() == null) {
        insert.setNull(9, Types.INTEGER);
      } else {
        insert.setInt(9, response.sourceRow());
      }
      insert.setString(10, hash);
      insert.setString(11, Instant.now().toString());
      insert.setString(12, overall.status().id());
      setDecimal(insert, 13, overall.roundedScore());
      setDecimal(insert, 14, overall.roundedCoverage());
      setDecimal(insert, 15, result.overall().roundedGrade());
      insert.setString(16, result.overall().level() == null ? null : result.overall().level().id());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    answers(connection, id, result);
    scores(connection, id, result);
    ExactFigures.write(connection, id, result);
    return new Inserted(id, companyId);
  }

  /**
   * Deletes the stored responses that a correction replaces: the same student (the same respondent:
   * student number and name when the new response has a number, else name within the class; a
   * number typed for two names is two students, so a typo never deletes a classmate's response),
   * the same company, the same scan edition (its hash: answers to another version are other figures
   * and stay beside it) and the same school year. Anonymous responses replace nothing: there is no
   * telling whose they are.
   */
  private static int replace(
      Connection connection, Long respondentId, Long companyId, ScoreResult result, LocalDate date)
      throws SQLException {
    if (respondentId == null) {
      return 0;
    }
    String sql =
        "SELECT r.id FROM response r WHERE r.scan_hash = ? AND r.school_year = ?"
            + (companyId == null ? " AND r.company_id IS NULL" : " AND r.company_id = ?")
            + " AND r.respondent_id = ?";
    List<Long> old = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      select.setString(i++, result.scan().hash());
      select.setString(i++, Keys.schoolYear(date));
      if (companyId != null) {
        select.setLong(i++, companyId);
      }
      select.setLong(i, respondentId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          old.add(rs.getLong(1));
        }
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM response WHERE id = ?")) {
      for (long id : old) {
        delete.setLong(1, id);
        delete.executeUpdate();
      }
    }
    return old.size();
  }

  /** The scan definition once per import; its JSON is large and identical for every response. */
  private static void storeScan(Store store, Connection connection, NewResponse response)
      throws SQLException {
    ScoreResult result = response.result();
    try (PreparedStatement scan =
        connection.prepareStatement(
            store.insertOrIgnore("scan", "hash", "scan_id", "version", "definition", "added_at"))) {
      scan.setString(1, result.scan().hash());
      scan.setString(2, result.scan().id());
      scan.setString(3, result.scan().version());
      scan.setString(4, response.scanDefinition().toString());
      scan.setString(5, Instant.now().toString());
      scan.executeUpdate();
    }
  }

  private static void answers(Connection connection, long id, ScoreResult result)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO answer(response_id, question_id, value, evidence, note, status, points) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Answers.Answer answer : result.answers().answers().values()) {
        ScoreResult.QuestionScore scored =
            result.questions().stream()
                .filter(q -> q.question().id().equals(answer.questionId()))
                .findFirst()
                .orElse(null);
        insert.setLong(1, id);
        insert.setString(2, answer.questionId());
        insert.setString(3, AnswerJson.text(answer.value()));
        insert.setString(4, answer.evidence());
        insert.setString(5, answer.note());
        insert.setString(6, scored == null ? null : scored.status().id());
        setDecimal(insert, 7, scored == null ? null : scored.points());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void scores(Connection connection, long id, ScoreResult result)
      throws SQLException {
    try (PreparedStatement theme =
        connection.prepareStatement(
            "INSERT INTO theme_score(response_id, theme_id, position, status, score, coverage) VALUES (?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (ScoreResult.ThemeScore t : result.themes()) {
        theme.setLong(1, id);
        theme.setString(2, t.theme().id());
        theme.setInt(3, position++);
        theme.setString(4, t.figures().status().id());
        setDecimal(theme, 5, t.figures().roundedScore());
        setDecimal(theme, 6, t.figures().roundedCoverage());
        theme.addBatch();
      }
      theme.executeBatch();
    }
    try (PreparedStatement lens =
        connection.prepareStatement(
            "INSERT INTO lens_score(response_id, lens_key, lens_value, position, status, score, coverage) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (ScoreResult.LensScore l : result.lenses()) {
        lens.setLong(1, id);
        lens.setString(2, l.key());
        lens.setString(3, l.value());
        lens.setInt(4, position++);
        lens.setString(5, l.figures().status().id());
        setDecimal(lens, 6, l.figures().roundedScore());
        setDecimal(lens, 7, l.figures().roundedCoverage());
        lens.addBatch();
      }
      lens.executeBatch();
    }
  }

  private static long respondent(
      Store store, Connection connection, Answers.Respondent respondent, String className)
      throws SQLException {
    String key = Keys.respondent(respondent.name(), respondent.id(), className);
    Long known = existing(connection, "SELECT id FROM respondent WHERE respondent_key = ?", key);
    if (known != null) {
      return known;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            store.insertOrIgnore("respondent", "respondent_key", "name", "student_number"))) {
      insert.setString(1, key);
      insert.setString(2, respondent.name());
      insert.setString(3, respondent.id());
      insert.executeUpdate();
    }
    return idOf(connection, "SELECT id FROM respondent WHERE respondent_key = ?", key);
  }

  /**
   * The company a response is about: one per real company. A merged spelling (company_alias) goes
   * where it was merged; the same KvK number is the same company; a company known without KvK that
   * the response names with one gets the number; a name without KvK that {@link Keys#sameCompany}
   * matches to exactly one known company in the same city is that company. Else a new company.
   */
  private static long company(Store store, Connection connection, Answers.Company company)
      throws SQLException {
    String key = Keys.company(company.name(), company.kvk());
    try (PreparedStatement alias =
        connection.prepareStatement("SELECT company_id FROM company_alias WHERE company_key = ?")) {
      alias.setString(1, key);
      try (ResultSet rs = alias.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    boolean hasKvk = company.kvk() != null && !company.kvk().isBlank();
    if (hasKvk) {
      Long known = existing(connection, "SELECT id FROM company WHERE company_key = ?", key);
      if (known != null) {
        return known;
      }
    }
    List<Long> matches = new ArrayList<>();
    Long exact = null;
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id, name, city, kvk, company_key FROM company")) {
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          boolean otherHasKvk = rs.getString(4) != null;
          // a KvK number only finds a company that has none yet: two numbers are two companies
          if (hasKvk && otherHasKvk) {
            continue;
          }
          if (Keys.sameCompany(company.name(), company.city(), rs.getString(2), rs.getString(3))) {
            matches.add(rs.getLong(1));
            if (Keys.foldedName(company.name()).equals(Keys.foldedName(rs.getString(2)))) {
              exact = exact == null ? rs.getLong(1) : exact;
            }
          }
        }
      }
    }
    Long match = matches.size() == 1 ? matches.get(0) : exact;
    if (match != null && !hasKvk) {
      // this spelling now names that company: --company finds it by the spelling too
      try (PreparedStatement remember =
          connection.prepareStatement(
              store.insertOrIgnore("company_alias", "company_key", "company_id"))) {
        remember.setString(1, key);
        remember.setLong(2, match);
        remember.executeUpdate();
      }
    }
    if (match != null) {
      if (hasKvk) {
        // the company was known by name only: it gets the number, its old key stays an alias
        try (PreparedStatement remember =
            connection.prepareStatement(
                "INSERT INTO company_alias(company_key, company_id) SELECT company_key, id FROM company WHERE id = ?")) {
          remember.setLong(1, match);
          remember.executeUpdate();
        }
        try (PreparedStatement number =
            connection.prepareStatement(
                "UPDATE company SET kvk = ?, company_key = ?, city = coalesce(city, ?) WHERE id = ?")) {
          number.setString(1, company.kvk());
          number.setString(2, key);
          number.setString(3, company.city());
          number.setLong(4, match);
          number.executeUpdate();
        }
      }
      return match;
    }
    Long sameKey = existing(connection, "SELECT id FROM company WHERE company_key = ?", key);
    if (sameKey != null && !hasKvk) {
      // the same folded name in another city is another company: it gets a key of its own
      String city = Keys.foldedCity(company.city());
      key = key + "@" + (city == null ? "" : city);
      Long known = existing(connection, "SELECT id FROM company WHERE company_key = ?", key);
      if (known != null) {
        return known;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            store.insertOrIgnore("company", "company_key", "name", "kvk", "city", "sector"))) {
      insert.setString(1, key);
      insert.setString(2, company.name());
      insert.setString(3, company.kvk());
      insert.setString(4, company.city());
      insert.setString(5, company.sector());
      insert.executeUpdate();
    }
    return idOf(connection, "SELECT id FROM company WHERE company_key = ?", key);
  }

  private static Long existing(Connection connection, String sql, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static long idOf(Connection connection, String sql, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }

  private static void setDecimal(PreparedStatement statement, int index, BigDecimal value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.REAL);
    } else {
      statement.setBigDecimal(index, value);
    }
  }
}
