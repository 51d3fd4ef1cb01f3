package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the one {@link CommandLine} that {@code main} and the tests both use. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  public static CommandLine create() {
    return create(
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new MvoscanCommand()), out, err);
  }

  /**
   * Like {@link #create(PrintWriter, PrintWriter)}, but {@code take} reads the student's answers
   * from {@code in} instead of {@code System.in}: for tests and for embedding.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, java.io.BufferedReader in) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == TakeCommand.class
                ? type.cast(new TakeCommand(in))
                : defaults.create(type);
          }
        };
    return configure(new CommandLine(new MvoscanCommand(), factory), out, err);
  }

  private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(CommandLineFactory::handle);
    commandLine.setParameterExceptionHandler(CommandLineFactory::handleParameter);
    return commandLine;
  }

  private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Messages messages = Messages.forLanguage(language(parseResult));
    if (e instanceof MvoscanException known) {
      known.lines().forEach(err::println);
      if (verbose(parseResult) && known.getCause() != null) {
        known.getCause().printStackTrace(err);
      }
      err.flush();
      return known.exitCode();
    }
    if (e instanceof StoreException store) {
      err.println(messages.get(store.key(), store.args()));
      if (verbose(parseResult) && store.getCause() != null) {
        store.getCause().printStackTrace(err);
      }
      err.flush();
      return ExitCode.FAILURE;
    }
    err.println(
        messages.get(
            "cli.internalError", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    } else {
      err.println(messages.get("cli.verboseHint"));
    }
    err.flush();
    return ExitCode.FAILURE;
  }

  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    Messages messages = Messages.forLanguage(argLanguage(args));
    err.println(messages.get("cli.badArguments", e.getMessage()));
    err.println(messages.get("cli.helpHint", commandLine.getCommandSpec().qualifiedName()));
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  private static boolean verbose(ParseResult parseResult) {
    return parseResult != null
        && parseResult.asCommandLineList().stream()
            .anyMatch(
                c ->
                    c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose"));
  }

  private static String language(ParseResult parseResult) {
    if (parseResult != null) {
      for (CommandLine c : parseResult.asCommandLineList()) {
        if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--lang")) {
          String lang = c.getParseResult().matchedOptionValue("--lang", "");
          if (lang.toLowerCase(Locale.ROOT).startsWith("en")) {
            return "en";
          }
          return "nl";
        }
      }
    }
    return Messages.defaultLanguage();
  }

  private static String argLanguage(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return args[i + 1].toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl";
      }
      if (args[i].startsWith("--lang=")) {
        return args[i].substring(7).toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl";
      }
    }
    return Messages.defaultLanguage();
  }

  /** Runs a command line on captured streams; for tests and for embedding. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  public record Run(int exitCode, String out, String err) {}
}
