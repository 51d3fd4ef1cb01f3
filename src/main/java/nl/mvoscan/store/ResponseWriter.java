package nl.mvoscan.store;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.ScanHash;
import nl.mvoscan.scoring.ScoreResult;

/** Stores scored responses; a response whose normalised content is already stored is skipped. */
public final class ResponseWriter {

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
   * What an import did: new response ids, how many were already there, which companies it touched,
   * and how many anonymous responses repeated an earlier one of the same import answer for answer
   * (each stored as its own response, never merged).
   */
  public record Outcome(
      List<Long> insertedIds,
      int duplicates,
      int replaced,
      Set<String> companies,
      Set<String> classes,
      int anonymousRepeats) {}

  /**
   * What an import would do, for a dry run: new, already stored, replacing a stored one, anonymous
   * repeats (as in {@link Outcome}).
   */
  public record Preview(
      int added,
      int present,
      int replaced,
      int anonymousRepeats,
      List<Replaced> replacedResponses) {
    public Preview(int added, int present, int replaced, int anonymousRepeats) {
      this(added, present, replaced, anonymousRepeats, List.of());
    }
  }

  /**
   * A stored response that an import replaces, as stored: whose, which class and company (null when
   * it has none), which scan edition and school year.
   */
  public record Replaced(
      String student,
      String className,
      String company,
      String scanId,
      String scanVersion,
      String schoolYear) {}

  /**
   * A response of this import that differs from an earlier one of the same import for the same
   * student, scan edition, company and school year: the import cannot tell which is the correction,
   * so the later one is not stored. Places are "file" or "file:row".
   */
  public record Conflict(String place, String firstPlace, String student, String company) {}

  /** How many replaced responses a session describes; the rest is only counted. */
  public static final int REPLACED_DESCRIBED = 100;

  private ResponseWriter() {}

  /** Writes all responses in one transaction. */
  public static Outcome save(Store store, List<NewResponse> responses, LocalDate importDate) {
    return write(
        store,
        importDate,
        session -> {
          for (NewResponse response : responses) {
            session.add(response);
          }
          return session.outcome();
        });
  }

  /**
   * Stores one response inside a transaction the caller runs (the web app replaces a student's
   * response this way), replacing a stored one of the same student as an import does; {@code null}
   * when the very same response is stored already.
   */
  static Long insertIn(
      Store store, Connection connection, NewResponse response, LocalDate importDate)
      throws SQLException {
    try (Session session = new Session(store, connection, importDate)) {
      Long id = session.add(response);
      session.flush();
      return id;
    } catch (SessionFailure e) {
      throw e.getCause();
    }
  }

