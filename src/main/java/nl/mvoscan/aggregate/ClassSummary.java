package nl.mvoscan.aggregate;

import java.time.LocalDate;
import java.util.List;
import nl.mvoscan.scan.Scan;

/**
 * Every figure of a class report, computed by {@link Aggregator#classSummary}: the class's
 * responses to its main scan as one group (what {@code mvoscan aggregate --class X} prints) and as
 * one group per stored company ({@code --by company}), with the stored figures of each response for
 * the report's tables.
 *
 * @param className the class as stored (the spelling of its first response)
 * @param schoolYear the school year asked for, {@code null} for all of them
 * @param scan the scan most of the class's responses were scored on (on a tie, the scan of the
 *     earliest response): a class report compares like with like
 * @param otherScans how many of the class's responses were for another scan, and left out
 * @param whole the class as one group
 * @param companies one group per stored company, in {@code aggregate --by company} order (by name;
 *     the responses without a company last)
 * @param responses the class's responses to {@code scan}, in database id order
 * @param students how many different students answered (a response without a stored student counts
 *     as one)
 * @param firstDate the earliest date of the answers, {@code null} when none has a date
 * @param lastDate the latest date of the answers, {@code null} when none has a date
 * @param schoolYears the school years of the responses, in order
 */
public record ClassSummary(
    String className,
    String schoolYear,
    Scan scan,
    int otherScans,
    GroupSummary whole,
    List<GroupSummary> companies,
    List<Response> responses,
    int students,
    LocalDate firstDate,
    LocalDate lastDate,
    List<String> schoolYears) {

  /** The responses of one of {@link #companies}, in database id order. */
  public List<Response> responses(GroupSummary company) {
    return responses.stream()
        .filter(r -> java.util.Objects.equals(r.companyKey(), company.key()))
        .toList();
  }
}
