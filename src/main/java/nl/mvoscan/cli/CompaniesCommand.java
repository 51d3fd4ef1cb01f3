package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.report.Listings;
import nl.mvoscan.store.CompanyQueries;
import nl.mvoscan.store.Keys;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "companies",
    mixinStandardHelpOptions = true,
    subcommands = {CompaniesCommand.Merge.class, CompaniesCommand.Suggest.class},
    description = {
      "Toon de bedrijven in de database met hun aantal antwoorden; 'suggest' noemt waarschijnlijke dubbelen, 'merge' voegt schrijfwijzen van één bedrijf samen.",
      "List the companies in the database with their number of responses; 'suggest' names likely duplicates, 'merge' joins spellings of one company."
    })
public final class CompaniesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DbOptions db;
  @Mixin JsonOption json;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    List<CompanyQueries.Company> companies;
    try (Store store = db.openExisting(messages)) {
      companies = CompanyQueries.list(store);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      out.println(Listings.companiesJson(companies));
    } else {
      Listings.companiesTable(companies, messages).forEach(out::println);
      spec.commandLine().getErr().println(messages.count("company", companies.size()));
    }
    out.flush();
    return ExitCode.OK;
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Voeg bedrijven samen: alle antwoorden van OTHER gaan naar KEEP, OTHER verdwijnt (ids uit 'companies').",
        "Merge companies: every response of OTHER moves to KEEP, OTHER is deleted (ids from 'companies')."
      })
  public static final class Merge implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;

    @Parameters(
        index = "0",
        paramLabel = "KEEP",
        description = "Het bedrijf dat blijft / the company to keep.")
    long keep;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "OTHER",
        description = "Bedrijven die erin opgaan / companies merged into it.")
    List<Long> others;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(others));
      if (distinct.contains(keep)) {
        throw MvoscanException.invalidInput(messages.get("companies.mergeSelf", keep));
      }
      CompanyQueries.Merged merged;
      try (Store store = db.openExisting(messages)) {
        merged = CompanyQueries.merge(store, keep, distinct);
      }
      if (!merged.done()) {
        List<String> lines = new ArrayList<>();
        merged.unknown().forEach(id -> lines.add(messages.get("companies.unknown", id)));
        lines.add(messages.get("companies.nothingMerged"));
        throw MvoscanException.invalidInput(lines);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          messages.get(
              "companies.merged",
              messages.count("company", merged.merged()),
              "#" + merged.kept().id(),
              TerminalText.inline(merged.kept().name()),
              messages.count("response", merged.moved()),
              messages.count("response", merged.kept().responses())));
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "suggest",
      mixinStandardHelpOptions = true,
      description = {
        "Noem bedrijven in dezelfde plaats die op elkaar lijken, met de opdracht om ze samen te voegen.",
        "List companies in one city that look alike, with the command that merges them."
      })
  public static final class Suggest implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      List<CompanyQueries.Company> companies;
      try (Store store = db.openExisting(messages)) {
        companies = CompanyQueries.list(store);
      }
      companies = new ArrayList<>(companies);
      companies.sort(java.util.Comparator.comparingLong(CompanyQueries.Company::id));
      PrintWriter out = spec.commandLine().getOut();
      int pairs = 0;
      for (int i = 0; i < companies.size(); i++) {
        CompanyQueries.Company a = companies.get(i);
        for (int j = i + 1; j < companies.size(); j++) {
          CompanyQueries.Company b = companies.get(j);
          boolean twoNumbers = a.kvk() != null && b.kvk() != null;
          if (twoNumbers || !Keys.similarCompany(a.name(), a.city(), b.name(), b.city())) {
            continue;
          }
          // keep the one with a KvK number, else the one with more responses
          CompanyQueries.Company keep =
              b.kvk() != null && a.kvk() == null || b.responses() > a.responses() ? b : a;
          CompanyQueries.Company other = keep == a ? b : a;
          out.println(
              messages.get(
                  "companies.suggest",
                  describe(keep),
                  describe(other),
                  "mvoscan companies merge " + keep.id() + " " + other.id()));
          pairs++;
        }
      }
      spec.commandLine()
          .getErr()
          .println(
              pairs == 0
                  ? messages.get("companies.suggestNone")
                  : messages.plural("companies.suggestCount", pairs, pairs));
      out.flush();
      return ExitCode.OK;
    }

    private static String describe(CompanyQueries.Company c) {
      return "#"
          + c.id()
          + " "
          + TerminalText.inline(c.name())
          + " ("
          + (c.city() == null ? "-" : TerminalText.inline(c.city()))
          + (c.kvk() == null ? "" : ", KvK " + c.kvk())
          + ", "
          + c.responses()
          + ")";
    }
  }
}
