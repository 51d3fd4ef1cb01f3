package nl.mvoscan.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finding a person in text as people write them: a name typed in capitals, with a non-breaking
 * space, a soft hyphen, decomposed accents or a Turkish dotless ı still names the same person. One
 * rule for {@code forget} (which student is meant, and where other students' notes name them) and
 * for {@code --anonymize} (what to replace), so a name that one of them finds the other finds too,
 * on SQLite and PostgreSQL alike.
 */
public final class Names {

  /** A person to find in free text, and what replaces them there. */
  public record Person(String name, String studentNumber, String replacement) {}

  /**
   * A student number of fewer letters and digits is not looked for in free text: "12" or "2026"
   * would replace amounts, counts and years. Five is above every year and below every student
   * number a school gives (six or seven digits).
   */
  public static final int MIN_NUMBER_LENGTH = 5;

  private Names() {}

  /** Whether two names are the same person's name: compared as their {@link #key}s. */
  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /**
   * The comparison key of a name: folded, every run of spaces, apostrophes and hyphens one space,
   * trimmed.
   */
  public static String key(String name) {
    return fold(name == null ? "" : name).folded().replaceAll("[ '-]+", " ").strip();
  }

  /**
   * {@code text} with every person's name (as whole words) and student number (as a whole token)
   * replaced by their replacement; see {@link Scrubber}.
   */
  public static String scrub(String text, List<Person> people) {
    return new Scrubber(people).scrub(text);
  }

  /**
   * Replaces people in many texts: built once for a list of people, it reads each text once,
   * whatever the number of people, so anonymising a whole cohort stays linear.
   */
  public static final class Scrubber {

    /**
     * One way to write a person: the folded words of a name, or a student number. A name of one
     * word ("Mei", "Roos", "Bas") is also a common word ("in mei", "een roos"), so it is only
     * replaced where it is written as a name, with a capital.
     */
    private record Pattern(String[] words, String replacement, boolean oneWordName) {}

    /** By the first letter-or-digit run of their first word; longest pattern first. */
    private final Map<String, List<Pattern>> byFirstRun = new HashMap<>();

    /** Student numbers of digits only, by their digits: matched as a whole number token. */
    private final Map<String, String> numbers = new HashMap<>();

    public Scrubber(List<Person> people) {
      List<Pattern> patterns = new ArrayList<>();
      for (Person person : people) {
        String name = key(person.name());
        if (!name.isEmpty() && !firstRun(name, 0).isEmpty()) {
          String[] words = name.split(" ");
          patterns.add(new Pattern(words, person.replacement(), words.length == 1));
        }
        String number = key(person.studentNumber());
        String digits = number.replace(" ", "").replace(".", "");
        if (digits.codePoints().filter(Character::isLetterOrDigit).count() < MIN_NUMBER_LENGTH) {
          continue;
        }
        if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          numbers.putIfAbsent(digits, person.replacement());
        } else if (!firstRun(number, 0).isEmpty()) {
          patterns.add(new Pattern(number.split(" "), person.replacement(), false));
        }
      }
      patterns.sort(
          Comparator.comparingInt((Pattern p) -> String.join(" ", p.words()).length()).reversed());
      for (Pattern pattern : patterns) {
        byFirstRun
            .computeIfAbsent(firstRun(pattern.words()[0], 0), k -> new ArrayList<>())
            .add(pattern);
      }
    }

    /** {@code text} with everyone replaced; {@code null} stays {@code null}. */
    public String scrub(String text) {
      if (text == null || text.isEmpty() || (byFirstRun.isEmpty() && numbers.isEmpty())) {
        return text;
      }
      Folded folded = fold(text);
      String haystack = folded.folded();
      StringBuilder out = null;
      int copied = 0;
      int i = 0;
      while (i < haystack.length()) {
        if (!Character.isLetterOrDigit(haystack.charAt(i)) || !boundary(haystack, i - 1)) {
          i++;
          continue;
        }
        String run = firstRun(haystack, i);
        int matchEnd = -1;
        String replacement = null;
        // a number is a whole token or nothing: never the start of a date, an amount or a longer
        // number, so the token is skipped whole when it is not a student's number
        int token = isDigit(haystack.charAt(i)) ? numberEnd(haystack, i) : i;
        if (token > i && boundary(haystack, token)) {
          replacement = numbers.get(numberDigits(haystack, i, token));
          matchEnd = token;
        }
        if (replacement == null) {
          for (Pattern pattern : byFirstRun.getOrDefault(run, List.of())) {
            int end = matchFrom(haystack, i, pattern.words());
            if (end > 0
                && boundary(haystack, end)
                && (!pattern.oneWordName() || capital(text, folded.start()[i]))) {
              matchEnd = end;
              replacement = pattern.replacement();
              break;
            }
          }
        }
        if (replacement == null) {
          i = Math.max(i + run.length(), token);
          continue;
        }
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        int originalStart = folded.start()[i];
        out.append(text, copied, originalStart).append(replacement);
        copied = folded.end()[matchEnd - 1];
        i = matchEnd;
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }
  }

  /** Whether the letter at {@code index} of the original text is a capital. */
  private static boolean capital(String text, int index) {
    int cp = text.codePointAt(index);
    return Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Whether {@code text} names any of the people (by name or student number). */
  public static boolean mentions(String text, List<Person> people) {
    return text != null && !text.equals(scrub(text, people));
  }

  /** Characters that join the digits of one number: 104 233, 104.233, 12-05-2026, 1.042,33. */
  private static final String NUMBER_JOINERS = " .,-/:";

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The end of the number token at {@code from}: digits, each group joined to the next by one
   * joining character, so "12" is not a token inside "12-05-2026", "12.5" or "12 05 2026".
   */
  private static int numberEnd(String text, int from) {
    int end = from;
    while (end < text.length()) {
      if (isDigit(text.charAt(end))) {
        end++;
      } else if (end + 1 < text.length()
          && NUMBER_JOINERS.indexOf(text.charAt(end)) >= 0
          && isDigit(text.charAt(end + 1))) {
        end += 2;
      } else {
        break;
      }
    }
    return end;
  }

  /**
   * The digits of a number token typed with spaces or dots (104 233, 104.233), or {@code null} when
   * another character joins them: a date or an amount is no student number.
   */
  private static String numberDigits(String text, int from, int to) {
    StringBuilder digits = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (isDigit(c)) {
        digits.append(c);
      } else if (c != ' ' && c != '.') {
        return null;
      }
    }
    return digits.toString();
  }

  /** The run of letters and digits at {@code from}. */
  private static String firstRun(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return text.substring(from, end);
  }

  /**
   * Apostrophes as typed and as phones and word processors turn them (’ ‘ ʼ ′ ` ´), folded to one.
   */
  private static final String APOSTROPHES = "'\u2019\u2018\u02BC\u2032`\u00B4";

  /** Hyphens, folded to one. */
  private static final String HYPHENS = "-\u2010\u2011";

  /**
   * What separates the parts of a name after {@link #fold}: a space, and also an apostrophe or
   * hyphen, so "O’Brien" is "O'Brien" is "O Brien" and "Jan-Willem" is "Jan Willem". They stay in
   * the folded text (not spaces) because a hyphen between digits makes a date, never a student
   * number typed with spaces.
   */
  private static boolean separator(char c) {
    return c == ' ' || c == '\'' || c == '-';
  }

  /**
   * Text folded for matching, and for each folded character the range of the original it came from.
   */
  private record Folded(String folded, int[] start, int[] end) {}

  /**
   * Compatibility-decomposed (NFKD: ligatures, full-width letters, the other normal form) without
   * accents, without invisible format characters (soft hyphen, zero-width space, joiners), every
   * kind of space one space, every apostrophe one {@code '} and every hyphen one {@code -}, Turkish
   * dotted İ and dotless ı as i, lower case in {@link Locale#ROOT}.
   */
  private static Folded fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    List<int[]> ranges = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String part;
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        part = " ";
      } else if (APOSTROPHES.indexOf(cp) >= 0) {
        part = "'";
      } else if (HYPHENS.indexOf(cp) >= 0) {
        part = "-";
      } else if (Character.getType(cp) == Character.FORMAT) {
        part = "";
      } else if (cp == 'ı' || cp == 'İ' || cp == 'I') {
        part = "i";
      } else {
        String decomposed =
            Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder();
        decomposed
            .codePoints()
            .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
            .forEach(kept::appendCodePoint);
        part = kept.toString().toLowerCase(Locale.ROOT).replace('ı', 'i');
      }
      for (int k = 0; k < part.length(); k++) {
        folded.append(part.charAt(k));
        ranges.add(new int[] {i, next});
      }
      i = next;
    }
    int[] start = new int[ranges.size()];
    int[] end = new int[ranges.size()];
    for (int k = 0; k < ranges.size(); k++) {
      start[k] = ranges.get(k)[0];
      end[k] = ranges.get(k)[1];
    }
    return new Folded(folded.toString(), start, end);
  }

  /** The end of the words matched at {@code at}, or -1. */
  private static int matchFrom(String haystack, int at, String[] words) {
    int position = at;
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        int spaces = position;
        while (spaces < haystack.length() && separator(haystack.charAt(spaces))) {
          spaces++;
        }
        if (spaces == position) {
          return -1;
        }
        position = spaces;
      }
      if (!haystack.startsWith(words[w], position)) {
        return -1;
      }
      position += words[w].length();
    }
    return position;
  }

  private static boolean boundary(String haystack, int index) {
    if (index < 0 || index >= haystack.length()) {
      return true;
    }
    return !Character.isLetterOrDigit(haystack.charAt(index));
  }
}
