package nl.mvoscan.scan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, valid scan definition.
 *
 * @param maxNa the largest share of "not applicable" weight a theme or lens may have (§8.2), {@code
 *     null} for no limit
 */
public record Scan(
    String id,
    String version,
    List<String> languages,
    Text title,
    Text description,
    List<Question> profile,
    List<Theme> themes,
    List<Level> levels,
    BigDecimal minCoverage,
    BigDecimal maxNa,
    boolean unknownCountsAsZero,
    String hash) {

  public String defaultLanguage() {
    return languages.get(0);
  }

  /** Every question in document order: profile first, then the themes in order. */
  public List<Question> questions() {
    // sized once: the rows of an import ask for this list (visibility, scoring)
    int size = profile.size();
    for (Theme theme : themes) {
      size += theme.questions().size();
    }
    List<Question> all = new java.util.ArrayList<>(size);
    all.addAll(profile);
    for (Theme theme : themes) {
      all.addAll(theme.questions());
    }
    return all;
  }

  public List<Question> scoredQuestions() {
    return questions().stream().filter(Question::scored).toList();
  }

  public Map<String, Question> questionsById() {
    Map<String, Question> byId = new LinkedHashMap<>();
    questions().forEach(q -> byId.put(q.id(), q));
    return byId;
  }

  public Optional<Question> question(String id) {
    return Optional.ofNullable(questionsById().get(id));
  }

  public Optional<Theme> theme(String id) {
    return themes.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
