package nl.mvoscan.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a class table from a file, whatever the form tool saved: an {@code .xlsx} workbook (by its
 * content, so a workbook renamed to {@code .csv} still reads) or a CSV. An old binary {@code .xls}
 * or an OpenDocument sheet is a problem that says how to save it instead.
 */
public final class Tables {

  private Tables() {}

  /** The file name endings that hold a class table. */
  public static boolean isTable(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv")
        || name.endsWith(".tsv")
        || name.endsWith(".xlsx")
        || name.endsWith(".xls")
        || name.endsWith(".ods");
  }

  /** A CSV row by row; a workbook is read whole (it is compressed XML, and capped in rows). */
  public static TableRows open(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      byte[] head = head(file);
      if (head != null && !XlsxTable.looksLikeXlsx(head) && !XlsxTable.looksLikeOldExcel(head)) {
        return CsvRows.open(file);
      }
    }
    return TableRows.of(read(file));
  }

  private static byte[] head(Path file) {
    byte[] start = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      int read = in.readNBytes(start, 0, start.length);
      return java.util.Arrays.copyOf(start, read);
    } catch (IOException e) {
      return null; // read() words the problem
    }
  }

  public static CsvTable read(Path file) {
    byte[] start = new byte[8];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    } catch (NoSuchFileException e) {
      return failed(new CsvProblem(0, null, "file.notFound"));
    } catch (IOException e) {
      return failed(new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
    byte[] head = java.util.Arrays.copyOf(start, read);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (XlsxTable.looksLikeXlsx(head) && !name.endsWith(".ods")) {
      return XlsxTable.read(file);
    }
    if (XlsxTable.looksLikeOldExcel(head) || name.endsWith(".xls")) {
      return failed(new CsvProblem(0, null, "xlsx.oldExcel"));
    }
    if (name.endsWith(".ods")) {
      return failed(new CsvProblem(0, null, "xlsx.openDocument"));
    }
    if (name.endsWith(".xlsx")) {
      return failed(new CsvProblem(0, null, "xlsx.notXlsx"));
    }
    return CsvTable.read(file);
  }

  private static CsvTable failed(CsvProblem problem) {
    return new CsvTable(List.of(), List.of(), List.of(problem), ',', null);
  }
}
