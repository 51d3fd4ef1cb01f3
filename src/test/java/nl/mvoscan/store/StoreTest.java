package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreTest {

  @TempDir Path dir;

  @Test
  void createsTheDatabaseReadableByTheOwnerOnlyWithTheCurrentSchema() throws Exception {
    // in an existing folder: mvoscan never creates a database's folder (StoreErrorsTest)
    Path file = java.nio.file.Files.createDirectories(dir.resolve("sub")).resolve("mvoscan.db");
    try (Store store = Store.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(SqliteStore.SCHEMA_VERSION);
      assertThat(StoreChecks.integrity(store)).isEqualTo("ok");
      String journal =
          store.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertThat(journal).isEqualTo("wal");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void reopeningKeepsDataAndDoesNotMigrateAgain(Backend backend) throws Exception {
    String file = backend.newDatabase(dir);
    try (Store store = Backend.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.VERSION);
      store.inTransaction(
          c ->
              c.createStatement()
                  .executeUpdate("INSERT INTO company(company_key, name) VALUES ('name:x', 'X')"));
    }
    try (Store store = Backend.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.VERSION);
      int count =
          store.read(
              c -> {
                try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT count(*) FROM company")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(count).isEqualTo(1);
    }
  }

  @Test
  void refusesAServerDatabaseFromANewerMvoscanAndLeavesItUntouched() throws Exception {
    StoreAddress.Postgres address = TestDatabases.newPostgresDatabase();
    Backend.open(address.address()).close();
    TestDatabases.asSuperuser(
        address.database(),
        "UPDATE mvoscan_schema SET version = " + (Migrations.VERSION + 1),
        "CREATE TABLE future(x integer)");
    StoreException e =
        catchThrowableOfType(StoreException.class, () -> Backend.open(address.address()));
    assertThat(e.key()).isEqualTo("store.newerSchema");
    assertThat(e.args())
        .containsExactly(address.display(), Migrations.VERSION + 1, Migrations.VERSION);
    try (var connection = TestDatabases.admin(address.database());
        ResultSet rs =
            connection.createStatement().executeQuery("SELECT max(version) FROM mvoscan_schema")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.VERSION + 1);
    }
  }

  @Test
  void theServerSchemaHasTheSameTablesAndColumnsAsTheSqliteFile() throws Exception {
    java.util.Set<String> sqlite = new java.util.TreeSet<>();
    try (Store store = Store.open(dir.resolve("schema.db"))) {
      store.read(
          c -> {
            try (ResultSet tables =
                c.createStatement()
                    .executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
              java.util.List<String> names = new java.util.ArrayList<>();
              while (tables.next()) {
                names.add(tables.getString(1));
              }
              for (String table : names) {
                try (ResultSet columns =
                    c.createStatement().executeQuery("PRAGMA table_info(" + table + ")")) {
                  while (columns.next()) {
                    sqlite.add(table + "." + columns.getString(2) + " " + columns.getString(3));
                  }
                }
              }
            }
            return null;
          });
    }
    StoreAddress.Postgres address = TestDatabases.newPostgresDatabase();
    Backend.open(address.address()).close();
    java.util.Set<String> postgres = new java.util.TreeSet<>();
    try (var connection = TestDatabases.admin(address.database());
        ResultSet columns =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                        + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                        + " WHERE c.table_schema = 'public' AND c.table_name <> 'mvoscan_schema'")) {
      while (columns.next()) {
        String type =
            switch (columns.getString(3)) {
              case "bigint" -> "INTEGER";
              case "double precision" -> "REAL";
              case "text" -> "TEXT";
              default -> columns.getString(3);
            };
        postgres.add(columns.getString(1) + "." + columns.getString(2) + " " + type);
      }
    }
    assertThat(postgres).isEqualTo(sqlite);
  }

  @Test
  void refusesADatabaseFromANewerMvoscanAndLeavesItUntouched() throws Exception {
    Path file = dir.resolve("newer.db");
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE future(x)");
      statement.execute("PRAGMA user_version = " + (SqliteStore.SCHEMA_VERSION + 1));
    }
    byte[] before = Files.readAllBytes(file);
    StoreException e = catchThrowableOfType(StoreException.class, () -> Store.open(file));
    assertThat(e.key()).isEqualTo("store.newerSchema");
    assertThat(java.util.Arrays.equals(Files.readAllBytes(file), before))
        .as("database bytes unchanged")
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailedTransactionLeavesNothingBehind(Backend backend) throws Exception {
    try (Store store = backend.openNew(dir)) {
      catchThrowableOfType(
          StoreException.class,
          () ->
              store.inTransaction(
                  c -> {
                    c.createStatement()
                        .executeUpdate(
                            "INSERT INTO company(company_key, name) VALUES ('name:a', 'A')");
                    return c.createStatement()
                        .executeUpdate(
                            "INSERT INTO company(company_key, name) VALUES ('name:a', 'A again')");
                  }));
      int count =
          store.read(
              c -> {
                try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT count(*) FROM company")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(count).isZero();
    }
  }

  @Test
  void schoolYearTurnsOnTheFirstOfAugust() {
    assertThat(Keys.schoolYear(LocalDate.of(2026, 11, 20))).isEqualTo("2026-2027");
    assertThat(Keys.schoolYear(LocalDate.of(2027, 7, 31))).isEqualTo("2026-2027");
    assertThat(Keys.schoolYear(LocalDate.of(2027, 8, 1))).isEqualTo("2027-2028");
  }

  @Test
  void companyNamesAreRecognisedWithoutCaseSpacingOrLegalSuffix() {
    assertThat(Keys.company("Albert Heijn B.V.", null))
        .isEqualTo(Keys.company("albert  heijn", null));
    assertThat(Keys.company("albert heijn bv", null)).isEqualTo(Keys.company("Albert Heijn", null));
    assertThat(Keys.company("Dijkstra V.O.F.", null)).isEqualTo(Keys.company("dijkstra", null));
    assertThat(Keys.company("Bakkerij", "12345678")).isEqualTo("kvk:12345678");
    assertThat(Keys.company("İZMİR Döner", null)).isEqualTo(Keys.company("izmir döner", null));
  }

  @Test
  void anOlderDatabaseIsMigratedInOrderAndKeepsItsData() throws Exception {
    Path file = dir.resolve("old.db");
    // a database as version 1 of the schema left it
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : migration("001-initial.sql")) {
        statement.execute(sql);
      }
      statement.execute("INSERT INTO company(company_key, name) VALUES ('name:x', 'X')");
      statement.execute("PRAGMA user_version = 1");
    }
    try (Store store = Store.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(SqliteStore.SCHEMA_VERSION).isEqualTo(6);
      assertThat(
              StoreChecks.number(
                  store, "SELECT count(*) FROM sqlite_master WHERE name = 'company_alias'"))
          .isEqualTo(1);
      assertThat(StoreChecks.number(store, "SELECT count(*) FROM company")).isEqualTo(1);
      assertThat(StoreChecks.integrity(store)).isEqualTo("ok");
    }
  }

  /** The statements of a migration file, as the store runs them. */
  private static java.util.List<String> migration(String name) throws Exception {
    try (var in = StoreTest.class.getResourceAsStream("/nl/mvoscan/store/migrations/" + name)) {
      String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      java.util.List<String> statements = new java.util.ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : sql.split("\n")) {
        String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
        current.append(code).append('\n');
        if (code.trim().endsWith(";")) {
          statements.add(current.toString().trim());
          current.setLength(0);
        }
      }
      return statements;
    }
  }
}
