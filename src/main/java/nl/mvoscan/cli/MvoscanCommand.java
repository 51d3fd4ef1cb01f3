package nl.mvoscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level command; its subcommands are added by {@link CommandLineFactory}. */
@Command(
    name = "mvoscan",
    mixinStandardHelpOptions = true,
    versionProvider = MvoscanCommand.Version.class,
    description = {
      "MVO-scan voor stagebedrijven: scans invullen, scoren en rapporteren.",
      "CSR scan for internship companies: fill in, score and report."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 failure / mislukt, 2 bad input / foute invoer,",
      "3 done, bad input skipped (--skip-invalid) / klaar, foute invoer overgeslagen,",
      "4 take ended before the scan was finished / take stopte voordat de scan af was."
    })
public final class MvoscanCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Inherited by every subcommand, so it stands before or after any of them. */
  @Option(
      names = "--lang",
      scope = ScopeType.INHERIT,
      paramLabel = "nl|en",
      description =
          "Taal van meldingen en teksten / language of messages and texts (nl, en). Default: system language, else nl.")
  String lang;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Toon technische details bij fouten / show technical details on errors.")
  boolean verbose;

  /** Lets --db stand before the subcommand too: mvoscan --db klas.db import ... */
  @Mixin DbOptions db;

  /** Where {@code -o -} writes a PDF or workbook; tests give their own. */
  StandardOutput standardOutput = StandardOutput.system();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar manifest or the Maven build, so it never goes stale in source. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.Properties properties = new java.util.Properties();
      try (var in = MvoscanCommand.class.getResourceAsStream("/nl/mvoscan/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (java.io.IOException e) {
        // an unreadable resource leaves the defaults below
      }
      String version = properties.getProperty("version", "dev");
      String built = properties.getProperty("built", "");
      // unfiltered (a run from the IDE's classes) the placeholders are still there
      if (version.startsWith("${")) {
        version = "dev";
      }
      String date = built.isEmpty() || built.startsWith("${") ? "" : " (build " + built + ")";
      return new String[] {
        "mvoscan " + version + date, "Java " + System.getProperty("java.version")
      };
    }
  }
}
