package nl.mvoscan.store;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.mvoscan.scan.EditDistance;

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

  /**
   * A spelling without KvK number in one city: what an import remembers a joined spelling by, so
   * that the same name in another city is never taken for it. Also the key of a company whose plain
   * {@link #company} key another city's company holds already.
   */
  public static String companyInCity(String name, String city) {
    String folded = foldedCity(city);
    return company(name, null) + "@" + (folded == null ? "" : folded);
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

  private static final Pattern LEGAL_FORM =
      Pattern.compile(
          "(^|\\s)(b\\.?\\s?v\\.?|v\\.?\\s?o\\.?\\s?f\\.?|n\\.?\\s?v\\.?|c\\.?\\s?v\\.?|holding"
              + "|(&|en)\\s*(zn|zonen|zoon|co)\\.?)(?=\\s|$)");

  /** Words that say what kind of business it is, by kind: not what tells two companies apart. */
  private static final java.util.Map<String, String> KIND_WORDS = kinds();

  private static final java.util.Set<String> PARTICLES =
      java.util.Set.of("de", "het", "t", "van", "der", "den", "vd", "v", "d", "en", "the", "and");

  private static java.util.Map<String, String> kinds() {
    java.util.Map<String, String> kinds = new java.util.HashMap<>();
    String[][] groups = {
      {"bakery", "bakkerij", "bakkerijen", "banketbakkerij", "broodbakkerij"},
      {"car", "autobedrijf", "auto", "autos", "garage", "autogarage", "autoschade"},
      {"care", "zorgcentrum", "zorg", "verpleeghuis", "woonzorgcentrum", "zorggroep"},
      {"install", "installatiebedrijf", "installatie", "installaties", "installatietechniek"},
      {"hospitality", "hotel", "restaurant", "cafe", "brasserie", "hotelrestaurant"},
      {"garden", "hoveniersbedrijf", "hoveniers", "hovenier", "tuinen"},
      {"transport", "transportbedrijf", "transport", "logistiek", "logistics"},
      {"shop", "supermarkt", "winkel", "centrum", "filiaal", "vestiging"},
      {"generic", "bedrijf", "groep", "group", "company", "nederland"}
    };
    for (String[] group : groups) {
      for (int i = 1; i < group.length; i++) {
        kinds.put(group[i], group[0]);
      }
    }
    return kinds;
  }

  /**
   * A company name folded for comparison: lower case, accents and punctuation gone, legal forms
   * ({@code B.V.}, {@code BV}, {@code V.O.F.}, {@code N.V.}, {@code & Zn.}) left out, white space
   * collapsed. {@code "Bakkerij De Korenschoof B.V."} and {@code "bakkerij de korenschoof"} fold
   * the same.
   */
  public static String foldedName(String name) {
    String text = normalizedName(name);
    text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    text = LEGAL_FORM.matcher(text).replaceAll(" ");
    text = text.replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return LEGAL_FORM.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").trim();
  }

  /** A city folded like a name; null stays null. */
  public static String foldedCity(String city) {
    return city == null || city.isBlank() ? null : foldedName(city);
  }

  /**
   * Whether two spellings in one city name the same company (a KvK number decides before this is
   * asked): equal after {@link #foldedName}, or equal in what tells them apart once the words for
   * the kind of business, the city and particles such as "de" and "van der" are left out, and one's
   * remaining words may be the initials of the other's ({@code AH} for {@code Albert Heijn}). When
   * both name a kind of business, the kinds must agree: {@code Bakkerij Jansen} is not {@code
   * Garage Jansen}.
   */
  public static boolean sameCompany(String nameA, String cityA, String nameB, String cityB) {
    String a = foldedName(nameA);
    String b = foldedName(nameB);
    String ca = foldedCity(cityA);
    String cb = foldedCity(cityB);
    if (!java.util.Objects.equals(ca, cb)) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    if (ca == null) {
      return false; // without a city, only the folded name itself is safe
    }
    java.util.Set<String> kindsA = new java.util.TreeSet<>();
    java.util.Set<String> kindsB = new java.util.TreeSet<>();
    java.util.List<String> coreA = core(a, ca, kindsA);
    java.util.List<String> coreB = core(b, cb, kindsB);
    if (coreA.isEmpty() || coreB.isEmpty()) {
      return false;
    }
    kindsA.remove("generic");
    kindsB.remove("generic");
    kindsA.remove("shop");
    kindsB.remove("shop");
    if (!kindsA.isEmpty() && !kindsB.isEmpty() && java.util.Collections.disjoint(kindsA, kindsB)) {
      return false;
    }
    if (coreA.equals(coreB)) {
      return true;
    }
    return initials(coreA, coreB) || initials(coreB, coreA);
  }

  /**
   * What two spellings that {@link #sameCompany} finds alike always share: the folded city and the
   * first letter of what tells the name apart (equal cores, and initials, start with the same
   * letter), or without a city the folded name itself. Import compares a new spelling only with the
   * known companies of its bucket instead of with every company.
   */
  public static String companyBucket(String name, String city) {
    String folded = foldedName(name);
    String c = foldedCity(city);
    if (c == null) {
      return "\u0000" + folded;
    }
    java.util.List<String> core = core(folded, c, new java.util.TreeSet<>());
    return c + "\u0000" + (core.isEmpty() ? "" : core.get(0).substring(0, 1));
  }

  private static java.util.List<String> core(
      String folded, String city, java.util.Set<String> kinds) {
    java.util.Set<String> cityWords = java.util.Set.of(city.split(" "));
    java.util.List<String> core = new java.util.ArrayList<>();
    for (String word : folded.split(" ")) {
      String kind = KIND_WORDS.get(word);
      if (kind != null) {
        kinds.add(kind);
      } else if (!PARTICLES.contains(word) && !cityWords.contains(word) && !word.isEmpty()) {
        core.add(word);
      }
    }
    return core;
  }

  /**
   * Whether two companies in one city look alike enough to ask a person: {@link #sameCompany}, or
   * they share a word that tells companies apart, or their folded names differ in at most a third
   * of their letters. {@code companies suggest} lists such pairs; import never merges them itself.
   */
  public static boolean similarCompany(String nameA, String cityA, String nameB, String cityB) {
    String ca = foldedCity(cityA);
    if (ca == null || !ca.equals(foldedCity(cityB))) {
      return false;
    }
    if (sameCompany(nameA, cityA, nameB, cityB)) {
      return true;
    }
    String a = foldedName(nameA);
    String b = foldedName(nameB);
    java.util.List<String> coreA = core(a, ca, new java.util.TreeSet<>());
    java.util.List<String> coreB = core(b, ca, new java.util.TreeSet<>());
    if (!java.util.Collections.disjoint(coreA, coreB)) {
      return true;
    }
    int longest = Math.max(a.length(), b.length());
    return longest > 0 && EditDistance.between(a, b) * 3 <= longest;
  }

  /** Whether {@code short_} is one word made of the first letters of {@code long_}'s words. */
  private static boolean initials(java.util.List<String> short_, java.util.List<String> long_) {
    if (short_.size() != 1 || long_.size() < 2) {
      return false;
    }
    StringBuilder first = new StringBuilder();
    long_.forEach(w -> first.append(w.charAt(0)));
    return first.toString().equals(short_.get(0));
  }

  /**
   * A 7-digit KvK number as Excel leaves it after dropping the leading zero; the 8-digit number it
   * was, or null when {@code kvk} is not 7 digits.
   */
  public static String restoredKvk(String kvk) {
    return kvk != null && kvk.strip().matches("[0-9]{7}") ? "0" + kvk.strip() : null;
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
