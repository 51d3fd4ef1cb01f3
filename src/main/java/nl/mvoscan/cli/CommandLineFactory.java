package nl.mvoscan.cli;

import java.io.PrintWriter;
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
          PurgeCommand.class,
          AccessCommand.class,
          KeysCommand.class,
          PushCommand.class,
          AggregateCommand.class,
          ReportCommand.class,
          ServeCommand.class);

  private CommandLineFactory() {}

  /** The command line of {@code main}, for these arguments. */
  public static CommandLine create(String... args) {
    PrintWriter out =
        TerminalWriter.of(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err =
        TerminalWriter.of(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    return create(
        out,
        err,
        CommandLine.defaultFactory(),
        StandardInput.system(),
        StandardOutput.system(),
        args);
  }

  /**
   * The command line on these streams, its commands made by {@code commands}, {@code take} reading
   * from {@code in} and {@code -o -} writing its bytes to {@code bytes}; with {@code args} only the
   * subcommand they name is built, with {@code null} all of them.
   */
  static CommandLine create(
      PrintWriter out,
      PrintWriter err,
      CommandLine.IFactory commands,
      StandardInput in,
      StandardOutput bytes,
      String[] args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == TakeCommand.class
                ? type.cast(new TakeCommand(in))
                : commands.create(type);
          }
        };
    MvoscanCommand root = new MvoscanCommand();
    root.standardOutput = bytes;
    return configure(withSubcommands(new CommandLine(root, factory), args), out, err);
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
      if (arg.equals("--lang") || arg.equals("--db")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
    commandLine.setOut(TerminalWriter.of(out));
    commandLine.setErr(TerminalWriter.of(err));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(OutputPath.class, OutputPath::parse);
    commandLine.setExecutionStrategy(
        parseResult -> {
          try {
            return written(
                new CommandLine.RunLast().execute(parseResult), commandLine, parseResult);
          } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error would end the JVM with a trace
            return handleError(e, commandLine, parseResult);
          }
        });
    commandLine.setExecutionExceptionHandler(CommandLineFactory::handle);
    commandLine.setParameterExceptionHandler(CommandLineFactory::handleParameter);
    withStandardHelpTexts(commandLine, new StandardHelpTexts());
    return commandLine;
  }

  /**
   * The exit code of a command that returned, once its standard output is asked whether it took
   * what was printed: {@code System.out} and picocli's writer swallow a full disk or a closed pipe,
   * and a script must not take exit code 0 for output that never arrived. A command that already
   * failed keeps its own code and message.
   */
  private static int written(int exitCode, CommandLine commandLine, ParseResult parseResult) {
    if (exitCode != ExitCode.OK && exitCode != ExitCode.SKIPPED) {
      return exitCode;
    }
    if (!StandardOutput.of(commandLine.getCommandSpec()).failed(commandLine.getOut())) {
      return exitCode;
    }
    PrintWriter err = commandLine.getErr();
    err.println(Messages.forLanguage(language(parseResult)).get("output.stdoutFailed"));
    err.flush();
    return ExitCode.FAILURE;
  }

  /** Every command, nested ones included, describes --help and --version in both languages. */
  private static void withStandardHelpTexts(
      CommandLine commandLine, java.util.ResourceBundle texts) {
    commandLine.getCommandSpec().resourceBundle(texts);
    commandLine.getSubcommands().values().forEach(sub -> withStandardHelpTexts(sub, texts));
  }

  private static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Messages messages = Messages.forLanguage(language(parseResult));
    if (e instanceof MvoscanException known) {
      Problems.capped(known.lines(), messages).forEach(err::println);
      if (known.summary() != null) {
        err.println(known.summary());
      }
      incompleteOutput(parseResult, messages, err);
      if (verbose(parseResult) && known.getCause() != null) {
        known.getCause().printStackTrace(err);
      }
      err.flush();
      return known.exitCode();
    }
    if (e instanceof StoreException store) {
      err.println(messages.get(store.key(), store.args()));
      incompleteOutput(parseResult, messages, err);
      if (verbose(parseResult) && store.getCause() != null) {
        store.getCause().printStackTrace(err);
      }
      err.flush();
      return ExitCode.FAILURE;
    }
    err.println(
        messages.get(
            "cli.internalError", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
    incompleteOutput(parseResult, messages, err);
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    } else {
      err.println(messages.get("cli.verboseHint"));
    }
    err.flush();
    return ExitCode.FAILURE;
  }

  /**
   * An Error from a command: running out of memory is one line that says what to do; any other is
   * an internal error like an unexpected exception. The command's own objects are unreachable by
   * now, so there is memory again to word it.
   */
  private static int handleError(Error e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    try {
      Messages messages = Messages.forLanguage(language(parseResult));
      if (e instanceof OutOfMemoryError) {
        err.println(
            messages.get(
                outOfMemoryKey(subcommandName(parseResult)),
                commandName(parseResult),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      } else {
        err.println(
            messages.get(
                "cli.internalError", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
      }
      incompleteOutput(parseResult, messages, err);
      if (verbose(parseResult)) {
        e.printStackTrace(err);
      } else if (!(e instanceof OutOfMemoryError)) {
        err.println(messages.get("cli.verboseHint"));
      }
    } catch (Error again) {
      err.println("mvoscan: " + e);
    }
    err.flush();
    return ExitCode.FAILURE;
  }

  /**
   * After the error of a command that had begun to write its result to standard output: what a pipe
   * or file already got is only part of it, and must not be taken for the whole.
   */
  private static void incompleteOutput(
      ParseResult parseResult, Messages messages, PrintWriter err) {
    CommandLine.Model.CommandSpec spec = ran(parseResult);
    if (spec != null
        && spec.userObject() instanceof StreamsOutput streams
        && streams.streamingStarted()) {
      err.println(messages.get("cli.outputIncomplete"));
    }
  }

  /**
   * The advice when memory ran out, fitting what the command reads: files it is given (fewer at
   * once), a selection of the database (a smaller one), or neither (only more memory helps).
   */
  static String outOfMemoryKey(String subcommand) {
    return switch (subcommand == null ? "" : subcommand) {
      case "import", "score", "validate" -> "cli.outOfMemory";
      case "aggregate", "export", "report" -> "cli.outOfMemorySelection";
      default -> "cli.outOfMemoryOther";
    };
  }

  /** The subcommand of mvoscan that ran ({@code report} for {@code report class}), or null. */
  private static String subcommandName(ParseResult parseResult) {
    if (parseResult == null) {
      return null;
    }
    List<CommandLine> parsed = parseResult.asCommandLineList();
    return parsed.size() < 2 ? null : parsed.get(1).getCommandName();
  }

  /** {@code mvoscan import}: the command that ran, as the user typed it. */
  private static String commandName(ParseResult parseResult) {
    CommandLine.Model.CommandSpec spec = ran(parseResult);
    return spec == null ? "mvoscan" : spec.qualifiedName();
  }

  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    Messages messages = Messages.forLanguage(argLanguage(args));
    err.println(messages.get("cli.badArguments", parameterMessage(e, messages)));
    err.println(messages.get("cli.helpHint", commandLine.getCommandSpec().qualifiedName()));
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  /** The command that ran: the last of the parsed command lines. */
  private static CommandLine.Model.CommandSpec ran(ParseResult parseResult) {
    if (parseResult == null) {
      return null;
    }
    List<CommandLine> parsed = parseResult.asCommandLineList();
    return parsed.get(parsed.size() - 1).getCommandSpec();
  }

  private static final java.util.regex.Pattern INVALID_VALUE =
      java.util.regex.Pattern.compile(
          "Invalid value for (?:option '(?<option>[^']*)'|positional parameter at index \\S+"
              + " \\((?<label>[^)]*)\\)): '(?<value>.*)' is not an? (?<type>\\w+)");

  /** picocli's wording of a value that is none of an enum's constants. */
  private static final java.util.regex.Pattern NOT_A_CHOICE =
      java.util.regex.Pattern.compile(
          "Invalid value for (?:option '(?<option>[^']*)'|positional parameter at index \\S+"
              + " \\((?<label>[^)]*)\\)): expected one of \\[(?<choices>[^\\]]*)\\]"
              + "(?: \\(case-insensitive\\))? but was '(?<value>.*)'");

  /**
   * picocli's own message in the reader's language: it words a missing parameter, an unknown option
   * and a value of the wrong type in English only.
   */
  static String parameterMessage(CommandLine.ParameterException e, Messages messages) {
    // an unknown word is worded by us in English too: picocli's English names no suggestion
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      return unmatchedMessage(unmatched, messages);
    }
    if ("en".equals(messages.language())) {
      return e.getMessage();
    }
    if (e instanceof CommandLine.MissingParameterException missing) {
      List<String> names = new java.util.ArrayList<>();
      missing
          .getMissing()
          .forEach(
              arg ->
                  names.add(
                      arg instanceof CommandLine.Model.OptionSpec option
                          ? option.longestName()
                          : arg.paramLabel()));
      return messages.get("cli.missing", String.join(", ", names));
    }
    java.util.regex.Matcher choice = NOT_A_CHOICE.matcher(String.valueOf(e.getMessage()));
    if (choice.find()) {
      String name = choice.group("option") != null ? choice.group("option") : choice.group("label");
      return messages.get("cli.notAChoice", name, choice.group("value"), choice.group("choices"));
    }
    java.util.regex.Matcher invalid = INVALID_VALUE.matcher(String.valueOf(e.getMessage()));
    if (invalid.find()) {
      String type = invalid.group("type").toLowerCase(Locale.ROOT);
      String kind =
          switch (type) {
            case "int", "integer", "long", "short" -> messages.get("cli.type.whole");
            case "double", "float", "bigdecimal" -> messages.get("cli.type.number");
            case "path", "file" -> messages.get("cli.type.path");
            default -> type;
          };
      String name =
          invalid.group("option") != null ? invalid.group("option") : invalid.group("label");
      return messages.get("cli.invalidValue", name, invalid.group("value"), kind);
    }
    return e.getMessage();
  }

  /**
   * The first unknown word, what picocli suggests for it, and (by the hint below it) where the
   * commands are listed: the same in both languages. A word where a command has subcommands is a
   * mistyped command, not a stray argument.
   */
  private static String unmatchedMessage(
      CommandLine.UnmatchedArgumentException unmatched, Messages messages) {
    List<String> suggestions = unmatched.getSuggestions();
    String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
    String key =
        first.startsWith("-")
            ? "cli.unknownOption"
            : unmatched.getCommandLine().getSubcommands().isEmpty()
                ? "cli.unknownArgument"
                : "cli.unknownCommand";
    String text = messages.get(key, "'" + first + "'");
    return suggestions.isEmpty()
        ? text
        : text + "; " + messages.get("cli.didYouMean", String.join(", ", suggestions));
  }

  private static boolean verbose(ParseResult parseResult) {
    return CommonOptions.verbose(ran(parseResult));
  }

  private static String language(ParseResult parseResult) {
    return CommonOptions.language(ran(parseResult));
  }

  /**
   * The language of a message about the arguments themselves, read from them as picocli could not
   * parse them: {@code --lang} when it names a language by {@link CommonOptions#known}, else the
   * system's, as for any other command.
   */
  private static String argLanguage(String[] args) {
    String given = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        given = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        given = args[i].substring("--lang=".length());
      }
    }
    String known = given == null ? null : CommonOptions.known(given);
    return known != null ? known : Messages.defaultLanguage();
  }
}
