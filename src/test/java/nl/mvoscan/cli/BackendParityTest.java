package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same example class on SQLite and on PostgreSQL: every command that reads results prints the
 * same, to the decimal (the acceptance of the regional network's issue).
 */
class BackendParityTest {

  private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:[0-9.]+Z";

  @TempDir Path dir;

  private static Cli.Run run(String db, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add(1, "--db");
    all.add(2, db);
    all.add(1, "--lang");
    all.add(2, "en");
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return run;
  }

  @Test
  void theExampleClassGivesIdenticalOutputOnSqliteAndOnPostgresql() {
    String sqlite = Backend.SQLITE.newDatabase(dir);
    String postgres = Backend.POSTGRESQL.newDatabase(dir);
    for (String db : List.of(sqlite, postgres)) {
      run(db, "import", "examples/klas-3a.csv");
      run(
          db,
          "import",
          "--class",
          "4B",
          "examples/bakkerij-emmen.json",
          "examples/garage-assen.json");
    }
    List<List<String>> commands =
        List.of(
            List.of("aggregate", "--json"),
            List.of("aggregate", "--by", "company", "--json"),
            List.of("aggregate", "--by", "sector", "--json"),
            List.of("aggregate", "--by", "class", "--csv"),
            List.of("aggregate", "--class", "3a"),
            List.of("responses", "--json"),
            List.of("responses", "--company", "albert heijn"),
            List.of("show", "1", "--json"),
            List.of("show", "3"),
            List.of("companies", "--json"),
            List.of("export", "--format", "json"),
            List.of("export", "--long", "--anonymize"),
            List.of("export", "--class", "3A", "--wide"));
    for (List<String> command : commands) {
      String[] args = command.toArray(String[]::new);
      // the moment of import is the one thing that differs
      String onSqlite = run(sqlite, args).out().replaceAll(INSTANT, "<imported>");
      String onPostgres = run(postgres, args).out().replaceAll(INSTANT, "<imported>");
      assertThat(onPostgres)
          .as(String.join(" ", command))
          .isEqualTo(onSqlite.replace(sqlite, postgres));
      assertThat(onSqlite).as(String.join(" ", command)).isNotBlank();
    }
  }

  @Test
  void aPasswordOnTheCommandLineIsBadInputAndIsNotEchoed() {
    Cli.Run run =
        Cli.run("responses", "--lang", "en", "--db", "postgresql://h/db?user=a&password=geheim");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PGPASSWORD").doesNotContain("geheim");
    CliFixtures.assertNoStackTrace(run);
  }
}
