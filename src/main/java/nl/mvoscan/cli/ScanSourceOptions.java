package nl.mvoscan.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.scan.ScanCatalog;
import picocli.CommandLine.Option;

/**
 * Where scans are found besides the bundled ones: {@code --scans DIR} and {@code MVOSCAN_SCANS}.
 */
public final class ScanSourceOptions {

  @Option(
      names = "--scans",
      paramLabel = "DIR",
      description =
          "Extra map met scans / extra folder with scans (also MVOSCAN_SCANS, a list separated by the path separator).")
  List<Path> folders = new ArrayList<>();

  ScanCatalog catalog(Locale locale) {
    return ScanCatalog.load(allFolders(locale), locale);
  }

  /** MVOSCAN_SCANS and --scans, checked: a --scans folder that does not exist is bad input. */
  List<Path> allFolders(Locale locale) {
    List<Path> all = new ArrayList<>();
    String env = System.getenv("MVOSCAN_SCANS");
    if (env != null && !env.isBlank()) {
      for (String part : env.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          all.add(Path.of(part.trim()));
        }
      }
    }
    List<String> missing =
        folders.stream()
            .filter(folder -> !java.nio.file.Files.isDirectory(folder))
            .map(
                folder ->
                    folder
                        + ": "
                        + nl.mvoscan.i18n.Messages.forLanguage(locale.getLanguage())
                            .get("cli.scansFolderMissing"))
            .toList();
    if (!missing.isEmpty()) {
      throw MvoscanException.invalidInput(missing);
    }
    all.addAll(folders);
    return all;
  }
}