  /**
   * What {@code work} would store, without storing anything: the same work in a transaction that is
   * rolled back, so the dry run and the real import can never disagree.
   */
  public static Preview preview(
      Store store, LocalDate importDate, java.util.function.Consumer<Session> work) {
    try {
      write(
          store,
          importDate,
          session -> {
            work.accept(session);
            Outcome outcome = session.outcome();
            throw new DryRun(
                new Preview(
                    outcome.insertedIds().size(),
                    outcome.duplicates(),
                    outcome.replaced(),
                    outcome.anonymousRepeats(),
                    session.replacedResponses()));
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

  /** What an import does with a {@link Session}; an exception undoes all of it. */
  @FunctionalInterface
  public interface Import<T> {
    T run(Session session);
  }

  /**
   * Runs {@code work} in one write transaction with a session that stores responses as they come:
   * all of them land, or (when {@code work} throws) none of them.
   */
  public static <T> T write(Store store, LocalDate importDate, Import<T> work) {
    return store.inTransaction(
        connection -> {
          try (Session session = new Session(store, connection, importDate)) {
            T result = work.run(session);
            session.flush();
            return result;
          } catch (SessionFailure e) {
            throw e.getCause(); // worded by the store like every failed write
          }
        });
  }

  /**
   * Stores responses one at a time inside a write transaction: every statement is prepared once,
   * the rows of a response's answers and figures go in batches, and the students and companies seen
   * last are remembered, so an import of any size takes the memory of a few hundred responses.
   */
  public static final class Session implements AutoCloseable {

    /** Responses whose rows wait in the batches before they are sent. */
    private static final int BATCH = 200;

    /** Students and companies remembered by key; older ones are looked up again. */
    private static final int REMEMBERED = 4096;

    private final LocalDate importDate;
    private final PreparedStatement exists;
    private final PreparedStatement response;
    private final PreparedStatement answer;
    private final PreparedStatement theme;
    private final PreparedStatement respondentSelect;
    private final PreparedStatement respondentInsert;
    private final PreparedStatement aliasSelect;
    private final PreparedStatement companySelect;
    private final PreparedStatement companyInsert;
    private final PreparedStatement scan;
    private final PreparedStatement replacedWithCompany;
    private final PreparedStatement replacedWithoutCompany;
    private final PreparedStatement delete;
    private final PreparedStatement describe;
    private final List<Replaced> replacedResponses = new ArrayList<>();
    private final PreparedStatement aliasInsert;
    private final PreparedStatement aliasOfCompany;
    private final PreparedStatement companyNumber;
    private final Connection connection;
    private final Map<String, Long> respondents = remembered();
    private final Map<String, Long> companyIds = remembered();
    private final Set<String> scansStored = new HashSet<>();
    private final Set<String> companies = new LinkedHashSet<>();
    private final Set<String> classes = new LinkedHashSet<>();
    private final List<Long> insertedIds = new ArrayList<>();
    private int duplicates;
    private int replaced;
    private int anonymousRepeats;

    /**
     * How often this import has met each anonymous response's content: two students who answered
     * alike without a name are two responses, so the n-th occurrence is told apart by its number.
     */
    private final Map<String, Integer> anonymousSeen = new HashMap<>();

    private int waiting;

    /**
     * Where this import first met each student's response for a scan edition, company and school
     * year, stored or already present: a different one later in the same import is a {@link
     * Conflict}, never a replacement (else two files that both hold the student replace each other
     * at every import).
     */
    private final Map<Identity, String> firstPlaces = new HashMap<>();

    private final List<Conflict> conflicts = new ArrayList<>();

    /**
     * The known companies by the part of a name {@link Keys#sameCompany} needs to agree on, read
     * once: a new spelling is compared with the few companies it could be, not with every company.
     */
    private Map<String, List<KnownCompany>> companiesByBucket;

    /** The same known companies by id, and by folded name (a name without a city needs it). */
    private final Map<Long, KnownCompany> companiesById = new HashMap<>();

    private final Map<String, List<KnownCompany>> companiesByName = new HashMap<>();

    private Session(Store store, Connection connection, LocalDate importDate) throws SQLException {
      this.importDate = importDate;
      this.connection = connection;
      exists =
          connection.prepareStatement(
              "SELECT scan_hash, school_year, respondent_id, company_id FROM response"
                  + " WHERE content_hash = ?");
      response =
          connection.prepareStatement(
              "INSERT INTO response(scan_hash, respondent_id, company_id, class, school_year, date,"
                  + " language, source_file, source_row, content_hash, imported_at, status, score,"
                  + " coverage, grade, level, exact_score, exact_coverage, exact_grade,"
                  + " question_figures, lens_figures)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS);
      answer =
          connection.prepareStatement(
              "INSERT INTO answer(response_id, question_id, value, evidence, note, status, points,"
                  + " hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      theme =
          connection.prepareStatement(
              "INSERT INTO theme_score(response_id, theme_id, position, status, score, coverage,"
                  + " reason, exact_score, exact_coverage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      respondentSelect =
          connection.prepareStatement("SELECT id FROM respondent WHERE respondent_key = ?");
      respondentInsert =
          connection.prepareStatement(
              store.insertOrIgnore("respondent", "respondent_key", "name", "student_number"));
      aliasSelect =
          connection.prepareStatement("SELECT company_id FROM company_alias WHERE company_key = ?");
      companySelect = connection.prepareStatement("SELECT id FROM company WHERE company_key = ?");
      companyInsert =
          connection.prepareStatement(
              store.insertOrIgnore("company", "company_key", "name", "kvk", "city", "sector"));
      scan =
          connection.prepareStatement(
              store.insertOrIgnore("scan", "hash", "scan_id", "version", "definition", "added_at"));
      String replaced =
          "SELECT r.id FROM response r WHERE r.scan_hash = ? AND r.school_year = ?"
              + " AND r.respondent_id = ? AND r.company_id ";
      replacedWithCompany = connection.prepareStatement(replaced + "= ?");
      replacedWithoutCompany = connection.prepareStatement(replaced + "IS NULL");
      delete = connection.prepareStatement("DELETE FROM response WHERE id = ?");
      describe =
          connection.prepareStatement(
              "SELECT p.name, r.class, c.name, s.scan_id, s.version, r.school_year"
                  + " FROM response r LEFT JOIN respondent p ON p.id = r.respondent_id"
                  + " LEFT JOIN company c ON c.id = r.company_id"
                  + " LEFT JOIN scan s ON s.hash = r.scan_hash WHERE r.id = ?");
      aliasInsert =
          connection.prepareStatement(
              store.insertOrIgnore("company_alias", "company_key", "company_id"));
      aliasOfCompany =
          connection.prepareStatement(
              "INSERT INTO company_alias(company_key, company_id)"
                  + " SELECT company_key, id FROM company WHERE id = ?"
                  // the spelling may be an alias already (a row of this import kept it)
                  + " AND NOT EXISTS (SELECT 1 FROM company_alias a"
                  + " WHERE a.company_key = company.company_key)");
      companyNumber =
          connection.prepareStatement(
              "UPDATE company SET kvk = ?, company_key = ?, city = coalesce(city, ?) WHERE id = ?");
    }

    private static Map<String, Long> remembered() {
      return new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > REMEMBERED;
        }
      };
    }

    /** Stores one response; {@code null} when the same response is stored already. */
    public Long add(NewResponse newResponse) {
      try {
        if (scansStored.add(newResponse.result().scan().hash())) {
          storeScan(newResponse);
        }
        Inserted inserted = insert(newResponse);
        if (inserted == CONFLICT) {
          return null;
        }
        if (inserted == null) {
          duplicates++;
          return null;
        }
        long id = inserted.id();
        insertedIds.add(id);
        if (inserted.companyId() != null) {
          companies.add("company:" + inserted.companyId());
        }
        if (newResponse.className() != null) {
          classes.add(newResponse.className());
        }
        if (++waiting >= BATCH) {
          flush();
        }
        return id;
      } catch (SQLException e) {
        throw new SessionFailure(e);
      }
    }

    /**
     * The first {@value #REPLACED_DESCRIBED} responses this session replaced, as they were stored,
     * in the order they were replaced.
     */
    public List<Replaced> replacedResponses() {
      return List.copyOf(replacedResponses);
    }

    /** The responses this session did not store because an earlier one of it differs. */
    public List<Conflict> conflicts() {
      return List.copyOf(conflicts);
    }

    /** What has been stored so far. */
    public Outcome outcome() {
      return new Outcome(
          List.copyOf(insertedIds), duplicates, replaced, companies, classes, anonymousRepeats);
    }

    private void flush() throws SQLException {
      answer.executeBatch();
      theme.executeBatch();
      waiting = 0;
    }

    /** A stored response and the company it was filed under. */
    private record Inserted(long id, Long companyId) {}

    /** What {@link #insert} gives for a response it leaves out as a {@link Conflict}. */
    private static final Inserted CONFLICT = new Inserted(-1, null);

    /** Whose response about what: the key of {@link #firstPlaces}. */
    private record Identity(
        String scanHash, String schoolYear, long respondentId, Long companyId) {}

    private Inserted insert(NewResponse newResponse) throws SQLException {
      ScoreResult result = newResponse.result();
      Answers answers = result.answers();
      String hash = contentHash(result, newResponse.className());
      if (answers.respondent() == null) {
        // identical anonymous rows are counted per occurrence: the first keeps the plain hash (as
        // before), the n-th gets "#n", so importing the same file again still adds nothing
        int occurrence = anonymousSeen.merge(hash, 1, Integer::sum);
        if (occurrence > 1) {
          hash = hash + "#" + occurrence;
        }
      }
      exists.setString(1, hash);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          long storedRespondent = rs.getLong(3);
          if (!rs.wasNull()) {
            long storedCompany = rs.getLong(4);
            Long company = rs.wasNull() ? null : storedCompany;
            firstPlaces.putIfAbsent(
                new Identity(rs.getString(1), rs.getString(2), storedRespondent, company),
                place(newResponse));
          }
          return null;
        }
      }
      if (hash.indexOf('#') > 0) {
        anonymousRepeats++; // a repeat that is stored: one the summary tells was not merged
      }
      Long respondentId =
          answers.respondent() == null
              ? null
              : respondent(answers.respondent(), newResponse.className());
      Long companyId = answers.company() == null ? null : company(answers.company());
      LocalDate date = answers.date() != null ? answers.date() : importDate;
      if (respondentId != null) {
        Identity identity =
            new Identity(result.scan().hash(), Keys.schoolYear(date), respondentId, companyId);
        String first = firstPlaces.putIfAbsent(identity, place(newResponse));
        if (first != null) {
          conflicts.add(
              new Conflict(
                  place(newResponse),
                  first,
                  answers.respondent().name(),
                  answers.company() == null ? null : answers.company().name()));
          return CONFLICT;
        }
      }
      replaced += replace(respondentId, companyId, result, date);
      ScoreResult.Figures overall = result.overall().figures();
      response.setString(1, result.scan().hash());
      setLong(response, 2, respondentId);
      setLong(response, 3, companyId);
      response.setString(4, newResponse.className());
      response.setString(5, Keys.schoolYear(date));
      response.setString(6, answers.date() == null ? null : answers.date().toString());
      response.setString(7, answers.language());
      response.setString(8, newResponse.sourceFile());
      if (newResponse.sourceRow() == null) {
        response.setNull(9, Types.INTEGER);
      } else {
        response.setInt(9, newResponse.sourceRow());
      }
      response.setString(10, hash);
      response.setString(11, Instant.now().toString());
      response.setString(12, overall.status().id());
      setDecimal(response, 13, overall.roundedScore());
      setDecimal(response, 14, overall.roundedCoverage());
      setDecimal(response, 15, result.overall().roundedGrade());
      response.setString(
          16, result.overall().level() == null ? null : result.overall().level().id());
      response.setString(17, ExactFigures.text(overall.score()));
      response.setString(18, ExactFigures.text(overall.coverage()));
      response.setString(19, ExactFigures.text(result.overall().grade()));
      response.setString(20, PackedFigures.questions(result.questions()));
      response.setString(21, PackedFigures.lenses(result.lenses()));
      response.executeUpdate();
      long id;
      try (ResultSet keys = response.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      answers(id, result);
      scores(id, result);
      return new Inserted(id, companyId);
    }

    private static String place(NewResponse response) {
      return response.sourceRow() == null
          ? response.sourceFile()
          : response.sourceFile() + ":" + response.sourceRow();
    }

    /**
     * Deletes the stored responses that a correction replaces: the same student (the same
     * respondent: student number and name when the new response has a number, else name within the
     * class; a number typed for two names is two students, so a typo never deletes a classmate's
     * response), the same company, the same scan edition (its hash: answers to another version are
     * other figures and stay beside it) and the same school year. Anonymous responses replace
     * nothing: there is no telling whose they are.
     */
    private int replace(Long respondentId, Long companyId, ScoreResult result, LocalDate date)
        throws SQLException {
      if (respondentId == null) {
        return 0;
      }
      PreparedStatement select = companyId == null ? replacedWithoutCompany : replacedWithCompany;
      select.setString(1, result.scan().hash());
      select.setString(2, Keys.schoolYear(date));
      select.setLong(3, respondentId);
      if (companyId != null) {
        select.setLong(4, companyId);
      }
      List<Long> old = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          old.add(rs.getLong(1));
        }
      }
      if (!old.isEmpty()) {
        // the replaced response may be one of this import whose rows still wait in a batch
        flush();
        for (long id : old) {
          if (replacedResponses.size() < REPLACED_DESCRIBED) {
            replacedResponses.add(described(id));
          }
          delete.setLong(1, id);
          delete.executeUpdate();
        }
      }
      return old.size();
    }

    private Replaced described(long id) throws SQLException {
      describe.setLong(1, id);
      try (ResultSet rs = describe.executeQuery()) {
        rs.next();
        return new Replaced(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6));
      }
    }

    /** The scan definition once per import; its JSON is large and alike for every response. */
    private void storeScan(NewResponse newResponse) throws SQLException {
      ScoreResult result = newResponse.result();
      scan.setString(1, result.scan().hash());
      scan.setString(2, result.scan().id());
      scan.setString(3, result.scan().version());
      scan.setString(4, newResponse.scanDefinition().toString());
      scan.setString(5, Instant.now().toString());
      scan.executeUpdate();
    }

    private void answers(long id, ScoreResult result) throws SQLException {
      Map<String, ScoreResult.QuestionScore> scored = new HashMap<>();
      for (ScoreResult.QuestionScore q : result.questions()) {
        scored.put(q.question().id(), q);
      }
      Set<String> hidden = new HashSet<>();
      result.hiddenAnswers().forEach(h -> hidden.add(h.question().id()));
      for (Answers.Answer given : result.answers().answers().values()) {
        ScoreResult.QuestionScore q = scored.get(given.questionId());
        answer.setLong(1, id);
        answer.setString(2, given.questionId());
        answer.setString(3, AnswerJson.text(given.value()));
        answer.setString(4, given.evidence());
        answer.setString(5, given.note());
        answer.setString(6, q == null ? null : q.status().id());
        setDecimal(answer, 7, q == null ? null : q.points());
        answer.setInt(8, hidden.contains(given.questionId()) ? 1 : 0);
        answer.addBatch();
      }
    }

    private void scores(long id, ScoreResult result) throws SQLException {
      int position = 0;
      for (ScoreResult.ThemeScore t : result.themes()) {
        theme.setLong(1, id);
        theme.setString(2, t.theme().id());
        theme.setInt(3, position++);
        figures(theme, 4, t.figures());
        theme.addBatch();
      }
    }

    /** Status, rounded score and coverage, reason, exact score and coverage from {@code first}. */
    private static void figures(PreparedStatement statement, int first, ScoreResult.Figures f)
        throws SQLException {
      statement.setString(first, f.status().id());
      setDecimal(statement, first + 1, f.roundedScore());
      setDecimal(statement, first + 2, f.roundedCoverage());
      if (f.reason() == null) {
        statement.setNull(first + 3, Types.VARCHAR);
      } else {
        statement.setString(first + 3, f.reason().id());
      }
      statement.setString(first + 4, ExactFigures.text(f.score()));
      statement.setString(first + 5, ExactFigures.text(f.coverage()));
    }

    private long respondent(Answers.Respondent respondent, String className) throws SQLException {
      String key = Keys.respondent(respondent.name(), respondent.id(), className);
      Long known = respondents.get(key);
      if (known == null) {
        known = existing(respondentSelect, key);
      }
      if (known == null) {
        respondentInsert.setString(1, key);
        respondentInsert.setString(2, respondent.name());
        respondentInsert.setString(3, respondent.id());
        respondentInsert.executeUpdate();
        known = existing(respondentSelect, key);
      }
      respondents.put(key, known);
      return known;
    }

    /**
     * The company a response is about: one per real company. A merged spelling (company_alias) goes
     * where it was merged; the same KvK number is the same company; a company known without KvK
     * that the response names with one gets the number; a name without KvK that {@link
     * Keys#sameCompany} matches to exactly one known company in the same city is that company. Else
     * a new company. The same spelling in the same city is looked up once per import.
     */
    private long company(Answers.Company company) throws SQLException {
      String remembered = company.name() + '\u0000' + company.kvk() + '\u0000' + company.city();
      Long known = companyIds.get(remembered);
      if (known == null) {
        known = lookUpCompany(company);
        companyIds.put(remembered, known);
      }
      return known;
    }

    private long lookUpCompany(Answers.Company company) throws SQLException {
      String key = Keys.company(company.name(), company.kvk());
      boolean hasKvk = company.kvk() != null && !company.kvk().isBlank();
      if (hasKvk) {
        Long aliased = existing(aliasSelect, key);
        if (aliased != null) {
          return aliased;
        }
        Long known = existing(companySelect, key);
        if (known != null) {
          return known;
        }
      } else {
        // a joined spelling names a company in its own city only: "Albert Heijn" in Assen is not
        // the Emmen one that "albert heijn bv" was joined to
        Long aliased = existing(aliasSelect, Keys.companyInCity(company.name(), company.city()));
        if (aliased == null) {
          aliased = existing(aliasSelect, key); // plain: written by a merge or an older import
          if (aliased != null && !inCity(aliased, company.city())) {
            aliased = null;
          }
        }
        if (aliased != null) {
          return aliased;
        }
      }
      List<KnownCompany> matches = new ArrayList<>();
      KnownCompany exact = null;
      String folded = Keys.foldedName(company.name());
      for (KnownCompany other :
          knownCompanies()
              .getOrDefault(Keys.companyBucket(company.name(), company.city()), List.of())) {
        // a KvK number only finds a company that has none yet: two numbers are two companies
        if (hasKvk && other.kvk != null) {
          continue;
        }
        if (Keys.sameCompany(company.name(), company.city(), other.name, other.city)) {
          matches.add(other);
          if (exact == null && folded.equals(Keys.foldedName(other.name))) {
            exact = other;
          }
        }
      }
      KnownCompany match = matches.size() == 1 ? matches.get(0) : exact;
      if (match == null && !hasKvk && Keys.foldedCity(company.city()) == null) {
        // without a city, a name is the one known company of that name; of several, none
        List<KnownCompany> named = companiesByName.getOrDefault(folded, List.of());
        if (named.size() == 1) {
          match = named.get(0);
        }
      }
      if (match != null && !hasKvk) {
        // this spelling now names that company in this city; the plain key (first come) lets
        // --company find it by the spelling too, but never decides an import on its own
        aliasInsert.setString(1, Keys.companyInCity(company.name(), company.city()));
        aliasInsert.setLong(2, match.id);
        aliasInsert.executeUpdate();
        aliasInsert.setString(1, key);
        aliasInsert.setLong(2, match.id);
        aliasInsert.executeUpdate();
      }
      if (match != null) {
        if (hasKvk) {
          // the company was known by name only: it gets the number, its old key stays an alias
          aliasOfCompany.setLong(1, match.id);
          aliasOfCompany.executeUpdate();
          companyNumber.setString(1, company.kvk());
          companyNumber.setString(2, key);
          companyNumber.setString(3, company.city());
          companyNumber.setLong(4, match.id);
          companyNumber.executeUpdate();
          match.kvk = company.kvk();
          if (match.city == null && company.city() != null) {
            // the bucket follows the city the company now has
            knownCompanies().get(Keys.companyBucket(match.name, null)).remove(match);
            match.city = company.city();
            knownCompanies()
                .computeIfAbsent(Keys.companyBucket(match.name, match.city), b -> new ArrayList<>())
                .add(match);
          }
        }
        return match.id;
      }
      Long sameKey = existing(companySelect, key);
      if (sameKey != null && !hasKvk) {
        // the same folded name in another city is another company: it gets a key of its own
        key = Keys.companyInCity(company.name(), company.city());
        Long known = existing(companySelect, key);
        if (known != null) {
          return known;
        }
      }
      companyInsert.setString(1, key);
      companyInsert.setString(2, company.name());
      companyInsert.setString(3, company.kvk());
      companyInsert.setString(4, company.city());
      companyInsert.setString(5, company.sector());
      companyInsert.executeUpdate();
      long id = existing(companySelect, key);
      KnownCompany added = new KnownCompany(id, company.name(), company.city(), company.kvk());
      knownCompanies()
          .computeIfAbsent(Keys.companyBucket(added.name, added.city), b -> new ArrayList<>())
          .add(added);
      know(added);
      return id;
    }

    private void know(KnownCompany known) {
      companiesById.put(known.id, known);
      companiesByName
          .computeIfAbsent(Keys.foldedName(known.name), n -> new ArrayList<>())
          .add(known);
    }

    /** Whether a stored company is in {@code city} (after folding; no city is a city too). */
    private boolean inCity(long id, String city) throws SQLException {
      knownCompanies();
      KnownCompany known = companiesById.get(id);
      return known != null
          && java.util.Objects.equals(Keys.foldedCity(known.city), Keys.foldedCity(city));
    }

    /** Every stored company, by bucket, in id order; read at the first new spelling. */
    private Map<String, List<KnownCompany>> knownCompanies() throws SQLException {
      if (companiesByBucket == null) {
        companiesByBucket = new HashMap<>();
        try (Statement select = connection.createStatement();
            ResultSet rs =
                select.executeQuery("SELECT id, name, city, kvk FROM company ORDER BY id")) {
          while (rs.next()) {
            KnownCompany known =
                new KnownCompany(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            companiesByBucket
                .computeIfAbsent(Keys.companyBucket(known.name, known.city), b -> new ArrayList<>())
                .add(known);
            know(known);
          }
        }
      }
      return companiesByBucket;
    }

    /**
     * The id of a row that exists already. Looked up before inserting: on PostgreSQL an insert that
     * is ignored still takes a number from the sequence, and ids must count alike on both engines.
     */
    private static Long existing(PreparedStatement select, String key) throws SQLException {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement :
          List.of(
              exists,
              response,
              answer,
              theme,
              respondentSelect,
              respondentInsert,
              aliasSelect,
              companySelect,
              companyInsert,
              scan,
              replacedWithCompany,
              replacedWithoutCompany,
              delete,
              describe,
              aliasInsert,
              aliasOfCompany,
              companyNumber)) {
        statement.close();
      }
    }
  }

  /** A stored company as matching needs it; its number and city change when a KvK number comes. */
  private static final class KnownCompany {
    final long id;
    final String name;
    String city;
    String kvk;

    KnownCompany(long id, String name, String city, String kvk) {
      this.id = id;
      this.name = name;
      this.city = city;
      this.kvk = kvk;
    }
  }

  /** A database failure inside {@link Session#add}, carried out of the caller's loop. */
  static final class SessionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /**
   * The identity of a response: what was answered, by whom, about which company, for which scan.
   */
  public static String contentHash(ScoreResult result, String className) {
    // the canonical form of ScanHash written straight out (keys in code-point order, as ScanHash
    // sorts them): the same text, and so the same hash, as the JSON tree of these fields gave
    // before, without building a tree of every answer (ResponseWriterTest compares the two)
    Answers answers = result.answers();
    StringBuilder out = new StringBuilder(64 * answers.answers().size() + 256);
    out.append("{\"answers\":{");
    List<String> ids = new ArrayList<>(answers.answers().keySet());
    ids.sort(ScanHash::compareCodePoints);
    boolean first = true;
    for (String id : ids) {
      Answers.Answer answer = answers.answers().get(id);
      if (!first) {
        out.append(',');
      }
      first = false;
      ScanHash.appendString(out, id);
      out.append(":{\"evidence\":");
      ScanHash.appendString(out, answer.evidence());
      out.append(",\"note\":");
      ScanHash.appendString(out, answer.note());
      out.append(",\"value\":");
      canonicalValue(out, answer.value());
      out.append('}');
    }
    out.append("},\"class\":");
    ScanHash.appendString(out, className);
    if (answers.company() != null) {
      out.append(",\"company\":");
      ScanHash.appendString(out, answers.company().name());
    }
    out.append(",\"date\":");
    ScanHash.appendString(out, answers.date() == null ? null : answers.date().toString());
    if (answers.company() != null) {
      out.append(",\"kvk\":");
      ScanHash.appendString(out, answers.company().kvk());
    }
    if (answers.respondent() != null) {
      out.append(",\"name\":");
      ScanHash.appendString(out, answers.respondent().name());
    }
    out.append(",\"scan\":");
    ScanHash.appendString(out, result.scan().hash());
    if (answers.respondent() != null) {
      out.append(",\"studentNumber\":");
      ScanHash.appendString(out, answers.respondent().id());
    }
    out.append('}');
    return ScanHash.ofCanonical(out);
  }

  /** An answer's value in the canonical form, as {@link ScanHash} writes {@link AnswerJson}'s. */
  private static void canonicalValue(StringBuilder out, AnswerValue value) {
    if (value == null) {
      out.append("null");
      return;
    }
    if (value instanceof AnswerValue.Choice choice) {
      ScanHash.appendString(out, choice.optionId());
    } else if (value instanceof AnswerValue.Multi multi) {
      out.append('[');
      for (int i = 0; i < multi.optionIds().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        ScanHash.appendString(out, multi.optionIds().get(i));
      }
      out.append(']');
    } else if (value instanceof AnswerValue.Number number) {
      out.append(Decimals.text(number.value()));
    } else if (value instanceof AnswerValue.Text text) {
      ScanHash.appendString(out, text.text());
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
