package nl.mvoscan.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Scan;

/**
 * What the student reports read from the database: a stored response rebuilt as its scan and
 * answers, to render it as {@code score} renders an answers file. Class figures come from {@link
 * AggregateQueries} and aggregate. Nothing here writes.
 */
public final class ReportQueries {

  /**
   * One stored response with everything needed to score and report it again.
   *
   * @param respondentId the database id of the student, {@code null} when the answers named none
   * @param companyId the database id of the company, {@code null} when the answers named none
   */
  public record StoredResponse(
      long id,
      Long respondentId,
      Long companyId,
      String className,
      String schoolYear,
      Scan scan,
      Answers answers) {}

  private ReportQueries() {}

  /** The stored response with this id, or empty when there is none. */
  public static Optional<StoredResponse> response(Store store, long id) {
    List<StoredResponse> found = select(store, "r.id = ?", List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Every response of a class (case-insensitive), optionally of one school year, in database id
   * order.
   */
  public static List<StoredResponse> classResponses(
      Store store, String className, String schoolYear) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(store.caseless("trim(r.class)"));
    args.add(className.trim());
    if (schoolYear != null) {
      where.append(" AND r.school_year = ?");
      args.add(schoolYear.trim());
    }
    return select(store, where.toString(), args);
  }

  private static List<StoredResponse> select(Store store, String where, List<Object> args) {
    return store.read(connection -> StoredResponses.load(connection, where, args));
  }
}
