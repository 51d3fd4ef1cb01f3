package nl.mvoscan.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.store.Store;
import nl.mvoscan.store.StoreAddress;
import nl.mvoscan.store.StoreException;
import nl.mvoscan.store.StoredScans;

/**
 * The database and the scans the web app works with. One connection serves the students (short
 * reads and per-answer writes), another the teacher pages (longer reads of a whole class), so a
 * teacher's class report never holds up a student's save. SQLite in WAL mode lets the two run at
 * once; each connection is used by one request at a time.
 */
final class Data implements AutoCloseable {

  /** A scan and the JSON it was read from, stored beside results so they stay explainable. */
  record LoadedScan(Scan scan, JsonNode definition) {}

  @FunctionalInterface
  interface Call<T> {
    T run(Store store);
  }

  private final Store students;
  private final Store teachers;
  private final ReentrantLock studentLock = new ReentrantLock(true);
  private final ReentrantLock teacherLock = new ReentrantLock(true);
  private final ScanCatalog catalog;
  private final Map<String, LoadedScan> byHash = new ConcurrentHashMap<>();

  Data(StoreAddress db, List<Path> scanFolders) {
    this.students = Store.open(db);
    Store second;
    try {
      second = Store.open(db);
    } catch (StoreException e) {
      closeQuietly(students);
      throw e;
    }
    this.teachers = second;
    this.catalog = ScanCatalog.load(scanFolders, Locale.forLanguageTag("nl"));
    for (ScanCatalog.Entry entry : catalog.entries()) {
      if (entry.result().ok()) {
        Scan scan = entry.result().scan();
        byHash.put(scan.hash(), new LoadedScan(scan, entry.result().document().root()));
      }
    }
  }

  /** The valid scans a teacher can choose for a class: folder scans override bundled ones. */
  List<LoadedScan> choosable() {
    return catalog.entries().stream()
        .filter(e -> e.result().ok())
        .map(e -> e.result().scan().id())
        .distinct()
        .map(id -> catalog.entry(id).orElseThrow())
        .map(e -> new LoadedScan(e.result().scan(), e.result().document().root()))
        .toList();
  }

  /** The scan with this hash: a known one, else the definition stored with the class. */
  LoadedScan scan(String hash) {
    LoadedScan known = byHash.get(hash);
    if (known != null) {
      return known;
    }
    ScanLoader.Result result =
        student(store -> StoredScans.find(store, hash))
            .orElseThrow(() -> new IllegalStateException("no stored scan with hash " + hash));
    if (!result.ok()) {
      throw new IllegalStateException("the stored scan " + hash + " no longer loads");
    }
    LoadedScan loaded = new LoadedScan(result.scan(), result.document().root());
    byHash.put(hash, loaded);
    return loaded;
  }

  /** Runs a student request's database work on the students' connection. */
  <T> T student(Call<T> call) {
    studentLock.lock();
    try {
      return call.run(students);
    } finally {
      studentLock.unlock();
    }
  }

  /** Runs a teacher page's database work on the teachers' connection. */
  <T> T teacher(Call<T> call) {
    teacherLock.lock();
    try {
      return call.run(teachers);
    } finally {
      teacherLock.unlock();
    }
  }

  @Override
  public void close() {
    studentLock.lock();
    teacherLock.lock();
    try {
      closeQuietly(students);
      closeQuietly(teachers);
    } finally {
      teacherLock.unlock();
      studentLock.unlock();
    }
  }

  private static void closeQuietly(Store store) {
    try {
      store.close();
    } catch (RuntimeException e) {
      // closing is the last thing that happens; every write was committed before
    }
  }
}
