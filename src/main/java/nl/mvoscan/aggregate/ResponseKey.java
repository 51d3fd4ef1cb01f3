package nl.mvoscan.aggregate;

import nl.mvoscan.scan.AnswerValue;

/**
 * What decides a stored response's group, and nothing more: what the first pass of a streamed
 * aggregation ({@link Aggregator#planner}) reads of every response, so it can tell the store in
 * which order to hand over the responses with their figures.
 *
 * @param companyKey the stored company's key, {@code null} without a company
 * @param companySector the sector from the answers' {@code company.sector}, {@code null} when not
 *     given
 * @param sectorAnswer the visible answer to the profile question {@code sector}, {@code null} when
 *     it was not given or its condition hid it
 */
public record ResponseKey(
    long id,
    String scanHash,
    String className,
    String schoolYear,
    String companyKey,
    String companyName,
    String companySector,
    AnswerValue sectorAnswer) {}
