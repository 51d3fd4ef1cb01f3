package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --db takes a file or a PostgreSQL address; the password never comes from the address. */
class StoreAddressTest {

  @TempDir Path dir;

  @Test
  void aPathIsASqliteFileAndAUrlIsAServer() {
    assertThat(StoreAddress.parse("results/mvoscan.db"))
        .isEqualTo(new StoreAddress.SqliteFile(Path.of("results/mvoscan.db")));
    StoreAddress.Postgres pg =
        (StoreAddress.Postgres)
            StoreAddress.parse("postgresql://db.school.nl:6543/regio?user=noord&sslmode=require");
    assertThat(pg.host()).isEqualTo("db.school.nl");
    assertThat(pg.port()).isEqualTo(6543);
    assertThat(pg.database()).isEqualTo("regio");
    assertThat(pg.user()).isEqualTo("noord");
    assertThat(pg.parameters()).containsEntry("sslmode", "require");
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.school.nl:6543/regio");
    assertThat(pg.display()).isEqualTo("postgresql://noord@db.school.nl:6543/regio");
    assertThat(StoreAddress.parse(pg.address())).isEqualTo(pg);
  }

  @Test
  void jdbcAddressesDefaultPortsAndUserInfoAreUnderstood() {
    StoreAddress.Postgres jdbc =
        (StoreAddress.Postgres) StoreAddress.parse("jdbc:postgresql://127.0.0.1/mvo?user=a");
    assertThat(jdbc.port()).isEqualTo(5432);
    assertThat(jdbc.user()).isEqualTo("a");
    StoreAddress.Postgres userInfo =
        (StoreAddress.Postgres) StoreAddress.parse("postgres://b@[::1]:5433/mvo");
    assertThat(userInfo.host()).isEqualTo("::1");
    assertThat(userInfo.user()).isEqualTo("b");
    assertThat(userInfo.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/mvo");
  }

  @Test
  void aPasswordInTheAddressIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> StoreAddress.parse("postgresql://h/db?user=a&password=geheim"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("geheim");
    assertThatThrownBy(() -> StoreAddress.parse("postgresql://a:geheim@h/db"))
        .hasMessageContaining("~/.pgpass")
        .hasMessageNotContaining("geheim");
    assertThatThrownBy(() -> StoreAddress.parse("postgresql://h/db?usr=a"))
        .hasMessageContaining("unknown setting \"usr\"");
  }

  private static StoreAddress.Postgres server(String host, int port, String db, String user) {
    return new StoreAddress.Postgres(host, port, db, user, Map.of());
  }

  @Test
  void thePasswordFileIsReadAsLibpqReadsIt() {
    List<String> lines =
        List.of(
            "# comment",
            "other:5432:*:*:wrong",
            "db.school.nl:5432:regio:noord:first\\:pass\\\\word",
            "*:*:*:noord:fallback",
            "db.school.nl:5432:regio:noord:later");
    assertThat(PgPass.match(lines, server("db.school.nl", 5432, "regio", "noord")))
        .contains("first:pass\\word");
    assertThat(PgPass.match(lines, server("elsewhere", 1, "x", "noord"))).contains("fallback");
    assertThat(PgPass.match(lines, server("elsewhere", 1, "x", "zuid"))).isEmpty();
  }

  @Test
  void pgpasswordWinsAndAFileOthersCanReadIsIgnored() throws Exception {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, "*:*:*:*:fromfile\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    StoreAddress.Postgres any = server("h", 5432, "d", "u");
    assertThat(PgPass.password(any, Map.of("PGPASSFILE", file.toString()))).contains("fromfile");
    assertThat(PgPass.password(any, Map.of("PGPASSFILE", file.toString(), "PGPASSWORD", "env")))
        .contains("env");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(PgPass.password(any, Map.of("PGPASSFILE", file.toString()))).isEmpty();
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve(".pgpass"), "h:5432:d:u:inhome\n");
    Files.setPosixFilePermissions(
        home.resolve(".pgpass"), PosixFilePermissions.fromString("rw-------"));
    assertThat(PgPass.password(any, Map.of("HOME", home.toString()))).contains("inhome");
  }

  @Test
  void anUnreachableServerIsAWordedFailure() {
    StoreException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StoreException.class,
            () ->
                Store.open(
                    StoreAddress.parse("postgresql://127.0.0.1:1/nothing?user=nobody"), Map.of()));
    assertThat(e.key()).isEqualTo("store.unavailable");
    assertThat(e.args()[0]).isEqualTo("postgresql://nobody@127.0.0.1:1/nothing");
  }
}
