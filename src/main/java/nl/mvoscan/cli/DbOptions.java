package nl.mvoscan.cli;

import java.nio.file.Path;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.Store;
import picocli.CommandLine.Option;

/** {@code --db}: where results are stored; {@code MVOSCAN_DB}, else the XDG data folder. */
public final class DbOptions {

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "Database (standaard/default: $MVOSCAN_DB, else $XDG_DATA_HOME/mvoscan/mvoscan.db, i.e. ~/.local/share/mvoscan/mvoscan.db).")
  Path db;

  Path path() {
    if (db != null) {
      return db;
    }
    String env = System.getenv("MVOSCAN_DB");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
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

  /**
   * Opens a database that must already exist: a command that only reads or changes stored results
   * should not create an empty database at a mistyped path and report "nothing found".
   */
  Store openExisting(Messages messages) {
    if (!java.nio.file.Files.isRegularFile(path())) {
      throw MvoscanException.invalidInput(messages.get("store.missing", path()));
    }
    return open();
  }

  /**
   * Opens the database, creating it on first use (import, take --store); a {@link
   * nl.mvoscan.store.StoreException} goes to the one handler that words it.
   */
  Store open() {
    return Store.open(path());
  }
}
