package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --class}, {@code --company} and {@code --school-year} compare without case in every
 * command, export included, and one that names nothing stored is bad input listing what there is.
 */
class SelectionOptionsTest {

  @TempDir Path dir;

  private String db;

  @BeforeEach
  void classInDatabase() {
    db = dir.resolve("k.db").toString();
    Cli.Run imported = Cli.run("import", "--db", db, "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  @Test
  void exportComparesTheClassWithoutCase() {
    Cli.Run csv = Cli.run("export", "--lang", "en", "--db", db, "--class", "3a");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines().count()).isEqualTo(29);
    Cli.Run xlsx =
        Cli.run(
            "export",
            "--lang",
            "en",
            "--db",
            db,
            "--class",
            "3a",
            "--format",
            "xlsx",
            "-o",
            dir.resolve("k.xlsx").toString());
    assertThat(xlsx.err()).contains("exported 28");
  }

  @Test
  void aValueThatNamesNothingIsBadInputWithTheKnownValues() {
    for (String[] args :
        new String[][] {
          {"export", "--class", "4Z"},
          {"export", "--format", "xlsx", "--class", "4Z", "-o", dir.resolve("x.xlsx").toString()},
          {"aggregate", "--class", "4Z"},
          {"responses", "--class", "4Z"}
        }) {
      Cli.Run run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err())
          .contains("--class 4Z: matches no stored response")
          .contains("known values: 3A")
          .doesNotContain("Exception");
    }
    Cli.Run year = run("export", "--school-year", "2099-2100");
    assertThat(year.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(year.err()).contains("--school-year 2099-2100").contains("known values: 2026-2027");

    Cli.Run company =
        run("aggregate", "--company", "Bakkerij Nergens", "--company", "albert heijn");
    assertThat(company.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(company.err())
        .contains("--company Bakkerij Nergens")
        .contains("Albert Heijn, Autobedrijf Van der Veen")
        .doesNotContain("--company albert heijn");
    assertThat(Path.of(dir.resolve("x.xlsx").toString())).doesNotExist();
  }

  @Test
  void knownValuesInAnyCaseStillSelect() {
    assertThat(run("aggregate", "--company", "ALBERT HEIJN", "--class", "3a").exitCode()).isZero();
    assertThat(run("responses", "--class", "3a", "--school-year", "2026-2027").exitCode()).isZero();
  }

  private Cli.Run run(String... args) {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--lang";
    full[args.length + 1] = "en";
    full[args.length + 2] = "--db";
    full[args.length + 3] = db;
    return Cli.run(full);
  }
}
