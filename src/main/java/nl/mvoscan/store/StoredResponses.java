package nl.mvoscan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mvoscan.scan.AnswerJson;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;

/**
 * The one decoder of stored responses: a response row with its scan (from {@link StoredScans}) and
 * its answers typed by their questions, as the answers loader made them at import.
 */
final class StoredResponses {

  private StoredResponses() {}

  /**
   * The answer value stored as {@code json} for question {@code questionId} of {@code scan}; {@code
   * null} for a question the scan does not know or a value of another shape (never stored).
   */
  static AnswerValue value(Scan scan, String questionId, String json) {
    Question question = StoredScans.questions(scan).get(questionId);
    return question == null ? null : AnswerJson.read(question.type(), json);
  }

  /**
   * {@link #value} for a stream of many responses: a choice or multi answer is decoded once per
   * distinct stored text of its question (a school gives the same few answers thousands of times,
   * and a decoded value is immutable). Numbers and texts are decoded each time: their distinct
   * values grow with the responses, so keeping them would grow too.
   */
  static final class Decoder {
    private final Map<String, Map<String, Map<String, AnswerValue>>> byScan = new HashMap<>();

    AnswerValue value(Scan scan, String questionId, String json) {
      Question question = StoredScans.questions(scan).get(questionId);
      if (question == null) {
        return null;
      }
      if (question.type() != QuestionType.CHOICE && question.type() != QuestionType.MULTI) {
        return AnswerJson.read(question.type(), json);
      }
      return byScan
          .computeIfAbsent(scan.hash(), h -> new HashMap<>())
          .computeIfAbsent(questionId, q -> new HashMap<>())
          .computeIfAbsent(json, j -> AnswerJson.read(question.type(), j));
    }
  }

  /** The responses matching {@code where} (on alias {@code r}), in database id order. */
  static List<ReportQueries.StoredResponse> load(Connection connection, String where, List<?> args)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT r.id, r.respondent_id, r.company_id, r.class, r.school_year, r.date, r.language, r.scan_hash,"
                + " p.name, p.student_number, c.name, c.kvk, c.city, c.sector"
                + " FROM response r LEFT JOIN respondent p ON p.id = r.respondent_id"
                + " LEFT JOIN company c ON c.id = r.company_id WHERE "
                + where
                + " ORDER BY r.id")) {
      for (int i = 0; i < args.size(); i++) {
        select.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  nullableLong(rs, 2),
                  nullableLong(rs, 3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getString(14)));
        }
      }
    }
    List<ReportQueries.StoredResponse> responses = new ArrayList<>();
    for (Row row : rows) {
      Scan scan = StoredScans.scan(connection, row.scanHash());
      responses.add(
          new ReportQueries.StoredResponse(
              row.id(),
              row.respondentId(),
              row.companyId(),
              row.className(),
              row.schoolYear(),
              scan,
              answers(connection, row, scan)));
    }
    return responses;
  }

  private record Row(
      long id,
      Long respondentId,
      Long companyId,
      String className,
      String schoolYear,
      String date,
      String language,
      String scanHash,
      String student,
      String studentNumber,
      String company,
      String kvk,
      String city,
      String sector) {}

  private static Answers answers(Connection connection, Row row, Scan scan) throws SQLException {
    Map<String, Answers.Answer> stored = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT question_id, value, evidence, note FROM answer WHERE response_id = ?")) {
      select.setLong(1, row.id());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String questionId = rs.getString(1);
          AnswerValue value = value(scan, questionId, rs.getString(2));
          if (value != null) {
            stored.put(
                questionId,
                new Answers.Answer(questionId, value, rs.getString(3), rs.getString(4)));
          }
        }
      }
    }
    Map<String, Answers.Answer> ordered = new LinkedHashMap<>();
    for (Question question : scan.questions()) {
      Answers.Answer answer = stored.get(question.id());
      if (answer != null) {
        ordered.put(question.id(), answer);
      }
    }
    Answers.Respondent respondent =
        row.respondentId() == null
            ? null
            : new Answers.Respondent(row.student(), row.studentNumber(), row.className(), null);
    Answers.Company company =
        row.companyId() == null
            ? null
            : new Answers.Company(row.company(), row.kvk(), row.city(), row.sector());
    return new Answers(
        scan.id(), scan.version(), respondent, company, date(row.date()), row.language(), ordered);
  }

  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
