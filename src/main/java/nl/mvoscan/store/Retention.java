package nl.mvoscan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * {@code mvoscan purge}: responses older than the retention period go, with their answers and
 * figures, and so do students who have no response left (their name and number also from the notes
 * of those who stay, as {@code forget} does). A response's age is the date of its answers, else the
 * day it was imported.
 */
public final class Retention {

  /** What a purge removed (or, in a dry run, would remove). */
  public record Purged(int responses, int respondents, int othersScrubbed) {}

  private static final String OLD = "coalesce(date, substr(imported_at, 1, 10)) < ?";

  private Retention() {}

  /** Removes every response dated before {@code cutoff}; with {@code dryRun} only counts them. */
  public static Purged purge(Store store, LocalDate cutoff, boolean dryRun) {
    if (dryRun) {
      return store.read(
          connection -> {
            int responses;
            try (PreparedStatement count =
                connection.prepareStatement("SELECT count(*) FROM response WHERE " + OLD)) {
              count.setString(1, cutoff.toString());
              try (ResultSet rs = count.executeQuery()) {
                responses = rs.next() ? rs.getInt(1) : 0;
              }
            }
            int respondents;
            try (PreparedStatement count =
                connection.prepareStatement(
                    "SELECT count(*) FROM respondent p WHERE NOT EXISTS (SELECT 1 FROM response r"
                        + " WHERE r.respondent_id = p.id AND NOT (coalesce(r.date,"
                        + " substr(r.imported_at, 1, 10)) < ?))")) {
              count.setString(1, cutoff.toString());
              try (ResultSet rs = count.executeQuery()) {
                respondents = rs.next() ? rs.getInt(1) : 0;
              }
            }
            return new Purged(responses, respondents, 0);
          });
    }
    // before anything is deleted, as forget does: a copy that would stay in the file refuses the
    // whole purge and changes nothing
    store.prepareErasure();
    Purged purged =
        store.inTransaction(
            connection -> {
              // the web app's record of the student who sent it goes with it, as delete does
              try (PreparedStatement web =
                  connection.prepareStatement(
                      "DELETE FROM web_student WHERE response_id IN (SELECT id FROM response WHERE "
                          + OLD
                          + ")")) {
                web.setString(1, cutoff.toString());
                web.executeUpdate();
              }
              int responses;
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM response WHERE " + OLD)) {
                delete.setString(1, cutoff.toString());
                responses = delete.executeUpdate();
              }
              ResponseQueries.Removed removed =
                  ResponseQueries.removeStudentsWithoutResponses(connection);
              return new Purged(responses, removed.students(), removed.othersScrubbed());
            });
    if (purged.responses() > 0 || purged.respondents() > 0) {
      store.eraseTraces();
    }
    return purged;
  }
}
