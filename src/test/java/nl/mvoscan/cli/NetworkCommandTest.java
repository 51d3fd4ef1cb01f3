package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.mvoscan.store.StoreAddress;
import nl.mvoscan.store.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schools push to one regional PostgreSQL database. Access is checked with hand-written SQL as
 * each role: the server itself, not mvoscan, keeps a school to its own rows and the network to the
 * pseudonymised views.
 */
class NetworkCommandTest {

  /** Names, student numbers and note texts of the example class and the example files. */
  private static final List<String> PERSONAL =
      List.of(
          "Sanne de Vries",
          "104233",
          "Yusuf Demir",
          "104251",
          "Zoë Mulder",
          "104201",
          "Şeyma Yılmaz",
          "104236",
          "Anaïs Bakker",
          "familie Bolhuis",
          "Ik tel als stagiair niet mee");

  @TempDir Path dir;

  private StoreAddress.Postgres network;
  private String schoolA;
  private String schoolB;
  private String networkRole;
  private final String password = UUID.randomUUID().toString();
  private Path dbA;
  private Path dbB;

  @BeforeEach
  void twoSchoolsAndTheNetworkRole() throws Exception {
    network = TestDatabases.newPostgresDatabase();
    // the owner's first open creates the schema
    assertOk(Cli.run("responses", "--db", network.address()));
    String suffix = network.database().substring(network.database().length() - 8);
    schoolA = "school_a_" + suffix;
    schoolB = "school_b_" + suffix;
    networkRole = "network_" + suffix;
    // the SQL of docs/regional.md
    TestDatabases.createRoles(schoolA, schoolB, networkRole);
    TestDatabases.asSuperuser(
        network.database(),
        "ALTER ROLE " + schoolA + " LOGIN PASSWORD '" + password + "'",
        "ALTER ROLE " + schoolB + " LOGIN PASSWORD '" + password + "'",
        "ALTER ROLE " + networkRole + " LOGIN PASSWORD '" + password + "'",
        "SELECT mvoscan_grant_school('" + schoolA + "', 'Noorderpoort')",
        "SELECT mvoscan_grant_school('" + schoolB + "', 'Alfa-college')",
        "SELECT mvoscan_grant_network('" + networkRole + "')");
    // mvoscan never creates a database's folder
    dbA = java.nio.file.Files.createDirectories(dir.resolve("a")).resolve("mvoscan.db");
    dbB = java.nio.file.Files.createDirectories(dir.resolve("b")).resolve("mvoscan.db");
    assertOk(
        Cli.run(
            "import",
            "--db",
            dbA.toString(),
            "--class",
            "4B",
            "examples/bakkerij-emmen.json",
            "examples/garage-assen.json",
            "examples/installatiebedrijf-leeuwarden.json",
            "examples/zorghuis-groningen.json"));
    assertOk(Cli.run("import", "--db", dbB.toString(), "examples/klas-3a.csv"));
    assertOk(Cli.run("keys", "init", "--db", dbA.toString()));
    assertOk(Cli.run("keys", "init", "--db", dbB.toString()));
  }

