package nl.mvoscan.cli;

import java.util.ListResourceBundle;

/**
 * The descriptions of {@code --help} and {@code --version} that {@code mixinStandardHelpOptions}
 * adds: picocli words them in English only, so they are given here, like every other option, in
 * Dutch beside the English. picocli looks them up by these keys in a command's resource bundle.
 */
final class StandardHelpTexts extends ListResourceBundle {

  @Override
  protected Object[][] getContents() {
    return new Object[][] {
      {
        "mixinStandardHelpOptions.help", "Toon deze hulp en stop / Show this help message and exit."
      },
      {
        "mixinStandardHelpOptions.version",
        "Toon de versie en stop / Print version information and exit."
      }
    };
  }
}
