package nl.mvoscan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.store.NetworkQueries;
import nl.mvoscan.store.SchoolKey;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreAddress;
import picocli.CommandLine.Option;

/**
 * {@code --network}, {@code --school} and {@code --key}: the regional database and the school's
 * place in it, for the privacy duties that reach across the network (forget, access).
 */
public final class NetworkOptions {

  @Option(
      names = "--network",
      paramLabel = "PATH|URL",
      description =
          "Ook in de regionale database / also on the regional database:"
              + " postgresql://host:port/db?user=… (of een SQLite-bestand / or a SQLite file)")
  String network;

  @Option(
      names = "--school",
      paramLabel = "NAME",
      description =
          "De naam van de school daar (als bij push) / the school's name there (as for push).")
  String school;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "Sleutel van de school / the school's key (default: DATABASE.key).")
  Path key;

  boolean given() {
    return network != null && !network.isBlank();
  }

  /** The regional database opened, the school found on it, and the school's key. */
  record School(Store store, long id, SchoolKey key) implements AutoCloseable {
    List<String> pseudonyms(List<String> respondentKeys) {
      List<String> pseudonyms = new ArrayList<>();
      respondentKeys.forEach(k -> pseudonyms.add(key.student(k)));
      return pseudonyms;
    }

    @Override
    public void close() {
      store.close();
    }
  }

  School open(DbOptions db, Messages messages) {
    if (school == null || school.isBlank()) {
      throw MvoscanException.invalidInput(messages.get("network.needSchool"));
    }
    StoreAddress address;
    try {
      address = StoreAddress.parse(network);
    } catch (IllegalArgumentException e) {
      throw MvoscanException.invalidInput("--network: " + e.getMessage());
    }
    SchoolKey schoolKey = KeysCommand.load(key, db, messages);
    Store store = Store.open(address);
    try {
      long id =
          NetworkQueries.school(store, school.trim())
              .orElseThrow(
                  () ->
                      MvoscanException.invalidInput(
                          messages.get("push.schoolUnknown", school.trim(), address.display())));
      return new School(store, id, schoolKey);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
