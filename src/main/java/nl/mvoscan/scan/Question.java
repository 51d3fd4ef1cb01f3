package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mvoscan.scan.when.Condition;

/**
 * A question of the scan, profile or theme.
 *
 * @param themeId the theme it belongs to, {@code null} for a profile question
 * @param when its condition, {@code null} when always visible
 * @param maxPoints the cap of a multi question, {@code null} when not capped
 */
public record Question(
    String id,
    QuestionType type,
    String themeId,
    Text text,
    Text help,
    Text advice,
    BigDecimal weight,
    Condition when,
    Map<String, List<String>> tags,
    boolean scored,
    boolean required,
    List<Option> options,
    BigDecimal maxPoints,
    BigDecimal min,
    BigDecimal max,
    boolean integer,
    Text unit,
    int maxLength) {

  public static final int DEFAULT_MAX_LENGTH = 2000;

  public Optional<Option> option(String optionId) {
    // a plain loop: the checks of every imported cell ask this, and a stream per call cost more
    // than the few options it looks through
    for (Option option : options) {
      if (option.id().equals(optionId)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  /** M(q) of the contract: the most a scored question can earn. */
  public BigDecimal maximum() {
    if (type == QuestionType.MULTI) {
      return maxPoints != null ? maxPoints : pointsSum();
    }
    return options.stream()
        .map(Option::points)
        .filter(p -> p != null)
        .reduce(BigDecimal.ZERO, BigDecimal::max);
  }

  public BigDecimal pointsSum() {
    return options.stream()
        .map(Option::points)
        .filter(p -> p != null)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public boolean isProfile() {
    return themeId == null;
  }
}
