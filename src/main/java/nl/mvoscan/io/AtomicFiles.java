package nl.mvoscan.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary sibling and a move, so readers never see half a file.
 *
 * <p>The temporary file is {@code .<name>.<pid>.<random>.tmp}, readable by the owner only, and
 * holds the same personal data as the file (a student's PDF, a class export). It is forced to disk
 * before the move and the folder after it, so a power cut leaves the old file or the new one, never
 * an empty one. A run that is killed leaves its temporary file behind: the next write in that
 * folder, by any mvoscan command, removes it once its process has ended.
 */
public final class AtomicFiles {

  /**
   * The most bytes the temporary name adds to a file's name: a dot before, then a dot, a process id
   * (7 digits), a dot, a random number (20 digits) and {@code .tmp}.
   */
  public static final int TEMP_OVERHEAD = 1 + 1 + 7 + 1 + 20 + 4;

  /** What file systems take for one name, in bytes (ext4, APFS, NTFS in UTF-16 units). */
  private static final int MAX_NAME_BYTES = 255;

  private static final Pattern TEMP = Pattern.compile("\\..+\\.([0-9]{1,10})\\.[0-9]{1,20}\\.tmp");

  /** How mvoscan named temporary files before they carried the process id. */
  private static final Pattern UNOWNED_TEMP = Pattern.compile("\\..+\\.[0-9]{1,20}\\.tmp");

  /** An unowned temporary file this old was left by a run that ended long ago. */
  private static final Duration UNOWNED_AGE = Duration.ofHours(1);

  private static final long PID = ProcessHandle.current().pid();

  /** Folders this process has cleaned; each is cleaned once. */
  private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

  /** The temporary files this process is writing now (report batch writes from several threads). */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private static final Object CREATING = new Object();

  /** Writes a file's content to the stream it is given. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target}; an {@link IOException} says why in words (permission
   * denied, no such folder…), never just the name of the temporary file.
   */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes what {@code body} writes to {@code target}, as {@link #write(Path, byte[])}. */
  public static void write(Path target, Body body) throws IOException {
    try {
      writeThroughTemp(target, body);
    } catch (IOException e) {
      throw explain(e);
    }
  }

  /** Why a file could not be written, for a message in the reader's language. */
  public enum Failure {
    /** The system refused access (permissions). */
    DENIED,
    /** The folder the file goes in does not exist; the detail is the folder. */
    NO_FOLDER,
    /**
     * The folder exists but takes no new file (a system folder such as /proc); the detail is it.
     */
    NOT_CREATABLE,
    /** A file stands where a folder should be, or a folder where the file should be. */
    IN_THE_WAY,
    /** The file system is mounted read-only. */
    READ_ONLY,
    /** The disk (or the user's quota) is full. */
    NO_SPACE,
    /** Anything else; the detail is the system's own reason. */
    OTHER;

    /** The message key of this reason, in {@code nl.mvoscan.i18n.messages}. */
    public String key() {
      return switch (this) {
        case DENIED -> "file.reason.denied";
        case NO_FOLDER -> "file.reason.noFolder";
        case NOT_CREATABLE -> "file.reason.notCreatable";
        case IN_THE_WAY -> "file.reason.inTheWay";
        case READ_ONLY -> "file.reason.readOnly";
        case NO_SPACE -> "file.reason.noSpace";
        case OTHER -> "file.reason.other";
      };
    }
  }

  /**
   * A write that failed, with why: its message is the reason in English (for logs and --verbose),
   * {@link #failure} and {@link #detail} let a command word it in the reader's language.
   */
  public static final class WriteFailed extends IOException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final String detail;

    WriteFailed(Failure failure, String detail, String message, IOException cause) {
      super(message, cause);
      this.failure = failure;
      this.detail = detail;
    }

    public Failure failure() {
      return failure;
    }

    /** The folder for {@link Failure#NO_FOLDER} and {@link Failure#NOT_CREATABLE}, else text. */
    public String detail() {
      return detail;
    }
  }

  /**
   * {@code e} with its reason classified: a {@link WriteFailed} as it is, any other I/O error of
   * writing a file (also one of creating a folder) as the reason it stands for.
   */
  public static WriteFailed explain(IOException e) {
    if (e instanceof WriteFailed known) {
      return known;
    }
    String text = reason(e);
    if (e instanceof TempRefused refused) {
      return new WriteFailed(Failure.NOT_CREATABLE, refused.getFile(), text, e);
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return new WriteFailed(Failure.DENIED, "", text, e);
    }
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return new WriteFailed(Failure.NO_FOLDER, String.valueOf(missing.getFile()), text, e);
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException
        || e instanceof java.nio.file.FileAlreadyExistsException) {
      return new WriteFailed(Failure.IN_THE_WAY, "", text, e);
    }
    String words = String.valueOf(e.getMessage());
    if (words.contains("Read-only file system")) {
      return new WriteFailed(Failure.READ_ONLY, "", text, e);
    }
    if (words.contains("No space left") || words.contains("Disk quota exceeded")) {
      return new WriteFailed(Failure.NO_SPACE, "", text, e);
    }
    return new WriteFailed(Failure.OTHER, text, text, e);
  }

  /** The folder exists, but the system would not make the temporary file in it. */
  private static final class TempRefused extends java.nio.file.FileSystemException {
    private static final long serialVersionUID = 1L;

    TempRefused(Path folder, IOException cause) {
      super(folder.toString(), null, reasonText(cause));
      initCause(cause);
    }

    private static String reasonText(IOException cause) {
      return cause instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
          ? fse.getReason()
          : "no file can be created in this folder";
    }
  }

  private static String reason(IOException e) {
    if (e instanceof TempRefused) {
      return "no file can be created in folder " + ((TempRefused) e).getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder: " + ((java.nio.file.NoSuchFileException) e).getFile();
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "a folder with that name is in the way";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way of a folder on that path";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Why {@code target} could not be replaced by a staged file, or null when it can: a folder (even
   * an empty one, which a move would silently replace) or a device or pipe stands in its place.
   */
  public static WriteFailed notReplaceable(Path target) {
    Path absolute = resolved(target);
    if (Files.isDirectory(absolute)) {
      return new WriteFailed(
          Failure.IN_THE_WAY,
          "",
          "a folder with that name is in the way",
          new java.nio.file.FileAlreadyExistsException(absolute.toString()));
    }
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      return new WriteFailed(
          Failure.IN_THE_WAY,
          "",
          "a device or pipe with that name is in the way",
          new java.nio.file.FileAlreadyExistsException(absolute.toString()));
    }
    return null;
  }

  /**
   * A file written in full beside its target but not yet in place: for a set of files that must
   * appear all together or not at all ({@code report batch}). Its temporary name is the one {@link
   * #write} uses, so a killed run's leftover is cleaned up the same way.
   */
  public static final class Staged {
    private final Path target;
    private final Path temp;

    private Staged(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    /** Where the file goes. */
    public Path target() {
      return target;
    }

    /**
     * Moves the file into place, replacing what was there; the caller forces the folder once for
     * all files ({@link #forced}).
     */
    public void commit() throws IOException {
      try {
        move(temp, target);
      } catch (IOException e) {
        throw explain(e);
      } finally {
        WRITING.remove(temp);
      }
    }

    /** Removes the temporary file; never throws, as it runs while a failure is reported. */
    public void discard() {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the next write in this folder removes it once this process has ended
      } finally {
        WRITING.remove(temp);
      }
    }
  }

  /**
   * Writes {@code content} to a temporary file beside {@code target}, forced to disk, and leaves it
   * there until {@link Staged#commit} or {@link Staged#discard}. Refuses a target {@link
   * #notReplaceable}.
   */
  public static Staged stage(Path target, byte[] content) throws IOException {
    try {
      WriteFailed refused = notReplaceable(target);
      if (refused != null) {
        throw refused;
      }
      Path absolute = resolved(target);
      Path temp = createTemp(absolute);
      try {
        writeTemp(temp, out -> out.write(content));
      } catch (IOException | RuntimeException | Error e) {
        Files.deleteIfExists(temp);
        WRITING.remove(temp);
        throw e;
      }
      return new Staged(absolute, temp);
    } catch (IOException e) {
      throw explain(e);
    }
  }

  /** Forces the folder of files just committed to disk, once for all of them. */
  public static void forced(Path folder) {
    forceFolder(folder.toAbsolutePath());
  }

  private static Path resolved(Path target) {
    Path absolute = target.toAbsolutePath();
    if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
      // the user named the link: the file it points to gets the new content, the link stays
      try {
        return absolute.toRealPath();
      } catch (IOException e) {
        return absolute;
      }
    }
    return absolute;
  }

  private static void writeThroughTemp(Path target, Body body) throws IOException {
    Path absolute = resolved(target);
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      // a device or a pipe (-o /dev/null, a FIFO) cannot be replaced: a move would swap the node
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(absolute, StandardOpenOption.WRITE), 65536)) {
        body.writeTo(out);
      }
      return;
    }
    Path temp = createTemp(absolute);
    try {
      writeTemp(temp, body);
      move(temp, absolute);
      forceFolder(folder(absolute));
    } finally {
      Files.deleteIfExists(temp);
      WRITING.remove(temp);
    }
  }

  private static Path folder(Path absolute) {
    Path folder = absolute.getParent();
    return folder == null ? absolute.getRoot() : folder;
  }

  /** The temporary sibling of {@code absolute}, created empty and owner-only, marked as ours. */
  private static Path createTemp(Path absolute) throws IOException {
    Path folder = absolute.getParent();
    // a mistyped folder is the user's to fix: creating it would hide the file where nobody looks
    if (folder != null && !Files.isDirectory(folder)) {
      if (Files.exists(folder)) {
        throw new java.nio.file.FileAlreadyExistsException(folder.toString());
      }
      throw new java.nio.file.NoSuchFileException(folder.toString());
    }
    if (folder == null) {
      folder = absolute.getRoot();
    }
    String prefix = "." + fitting(absolute.getFileName().toString()) + "." + PID + ".";
    Path temp;
    synchronized (CREATING) {
      removeStale(folder);
      try {
        temp = Files.createTempFile(folder, prefix, ".tmp");
      } catch (java.nio.file.NoSuchFileException e) {
        // the folder is there (checked above): the system takes no file in it, as in /proc
        throw new TempRefused(folder, e);
      }
      WRITING.add(temp);
    }
    return temp;
  }

  private static void writeTemp(Path temp, Body body) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 65536)) {
      body.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  private static void move(Path temp, Path absolute) throws IOException {
    try {
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The name as the temporary file carries it: cut so the temporary name still fits. */
  private static String fitting(String name) {
    int room = MAX_NAME_BYTES - TEMP_OVERHEAD;
    if (name.getBytes(StandardCharsets.UTF_8).length <= room) {
      return name;
    }
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      String one = new String(Character.toChars(cp));
      bytes += one.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > room) {
        break;
      }
      kept.append(one);
      i += Character.charCount(cp);
    }
    return kept.toString();
  }

  /** The rename is in the folder: a folder not forced to disk may forget it after a power cut. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder this way; NTFS journals the rename itself
    }
  }

  /**
   * Removes temporary files a killed run left in {@code folder}: ours whose process has ended, and
   * unowned ones (of an older mvoscan) older than an hour. Once per folder per process.
   */
  private static void removeStale(Path folder) {
    if (!CLEANED.add(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
      for (Path file : files) {
        if (stale(file)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up is a courtesy; the write itself does not depend on it
    }
  }

  private static boolean stale(Path file) throws IOException {
    if (WRITING.contains(file)
        || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String name = file.getFileName().toString();
    Matcher owned = TEMP.matcher(name);
    if (owned.matches()) {
      long pid = Long.parseLong(owned.group(1));
      // a file of this process that it is not writing is a leftover of an earlier process that had
      // the same id
      return pid == PID || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    if (UNOWNED_TEMP.matcher(name).matches()) {
      FileTime modified = Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return modified.toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
    }
    return false;
  }
}
