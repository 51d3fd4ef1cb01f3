package nl.mvoscan.io;

import java.util.Iterator;
import java.util.List;

/**
 * The rows of a class table as they are read: a CSV one record at a time ({@link CsvRows}), a table
 * already in memory from its list. {@link #problems} grows as rows are read.
 */
public interface TableRows extends Iterator<CsvTable.Row>, AutoCloseable {

  /** The cells of the first line, as written. */
  List<String> header();

  /** The problems of the table itself so far: bad records, an empty file, no header. */
  List<CsvProblem> problems();

  @Override
  void close();

  /** A table read whole. */
  static TableRows of(CsvTable table) {
    Iterator<CsvTable.Row> rows = table.rows().iterator();
    return new TableRows() {
      @Override
      public List<String> header() {
        return table.header();
      }

      @Override
      public List<CsvProblem> problems() {
        return table.problems();
      }

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public CsvTable.Row next() {
        return rows.next();
      }

      @Override
      public void close() {
        // nothing is open
      }
    };
  }
}
