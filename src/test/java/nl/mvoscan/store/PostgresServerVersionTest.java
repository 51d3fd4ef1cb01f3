package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The migrations need PostgreSQL 15 or newer (security_invoker views): an older one is refused. */
class PostgresServerVersionTest {

  @Test
  void serversBefore15AreRefusedAnd15AndLaterAreTaken() {
    assertThat(PostgresStore.supported(90624)).isFalse();
    assertThat(PostgresStore.supported(130012)).isFalse();
    assertThat(PostgresStore.supported(149999)).isFalse();
    assertThat(PostgresStore.supported(150000)).isTrue();
    assertThat(PostgresStore.supported(160004)).isTrue();
    assertThat(PostgresStore.supported(180000)).isTrue();
  }

  @Test
  void theVersionFoundIsSaidAsPeopleWriteIt() {
    assertThat(PostgresStore.versionText(140010)).isEqualTo("14.10");
    assertThat(PostgresStore.versionText(150000)).isEqualTo("15.0");
    assertThat(PostgresStore.versionText(90624)).isEqualTo("9.6.24");
  }

  @Test
  void theRefusalNamesTheDatabaseAndTheVersionFound() {
    StoreException refused = StoreException.oldServer("db.regio.nl/mvoscan", "14.10");
    assertThat(refused.key()).isEqualTo("store.oldServer");
    assertThat(refused.args()).containsExactly("db.regio.nl/mvoscan", "14.10");
  }

  @Test
  void theServerOfTheTestsIsNewEnoughAndANewDatabaseIsMigratedOnIt() throws Exception {
    StoreAddress.Postgres address = TestDatabases.newPostgresDatabase();
    try (Connection admin = TestDatabases.admin(address.database());
        Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
      rs.next();
      assertThat(PostgresStore.supported(Integer.parseInt(rs.getString(1)))).isTrue();
    }
    try (Store store = Store.open(address, TestDatabases.env())) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.VERSION);
    }
  }
}
