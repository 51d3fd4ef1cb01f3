package nl.mvoscan.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.mvoscan.i18n.Messages;

/**
 * The value of {@code -o}: a path, and whether it was written as a folder. {@link Path} drops a
 * trailing slash, so {@code -o newdir/} would become a file called {@code newdir}; this keeps it.
 *
 * @param path the path as given
 * @param folder {@code true} when it ended in a slash (or, on Windows, a backslash)
 */
record OutputPath(Path path, boolean folder) {

  /** picocli's converter: {@code -o x/} is a folder, {@code -o x} whatever exists there. */
  static OutputPath parse(String text) {
    boolean slash = text.endsWith("/") || text.endsWith(File.separator);
    return new OutputPath(Path.of(text), slash && text.length() > 1);
  }

  /** {@code -o -}: standard output, as Unix tools read a lone dash. */
  boolean isStandardOutput() {
    return !folder && path.toString().equals("-");
  }

  /** A folder: written so, or an existing folder. */
  boolean isFolder() {
    return folder || Files.isDirectory(path);
  }

  /**
   * For a command that writes one file of its own name: the path, or bad input when it names a
   * folder.
   */
  Path file(Messages messages) {
    if (folder && !Files.exists(path)) {
      // "is a folder" would be false: the slash asked for a folder that is not there
      throw MvoscanException.invalidInput(messages.get("output.noSuchFolder", shown()));
    }
    if (isFolder()) {
      throw MvoscanException.invalidInput(messages.get("output.isFolder", shown()));
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      // a typo in the folder is bad input, found before any work is done (a full disk is not)
      throw MvoscanException.invalidInput(
          messages.get(
              "file.cannotWrite",
              shown(),
              messages.get("file.reason.noFolder", parent.toString())));
    }
    return path;
  }

  /** For a report: the path, or {@code defaultName} inside it when it names a folder. */
  Path fileOrIn(String defaultName) {
    return isFolder() ? path.resolve(defaultName) : path;
  }

  /** The path as the user wrote it, a folder with its slash. */
  String shown() {
    return folder ? path + File.separator : path.toString();
  }

  @Override
  public String toString() {
    return shown();
  }
}
