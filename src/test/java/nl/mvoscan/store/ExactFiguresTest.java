package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Import stores exact figures; a database from before keeps working and gets them too. */
class ExactFiguresTest {

  private static final List<String> EXAMPLES =
      List.of(
          "examples/bakkerij-emmen.json",
          "examples/garage-assen.json",
          "examples/installatiebedrijf-leeuwarden.json",
          "examples/zorghuis-groningen.json");

  @TempDir Path dir;

  private static List<ResponseWriter.NewResponse> examples() {
    ScanCatalog catalog = ScanCatalog.load(List.of(), Locale.ROOT);
    List<ResponseWriter.NewResponse> responses = new ArrayList<>();
    for (String example : EXAMPLES) {
      ScanCatalog.Entry entry = catalog.entry("mvo-stagebedrijf").orElseThrow();
      ScanLoader.Result scan = entry.result();
      AnswersLoader.Result answers = AnswersLoader.load(Path.of(example), scan.scan());
      assertThat(answers.problems()).as(example).isEmpty();
      responses.add(
          new ResponseWriter.NewResponse(
              Scorer.score(scan.scan(), answers.answers()),
              scan.document().root(),
              "3A",
              example,
              null));
    }
    return responses;
  }

  /** Every exact figure and question status of a database, one line each, by content hash. */
  private static List<String> figures(Store store) {
    return store.read(
        connection -> {
          List<String> lines = new ArrayList<>();
          String[] queries = {
            "SELECT r.content_hash, r.status, r.exact_score, r.exact_coverage, r.exact_grade"
                + " FROM response r ORDER BY 1",
            "SELECT r.content_hash, t.theme_id, t.status, t.reason, t.exact_score, t.exact_coverage"
                + " FROM theme_score t JOIN response r ON r.id = t.response_id ORDER BY 1, 2",
            "SELECT r.content_hash, l.lens_key, l.lens_value, l.status, l.exact_score"
                + " FROM lens_score l JOIN response r ON r.id = l.response_id ORDER BY 1, 2, 3",
            "SELECT r.content_hash, q.question_id, q.position, q.status, q.points"
                + " FROM question_score q JOIN response r ON r.id = q.response_id ORDER BY 1, 3",
            "SELECT r.content_hash, a.question_id, a.hidden"
                + " FROM answer a JOIN response r ON r.id = a.response_id ORDER BY 1, 2",
          };
          for (String sql : queries) {
            try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                  line.append(rs.getString(i)).append('|');
                }
                lines.add(line.toString());
              }
            }
          }
          return lines;
        });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void importStoresTheExactFiguresThatRoundToTheStoredOnes(Backend backend) {
    try (Store store = backend.openNew(dir)) {
      ResponseWriter.save(store, examples(), LocalDate.of(2026, 11, 20));
      List<String> mismatches =
          store.read(
              connection -> {
                List<String> wrong = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                    ResultSet rs =
                        statement.executeQuery(
                            "SELECT id, score, exact_score, grade, exact_grade FROM response")) {
                  while (rs.next()) {
                    if (rs.getString(3) == null) {
                      continue;
                    }
                    Rational score = ExactFigures.parse(rs.getString(3));
                    if (score.round(1).doubleValue() != rs.getDouble(2)
                        || ExactFigures.parse(rs.getString(5)).round(1).doubleValue()
                            != rs.getDouble(4)) {
                      wrong.add("response " + rs.getLong(1));
                    }
                  }
                }
                return wrong;
              });
      assertThat(mismatches).isEmpty();
      long scored =
          StoreChecks.number(store, "SELECT count(*) FROM response WHERE score IS NOT NULL");
      assertThat(scored).isPositive();
      // every scored question of every response has a status, also the unanswered ones
      assertThat(StoreChecks.number(store, "SELECT count(*) FROM question_score"))
          .isEqualTo(
              (long) EXAMPLES.size() * examples().get(0).result().scan().scoredQuestions().size());
    }
  }

  @Test
  void aDatabaseFromBeforeExactFiguresGetsExactlyTheFiguresImportGivesNow() throws Exception {
    Path current = dir.resolve("current.db");
    Path old = dir.resolve("old.db");
    try (Store store = Store.open(current)) {
      ResponseWriter.save(store, examples(), LocalDate.of(2026, 11, 20));
    }
    try (Store store = Store.open(old)) {
      ResponseWriter.save(store, examples(), LocalDate.of(2026, 11, 20));
      // back to schema version 2, as the last mvoscan without exact figures left its databases
      store.inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              // what later versions added goes first: version 6 packed the lens rows
              s.execute("CREATE TABLE lens_rows AS SELECT * FROM lens_score");
              s.execute("DROP VIEW lens_score");
              s.execute(
                  "CREATE TABLE lens_score (response_id INTEGER NOT NULL REFERENCES response(id)"
                      + " ON DELETE CASCADE, lens_key TEXT NOT NULL, lens_value TEXT NOT NULL,"
                      + " position INTEGER NOT NULL, status TEXT NOT NULL, score REAL,"
                      + " coverage REAL, reason TEXT, exact_score TEXT, exact_coverage TEXT,"
                      + " PRIMARY KEY (response_id, lens_key, lens_value))");
              s.execute("INSERT INTO lens_score SELECT * FROM lens_rows");
              s.execute("DROP TABLE lens_rows");
              s.execute("DROP VIEW question_score");
              for (String column : List.of("question_figures", "lens_figures")) {
                s.execute("ALTER TABLE response DROP COLUMN " + column);
              }
              for (String index :
                  List.of("response_origin", "response_school", "response_respondent")) {
                s.execute("DROP INDEX " + index);
              }
              for (String column : List.of("school_id", "origin", "origin_version")) {
                s.execute("ALTER TABLE response DROP COLUMN " + column);
              }
              s.execute("ALTER TABLE respondent DROP COLUMN school_id");
              s.execute("DROP TABLE school");
              for (String column : List.of("exact_score", "exact_coverage", "exact_grade")) {
                s.execute("ALTER TABLE response DROP COLUMN " + column);
              }
              for (String table : List.of("theme_score", "lens_score")) {
                for (String column : List.of("reason", "exact_score", "exact_coverage")) {
                  s.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
                }
              }
              s.execute("ALTER TABLE answer DROP COLUMN hidden");
              s.execute("PRAGMA user_version = 2");
            }
            return null;
          });
    }
    List<String> expected;
    try (Store store = Store.open(current)) {
      expected = figures(store);
    }
    try (Store store = Store.open(old)) {
      assertThat(store.schemaVersion()).isEqualTo(SqliteStore.SCHEMA_VERSION);
      assertThat(figures(store)).isEqualTo(expected);
      assertThat(StoreChecks.integrity(store)).isEqualTo("ok");
    }
  }

  @Test
  void exactFiguresAreFractionsAsText() {
    Rational third =
        Rational.of(java.math.BigDecimal.ONE)
            .dividedBy(Rational.of(java.math.BigDecimal.valueOf(3)));
    assertThat(ExactFigures.text(third)).isEqualTo("1/3");
    assertThat(ExactFigures.text(Rational.of(new java.math.BigDecimal("62.50"))))
        .isEqualTo("125/2");
    assertThat(ExactFigures.text(Rational.HUNDRED)).isEqualTo("100");
    assertThat(ExactFigures.parse("125/2"))
        .isEqualTo(Rational.of(new java.math.BigDecimal("62.5")));
    assertThat(ExactFigures.oneDecimal("125/2")).isEqualByComparingTo("62.5");
    // 62.25 exactly rounds half-up to 62.3, where a double of 62.25 stored as REAL might not
    assertThat(ExactFigures.oneDecimal("249/4")).isEqualByComparingTo("62.3");
    assertThat(ExactFigures.percent("11/12")).isEqualByComparingTo("91.7");
    assertThat(ExactFigures.text(null)).isNull();
    assertThat(ExactFigures.parse(null)).isNull();
  }
}
