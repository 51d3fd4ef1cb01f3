package nl.mvoscan.aggregate;

import com.lowagie.text.Document;
import java.sql.Connection;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.store.Store;
import picocli.CommandLine;

/**
 * Everything a domain class must not do, for the architecture test to catch: JDBC, picocli,
 * OpenPDF, and arrows up to the store and the reports. Never used; only its class file is read.
 */
public final class ArchitectureViolation {

  private ArchitectureViolation() {}

  static String all(Connection connection, CommandLine commandLine, Document pdf, Store store) {
    return connection.toString()
        + commandLine.getCommandName()
        + pdf.getPageNumber()
        + store.location()
        + ResultJson.class.getName();
  }
}
