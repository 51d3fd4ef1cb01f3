package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the one {@link CommandLine} that {@code main} and the tests both use. */
public final class CommandLineFactory {

  /** The subcommands, in the order the usage help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          TakeCommand.class,
          ScoreCommand.class,
          TemplateCommand.class,
          ValidateCommand.class,
          ScansCommand.class,
          ImportCommand.class,
          ResponsesCommand.class,
          ShowCommand.class,
          CompaniesCommand.class,
          DeleteCommand.class,
          ForgetCommand.class,
          ExportCommand.class,
          AggregateCommand.class,
          ReportCommand.class);

  private CommandLineFactory() {}

  /** The command line of {@code main}, for these arguments. */
  public static CommandLine create(String... args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return configure(withSubcommands(new CommandLine(new MvoscanCommand()), args), out, err);
  }

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return configure(withSubcommands(new CommandLine(new MvoscanCommand()), null), out, err);
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
    return configure(
        withSubcommands(new CommandLine(new MvoscanCommand(), factory), null), out, err);
  }

  /**
   * Adds the subcommand that {@code args} name, or every subcommand when they name none (help,
   * usage, a typo that picocli should answer with the list) or when {@code args} is null. Building
   * picocli's model of a command costs reflection over it and its options, a quarter of the start
   * of a short command when done for all fourteen.
   */
  private static CommandLine withSubcommands(CommandLine commandLine, String[] args) {
    String name = args == null ? null : subcommandName(args);
    for (Class<?> type : SUBCOMMANDS) {
      if (name == null || name.equals(type.getAnnotation(CommandLine.Command.class).name())) {
        commandLine.addSubcommand(type);
      }
    }
    if (commandLine.getSubcommands().isEmpty()) {
      SUBCOMMANDS.forEach(commandLine::addSubcommand);
    }
    return commandLine;
  }

  /** The first argument that is not an option of the top-level command (or its value). */
  private static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--lang")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
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
