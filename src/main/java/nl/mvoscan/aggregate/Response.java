package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scoring.Status;

/**
 * One stored response as aggregation needs it: who grouped it where, the figures import stored for
 * it, and its answers. Scores are rounded to one decimal as every report shows them, so anyone can
 * redo an aggregate from {@code mvoscan responses}; question statuses and points are the ones
 * scoring gave at import, never worked out again.
 *
 * @param date the date of the answers, {@code null} when not given
 * @param respondentId the stored student's id, {@code null} without a student
 * @param student the student's name, {@code null} without a student
 * @param companyKey the stored company's key ({@code kvk:…} or {@code name:…}), {@code null}
 *     without a company
 * @param companySector the sector from the answers' {@code company.sector}, {@code null} when not
 *     given
 * @param grade the stored grade, one decimal; {@code null} without an overall score
 * @param level the stored level id, {@code null} for no level
 * @param themes stored theme figures by theme id
 * @param questions stored status and points of every scored question, by question id
 * @param answers the stored answer values by question id
 * @param hidden the questions an answer was given to while their condition hid them
 */
public record Response(
    long id,
    String scanHash,
    String className,
    String schoolYear,
    LocalDate date,
    Long respondentId,
    String student,
    String companyKey,
    String companyName,
    String companyCity,
    String companyKvk,
    String companySector,
    Status status,
    BigDecimal score,
    BigDecimal grade,
    String level,
    Map<String, Figure> themes,
    Map<String, QuestionFigure> questions,
    Map<String, AnswerValue> answers,
    Set<String> hidden) {

  /** A stored status with its rounded score and coverage ({@code null} where they do not exist). */
  public record Figure(Status status, BigDecimal score, BigDecimal coverage) {
    public Figure(Status status, BigDecimal score) {
      this(status, score, null);
    }
  }

  /** A scored question's stored status and earned points ({@code null} unless resolved). */
  public record QuestionFigure(Status status, BigDecimal points) {}
}
