package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.mvoscan.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code purge} and {@code delete} remove a student as {@code forget} does: their name and student
 * number go from the notes of the students who stay, on both engines.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RemovedStudentsLeaveNoNameTest {

  @Parameter Backend backend;

  @TempDir Path dir;

  private void write(String file, String student, String number, LocalDate date, String note)
      throws IOException {
    Files.writeString(
        dir.resolve("answers").resolve(file),
        """
        {"format": "mvoscan-answers/1", "scan": "mvo-stagebedrijf",
         "respondent": {"name": "%s", "id": "%s", "class": "4B"},
         "company": {"name": "Bakkerij %s"}, "date": "%s",
         "answers": {"visie": {"value": "ja", "note": "%s"}}}
        """
            .formatted(student, number, file, date, note));
  }

  /** Oud (old), Beide (old and new) and Nieuw (new) who wrote about the other two. */
  private String importThree() throws IOException {
    Files.createDirectories(dir.resolve("answers"));
    LocalDate today = LocalDate.now();
    write("a.json", "Oud Student", "700001", today.minusYears(6), "alleen");
    write("b.json", "Beide Student", "700002", today.minusYears(6), "alleen");
    write("c.json", "Beide Student", "700002", today, "alleen");
    write(
        "d.json",
        "Nieuw Student",
        "700003",
        today,
        "samen met Oud Student (700001) en Beide Student (700002)");
    String db = backend.newDatabase(dir);
    Cli.Run imported = Cli.run("import", "--db", db, dir.resolve("answers").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    return db;
  }

  private static String notes(String db) {
    Cli.Run export = Cli.run("export", "--db", db, "--long");
    assertThat(export.exitCode()).as(export.err()).isZero();
    return export.out();
  }

  @Test
  void purgeRemovesThePurgedStudentsFromTheNotesOfThoseWhoStay() throws IOException {
    String db = importThree();
    Cli.Run purge = Cli.run("purge", "--lang", "en", "--db", db, "--older-than", "5y");
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out())
        .contains(
            "the names or student numbers of the removed students were also removed from 1 note, answer or field of other students");
    assertThat(notes(db))
        .doesNotContain("Oud Student", "700001")
        .contains("samen met [verwijderd] ([verwijderd]) en Beide Student (700002)");
  }

  @Test
  void deleteRemovesAStudentLeftWithoutResponsesAndTheirNameFromOtherNotes() throws IOException {
    String db = importThree();
    // a: Oud's only response; b: one of Beide's two, who stays
    Cli.Run delete = Cli.run("delete", "--lang", "en", "--db", db, "1", "2");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(delete.out())
        .contains(
            "the names or student numbers of the removed students were also removed from 1 note, answer or field of other students");
    assertThat(notes(db))
        .doesNotContain("Oud Student", "700001")
        .contains("samen met [verwijderd] ([verwijderd]) en Beide Student (700002)");
    Cli.Run forget = Cli.run("forget", "--lang", "en", "--db", db, "--student", "700001");
    assertThat(forget.exitCode()).as("the student left without responses is gone").isEqualTo(2);
  }
}
