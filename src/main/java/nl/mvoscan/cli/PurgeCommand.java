package nl.mvoscan.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.Retention;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Bewaartermijn (AVG): verwijder antwoorden ouder dan de termijn, en studenten zonder antwoorden.",
      "Retention (GDPR): delete responses older than the period, and students left without any."
    })
public final class PurgeCommand implements Callable<Integer> {

  private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*([yjmwd])");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "PERIOD",
      description =
          "Bijvoorbeeld 5y (of 5j), 18m, 26w, 400d / for example 5y, 18m, 26w, 400d. De datum van de antwoorden telt, anders de importdatum / the answers' date counts, else the import date.")
  String olderThan;

  @Option(
      names = "--dry-run",
      description = "Alleen tellen, niets verwijderen / only count, delete nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    LocalDate cutoff = cutoff(olderThan, LocalDate.now(), messages);
    Retention.Purged purged;
    try (Store store = db.openExisting(messages)) {
      purged = Retention.purge(store, cutoff, dryRun);
    }
    spec.commandLine()
        .getOut()
        .println(
            messages.get(
                dryRun ? "purge.dryRun" : "purge.done",
                cutoff.toString(),
                messages.count("response", purged.responses()),
                messages.count("student", purged.respondents())));
    if (purged.othersScrubbed() > 0) {
      spec.commandLine()
          .getOut()
          .println(messages.count("removedScrubbed", purged.othersScrubbed()));
    }
    return ExitCode.OK;
  }

  /** The first day that is kept: {@code today} minus the period. */
  static LocalDate cutoff(String period, LocalDate today, Messages messages) {
    Matcher m = PERIOD.matcher(period.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw MvoscanException.invalidInput(messages.get("purge.badPeriod", period));
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "y", "j" -> today.minusYears(n);
      case "m" -> today.minusMonths(n);
      case "w" -> today.minusWeeks(n);
      default -> today.minusDays(n);
    };
  }
}
