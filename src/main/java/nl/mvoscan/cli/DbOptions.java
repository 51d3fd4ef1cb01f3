package nl.mvoscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --db}: where results are stored, a SQLite file or a PostgreSQL address; {@code
 * MVOSCAN_DB}, else the XDG data folder.
 */
public final class DbOptions {

  @Option(
      names = "--db",
      paramLabel = "PATH|URL",
      description =
          "Database: een bestand of postgresql://host:port/db?user=… (wachtwoord uit PGPASSWORD of ~/.pgpass)"
              + " / a file or postgresql://host:port/db?user=… (password from PGPASSWORD or ~/.pgpass)."
              + " Default: $MVOSCAN_DB, else $XDG_DATA_HOME/mvoscan/mvoscan.db, i.e. ~/.local/share/mvoscan/mvoscan.db.")
  String db;

  /**
   * The command this mixin sits on: its stderr hears that a write waits for another program, and
   * its parents hold a --db given before the subcommand.
   */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The database asked for; a malformed address is bad input (exit code 2). */
  StoreAddress address() {
    String text = given();
    try {
      return text != null ? StoreAddress.parse(text) : new StoreAddress.SqliteFile(defaultPath());
    } catch (IllegalArgumentException e) {
      throw MvoscanException.invalidInput("--db: " + e.getMessage());
    }
  }

  private String given() {
    if (db != null && !db.isBlank()) {
      return db;
    }
    // mvoscan --db k.db import ...: the option given before the subcommand
    for (CommandSpec parent = mixee == null ? null : mixee.parent();
        parent != null;
        parent = parent.parent()) {
      Object options =
          parent.mixins().containsKey("db") ? parent.mixins().get("db").userObject() : null;
      if (options instanceof DbOptions before && before.db != null && !before.db.isBlank()) {
        return before.db;
      }
    }
    String env = System.getenv("MVOSCAN_DB");
    return env != null && !env.isBlank() ? env : null;
  }

  private static Path defaultPath() {
    String xdg = System.getenv("XDG_DATA_HOME");
    String home = System.getenv("HOME");
    Path data =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(
                home != null && !home.isBlank() ? home : System.getProperty("user.home"),
                ".local",
                "share");
    return data.resolve("mvoscan").resolve("mvoscan.db");
  }

  /** The database as messages name it. */
  String path() {
    return address().display();
  }

  /**
   * True when the database is a server's, or a SQLite file that exists and holds something: a file
   * of zero bytes (made by {@code touch}, or a copy that failed) is no database yet.
   */
  boolean exists() {
    StoreAddress address = address();
    return !(address instanceof StoreAddress.SqliteFile file)
        || (Files.isRegularFile(file.file()) && !empty(file.file()));
  }

  private static boolean empty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) == 0;
    } catch (java.io.IOException e) {
      return false; // unreadable: opening it says why
    }
  }

  /** The SQLite file, or {@code null} for a server's database. */
  Path file() {
    return address() instanceof StoreAddress.SqliteFile file ? file.file() : null;
  }

  /**
   * Opens a database that must already exist: a command that only reads or changes stored results
   * should not create an empty database at a mistyped path and report "nothing found", nor write
   * one into an empty file. A server's database exists or the server says it does not.
   */
  Store openExisting(Messages messages) {
    if (file() != null && empty(file())) {
      // opening it would write the schema into it: a command that reads leaves the file as it was
      throw MvoscanException.invalidInput(messages.get("store.empty", path()));
    }
    if (!exists()) {
      throw MvoscanException.invalidInput(messages.get("store.missing", path()));
    }
    return open();
  }

  /**
   * Opens the database, creating it on first use (import, take --store); a {@link
   * nl.mvoscan.store.StoreException} goes to the one handler that words it.
   */
  Store open() {
    Store store = Store.open(address());
    if (mixee != null) {
      java.io.PrintWriter err = mixee.commandLine().getErr();
      Messages messages = Messages.forLanguage(CommonOptions.language(mixee));
      String where = path();
      store.whileWaiting(
          seconds -> {
            err.println(messages.get("store.waiting", where, seconds));
            err.flush();
          });
    }
    return store;
  }
}
