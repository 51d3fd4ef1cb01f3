package nl.mvoscan.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.SchoolKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    subcommands = KeysCommand.Init.class,
    description = {
      "De sleutel van de school voor pseudoniemen (mvoscan push, forget --network).",
      "The school's key for pseudonyms (mvoscan push, forget --network)."
    })
public final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The key file: {@code --key}, else beside the school's database. */
  static Path keyFile(Path key, DbOptions db, Messages messages) {
    if (key != null) {
      return key;
    }
    Path file = db.file();
    if (file == null) {
      throw MvoscanException.invalidInput(messages.get("keys.needFile"));
    }
    return SchoolKey.fileFor(file);
  }

  /** The school's key, or a clear line on how to make one. */
  static SchoolKey load(Path key, DbOptions db, Messages messages) {
    Path file = keyFile(key, db, messages);
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw MvoscanException.invalidInput(messages.get("keys.missing", file, db.path()));
    }
    try {
      return SchoolKey.load(file);
    } catch (IOException | IllegalArgumentException e) {
      throw MvoscanException.invalidInput(messages.get("keys.unreadable", file, e.getMessage()));
    }
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Maak de sleutel (256 bits, alleen voor jou leesbaar) naast de database; nooit overschreven.",
        "Make the key (256 bits, readable by you only) beside the database; never overwritten."
      })
  static final class Init implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DbOptions db;

    @Option(
        names = "--key",
        paramLabel = "FILE",
        description = "Sleutelbestand / key file (default: DATABASE.key).")
    Path key;

    @Override
    public Integer call() {
      Messages messages = common.messages();
      Path file = keyFile(key, db, messages);
      try {
        SchoolKey.create(file);
      } catch (FileAlreadyExistsException e) {
        throw MvoscanException.invalidInput(messages.get("keys.exists", file));
      } catch (IOException e) {
        throw MvoscanException.failure(
            messages.get("keys.unwritable", file, Problems.writeReason(messages, e)), e);
      }
      spec.commandLine().getOut().println(messages.get("keys.created", file));
      return ExitCode.OK;
    }
  }
}
