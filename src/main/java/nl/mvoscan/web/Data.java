package nl.mvoscan.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * The database and the scans the web app works with. Students' reads run on a small pool of
 * connections, their writes on one writer connection (SQLite takes one writer at a time; in WAL
 * mode readers never wait for it), and the teacher pages on a connection of their own (longer reads
 * of a whole class), so a teacher's class report never holds up a student's save. Each connection
 * is used by one request at a time.
 */
final class Data implements AutoCloseable {

  /** A scan and the JSON it was read from, stored beside results so they stay explainable. */
  record LoadedScan(Scan scan, JsonNode definition) {}

  @FunctionalInterface
  interface Call<T> {
    T run(Store store);
  }

  /** Readers for the students' requests: enough for both cores, few enough to stay cheap. */
  static final int READERS = 3;

  private final Store students;
  private final Store teachers;
  private final BlockingQueue<Store> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Store> allReaders = new java.util.ArrayList<>();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private final StoreAddress address;
  private boolean closed;

  /** How far a student is, as their last save left it: the teacher's live list reads this. */
  record Progress(int answered, int total) {}

  private final ReentrantLock studentLock = new ReentrantLock(true);
  private final ReentrantLock teacherLock = new ReentrantLock(true);
  private final ScanCatalog catalog;
  private final Map<String, LoadedScan> byHash = new ConcurrentHashMap<>();

  Data(StoreAddress db, List<Path> scanFolders) {
    this.address = db;
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
        read(store -> StoredScans.find(store, hash))
            .orElseThrow(() -> new IllegalStateException("no stored scan with hash " + hash));
    if (!result.ok()) {
      throw new IllegalStateException("the stored scan " + hash + " no longer loads");
    }
    LoadedScan loaded = new LoadedScan(result.scan(), result.document().root());
    byHash.put(hash, loaded);
    return loaded;
  }

  /** Runs a student request's reading on one of the reading connections. */
  <T> T read(Call<T> call) {
    Store reader;
    try {
      reader = readers.poll();
      if (reader == null) {
        reader = newReader();
      }
      if (reader == null) {
        reader = readers.poll(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      if (reader == null) {
        throw new IllegalStateException("no database connection free within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a database connection", e);
    }
    try {
      return call.run(reader);
    } finally {
      readers.add(reader);
    }
  }

  /**
   * Another reading connection while there are fewer than {@link #READERS}, else null. Opened when
   * first needed, so that {@code serve} starts without waiting for them.
   */
  private synchronized Store newReader() {
    if (closed || allReaders.size() >= READERS) {
      return null;
    }
    Store reader = Store.open(address);
    allReaders.add(reader);
    return reader;
  }

  /** The progress a student's last save in this run computed, if any. */
  Progress progress(long studentId) {
    return progress.get(studentId);
  }

  void progress(long studentId, int answered, int total) {
    progress.put(studentId, new Progress(answered, total));
  }

  /** Runs a student request's database writes (and reads that must see them) on the writer. */
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
    List<Store> opened;
    synchronized (this) {
      closed = true;
      opened = List.copyOf(allReaders);
    }
    try {
      for (int i = 0; i < opened.size(); i++) {
        // a reader still in use finishes first: take it back before closing it
        try {
          Store back = readers.poll(5, java.util.concurrent.TimeUnit.SECONDS);
          if (back != null) {
            closeQuietly(back);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
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
