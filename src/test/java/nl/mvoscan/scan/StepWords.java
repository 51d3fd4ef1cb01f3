package nl.mvoscan.scan;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that name what a question asks about, to tell whether a fixed text (a theme's level
 * advice, a level's advice) recommends a step a question asks: it does when it uses a word of seven
 * letters or more from that question's text or option labels. Shorter words and a few words every
 * sentence may need ("bedrijf", "whether") say nothing about a topic.
 */
public final class StepWords {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> GENERIC =
      Set.of(
          "bedrijf",
          "organisatie",
          "bijvoorbeeld",
          "iedereen",
          "gebeurt",
          "stappen",
          "duidelijk",
          "example",
          "without",
          "everyone",
          "company",
          "whether",
          "already",
          "sometimes");

  private StepWords() {}

  /** The significant words of a text, lower case. */
  public static Set<String> of(String text) {
    Set<String> words = new HashSet<>();
    if (text == null) {
      return words;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String word = m.group();
      if (word.codePointCount(0, word.length()) >= 7 && !GENERIC.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** What a question asks about: the significant words of its text and its option labels. */
  public static Set<String> asked(Question question, String language, String fallback) {
    Set<String> words = of(question.text().in(language, fallback));
    for (Option option : question.options()) {
      words.addAll(of(option.label().in(language, fallback)));
    }
    return words;
  }

  /** The words of {@code text} that also name what {@code asked} is about. */
  public static Set<String> shared(String text, Set<String> asked) {
    Set<String> shared = of(text);
    shared.retainAll(asked);
    return shared;
  }
}
