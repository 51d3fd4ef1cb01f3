package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public record Theme(
    String id,
    Text title,
    BigDecimal weight,
    Text description,
    Text advice,
    Map<String, Text> levelAdvice,
    List<Question> questions) {

  /**
   * Whether any of its questions counts towards a score. A block of only unscored questions (the
   * VSME key figures) gathers answers but has no theme score, so score tables leave it out.
   */
  public boolean counts() {
    return questions.stream().anyMatch(Question::scored);
  }
}
