package nl.mvoscan.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Status;

/**
 * Words and figures of a report in one language: scan texts with their fallback, a decimal comma in
 * Dutch, dates spelled out. Never the platform locale, so a report reads the same everywhere.
 */
final class Format {

  final Messages messages;
  final String language;
  private final String fallback;

  Format(Messages messages, String language, Scan scan) {
    this.messages = messages;
    this.language = language;
    this.fallback = scan.defaultLanguage();
  }

  String get(String key, Object... args) {
    return messages.get(key, args);
  }

  /** A message that may be absent (e.g. the name of an SDG): {@code null} when there is none. */
  String optional(String key) {
    String text = messages.get(key);
    return text.equals(key) ? null : text;
  }

  String text(Text text) {
    return text == null ? "" : text.in(language, fallback);
  }

  boolean has(Text text) {
    return text != null && !text(text).isBlank();
  }

  String decimal(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    return messages.decimal(value);
  }

  /** One decimal, as every score and grade is shown. */
  String one(BigDecimal value) {
    return value == null ? "–" : decimal(value.setScale(1, RoundingMode.HALF_UP));
  }

  String percent(BigDecimal value) {
    return value == null ? "–" : decimal(value) + "%";
  }

  /** Exact points without trailing zeros: 2, 0.5. */
  String points(BigDecimal value) {
    return value == null ? "–" : decimal(nl.mvoscan.scan.Decimals.plain(value));
  }

  /**
   * "2 of 3 points", "1 of 1 point": the noun follows the maximum, as people say it ({@code got}
   * already formatted, as a mean is shown with one decimal and a score exactly).
   */
  String pointsOf(String got, BigDecimal max) {
    boolean one = max != null && max.compareTo(BigDecimal.ONE) == 0;
    return messages.plural("report.points", one ? 1 : 2, got, points(max));
  }

  String date(LocalDate date) {
    if (date == null) {
      return "–";
    }
    Locale locale = messages.language().equals("nl") ? Messages.DUTCH : Locale.ENGLISH;
    return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", locale));
  }

  /** The score of a theme or the whole, or the word for why there is none. */
  String score(ScoreResult.Figures figures) {
    return figures.status() == Status.SCORED
        ? decimal(figures.roundedScore())
        : status(figures.status());
  }

  String coverage(ScoreResult.Figures figures) {
    return figures.coverage() == null ? "–" : percent(figures.roundedCoverage());
  }

  String status(Status status) {
    return messages.get("report.status." + status.id());
  }

  String level(Level level) {
    return level == null ? "–" : text(level.label());
  }

  String title(Theme theme) {
    return text(theme.title());
  }

  /** An answer as the student chose it: option labels, a number with its unit, or the text. */
  String answer(Question question, AnswerValue value) {
    if (value == null) {
      return messages.get("report.answer.none");
    }
    return value.match(
        choice -> optionLabel(question, choice.optionId()),
        multi -> {
          if (multi.optionIds().isEmpty()) {
            return messages.get("report.answer.nothingSelected");
          }
          StringBuilder out = new StringBuilder();
          for (String id : multi.optionIds()) {
            out.append(out.length() == 0 ? "" : "; ").append(optionLabel(question, id));
          }
          return out.toString();
        },
        number -> {
          String unit = question.unit() == null ? "" : " " + text(question.unit());
          return messages.number(nl.mvoscan.scan.Decimals.plain(number.value())) + unit;
        },
        text -> text.text());
  }

  private String optionLabel(Question question, String id) {
    return question.option(id).map(Option::label).map(this::text).orElse(id);
  }

  /**
   * The level whose {@code levelAdvice} entry a theme shows (§3.2): the highest level whose min ≤
   * the rounded theme score, {@code minTheme} playing no part; {@code null} when that level has no
   * entry.
   */
  static Level adviceLevel(Scan scan, Theme theme, ScoreResult.Figures figures) {
    if (figures.status() != Status.SCORED || theme.levelAdvice() == null) {
      return null;
    }
    BigDecimal score = figures.roundedScore();
    Level highest = null;
    for (Level level : scan.levels()) {
      if (level.min().compareTo(score) <= 0
          && (highest == null || level.min().compareTo(highest.min()) > 0)) {
        highest = level;
      }
    }
    return highest != null && theme.levelAdvice().containsKey(highest.id()) ? highest : null;
  }
}
