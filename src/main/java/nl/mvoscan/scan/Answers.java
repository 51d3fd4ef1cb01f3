package nl.mvoscan.scan;

import java.time.LocalDate;
import java.util.Map;

/**
 * One respondent's answers about one company for one scan (contract §4). Only answers with a value
 * are kept in {@link #answers}; {@code null} answers mean "not answered" and are dropped.
 */
public record Answers(
    String scanId,
    String scanVersion,
    Respondent respondent,
    Company company,
    LocalDate date,
    String language,
    Map<String, Answer> answers) {

  public record Respondent(String name, String id, String className, String school) {}

  public record Company(String name, String kvk, String city, String sector) {}

  /**
   * @param value the answer, typed by its question; {@code null} only while an answers file is read
   *     (a {@code null} answer, which is then dropped)
   */
  public record Answer(String questionId, AnswerValue value, String evidence, String note) {}
}
