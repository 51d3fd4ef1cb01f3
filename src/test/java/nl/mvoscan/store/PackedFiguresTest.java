package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A response's question and lens figures packed into one column each, and migration 006. */
class PackedFiguresTest {

  @TempDir Path dir;

  @Test
  void packedRowsAreReadBackWithStringsNumbersAndNullsAsTheTablesGaveThem() {
    List<Object[]> rows =
        PackedFigures.rows("[[\"q1\",\"answered\",\"2\"],[\"q2\",\"missing\",null],[\"x\",62.5]]");
    assertThat(rows)
        .containsExactly(
            new Object[] {"q1", "answered", "2"},
            new Object[] {"q2", "missing", null},
            new Object[] {"x", 62.5});
  }

  @Test
  void theSpacedFormOfPostgresqlAndEscapedTextAreReadToo() {
    assertThat(
            PackedFigures.rows(
                " [ [\"a\\\"b\\\\c\\u00e9\\n\", \"na\", null] , [\"d\", \"hidden\", \"0.3\"] ] "))
        .containsExactly(
            new Object[] {"a\"b\\cé\n", "na", null}, new Object[] {"d", "hidden", "0.3"});
    assertThat(PackedFigures.rows("[]")).isEmpty();
    assertThat(PackedFigures.rows(null)).isEmpty();
  }

