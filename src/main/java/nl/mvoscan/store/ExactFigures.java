package nl.mvoscan.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;

/**
 * The exact figures of a scored response, as the database keeps them: fractions as text ({@code
 * 175/3}, {@code 50}), points as the scan writes them ({@code 2}, {@code 0.3}), one status per
 * scored question. Written once, at import; read by every report.
 */
final class ExactFigures {

  private ExactFigures() {}

  /** {@code 175/3}, {@code 50}, {@code -1/2}; {@code null} stays {@code null}. */
  static String text(Rational value) {
    if (value == null) {
      return null;
    }
    return value.denominator().equals(BigInteger.ONE)
        ? value.numerator().toString()
        : value.numerator() + "/" + value.denominator();
  }

  /** The fraction {@link #text} wrote; {@code null} stays {@code null}. */
  static Rational parse(String text) {
    if (text == null) {
      return null;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Rational.of(new BigDecimal(text));
    }
    return Rational.of(new BigDecimal(text.substring(0, slash)))
        .dividedBy(Rational.of(new BigDecimal(text.substring(slash + 1))));
  }

  /** A stored exact score or grade as reports show it: half-up to one decimal (§5). */
  static BigDecimal oneDecimal(String exact) {
    Rational value = parse(exact);
    return value == null ? null : value.round(1);
  }

  /** A stored exact coverage (0..1) as reports show it: a percentage with one decimal. */
  static BigDecimal percent(String exact) {
    Rational value = parse(exact);
    return value == null ? null : value.times(Rational.HUNDRED).round(1);
  }

  /** Stored points: exact, as the scan author wrote them ({@code 2}, never {@code 2.0}). */
  static BigDecimal points(String text) {
    return text == null ? null : Decimals.plain(new BigDecimal(text));
  }

  /**
   * Everything import added to a response's own rows in schema version 3, for {@link #backfill}:
   * the exact overall, theme and lens figures, one question_score row per scored question, and
   * which answers went to hidden questions. The tables are those of version 3 (migration 006 packs
   * the question and lens rows into the response afterwards); import writes through ResponseWriter.
   */
  static void write(Connection connection, long id, ScoreResult result) throws SQLException {
    ScoreResult.Figures overall = result.overall().figures();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE response SET exact_score = ?, exact_coverage = ?, exact_grade = ? WHERE id = ?")) {
      update.setString(1, text(overall.score()));
      update.setString(2, text(overall.coverage()));
      update.setString(3, text(result.overall().grade()));
      update.setLong(4, id);
      update.executeUpdate();
    }
    try (PreparedStatement theme =
        connection.prepareStatement(
            "UPDATE theme_score SET reason = ?, exact_score = ?, exact_coverage = ?"
                + " WHERE response_id = ? AND theme_id = ?")) {
      for (ScoreResult.ThemeScore t : result.themes()) {
        exact(theme, t.figures(), id, t.theme().id());
        theme.addBatch();
      }
      theme.executeBatch();
    }
    try (PreparedStatement lens =
        connection.prepareStatement(
            "UPDATE lens_score SET reason = ?, exact_score = ?, exact_coverage = ?"
                + " WHERE response_id = ? AND lens_key = ? AND lens_value = ?")) {
      for (ScoreResult.LensScore l : result.lenses()) {
        exact(lens, l.figures(), id, l.key());
        lens.setString(6, l.value());
        lens.addBatch();
      }
      lens.executeBatch();
    }
    try (PreparedStatement question =
        connection.prepareStatement(
            "INSERT INTO question_score(response_id, question_id, position, status, points)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int position = 0;
      for (ScoreResult.QuestionScore q : result.questions()) {
        question.setLong(1, id);
        question.setString(2, q.question().id());
        question.setInt(3, position++);
        question.setString(4, q.status().id());
        question.setString(5, q.points() == null ? null : Decimals.text(q.points()));
        question.addBatch();
      }
      question.executeBatch();
    }
    try (PreparedStatement hidden =
        connection.prepareStatement(
            "UPDATE answer SET hidden = 1 WHERE response_id = ? AND question_id = ?")) {
      for (ScoreResult.HiddenAnswer h : result.hiddenAnswers()) {
        hidden.setLong(1, id);
        hidden.setString(2, h.question().id());
        hidden.addBatch();
      }
      hidden.executeBatch();
    }
  }

  private static void exact(
      PreparedStatement statement, ScoreResult.Figures figures, long id, String groupId)
      throws SQLException {
    if (figures.reason() == null) {
      statement.setNull(1, Types.VARCHAR);
    } else {
      statement.setString(1, figures.reason().id());
    }
    statement.setString(2, text(figures.score()));
    statement.setString(3, text(figures.coverage()));
    statement.setLong(4, id);
    statement.setString(5, groupId);
  }

  /**
   * Migration 003: responses stored before exact figures were kept get them now, from their own
   * stored answers scored on their own stored scan, exactly as import scored them. Their rounded
   * figures stay as they were stored.
   */
  static Void backfill(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id FROM response r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM question_score q WHERE q.response_id = r.id) ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    for (long id : ids) {
      for (ReportQueries.StoredResponse stored :
          StoredResponses.load(connection, "r.id = ?", List.of(id))) {
        write(connection, id, Scorer.score(stored.scan(), stored.answers()));
      }
    }
    return null;
  }
}
