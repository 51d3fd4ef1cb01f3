package nl.mvoscan.web;

import java.util.List;
import nl.mvoscan.i18n.Messages;

/** What the templates show: plain values, already in the reader's language. */
public final class Views {

  private Views() {}

  /**
   * What every page has: its language and texts, title, CSRF value and the language switch.
   *
   * @param other the other language's code, for the switch
   */
  public record Chrome(
      Messages m, String lang, String title, String csrf, String switchUrl, String other) {
    public String t(String key, Object... args) {
      return m.get(key, args);
    }

    /** The text of {@code key.one} when {@code n} is 1, else of {@code key.other}. */
    public String tn(String key, long n, Object... args) {
      return plural(m, key, n, args);
    }
  }

  /** Singular or plural by the count: "1 vraag", "2 vragen" (keys {@code .one}, {@code .other}). */
  static String plural(Messages m, String key, long n, Object... args) {
    return m.get(key + (n == 1 ? ".one" : ".other"), args);
  }

  public record Home(Chrome chrome, String code, String codeError, String resumeError) {}

  public record Field(
      String name,
      String label,
      String value,
      String error,
      String hint,
      String autocomplete,
      String inputmode,
      String list,
      String type) {
    /** The ids of the hint and error, for aria-describedby; null when there are none. */
    public String describedBy() {
      String ids =
          ((hint == null ? "" : "h-" + name) + " " + (error == null ? "" : "e-" + name)).strip();
      return ids.isEmpty() ? null : ids;
    }
  }

  public record Join(
      Chrome chrome,
      String action,
      String className,
      String scanTitle,
      String scanDescription,
      List<Field> fields,
      List<String> companies,
      boolean closed,
      String submitLabel) {
    /** The fields with a problem, for the summary at the top that a phone shows first. */
    public List<Field> withErrors() {
      return fields.stream().filter(f -> f.error() != null).toList();
    }

    /**
     * Whether {@code field} is the first with a problem: it takes the focus when the page opens.
     */
    public boolean firstError(Field field) {
      List<Field> errors = withErrors();
      return !errors.isEmpty() && errors.get(0) == field;
    }
  }

  public record OptionView(
      String id, String label, boolean checked, boolean exclusive, String feedback) {}

  public record QuestionView(
      String id,
      String kind,
      String text,
      String help,
      boolean required,
      boolean visible,
      List<OptionView> options,
      String input,
      String unit,
      String hint,
      String evidence,
      String note,
      String error,
      boolean answered) {}

  public record SectionLink(
      String url, String title, int answered, int total, boolean current, boolean done) {}

  public record Section(
      Chrome chrome,
      String base,
      String action,
      String scanTitle,
      String title,
      String description,
      List<QuestionView> questions,
      int answered,
      int total,
      boolean hasPrevious,
      boolean last,
      boolean readOnly,
      List<SectionLink> sections,
      List<String> evidenceIds,
      List<String> evidenceLabels,
      String personalLink,
      String resumeCode,
      String classCode) {}

  public record Overview(
      Chrome chrome,
      String base,
      String scanTitle,
      String className,
      String name,
      String company,
      String personalLink,
      String resumeCode,
      String classCode,
      int answered,
      int total,
      List<SectionLink> sections,
      List<String> missingRequired,
      String continueUrl,
      int open,
      int optionalOpen,
      boolean finished,
      boolean readOnly) {}

  public record ThemeRow(
      String title, String score, int bar, String coverage, String status, String levelAdvice) {}

  public record AdviceRow(String theme, String question, String advice) {}

  public record Result(
      Chrome chrome,
      String base,
      String scanTitle,
      String name,
      String company,
      String score,
      String grade,
      String level,
      String levelAdvice,
      String coverage,
      boolean scored,
      String statusText,
      List<ThemeRow> themes,
      List<String> strengths,
      List<AdviceRow> improvements,
      List<String> gaps,
      boolean readOnly) {}

  public record Login(Chrome chrome, String secret, String error) {}

  public record ClassRow(
      String code,
      String name,
      String scan,
      String schoolYear,
      String openUntil,
      boolean open,
      int students,
      int finished) {}

  public record ScanChoice(String hash, String label) {}

  public record Classes(
      Chrome chrome,
      List<ClassRow> classes,
      List<ScanChoice> scans,
      List<Field> fields,
      List<String> schoolYears,
      String schoolYear,
      String schoolYearError) {}

  public record StudentRow(
      String name, String company, String state, String stateClass, int answered, int total) {}

  public record StatRow(
      String label, String n, String mean, String median, String min, String max) {}

  public record Bar(String label, int width, String value, int y) {}

  public record LevelRow(String label, int count) {}

  public record CompanyRow(long id, String name, String kvk, String city, int responses) {}

  public record ClassPage(
      Chrome chrome,
      ClassRow info,
      String studentLink,
      String qrSvg,
      List<StudentRow> students,
      List<StatRow> stats,
      List<Bar> chart,
      int chartHeight,
      List<LevelRow> levels,
      List<String> improvements,
      List<CompanyRow> companies,
      int responses,
      String message) {}

  public record Problem(Chrome chrome, int status, String heading, String text, String errorId) {}
}
