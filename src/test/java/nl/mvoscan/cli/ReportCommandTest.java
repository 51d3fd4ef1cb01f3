package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  private static final List<String> CSV_NAMES =
      List.of(
          "Zoë Mulder",
          "Mohammed El Amrani",
          "Şeyma Yılmaz",
          "Sanne de Vries",
          "Femke Veenstra",
          "Thijs Oosting");

  @TempDir Path dir;

  private String db() {
    return dir.resolve("mvoscan.db").toString();
  }

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private void importClass() {
    Cli.Run imported = run("import", "--lang", "nl", "--db", db(), "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  private static String text(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        text.append(extractor.getTextFromPage(i)).append('\n');
      }
      return text.toString().replaceAll("\\s+", " ");
    } finally {
      reader.close();
    }
  }

  private static int pages(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
    try {
      return reader.getNumberOfPages();
    } finally {
      reader.close();
    }
  }

  @Test
  void anUnknownClassIsBadInputThatListsTheKnownClassesForBothClassReports() throws IOException {
    importClass();
    Cli.Run single =
        run(
            "report",
            "class",
            "3X",
            "--lang",
            "nl",
            "--db",
            db(),
            "-o",
            dir.resolve("k.pdf").toString());
    Cli.Run batch =
        run(
            "report",
            "batch",
            "--class",
            "3x",
            "--lang",
            "nl",
            "--db",
            db(),
            "-o",
            Files.createDirectory(dir.resolve("out")).toString());
    for (Cli.Run run : List.of(single, batch)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--class").contains("bekende waarden: 3A");
    }
    assertThat(single.err()).contains("3X");
    assertThat(batch.err()).contains("3x");
  }

  @Test
  void studentReportFromAnAnswersFileIsWrittenAndNamed() throws Exception {
    Path out = dir.resolve("zorg.pdf");
    Cli.Run result =
        run(
            "report",
            "student",
            "--lang",
            "nl",
            "--db",
            db(),
            "examples/zorghuis-groningen.json",
            "-o",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(out.toString(), "geschreven", pages(out) + " pagina's");
    assertThat(text(out))
        .contains("Zorgcentrum De Lindehof", "Anaïs Bakker", "68,2", "Gevorderd")
        .doesNotContain("Grijs: het gemiddelde van klas", "rapportcijfer");
    assertThat(Files.exists(dir.resolve("mvoscan.db")))
        .as("a report from a file creates no database")
        .isFalse();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("zorg.pdf");
    }
  }

  @Test
  void studentReportWithGradeIsTheStudentsOwnCopy() throws Exception {
    Path out = dir.resolve("eigen.pdf");
    Cli.Run result =
        run(
            "report",
            "student",
            "--lang",
            "nl",
            "--db",
            db(),
            "--met-cijfer",
            "examples/zorghuis-groningen.json",
            "-o",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(text(out)).contains("RAPPORT VOOR DE STUDENT", "rapportcijfer", "7,1");
  }

  @Test
  void studentReportIntoAFolderGetsASafeNameFromStudentAndCompany() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("out"));
    Cli.Run result =
        run(
            "report",
            "student",
            "--lang",
            "nl",
            "examples/garage-assen.json",
            "-o",
            folder.toString(),
            "--db",
            db());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(folder.resolve("Yusuf Demir - Autobedrijf Van der Veen.pdf")).exists();
  }

  @Test
  void studentReportOfAStoredResponseComparesWithItsClass() throws Exception {
    importClass();
    String list = run("responses", "--db", db(), "--class", "3A", "--json").out();
    String id = list.replaceAll("(?s).*\"id\" : (\\d+),\\s*\"student\" : \"Şeyma Yılmaz\".*", "$1");
    assertThat(id).matches("\\d+");
    Path out = dir.resolve("seyma.pdf");
    Cli.Run result =
        run("report", "student", id, "--lang", "nl", "--db", db(), "-o", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    String text = text(out);
    assertThat(text)
        .contains(
            "Şeyma Yılmaz",
            "Zorgcentrum De Lindehof",
            "Koploper",
            "Grijs: het gemiddelde van klas 3A (28 antwoorden op dezelfde scan).");

    Cli.Run again =
        run(
            "report",
            "student",
            id,
            "--lang",
            "nl",
            "--db",
            db(),
            "-o",
            dir.resolve("again.pdf").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(text(dir.resolve("again.pdf"))).isEqualTo(text);
  }

  @Test
  void classReportAnonymizedHasNoStudentNames() throws Exception {
    importClass();
    Path out = dir.resolve("klas.pdf");
    Cli.Run result =
        run(
            "report",
            "class",
            "3a",
            "--anonymize",
            "--lang",
            "nl",
            "--db",
            db(),
            "-o",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    String text = text(out);
    assertThat(text)
        .contains(
            "Klasrapport 3A", "Student 01", "Student 28", "Albert Heijn", "Zorgcentrum De Lindehof")
        .doesNotContain("Student 29");
    CSV_NAMES.forEach(name -> assertThat(text).doesNotContain(name));

    Path named = dir.resolve("named.pdf");
    assertThat(
            run("report", "class", "3A", "--lang", "nl", "--db", db(), "-o", named.toString())
                .exitCode())
        .isZero();
    assertThat(text(named)).contains(CSV_NAMES.toArray(String[]::new)).doesNotContain("Student 01");
  }

  @Test
  void batchWritesEveryStudentReportAndTheClassReportAtomically() throws Exception {
    importClass();
    // Sanne scans the bakery again a school year later: a second response, not a correction
    Path later = dir.resolve("bakkerij-later.json");
    Files.writeString(
        later,
        Files.readString(Path.of("examples/bakkerij-emmen.json"))
            .replace("\"date\": \"2026-11-20\"", "\"date\": \"2027-11-20\""));
    run("import", "--db", db(), later.toString());
    Path folder = Files.createDirectory(dir.resolve("rapporten"));
    Cli.Run result =
        run(
            "report",
            "batch",
            "--class",
            "3A",
            "-o",
            folder.toString(),
            "--lang",
            "nl",
            "--db",
            db());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("29 studentrapporten en het klasrapport geschreven in " + folder);
    assertThat(result.err()).as("no progress line without a terminal").isEmpty();
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertThat(names)
        .hasSize(30)
        .allMatch(n -> n.endsWith(".pdf"))
        .noneMatch(n -> n.startsWith("."));
    // Sanne de Vries answered twice about the same bakery (two school years): two files
    assertThat(names)
        .contains(
            "klasrapport 3A.pdf",
            "Sanne de Vries - Bakkerij De Korenschoof.pdf",
            "Sanne de Vries - Bakkerij De Korenschoof-2.pdf",
            "Şeyma Yılmaz - Zorgcentrum De Lindehof.pdf");
    assertThat(text(folder.resolve("Zoë Mulder - Albert Heijn.pdf")))
        .contains("Zoë Mulder", "Albert Heijn");
    assertThat(text(folder.resolve("klasrapport 3A.pdf"))).contains("Klasrapport 3A", "Zoë Mulder");
  }

  /**
   * A report that cannot be put in place (a folder of its name is in the way) fails the whole batch
   * before any PDF is moved: the folder holds exactly what it held, no half batch, no temp files.
   */
  @Test
  void aBatchThatCannotWriteOneReportWritesNoneAndLeavesTheFolderAsItWas() throws Exception {
    importClass();
    Path folder = Files.createDirectory(dir.resolve("rapporten"));
    Path old = Files.writeString(folder.resolve("class report 3A.pdf"), "last year's report");
    Path inTheWay = Files.createDirectory(folder.resolve("Zoë Mulder - Albert Heijn.pdf"));
    Files.writeString(inTheWay.resolve("notes.txt"), "kept");
    Cli.Run result =
        run(
            "report",
            "batch",
            "--class",
            "3A",
            "-o",
            folder.toString(),
            "--lang",
            "en",
            "--db",
            db());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.err())
        .contains(inTheWay.toString(), "Zoë Mulder", "a folder with that name is in the way")
        .contains("no report was written", folder.toString());
    assertThat(result.out()).isEmpty();
    CliFixtures.assertNoStackTrace(result);
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertThat(names)
        .containsExactlyInAnyOrder("class report 3A.pdf", "Zoë Mulder - Albert Heijn.pdf");
    assertThat(old).hasContent("last year's report");
    assertThat(inTheWay.resolve("notes.txt")).hasContent("kept");
  }

  @Test
  void batchStudentReportsShowTheClassAveragesOfSingleStudentReports() throws Exception {
    importClass();
    // a response a school year later: its class average is of that year alone
    Path later = dir.resolve("bakkerij-later.json");
    Files.writeString(
        later,
        Files.readString(Path.of("examples/bakkerij-emmen.json"))
            .replace("\"date\": \"2026-11-20\"", "\"date\": \"2027-11-20\""));
    run("import", "--db", db(), later.toString());
    Path folder = Files.createDirectory(dir.resolve("rapporten"));
    Cli.Run batch =
        run(
            "report",
            "batch",
            "--class",
            "3A",
            "-o",
            folder.toString(),
            "--lang",
            "nl",
            "--db",
            db());
    assertThat(batch.exitCode()).as(batch.err()).isZero();
    List<String> batchTexts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> !f.getFileName().toString().startsWith("klasrapport")).toList()) {
        batchTexts.add(text(file));
      }
    }
    List<String> singleTexts = new ArrayList<>();
    for (int id = 1; id <= 29; id++) {
      Path single = dir.resolve("single-" + id + ".pdf");
      Cli.Run one =
          run(
              "report",
              "student",
              Integer.toString(id),
              "--lang",
              "nl",
              "--db",
              db(),
              "-o",
              single.toString());
      assertThat(one.exitCode()).as(one.err()).isZero();
      singleTexts.add(text(single));
    }
    assertThat(batchTexts)
        .hasSize(29)
        .allMatch(t -> t.contains("het gemiddelde van klas 3A"))
        .containsExactlyInAnyOrderElementsOf(singleTexts);
  }

  @Test
  void unknownIdsClassesAndFilesAreBadInput() throws IOException {
    importClass();
    Cli.Run id = run("report", "student", "9999", "--lang", "nl", "--db", db());
    assertThat(id.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(id.err()).contains("geen antwoord met id 9999");

    Cli.Run klas = run("report", "class", "4B", "--lang", "nl", "--db", db());
    assertThat(klas.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(klas.err()).contains("--class 4B").contains("bekende waarden: 3A");

    Cli.Run year =
        run(
            "report",
            "batch",
            "--class",
            "3A",
            "--school-year",
            "2019-2020",
            "-o",
            Files.createDirectory(dir.resolve("x")).toString(),
            "--lang",
            "nl",
            "--db",
            db());
    assertThat(year.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(year.err()).contains("--school-year 2019-2020").contains("bekende waarden");
    assertThat(dir.resolve("x")).isEmptyDirectory();

    Cli.Run file = run("report", "student", "missing.json", "--lang", "nl", "--db", db());
    assertThat(file.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(file.err()).contains("missing.json", "geen bestand en geen antwoord-id");
  }

  @Test
  void invalidAnswersAreListedAndNoPdfIsWritten() throws Exception {
    Path answers = dir.resolve("bad.json");
    Files.writeString(
        answers,
        "{\"format\": \"mvoscan-answers/1\", \"scan\": \"mvo-stagebedrijf\", \"answers\": {\"visie\": \"jaa\"}}");
    Path out = dir.resolve("bad.pdf");
    Cli.Run result =
        run(
            "report",
            "student",
            answers.toString(),
            "--lang",
            "en",
            "-o",
            out.toString(),
            "--db",
            db());
    assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(result.err()).contains(answers + ":", "/answers/visie");
    assertThat(out).doesNotExist();
  }

  @Test
  void helpListsTheThreeReports() {
    Cli.Run help = run("report", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("student", "class", "batch");
    assertThat(run("report", "batch", "--help").out())
        .contains("--class", "--output", "--school-year");
  }

  /** The README's rule for every command: a missing output folder is an error, never made. */
  @Test
  void aMissingOutputFolderIsBadInputAndIsNotCreated() throws IOException {
    importClass();
    String[][] runs = {
      {"report", "batch", "--class", "3A", "-o", dir.resolve("nd5").toString()},
      {"report", "batch", "--class", "3A", "-o", dir.resolve("newdir") + "/"},
      {"report", "student", "1", "-o", dir.resolve("newdir2") + "/"},
      {"report", "class", "3A", "-o", dir.resolve("nd6") + "/"},
    };
    for (String[] args : runs) {
      String[] all = java.util.Arrays.copyOf(args, args.length + 4);
      System.arraycopy(new String[] {"--lang", "en", "--db", db()}, 0, all, args.length, 4);
      Cli.Run run = run(all);
      assertThat(run.exitCode()).as(String.join(" ", args) + run.err()).isEqualTo(2);
      assertThat(run.err()).contains("no such folder; create it first");
      CliFixtures.assertNoStackTrace(run);
    }
    assertThat(dir.resolve("nd5")).doesNotExist();
    assertThat(dir.resolve("newdir")).doesNotExist();
    assertThat(dir.resolve("newdir2")).doesNotExist();
    assertThat(dir.resolve("nd6")).doesNotExist();
  }
}
