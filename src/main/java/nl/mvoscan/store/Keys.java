package nl.mvoscan.store;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** How companies, students and school years are recognised as the same across imports. */
public final class Keys {

  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(
          "(\\s+(b\\.?\\s?v\\.?|v\\.?\\s?o\\.?\\s?f\\.?|n\\.?\\s?v\\.?|c\\.?\\s?v\\.?|holding))+$");

  private Keys() {}

  /** KvK number when known, else the name without case, extra spaces or a legal suffix like B.V. */
  public static String company(String name, String kvk) {
    if (kvk != null && !kvk.isBlank()) {
      return "kvk:" + kvk.trim();
    }
    return "name:" + normalizedName(name);
  }

  static String normalizedName(String name) {
    String text =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replace(
                "i\u0307", "i") // lower-casing İ leaves a combining dot: "İzmir" must match "izmir"
            .replaceAll("[\\s\\u00A0]+", " ")
            .trim();
    text = LEGAL_SUFFIX.matcher(text).replaceAll("").trim();
    return text.replaceAll("[.,]+$", "").trim();
  }

  /**
   * The student number with the name when a number is given, else the name within the class. The
   * name stays in the key so that a mistyped number never merges two students into one.
   */
  public static String respondent(String name, String studentNumber, String className) {
    if (studentNumber != null && !studentNumber.isBlank()) {
      return "id:" + studentNumber.trim() + "/" + normalizedName(name);
    }
    String clazz = className == null ? "" : className.trim().toLowerCase(Locale.ROOT);
    return "name:" + clazz + "/" + normalizedName(name);
  }

  /** Dutch school years run from 1 August: 2026-11-20 is in 2026-2027, 2027-07-31 too. */
  public static String schoolYear(LocalDate date) {
    int start = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
    return start + "-" + (start + 1);
  }
}
