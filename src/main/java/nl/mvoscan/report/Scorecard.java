package nl.mvoscan.report;

import java.math.BigDecimal;
import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.scan.AnswerValue;
import nl.mvoscan.scan.Answers;
import nl.mvoscan.scan.Level;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Text;
import nl.mvoscan.scoring.Advice;
import nl.mvoscan.scoring.Rational;
import nl.mvoscan.scoring.Reason;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Status;

/**
 * The scorecard a student reads after a scan, and the explanation that lets anyone redo the sums.
 */
public final class Scorecard {

  private static final int BAR = 20;

  private final Messages messages;
  private final String language;
  private final Scan scan;

  private Scorecard(ScoreResult result, Messages messages, String language) {
    this.messages = messages;
    this.language = language;
    this.scan = result.scan();
  }

  public static String render(ScoreResult result, Messages messages, String language) {
    return render(result, messages, language, List.of());
  }

  /** The scorecard plus, for each tag key asked for (e.g. sdg, rladder), the lens view of §5. */
  public static String render(
      ScoreResult result, Messages messages, String language, List<String> lensKeys) {
    Scorecard card = new Scorecard(result, messages, language);
    StringBuilder out = new StringBuilder(card.card(result));
    lensKeys.forEach(key -> card.lenses(result, key, out));
    return out.toString();
  }

