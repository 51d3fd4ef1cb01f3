package nl.mvoscan.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract §8.4's thousands rule for whole numbers, shared by everything that reads a typed or
 * exported number, so a class CSV, {@code take} and the web form read {@code 1.200} alike.
 */
final class WholeNumbers {

  /** One {@code .} or {@code ,} followed by exactly three digits, as the only separator. */
  private static final Pattern THOUSANDS = Pattern.compile("([+-]?[0-9]+)[.,]([0-9]{3})");

  private WholeNumbers() {}

  /**
   * The text of a number for an {@code integer} question with its thousands separator taken out
   * ({@code 1.200} and {@code 1,200} are 1200); any other text as it is. Only for whole-number
   * questions: in a decimal one {@code 1.200} could as well be one point two.
   */
  static String withoutThousands(String text) {
    Matcher thousands = THOUSANDS.matcher(text);
    return thousands.matches() ? thousands.group(1) + thousands.group(2) : text;
  }
}
