package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Throw-away databases on the PostgreSQL server that {@code MVOSCAN_TEST_PG} names ({@code
 * .ci/postgres.sh} starts one): every test gets a database of its own, dropped when the tests end.
 */
public final class TestDatabases {

  public static final String ENV = "MVOSCAN_TEST_PG";

  private static final List<StoreAddress.Postgres> CREATED = new ArrayList<>();
  private static final List<String> ROLES = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
  }

  private TestDatabases() {}

  /** The environment the tests give mvoscan: the process's own (PGPASSWORD, PGPASSFILE). */
  public static Map<String, String> env() {
    return System.getenv();
  }

  /**
   * The test server's address (a superuser). Without {@code MVOSCAN_TEST_PG} the test is skipped,
   * or fails when {@code CI} is set.
   */
  public static StoreAddress.Postgres server() {
    String address = System.getenv(ENV);
    if (address == null || address.isBlank()) {
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
        fail(
            ENV
                + " is not set on CI: the PostgreSQL tests must run there (.ci/postgres.sh starts a"
                + " server)");
      }
      Assumptions.abort(
          "PostgreSQL test skipped: set "
              + ENV
              + "=postgresql://127.0.0.1:PORT/postgres?user=… (. .ci/postgres.sh && postgres_start)");
    }
    return (StoreAddress.Postgres) StoreAddress.parse(address);
  }

  /** A superuser connection to {@code database} on the test server, autocommitting. */
  public static Connection admin(String database) throws SQLException {
    Connection connection = PostgresStore.connect(server().withDatabase(database), env());
    connection.setAutoCommit(true);
    return connection;
  }

  /** A new empty database on the test server; an unreachable server fails the test. */
  public static synchronized StoreAddress.Postgres newPostgresDatabase() {
    StoreAddress.Postgres server = server();
    String name = "mvoscan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = admin(server.database());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new AssertionError(
          "the PostgreSQL server of " + ENV + " (" + server.display() + ") cannot be used: " + e,
          e);
    }
    StoreAddress.Postgres created = server.withDatabase(name);
    CREATED.add(created);
    return created;
  }

  /** Runs {@code sql} as the test server's superuser on {@code database}. */
  public static void asSuperuser(String database, String... sql) throws SQLException {
    try (Connection connection = admin(database);
        Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  /** Roles on the test server (roles belong to the whole server), dropped when the tests end. */
  public static synchronized void createRoles(String... roles) throws SQLException {
    for (String role : roles) {
      asSuperuser(server().database(), "CREATE ROLE " + role);
      ROLES.add(role);
    }
  }

  private static synchronized void dropAll() {
    if (CREATED.isEmpty()) {
      return;
    }
    try (Connection connection = admin(server().database());
        Statement statement = connection.createStatement()) {
      for (StoreAddress.Postgres database : CREATED) {
        statement.execute("DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
      }
      for (String role : ROLES) {
        statement.execute("DROP ROLE IF EXISTS " + role);
      }
    } catch (SQLException e) {
      System.err.println("could not drop the test databases: " + e);
    }
  }
}
