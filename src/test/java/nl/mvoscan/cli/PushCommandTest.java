package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.store.Backend;
import nl.mvoscan.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A school's corrections on the regional database: a pushed correction replaces the response it
 * corrected at school, and nothing else (issue #13, docs/decisions.md "A changed response"). The
 * school's database is a SQLite file; the regional one is of each engine.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class PushCommandTest {

  @Parameter Backend backend;

  @TempDir Path dir;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Path school;
  private String regional;
  private List<String> example;

  @BeforeEach
  void aSchoolWithItsKey() throws IOException {
    school = Files.createDirectories(dir.resolve("school")).resolve("mvoscan.db");
    example = Files.readAllLines(Path.of("examples/klas-3a.csv"), StandardCharsets.UTF_8);
    // Zoë Mulder and Mohammed El Amrani, both at Albert Heijn in Emmen
    imported(csv("klas.csv", example.get(1), example.get(2)));
    assertOk(Cli.run("keys", "init", "--db", school.toString()));
  }

  private static Cli.Run assertOk(Cli.Run run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private String regional() {
    if (regional == null) {
      regional = backend.newDatabase(dir);
    }
    return regional;
  }

  /** A class table of the example's header and {@code rows}. */
  private Path csv(String name, String... rows) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(example.get(0));
    lines.addAll(List.of(rows));
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  /** Zoë's row with another number of employees: her corrected answers. */
  private String zoeCorrected() {
    String zoe = example.get(1);
    assertThat(zoe).startsWith("Zoë Mulder;104201;3A;Albert Heijn;").contains(";95;");
    return zoe.replace(";95;", ";96;");
  }

  private String imported(Path csv) {
    return assertOk(Cli.run("import", "--lang", "en", "--db", school.toString(), csv.toString()))
        .out();
  }

  private String push(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "push",
                "--lang",
                "en",
                "--db",
                school.toString(),
                "--to",
                regional(),
                "--school",
                "School 1"));
    args.addAll(List.of(extra));
    return assertOk(Cli.run(args.toArray(String[]::new))).out();
  }

  /** How many responses {@code aggregate} counts on the regional database. */
  private int regionalN() throws IOException {
    Cli.Run run = assertOk(Cli.run("aggregate", "--lang", "en", "--db", regional(), "--json"));
    return MAPPER.readTree(run.out()).get("n").asInt();
  }

  /** The response pseudonyms on the regional database. */
  private List<String> regionalOrigins() {
    try (Store store = Backend.open(regional())) {
      return store.read(
          connection -> {
            List<String> origins = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT origin FROM response ORDER BY origin");
                ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                origins.add(rs.getString(1));
              }
            }
            return origins;
          });
    }
  }

  /** The id at school of the response of the student {@code name}. */
  private long schoolResponse(String name) {
    try (Store store = Backend.open(school.toString())) {
      return store.read(
          connection -> {
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT r.id FROM response r JOIN respondent p ON p.id = r.respondent_id"
                        + " WHERE p.name = ?")) {
              select.setString(1, name);
              try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as(name).isTrue();
                return rs.getLong(1);
              }
            }
          });
    }
  }

  private long companyAtSchool(String name) throws IOException {
    Cli.Run run = assertOk(Cli.run("companies", "--db", school.toString(), "--json"));
    for (var company : MAPPER.readTree(run.out())) {
      if (company.get("name").asText().equals(name)) {
        return company.get("id").asLong();
      }
    }
    throw new AssertionError("no company " + name + " in " + run.out());
  }

  @Test
  void aPushedCorrectionReplacesTheSchoolsEarlierRegionalResponse() throws IOException {
    assertThat(push()).contains("2 new, 0 replaced, 0 unchanged");
    List<String> before = regionalOrigins();
    assertThat(imported(csv("correctie.csv", zoeCorrected()))).contains("1 replaced");

    assertThat(push()).contains("0 new, 1 replaced, 1 unchanged");
    assertThat(regionalN()).isEqualTo(2);
    // Mohammed's response is the one it was; Zoë's first one is gone, her correction is there
    List<String> after = regionalOrigins();
    assertThat(after).hasSize(2);
    assertThat(after.stream().filter(before::contains)).hasSize(1);

    assertThat(push()).contains("0 new, 0 replaced, 2 unchanged");
    assertThat(regionalOrigins()).isEqualTo(after);
  }

  @Test
  void aPushedCorrectionOfAResponseWithoutACompanyReplacesItToo() throws IOException {
    // Mohammed's row without company, KvK number and town: at school his correction replaces it
    String[] fields = example.get(2).split(";", -1);
    fields[3] = "";
    fields[4] = "";
    fields[5] = "";
    String withoutCompany = String.join(";", fields);
    assertThat(withoutCompany).contains(";90;");
    imported(csv("zonder-bedrijf.csv", withoutCompany));
    assertThat(push()).contains("3 new, 0 replaced, 0 unchanged");
    assertThat(imported(csv("correctie.csv", withoutCompany.replace(";90;", ";91;"))))
        .contains("1 replaced");

    assertThat(push()).contains("0 new, 1 replaced, 2 unchanged");
    assertThat(regionalN()).isEqualTo(3);
    assertThat(push()).contains("0 new, 0 replaced, 3 unchanged");
  }

  @Test
  void aCorrectionPushedInALaterBatchStillReplacesAndTheNextPushChangesNothing()
      throws IOException {
    assertThat(push()).contains("2 new, 0 replaced, 0 unchanged");
    imported(csv("correctie.csv", zoeCorrected()));
    // one response a batch: Mohammed's batch first, Zoë's correction (a newer id) after it
    assertThat(push("--batch", "1")).contains("0 new, 1 replaced, 1 unchanged");
    assertThat(regionalN()).isEqualTo(2);
    assertThat(push("--batch", "1")).contains("0 new, 0 replaced, 2 unchanged");
    assertThat(regionalN()).isEqualTo(2);
  }

  @Test
  void aResponseDeletedAtSchoolStaysOnTheRegionalDatabaseAfterTheNextPush() throws IOException {
    assertThat(push()).contains("2 new, 0 replaced, 0 unchanged");
    List<String> before = regionalOrigins();
    assertOk(
        Cli.run(
            "delete",
            "--db",
            school.toString(),
            Long.toString(schoolResponse("Mohammed El Amrani"))));

    assertThat(push()).contains("0 new, 0 replaced, 1 unchanged");
    assertThat(regionalOrigins()).isEqualTo(before);
    assertThat(regionalN()).isEqualTo(2);
  }

  @Test
  void aResponseDeletedAtSchoolStaysWhenTheStudentsNextResponseIsForAnotherCompany()
      throws IOException {
    assertThat(push()).contains("2 new, 0 replaced, 0 unchanged");
    assertOk(
        Cli.run("delete", "--db", school.toString(), Long.toString(schoolResponse("Zoë Mulder"))));
    // the same student, scan edition and school year, another company: not a correction
    String elsewhere = example.get(1).replace(";Albert Heijn;", ";Jumbo Emmen;");
    imported(csv("jumbo.csv", elsewhere));

    assertThat(push()).contains("1 new, 0 replaced, 1 unchanged");
    assertThat(regionalN()).isEqualTo(3);
  }

  @Test
  void twoCurrentResponsesOfOneStudentAtSchoolBothStayAndASecondPushChangesNothing()
      throws IOException {
    String elsewhere = example.get(1).replace(";Albert Heijn;", ";Jumbo Emmen;");
    imported(csv("jumbo.csv", elsewhere));
    assertThat(push()).contains("3 new, 0 replaced, 0 unchanged");
    // at school, Zoë's two responses are now for one company: both stay there, and so on the
    // regional database
    assertOk(
        Cli.run(
            "companies",
            "merge",
            "--db",
            school.toString(),
            Long.toString(companyAtSchool("Albert Heijn")),
            Long.toString(companyAtSchool("Jumbo Emmen"))));

    // her response that moved to Albert Heijn goes again (its pushed company changed); one
    // response a batch, so that each of her two meets the other on the regional database
    assertThat(push("--batch", "1")).contains("0 new, 1 replaced, 2 unchanged");
    assertThat(regionalN()).isEqualTo(3);
    List<String> origins = regionalOrigins();
    assertThat(push("--batch", "1")).contains("0 new, 0 replaced, 3 unchanged");
    assertThat(regionalOrigins()).isEqualTo(origins);
    assertThat(regionalN()).isEqualTo(3);
  }

  @Test
  void anAnonymousResponseReplacesNothing() throws IOException {
    String[] anonymous = example.get(1).split(";", 3);
    String first = ";;" + anonymous[2];
    imported(csv("anoniem.csv", first));
    assertThat(push()).contains("3 new, 0 replaced, 0 unchanged");
    assertOk(Cli.run("delete", "--db", school.toString(), Long.toString(anonymousAtSchool())));
    // another anonymous response for the same company, edition and year: nobody's correction
    imported(csv("anoniem-2.csv", first.replace(";95;", ";96;")));

    assertThat(push()).contains("1 new, 0 replaced, 2 unchanged");
    assertThat(regionalN()).isEqualTo(4);
  }

  private long anonymousAtSchool() {
    try (Store store = Backend.open(school.toString())) {
      return store.read(
          connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(
                        "SELECT id FROM response WHERE respondent_id IS NULL");
                ResultSet rs = select.executeQuery()) {
              assertThat(rs.next()).isTrue();
              return rs.getLong(1);
            }
          });
    }
  }
}