  @Test
  void textThatIsNotAnArrayOfArraysIsRefused() {
    for (String broken : List.of("", "[", "[[\"a\"]", "[[\"a\"]]x", "[\"a\"]", "[[true]]")) {
      assertThatThrownBy(() -> PackedFigures.rows(broken))
          .as(broken)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aUnicodeEscapeIsFourHexDigitsAndNothingElse() {
    assertThat(PackedFigures.rows("[[\"\\u0041\\u00E9\"]]")).containsExactly(new Object[] {"Aé"});
    for (String broken :
        List.of(
            "[[\"\\u+041\"]]",
            "[[\"\\u-041\"]]",
            "[[\"\\u 041\"]]",
            "[[\"\\u04g1\"]]",
            "[[\"\\u004\uFF11\"]]",
            "[[\"\\u041\"]]",
            "[[\"\\u04")) {
      assertThatThrownBy(() -> PackedFigures.rows(broken))
          .as(broken)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** One response's question rows and another's lens rows, with text that JSON must escape. */
  private static final String[] QUESTIONS = {
    "(1, 'energie-1', 0, 'answered', '2')",
    "(1, 'energie-\"2\\', 1, 'missing', NULL)",
    "(1, 'zorg-é', 2, 'na', '0.3')",
    "(2, 'energie-1', 0, 'hidden', NULL)",
  };

  private static final String[] LENSES = {
    "(1, 'sector', 'bouw', 0, 'sufficient', 62.5, 80.0, NULL, '125/2', '4/5')",
    "(1, 'regio', 'noord \"oost\"', 1, 'insufficient', NULL, 12.5, 'coverage', NULL, '1/8')",
    "(2, 'sector', 'zorg', 0, 'sufficient', 50.0, 100.0, NULL, '50', '1')",
  };

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDatabaseOfVersion5KeepsEveryQuestionAndLensRowInTheViewsOfTheSameNames(Backend backend)
      throws Exception {
    String address = backend.newDatabase(dir);
    List<String> questions;
    List<String> lenses;
    try (Connection connection = version5(backend, address);
        Statement s = connection.createStatement()) {
      s.execute(
          "INSERT INTO scan(hash, scan_id, version, definition, added_at)"
              + " VALUES ('sha256:x', 'mvo-stagebedrijf', '1.1', '{}', '2026-12-01')");
      for (int id = 1; id <= 3; id++) {
        s.execute(
            "INSERT INTO response(id, scan_hash, school_year, content_hash, imported_at, status)"
                + " VALUES ("
                + id
                + ", 'sha256:x', '2026-2027', 'c"
                + id
                + "', '2026-12-01', 'sufficient')");
      }
      s.execute(
          "INSERT INTO question_score(response_id, question_id, position, status, points) VALUES "
              + String.join(", ", QUESTIONS));
      s.execute(
          "INSERT INTO lens_score(response_id, lens_key, lens_value, position, status, score,"
              + " coverage, reason, exact_score, exact_coverage) VALUES "
              + String.join(", ", LENSES));
      questions = rows(connection, QUESTION_ROWS);
      lenses = rows(connection, LENS_ROWS);
    }
    assertThat(questions).hasSize(QUESTIONS.length);
    assertThat(lenses).hasSize(LENSES.length);

    try (Store store = Backend.open(address)) {
      assertThat(store.schemaVersion()).isEqualTo(6);
      store.read(
          connection -> {
            assertThat(rows(connection, QUESTION_ROWS)).isEqualTo(questions);
            assertThat(rows(connection, LENS_ROWS)).isEqualTo(lenses);
            // the packed column itself, as mvoscan reads it
            List<String> unpacked = new ArrayList<>();
            try (Statement s = connection.createStatement();
                ResultSet rs =
                    s.executeQuery("SELECT id, question_figures FROM response ORDER BY id")) {
              while (rs.next()) {
                for (Object[] q : PackedFigures.rows(rs.getString(2))) {
                  unpacked.add(rs.getLong(1) + "|" + Arrays.toString(q));
                }
              }
            }
            assertThat(unpacked)
                .containsExactly(
                    "1|[energie-1, answered, 2]",
                    "1|[energie-\"2\\, missing, null]",
                    "1|[zorg-é, na, 0.3]",
                    "2|[energie-1, hidden, null]");
            return null;
          });
      if (backend == Backend.SQLITE) {
        assertThat(
                StoreChecks.number(
                    store,
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name IN ('question_score', 'lens_score')"))
            .isZero();
        assertThat(StoreChecks.integrity(store)).isEqualTo("ok");
      }
    }
  }

  @Test
  void aSchoolRoleThatCouldReadTheTablesMayReadTheViewsAfterTheMigration() throws Exception {
    StoreAddress.Postgres address = TestDatabases.newPostgresDatabase();
    String role = "packed_school_" + Long.toHexString(System.nanoTime());
    TestDatabases.createRoles(role);
    try (Connection connection = version5(Backend.POSTGRESQL, address.address());
        Statement s = connection.createStatement()) {
      s.execute("SELECT mvoscan_grant_school('" + role + "', 'Noorderpoort')");
    }
    Backend.open(address.address()).close();
    try (Connection admin = TestDatabases.admin(address.database());
        Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT has_table_privilege('"
                    + role
                    + "', 'question_score', 'SELECT'), has_table_privilege('"
                    + role
                    + "', 'lens_score', 'SELECT')")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getBoolean(2)).isTrue();
    }
  }

  private static final String QUESTION_ROWS =
      "SELECT response_id, question_id, position, status, points FROM question_score"
          + " ORDER BY response_id, position";
  private static final String LENS_ROWS =
      "SELECT response_id, lens_key, lens_value, position, status, score, coverage, reason,"
          + " exact_score, exact_coverage FROM lens_score ORDER BY response_id, position";

  /** A new database of schema version 5, as the last mvoscan before packed figures left it. */
  private static Connection version5(Backend backend, String address) throws SQLException {
    Connection connection;
    if (backend == Backend.SQLITE) {
      connection = DriverManager.getConnection("jdbc:sqlite:" + address);
      try (Statement s = connection.createStatement()) {
        for (String file : Migrations.FILES.subList(0, 5)) {
          for (String sql : Migrations.forSqlite(file)) {
            s.execute(sql);
          }
        }
        s.execute("PRAGMA user_version = 5");
      }
      return connection;
    }
    StoreAddress.Postgres pg = (StoreAddress.Postgres) StoreAddress.parse(address);
    connection = TestDatabases.admin(pg.database());
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE mvoscan_schema (version INTEGER NOT NULL)");
      s.execute("INSERT INTO mvoscan_schema(version) VALUES (5)");
      for (String file : Migrations.FILES.subList(0, 5)) {
        for (String sql : Migrations.forPostgres(file)) {
          s.execute(sql);
        }
      }
    }
    return connection;
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