  private static Cli.Run assertOk(Cli.Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** mvoscan in its own JVM, logged in as {@code role} with PGPASSWORD. */
  private String runAs(String role, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "nl.mvoscan.cli.Main"));
    command.addAll(Arrays.asList(args));
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PGPASSWORD", password);
    builder.environment().remove("PGPASSFILE");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).as(String.join(" ", args) + ": " + output).isZero();
    return output;
  }

  /** Runs as {@code runAs} does, standard output to {@code stdout}; returns stderr. */
  private String runAsToFile(String role, Path stdout, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "nl.mvoscan.cli.Main"));
    command.addAll(Arrays.asList(args));
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(stdout.toFile());
    builder.environment().put("PGPASSWORD", password);
    builder.environment().remove("PGPASSFILE");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String errors = Files.readString(log);
    assertThat(process.exitValue()).as(String.join(" ", args) + ": " + errors).isZero();
    return errors;
  }

  @Test
  void theNetworkReportGoesToStandardOutputWithDashO() throws Exception {
    pushBoth();
    Path piped = dir.resolve("piped.pdf");
    String err =
        runAsToFile(
            networkRole,
            piped,
            "report",
            "network",
            "--lang",
            "en",
            "--db",
            as(networkRole),
            "--name",
            "MVO Platform Noord",
            "--min-schools",
            "1",
            "-o",
            "-");
    assertThat(err).contains("written to standard output");
    assertThat(pdfText(Files.readAllBytes(piped))).contains("Network report MVO Platform Noord");
  }

  private String as(String role) {
    return network.withUser(role).address();
  }

  private Connection connect(String role) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", role);
    properties.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + network.host() + ":" + network.port() + "/" + network.database(),
        properties);
  }

  private static long number(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> texts(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private void pushBoth() throws Exception {
    assertThat(
            runAs(
                schoolA,
                "push",
                "--lang",
                "en",
                "--db",
                dbA.toString(),
                "--to",
                as(schoolA),
                "--school",
                "Noorderpoort",
                "--with-notes"))
        .contains("as school \"Noorderpoort\": 4 new, 0 replaced, 0 unchanged");
    assertThat(
            runAs(
                schoolB,
                "push",
                "--lang",
                "en",
                "--db",
                dbB.toString(),
                "--to",
                as(schoolB),
                "--school",
                "Alfa-college"))
        .contains("as school \"Alfa-college\": 28 new");
  }

  @Test
  void theKeyIsReadableByItsOwnerOnlyAndNeverReplaced() throws Exception {
    Path key = dir.resolve("a/mvoscan.db.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    byte[] before = Files.readAllBytes(key);
    Cli.Run again = Cli.run("keys", "init", "--lang", "en", "--db", dbA.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("never replaced");
    assertThat(Files.readAllBytes(key)).isEqualTo(before);
  }

  @Test
  void eachSchoolRoleReadsAndWritesOnlyItsOwnRowsEvenWithHandWrittenSql() throws Exception {
    pushBoth();
    try (Connection a = connect(schoolA)) {
      long own = number(a, "SELECT id FROM school WHERE name = 'Noorderpoort'");
      long other = number(a, "SELECT id FROM school WHERE name = 'Alfa-college'");
      assertThat(number(a, "SELECT count(*) FROM response")).isEqualTo(4);
      assertThat(number(a, "SELECT count(*) FROM response WHERE school_id = " + other)).isZero();
      assertThat(number(a, "SELECT count(DISTINCT school_id) FROM respondent")).isEqualTo(1);
      assertThat(
              number(
                  a,
                  "SELECT count(*) FROM answer a LEFT JOIN response r ON r.id = a.response_id"
                      + " WHERE r.id IS NULL"))
          .as("answers of responses it cannot see")
          .isZero();
      try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + dbA)) {
        assertThat(number(a, "SELECT count(*) FROM question_score"))
            .isEqualTo(number(file, "SELECT count(*) FROM question_score"));
        assertThat(number(a, "SELECT count(*) FROM answer"))
            .isEqualTo(number(file, "SELECT count(*) FROM answer"));
      }
      try (Statement statement = a.createStatement()) {
        assertThat(
                statement.executeUpdate(
                    "UPDATE response SET level = 'leider' WHERE school_id = " + other))
            .isZero();
        assertThat(statement.executeUpdate("DELETE FROM theme_score WHERE response_id > 4"))
            .as("the other school's theme scores (ids 5 and up)")
            .isZero();
        assertThatThrownBy(
                () ->
                    statement.executeUpdate(
                        "UPDATE response SET school_id = " + other + " WHERE school_id = " + own))
            .hasMessageContaining("row-level security");
        assertThatThrownBy(
                () ->
                    statement.executeUpdate(
                        "INSERT INTO respondent(respondent_key, name, school_id)"
                            + " VALUES ('x', 'x', "
                            + other
                            + ")"))
            .hasMessageContaining("row-level security");
      }
      try (Statement statement = a.createStatement()) {
        statement.execute("SET row_security = off");
        assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM response"))
            .hasMessageContaining("row-level security");
      }
    }
    try (Connection b = connect(schoolB)) {
      assertThat(number(b, "SELECT count(*) FROM response")).isEqualTo(28);
      assertThatThrownBy(() -> number(b, "SELECT count(*) FROM network.response"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void theNetworkRoleReadsOnlyPseudonymisedViewsWithoutNamesNumbersOrNotes() throws Exception {
    pushBoth();
    try (Connection n = connect(networkRole)) {
      assertThat(number(n, "SELECT count(*) FROM response")).isEqualTo(32);
      assertThat(number(n, "SELECT count(*) FROM answer")).isPositive();
      assertThat(
              number(
                  n, "SELECT count(*) FROM answer WHERE note IS NOT NULL OR evidence IS NOT NULL"))
          .isZero();
      assertThat(texts(n, "SELECT DISTINCT name FROM respondent"))
          .allSatisfy(name -> assertThat(name).startsWith("#"));
      assertThat(number(n, "SELECT count(*) FROM respondent WHERE student_number IS NOT NULL"))
          .isZero();
      for (String sql :
          List.of(
              "SELECT name FROM public.respondent",
              "SELECT note FROM public.answer",
              "SELECT count(*) FROM public.response",
              "SELECT respondent_key FROM public.respondent")) {
        assertThatThrownBy(() -> texts(n, sql)).as(sql).hasMessageContaining("permission denied");
      }
    }
    // the owner sees what school A pushed with --with-notes; school B's notes never left it
    try (Connection owner = TestDatabases.admin(network.database())) {
      assertThat(number(owner, "SELECT count(*) FROM answer WHERE note IS NOT NULL")).isPositive();
      assertThat(
              number(
                  owner,
                  "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id"
                      + " JOIN school s ON s.id = r.school_id"
                      + " WHERE s.name = 'Alfa-college' AND (a.note IS NOT NULL OR a.evidence IS NOT NULL)"))
          .isZero();
    }
  }

  @Test
  void aPushedExportHoldsNoNameStudentNumberOrNote() throws Exception {
    assertThat(
            runAs(
                schoolA,
                "push",
                "--lang",
                "en",
                "--db",
                dbA.toString(),
                "--to",
                as(schoolA),
                "--school",
                "Noorderpoort"))
        .contains("4 new");
    String local =
        assertOk(Cli.run("export", "--db", dbA.toString(), "--format", "json", "--long")).out();
    assertThat(local).contains("Sanne de Vries", "familie Bolhuis");
    for (String format : List.of("json", "csv")) {
      String pushed = runAs(schoolA, "export", "--db", as(schoolA), "--format", format, "--long");
      for (String personal : PERSONAL) {
        assertThat(pushed).as(format).doesNotContain(personal);
      }
      assertThat(pushed).contains("Bakkerij De Korenschoof");
    }
  }

  @Test
  void pushingAgainAddsNothingAndAChangedResponseIsReplaced() throws Exception {
    pushBoth();
    String[] pushA = {
      "push",
      "--lang",
      "en",
      "--db",
      dbA.toString(),
      "--to",
      as(schoolA),
      "--school",
      "Noorderpoort",
      "--with-notes"
    };
    assertThat(runAs(schoolA, pushA)).contains("0 new, 0 replaced, 4 unchanged");
    // without notes, the pushed content of the responses with notes changes
    String withoutNotes =
        runAs(
            schoolA,
            "push",
            "--lang",
            "en",
            "--db",
            dbA.toString(),
            "--to",
            as(schoolA),
            "--school",
            "Noorderpoort",
            "--batch",
            "1");
    assertThat(withoutNotes).contains("0 new, 4 replaced, 0 unchanged");
    try (Connection owner = TestDatabases.admin(network.database())) {
      assertThat(number(owner, "SELECT count(*) FROM response")).isEqualTo(32);
      assertThat(number(owner, "SELECT count(*) FROM answer WHERE note IS NOT NULL")).isZero();
      assertThat(number(owner, "SELECT count(*) FROM respondent")).isEqualTo(4 + 28);
    }
  }

  @Test
  void aPushCutOffInTheMiddleOfABatchKeepsTheBatchesBeforeAndTheNextPushGoesOnWhereItStopped()
      throws Exception {
    // the server ends the push's own connection while it writes the second batch of five: that
    // batch is half written when the connection goes
    TestDatabases.asSuperuser(
        network.database(),
        "CREATE FUNCTION cut_off() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF (SELECT count(*) FROM response) > 5 THEN"
            + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$",
        "CREATE TRIGGER cut_off AFTER INSERT ON response FOR EACH ROW EXECUTE FUNCTION cut_off()");
    String[] push = {
      "push",
      "--lang",
      "en",
      "--db",
      dbB.toString(),
      "--to",
      network.address(),
      "--school",
      "Alfa-college",
      "--batch",
      "5"
    };
    Cli.Run cut = Cli.run(push);
    assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(1);
    assertThat(cut.err())
        .contains("push stopped after 5 of 28 responses: the connection to database")
        .contains("was lost")
        .contains("run the same command again to go on")
        .doesNotContain("INSERT")
        .doesNotContain("Exception");
    try (Connection owner = TestDatabases.admin(network.database())) {
      assertThat(number(owner, "SELECT count(*) FROM response"))
          .as("only the first batch, whole")
          .isEqualTo(5);
      assertThat(
              number(
                  owner,
                  "SELECT count(*) FROM answer a LEFT JOIN response r ON r.id = a.response_id"
                      + " WHERE r.id IS NULL"))
          .isZero();
    }
    TestDatabases.asSuperuser(network.database(), "DROP TRIGGER cut_off ON response");

    Cli.Run again = assertOk(Cli.run(push));
    assertThat(again.err() + again.out()).contains("23 new, 0 replaced, 5 unchanged");
    try (Connection owner = TestDatabases.admin(network.database());
        Connection file = DriverManager.getConnection("jdbc:sqlite:" + dbB)) {
      for (String table : List.of("response", "answer", "theme_score", "question_score")) {
        assertThat(number(owner, "SELECT count(*) FROM " + table))
            .as(table)
            .isEqualTo(number(file, "SELECT count(*) FROM " + table));
      }
      assertThat(number(owner, "SELECT count(*) FROM respondent")).isEqualTo(28);
    }
  }

  /** Text that means something in COPY's text or CSV format, or to a terminal. */
  private static final List<String> AWKWARD =
      List.of(
          "quote ' and \"double\" and \"\"",
          "back\\slash \\t not a tab, \\n not a newline, trailing \\",
          "\\N",
          "\\.",
          "\\",
          "",
          "tab\there\tand\tthere",
          "line\nbreak\r\nwindows\rold mac\n",
          "\n\\.\n",
          "emoji 🌱👩🏽‍🔧 and ÿ€\u00a0non-breaking",
          "a;b,c|d \u0001\u007f");

  @Test
  void awkwardTextInNotesAndClassesArrivesExactlyAsItIsAtSchool() throws Exception {
    try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + dbA)) {
      List<String> keys = new ArrayList<>();
      try (Statement statement = file.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT response_id || '/' || question_id FROM answer ORDER BY 1")) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      try (var update =
          file.prepareStatement(
              "UPDATE answer SET note = ?, evidence = ? WHERE response_id || '/' || question_id = ?")) {
        for (int i = 0; i < keys.size(); i++) {
          update.setString(1, AWKWARD.get(i % AWKWARD.size()));
          update.setString(2, AWKWARD.get((i + 3) % AWKWARD.size()));
          update.setString(3, keys.get(i));
          update.executeUpdate();
        }
      }
      try (var update = file.prepareStatement("UPDATE response SET class = ? WHERE id = ?")) {
        for (int id = 1; id <= 4; id++) {
          update.setString(1, AWKWARD.get(id * 2));
          update.setInt(2, id);
          assertThat(update.executeUpdate()).isOne();
        }
      }
    }
    String[] push = {
      "push",
      "--lang",
      "en",
      "--db",
      dbA.toString(),
      "--to",
      as(schoolA),
      "--school",
      "Noorderpoort",
      "--with-notes",
      "--batch",
      "3"
    };
    assertThat(runAs(schoolA, push)).contains("4 new, 0 replaced, 0 unchanged");
    List<String> local;
    try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + dbA)) {
      local =
          rows(
              file,
              "SELECT r.class, a.question_id, a.value, a.evidence, a.note, a.status, a.points,"
                  + " a.hidden FROM answer a JOIN response r ON r.id = a.response_id"
                  + " ORDER BY r.id, a.question_id");
    }
    List<String> regional;
    try (Connection a = connect(schoolA)) {
      regional =
          rows(
              a,
              "SELECT r.class, a.question_id, a.value, a.evidence, a.note, a.status, a.points,"
                  + " a.hidden FROM answer a JOIN response r ON r.id = a.response_id"
                  + " ORDER BY r.id, a.question_id");
    }
    assertThat(regional).hasSize(local.size()).isEqualTo(local);
    assertThat(String.join("", local)).contains(AWKWARD.subList(0, AWKWARD.size() - 2));
    // read back exactly, the digest of what was pushed is the same: nothing to do
    assertThat(runAs(schoolA, push)).contains("0 new, 0 replaced, 4 unchanged");
  }

  @Test
  void withoutTheRightToMakeTemporaryTablesAPushStillGoesThroughPlainInserts() throws Exception {
    // the fast path stages its rows in temporary tables; a server whose administrator revoked that
    // right from everyone still takes a push, as rows inserted one batch at a time
    TestDatabases.asSuperuser(
        network.database(), "REVOKE TEMPORARY ON DATABASE " + network.database() + " FROM PUBLIC");
    try (Connection a = connect(schoolA)) {
      assertThat(texts(a, "SELECT has_database_privilege(current_database(), 'TEMPORARY')::text"))
          .containsExactly("false");
    }
    pushBoth();
    String local = assertOk(Cli.run("aggregate", "--db", dbB.toString(), "--json")).out();
    assertThat(runAs(schoolB, "aggregate", "--db", as(schoolB), "--json")).isEqualTo(local);
    try (Connection b = connect(schoolB);
        Connection file = DriverManager.getConnection("jdbc:sqlite:" + dbB)) {
      for (String table : List.of("response", "answer", "theme_score", "question_score")) {
        assertThat(number(b, "SELECT count(*) FROM " + table))
            .as(table)
            .isEqualTo(number(file, "SELECT count(*) FROM " + table));
      }
    }
  }

  /** Every row of {@code sql} as one line, its values tab-separated, a real as a double. */
  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          Object value = rs.getObject(i);
          values.add(
              value == null
                  ? "<null>"
                  : value instanceof Number number
                      ? Double.toString(number.doubleValue())
                      : "[" + value + "]");
        }
        rows.add(String.join("\t", values));
      }
    }
    return rows;
  }

  @Test
  void theSchoolSeesTheSameFiguresOnTheRegionalDatabaseAsInItsOwnFile() throws Exception {
    pushBoth();
    String local = assertOk(Cli.run("aggregate", "--db", dbB.toString(), "--json")).out();
    String regional = runAs(schoolB, "aggregate", "--db", as(schoolB), "--json");
    assertThat(regional).isEqualTo(local);
  }

  @Test
  void aLoginThatIsNotTheSchoolsRoleIsToldSoAndPushesNothing() throws Exception {
    Path log = dir.resolve("wrong.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "nl.mvoscan.cli.Main",
                "push",
                "--lang",
                "en",
                "--db",
                dbA.toString(),
                "--to",
                as(schoolB),
                "--school",
                "Noorderpoort"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("may not act for school \"Noorderpoort\"")
        .doesNotContain("Exception");
    try (Connection owner = TestDatabases.admin(network.database())) {
      assertThat(number(owner, "SELECT count(*) FROM response")).isZero();
    }
  }

  @Test
  void forgetReachesTheRegionalDatabaseThroughTheSchoolsKey() throws Exception {
    pushBoth();
    String output =
        runAs(
            schoolA,
            "forget",
            "--lang",
            "en",
            "--db",
            dbA.toString(),
            "--student",
            "Sanne de Vries",
            "--network",
            as(schoolA),
            "--school",
            "Noorderpoort");
    assertThat(output)
        .contains(": 1 student with 1 response deleted")
        .contains("forgotten: 1 student, 1 response");
    try (Connection owner = TestDatabases.admin(network.database())) {
      assertThat(number(owner, "SELECT count(*) FROM response")).isEqualTo(31);
      assertThat(number(owner, "SELECT count(*) FROM respondent")).isEqualTo(31);
    }
  }

  @Test
  void aStudentSeesEverythingStoredAboutThemAtSchoolAndOnTheNetwork() throws Exception {
    pushBoth();
    String output =
        runAs(
            schoolA,
            "access",
            "--db",
            dbA.toString(),
            "--student",
            "104233",
            "--network",
            as(schoolA),
            "--school",
            "Noorderpoort");
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(output);
    assertThat(json.get("responses")).hasSize(1);
    assertThat(json.get("responses").get(0).get("student").asText()).isEqualTo("Sanne de Vries");
    assertThat(json.get("network").get("responses")).hasSize(1);
    assertThat(json.get("network").get("pseudonyms").get(0).asText()).startsWith("p:");
    assertThat(json.get("network").toString()).doesNotContain("Sanne").doesNotContain("104233");
  }

  @Test
  void networkFiguresNeverShowAGroupOfFewerThanFiveResponsesOrASectorOfFewerThanThreeSchools()
      throws Exception {
    pushBoth();
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode defaults =
        mapper.readTree(
            runAs(networkRole, "aggregate", "--db", as(networkRole), "--by", "sector", "--json"));
    assertThat(defaults.get("format").asText()).isEqualTo("mvoscan-network/1");
    assertThat(defaults.get("schools").asInt()).isEqualTo(2);
    com.fasterxml.jackson.databind.JsonNode groups = defaults.get("pools").get(0).get("groups");
    assertThat(groups).isNotEmpty();
    // two schools only: no sector figure at all
    for (com.fasterxml.jackson.databind.JsonNode group : groups) {
      assertThat(group.get("suppressed").isNull()).as(group.toString()).isFalse();
      assertThat(group.get("overall").isNull()).isTrue();
      assertThat(group.get("themes").isNull()).isTrue();
    }
    com.fasterxml.jackson.databind.JsonNode oneSchool =
        mapper.readTree(
            runAs(
                networkRole,
                "aggregate",
                "--db",
                as(networkRole),
                "--by",
                "sector",
                "--min-schools",
                "1",
                "--json"));
    int shown = 0;
    int small = 0;
    for (com.fasterxml.jackson.databind.JsonNode group :
        oneSchool.get("pools").get(0).get("groups")) {
      if (group.get("suppressed").isNull()) {
        shown++;
        assertThat(group.get("n").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(group.get("overall").get("mean").isNumber()).isTrue();
      } else {
        small++;
        assertThat(group.get("suppressed").asText()).isEqualTo("responses");
        assertThat(group.get("n").asText()).isEqualTo("<5");
        assertThat(group.get("overall").isNull()).isTrue();
      }
    }
    assertThat(shown).isPositive();
    assertThat(small).isPositive();
    String text =
        runAs(networkRole, "aggregate", "--lang", "en", "--db", as(networkRole), "--by", "sector");
    assertThat(text).contains("<3").doesNotContain("Noorderpoort").doesNotContain("Alfa-college");
  }

  @Test
  void bySchoolShowsOneSchoolBesideTheNetworksMedianAndNoLeagueTable() throws Exception {
    pushBoth();
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode local =
        mapper.readTree(assertOk(Cli.run("aggregate", "--db", dbB.toString(), "--json")).out());
    com.fasterxml.jackson.databind.JsonNode own =
        mapper.readTree(
            runAs(
                networkRole,
                "aggregate",
                "--db",
                as(networkRole),
                "--by",
                "school",
                "--school",
                "Alfa-college",
                "--min-schools",
                "1",
                "--json"));
    com.fasterxml.jackson.databind.JsonNode pool = own.get("pools").get(0);
    assertThat(pool.get("schools").asInt()).isEqualTo(2);
    assertThat(pool.get("counted").asInt()).as("Noorderpoort has 4 responses").isEqualTo(1);
    assertThat(pool.get("overall").get("own").decimalValue())
        .isEqualByComparingTo(
            local
                .get("pools")
                .get(0)
                .get("groups")
                .get(0)
                .get("overall")
                .get("mean")
                .decimalValue());
    assertThat(pool.get("overall").get("network").get("n").asInt()).isEqualTo(1);

    com.fasterxml.jackson.databind.JsonNode defaults =
        mapper.readTree(
            runAs(networkRole, "aggregate", "--db", as(networkRole), "--by", "school", "--json"));
    assertThat(defaults.get("pools").get(0).get("overall").get("network").isNull())
        .as("fewer than 3 schools with enough responses")
        .isTrue();
    assertThat(defaults.toString()).doesNotContain("Alfa-college").doesNotContain("Noorderpoort");
  }

  @Test
  void theNetworkReportFollowsTheSameRulesAndNamesNoStudent() throws Exception {
    pushBoth();
    Path pdf = dir.resolve("network.pdf");
    String written =
        runAs(
            networkRole,
            "report",
            "network",
            "--lang",
            "en",
            "--db",
            as(networkRole),
            "--name",
            "MVO Platform Noord",
            "--school",
            "Alfa-college",
            "--min-schools",
            "1",
            "-o",
            pdf.toString());
    assertThat(written).contains("written " + pdf);
    String text = pdfText(Files.readAllBytes(pdf));
    assertThat(text)
        .contains("Network report MVO Platform Noord")
        .contains("32 responses from 2 schools")
        .contains("<5")
        .contains("There is no ranking of schools");
    for (String personal : PERSONAL) {
      assertThat(text).doesNotContain(personal);
    }
    assertThat(text).doesNotContain("Noorderpoort");
  }

  /** All pages' text with every run of whitespace as one space. */
  private static String pdfText(byte[] pdf) throws java.io.IOException {
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
    try {
      com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
          new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        text.append(extractor.getTextFromPage(i)).append(' ');
      }
      return text.toString().replaceAll("\\s+", " ");
    } finally {
      reader.close();
    }
  }
}