  private void lenses(ScoreResult result, String key, StringBuilder out) {
    out.append(System.lineSeparator())
        .append(messages.get("card.lens", key))
        .append(System.lineSeparator());
    List<ScoreResult.LensScore> lenses =
        result.lenses().stream().filter(l -> l.key().equals(key)).toList();
    if (lenses.isEmpty()) {
      out.append("  ").append(messages.get("card.lensNone", key)).append(System.lineSeparator());
    }
    int scoreWidth = scoreWidth(lenses.stream().map(ScoreResult.LensScore::figures).toList());
    for (ScoreResult.LensScore lens : lenses) {
      ScoreResult.Figures f = lens.figures();
      String score = f.status() == Status.SCORED ? decimal(f.roundedScore()) : statusWord(f);
      String coverage = f.coverage() == null ? "-" : decimal(f.roundedCoverage()) + "%";
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "  %-20s %s %" + scoreWidth + "s %9s%n",
              lens.value(),
              bar(f.roundedScore()),
              score,
              coverage));
    }
  }

  public static String explain(ScoreResult result, Messages messages, String language) {
    return new Scorecard(result, messages, language).explanation(result);
  }

  private String card(ScoreResult result) {
    StringBuilder out = new StringBuilder();
    header(result, out);
    int width =
        result.countingThemes().stream()
            .mapToInt(t -> t.theme().title().in(language, lang0()).length())
            .max()
            .orElse(10);
    width = Math.min(Math.max(width, 12), 40);
    int scoreWidth =
        scoreWidth(result.countingThemes().stream().map(ScoreResult.ThemeScore::figures).toList());
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%-" + width + "s  %-" + BAR + "s %" + scoreWidth + "s %9s%n",
            messages.get("card.theme"),
            "",
            messages.get("card.score"),
            messages.get("card.coverage")));
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      ScoreResult.Figures f = theme.figures();
      String title = truncate(theme.theme().title().in(language, lang0()), width);
      String score = f.status() == Status.SCORED ? decimal(f.roundedScore()) : statusWord(f);
      String coverage = f.coverage() == null ? "-" : decimal(f.roundedCoverage()) + "%";
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "%-" + width + "s  %s %" + scoreWidth + "s %9s%n",
              title,
              bar(f.roundedScore()),
              score,
              coverage));
    }
    out.append(System.lineSeparator());
    ScoreResult.Figures overall = result.overall().figures();
    String coverage = overall.coverage() == null ? "-" : decimal(overall.roundedCoverage()) + "%";
    if (overall.status() == Status.SCORED) {
      Level level = result.overall().level();
      out.append(
              messages.get(
                  "card.overall",
                  decimal(overall.roundedScore()),
                  decimal(result.overall().roundedGrade()),
                  level == null ? "-" : text(level.label()),
                  coverage))
          .append(System.lineSeparator());
      if (level != null && level.advice() != null) {
        out.append("  ").append(text(level.advice())).append(System.lineSeparator());
      }
      heldBack(result, out);
    } else {
      out.append(messages.get(noOverallKey(result), coverage)).append(System.lineSeparator());
    }
    section(out, "card.strengths", result.strengths(), false);
    section(out, "card.improvements", result.improvements(), true);
    if (!result.gaps().isEmpty()) {
      out.append(System.lineSeparator())
          .append(messages.get("card.gaps"))
          .append(System.lineSeparator());
      for (ScoreResult.QuestionScore gap : result.gaps()) {
        out.append("  [ ] ").append(text(gap.question().text())).append(law(gap.question()));
        if (gap.status() == Status.UNKNOWN) {
          out.append(" (").append(messages.get("card.dontKnow")).append(')');
        }
        out.append(System.lineSeparator());
      }
    }
    warnings(result, out);
    return out.toString();
  }

  /** §8.3: a level missed only for lack of answers is worth naming, with what it asks. */
  private void heldBack(ScoreResult result, StringBuilder out) {
    Level next = result.overall().heldBackByCoverage();
    if (next != null) {
      out.append("  ")
          .append(
              messages.get("card.levelCoverage", text(next.label()), percent(next.minCoverage())))
          .append(System.lineSeparator());
    }
  }

  /** Too many "not applicable" answers need another remedy than unanswered questions (§8.2). */
  private static String noOverallKey(ScoreResult result) {
    ScoreResult.Figures overall = result.overall().figures();
    boolean tooManyNa = result.themes().stream().anyMatch(t -> t.figures().reason() == Reason.NA);
    return overall.status() == Status.INSUFFICIENT && tooManyNa
        ? "card.noOverall.insufficientNa"
        : "card.noOverall." + overall.status().id();
  }

  private String explanation(ScoreResult result) {
    StringBuilder out = new StringBuilder();
    header(result, out);
    out.append(
            messages.get(
                "explain.intro",
                percent(scan.minCoverage()),
                messages.get(
                    scan.unknownCountsAsZero() ? "explain.unknownZero" : "explain.unknownExclude")))
        .append(System.lineSeparator());
    if (scan.maxNa() != null) {
      out.append(messages.get("explain.maxNa", percent(scan.maxNa())))
          .append(System.lineSeparator());
    }
    for (Level level : scan.levels()) {
      if (level.minCoverage() != null) {
        out.append(
                messages.get(
                    "explain.levelMinCoverage", text(level.label()), percent(level.minCoverage())))
            .append(System.lineSeparator());
      }
    }
    for (ScoreResult.ThemeScore theme : result.countingThemes()) {
      out.append(System.lineSeparator())
          .append(
              messages.get(
                  "explain.theme",
                  text(theme.theme().title()),
                  theme.theme().id(),
                  plain(theme.theme().weight())))
          .append(System.lineSeparator());
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "  %-24s %-10s %7s %5s %6s %8s %8s%n",
              messages.get("explain.question"),
              messages.get("explain.status"),
              messages.get("explain.points"),
              "max",
              messages.get("explain.weight"),
              "w·p",
              "w·max"));
      for (ScoreResult.QuestionScore q : result.questions()) {
        if (!theme.theme().id().equals(q.question().themeId())) {
          continue;
        }
        BigDecimal w = q.question().weight();
        String wp = q.resolved() ? plain(w.multiply(q.points())) : "-";
        String wm = q.resolved() ? plain(w.multiply(q.max())) : "-";
        out.append(
            String.format(
                java.util.Locale.ROOT,
                "  %-24s %-10s %7s %5s %6s %8s %8s%n",
                truncate(q.question().id(), 24),
                q.status().id(),
                q.points() == null ? "-" : plain(q.points()),
                plain(q.max()),
                plain(w),
                wp,
                wm));
      }
      ScoreResult.Figures f = theme.figures();
      out.append("  ")
          .append(
              messages.get(
                  "explain.weights", exact(f.applicableWeight()), exact(f.resolvedWeight())))
          .append(System.lineSeparator());
      if (scan.maxNa() != null && f.naWeight().signum() > 0) {
        Rational v = f.applicableWeight().plus(f.naWeight());
        out.append("  ")
            .append(
                messages.get(
                    "explain.naShare",
                    exact(f.naWeight()),
                    exact(v),
                    decimal(f.naWeight().dividedBy(v).times(Rational.HUNDRED).round(1))))
            .append(System.lineSeparator());
      }
      if (f.status() == Status.NOT_APPLICABLE) {
        out.append("  ")
            .append(messages.get("explain.notApplicable"))
            .append(System.lineSeparator());
        continue;
      }
      if (f.coverage() != null) {
        out.append("  ")
            .append(
                messages.get(
                    "explain.coverage",
                    exact(f.resolvedWeight()),
                    exact(f.applicableWeight()),
                    decimal(f.roundedCoverage())))
            .append(System.lineSeparator());
      }
      if (f.reason() == Reason.NA) {
        out.append("  ")
            .append(messages.get("explain.insufficientNa", percent(scan.maxNa())))
            .append(System.lineSeparator());
      } else if (f.status() == Status.INSUFFICIENT) {
        out.append("  ")
            .append(messages.get("explain.insufficient"))
            .append(System.lineSeparator());
      } else {
        out.append("  ")
            .append(
                messages.get(
                    "explain.score",
                    exact(theme.earnedWeighted()),
                    exact(theme.maxWeighted()),
                    decimal(f.roundedScore())))
            .append(System.lineSeparator());
      }
    }
    out.append(System.lineSeparator());
    ScoreResult.Figures overall = result.overall().figures();
    if (overall.status() == Status.SCORED) {
      StringBuilder terms = new StringBuilder();
      for (ScoreResult.ThemeScore theme : result.themes()) {
        if (theme.figures().status() == Status.SCORED) {
          if (terms.length() > 0) {
            terms.append(" + ");
          }
          terms
              .append(plain(theme.theme().weight()))
              .append(" × ")
              .append(decimal(theme.figures().score().round(4)));
        }
      }
      out.append(messages.get("explain.overall", terms, decimal(overall.roundedScore())))
          .append(System.lineSeparator());
      out.append(
              messages.get(
                  "explain.grade",
                  decimal(overall.score().round(4)),
                  decimal(result.overall().roundedGrade())))
          .append(System.lineSeparator());
      Level level = result.overall().level();
      out.append(messages.get("explain.level", level == null ? "-" : text(level.label())))
          .append(System.lineSeparator());
      heldBack(result, out);
    } else {
      out.append(
              messages.get(
                  noOverallKey(result),
                  overall.coverage() == null ? "-" : decimal(overall.roundedCoverage()) + "%"))
          .append(System.lineSeparator());
    }
    warnings(result, out);
    return out.toString();
  }

  private void header(ScoreResult result, StringBuilder out) {
    out.append(text(scan.title())).append(' ').append(scan.version());
    Answers answers = result.answers();
    StringBuilder who = new StringBuilder();
    if (answers.company() != null) {
      who.append(answers.company().name());
    }
    if (answers.respondent() != null) {
      who.append(who.length() > 0 ? " — " : "").append(answers.respondent().name());
      if (answers.respondent().className() != null) {
        who.append(", ").append(answers.respondent().className());
      }
    }
    if (answers.date() != null) {
      who.append(who.length() > 0 ? ", " : "").append(answers.date());
    }
    if (who.length() > 0) {
      out.append(" — ").append(TerminalText.inline(who.toString()));
    }
    out.append(System.lineSeparator()).append(System.lineSeparator());
  }

  private void section(
      StringBuilder out,
      String titleKey,
      List<ScoreResult.QuestionScore> questions,
      boolean withAdvice) {
    if (questions.isEmpty()) {
      return;
    }
    out.append(System.lineSeparator())
        .append(messages.get(titleKey))
        .append(System.lineSeparator());
    for (ScoreResult.QuestionScore q : questions) {
      Question question = q.question();
      out.append(withAdvice ? "  - " : "  + ")
          .append(text(question.text()))
          .append(law(question))
          .append(System.lineSeparator());
      if (withAdvice) {
        for (Text advice : Advice.of(q)) {
          out.append("    ")
              .append(messages.get("card.advice", text(advice)))
              .append(System.lineSeparator());
        }
      }
      if (q.value() instanceof AnswerValue.Choice chosen) {
        question
            .option(chosen.optionId())
            .map(Option::feedback)
            .filter(f -> f != null)
            .ifPresent(f -> out.append("    ").append(text(f)).append(System.lineSeparator()));
      }
    }
  }

  /** A topic the law sets is a duty, not a choice: the company must see that at once. */
  private String law(Question question) {
    return question.tags().containsKey("law") ? " (" + messages.get("card.law") + ")" : "";
  }

  private void warnings(ScoreResult result, StringBuilder out) {
    if (result.hiddenAnswers().isEmpty()) {
      return;
    }
    out.append(System.lineSeparator())
        .append(messages.get("card.warnings"))
        .append(System.lineSeparator());
    for (ScoreResult.HiddenAnswer hidden : result.hiddenAnswers()) {
      out.append("  ! ")
          .append(messages.get("score.warning.hiddenAnswer", hidden.question().id()))
          .append(System.lineSeparator());
    }
  }

  /** The score column fits "100,0" and the longest status word shown instead of a score. */
  private int scoreWidth(List<ScoreResult.Figures> figures) {
    int width = 7;
    for (ScoreResult.Figures f : figures) {
      if (f.status() != Status.SCORED) {
        width = Math.max(width, statusWord(f).length());
      }
    }
    return width;
  }

  private String statusWord(ScoreResult.Figures figures) {
    return figures.reason() == Reason.NA
        ? messages.get("status.insufficientNa")
        : messages.get("status." + figures.status().id());
  }

  /** A share of 0..1 as a percentage: 0.9 is "90". */
  private String percent(BigDecimal share) {
    return plain(share.multiply(BigDecimal.valueOf(100)));
  }

  private static String bar(BigDecimal score) {
    int filled =
        score == null
            ? 0
            : score
                .multiply(BigDecimal.valueOf(BAR))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
                .intValue();
    return "█".repeat(filled) + "░".repeat(BAR - filled);
  }

  private String text(Text text) {
    return text == null ? "" : text.in(language, lang0());
  }

  private String lang0() {
    return scan.defaultLanguage();
  }

  /** Figures with a decimal comma in Dutch, a point in English. */
  private String decimal(BigDecimal value) {
    return messages.decimal(value);
  }

  private String plain(BigDecimal value) {
    return decimal(nl.mvoscan.scan.Decimals.plain(value));
  }

  private String exact(Rational value) {
    return decimal(nl.mvoscan.scan.Decimals.plain(value.toBigDecimal()));
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
