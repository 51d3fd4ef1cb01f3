package nl.mvoscan.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scoring.Status;

/**
 * One stored response as a network's figures need it: where it is grouped and its stored overall
 * and theme figures, without its answers and question figures, which no network figure shows. A
 * network's read of a hundred thousand responses then stays a few columns per response instead of
 * about a hundred rows.
 *
 * @param school the name of the school that pushed it, {@code null} in a school's own database
 * @param date the date of the answers, {@code null} when not given (or not shown to the network)
 * @param companySector the sector from the answers' {@code company.sector}, {@code null} when not
 *     given
 * @param sectorAnswer the visible answer to the profile question {@code sector}, {@code null} when
 *     it was not given or its condition hid it
 * @param score the stored overall score, one decimal, as {@link Response#score}
 * @param themes stored theme figures by theme id
 */
public record ResponseScores(
    long id,
    String scanHash,
    String school,
    String className,
    String schoolYear,
    LocalDate date,
    String companyKey,
    String companyName,
    String companySector,
    AnswerValue sectorAnswer,
    Status status,
    BigDecimal score,
    Map<String, Response.Figure> themes) {}
