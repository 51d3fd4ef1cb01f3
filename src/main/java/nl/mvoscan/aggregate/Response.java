package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.util.Map;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scoring.Status;

/**
 * One stored response as aggregation needs it: who grouped it where, its stored figures and its
 * answers. Scores are the figures stored at import, rounded to one decimal as every report shows
 * them, so anyone can redo the aggregate from {@code mvoscan responses}.
 *
 * @param companyKey the stored company's key ({@code kvk:…} or {@code name:…}), {@code null}
 *     without a company
 * @param companySector the sector from the answers' {@code company.sector}, {@code null} when not
 *     given
 * @param level the stored level id, {@code null} for no level
 * @param themes stored theme figures by theme id
 * @param answers the stored answer values by question id
 */
public record Response(
    long id,
    String scanHash,
    String className,
    String schoolYear,
    String companyKey,
    String companyName,
    String companySector,
    Status status,
    BigDecimal score,
    String level,
    Map<String, Figure> themes,
    Map<String, AnswerValue> answers) {

  /** A stored status with its rounded score ({@code null} unless scored). */
  public record Figure(Status status, BigDecimal score) {}
}
