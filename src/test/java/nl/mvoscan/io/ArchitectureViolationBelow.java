package nl.mvoscan.io;

import nl.mvoscan.scan.ScanLoader;

/**
 * A floor class that reaches up into the scan, which itself reads through io: for the architecture
 * test to catch both the arrow that points up and the cycle it closes. Never used; only its class
 * file is read.
 */
public final class ArchitectureViolationBelow {

  private ArchitectureViolationBelow() {}

  static boolean loads(ScanLoader.Result result) {
    return result.ok();
  }
}
