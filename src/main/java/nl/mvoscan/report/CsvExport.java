package nl.mvoscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link ExportTable} as CSV (RFC 4180, CRLF) or as a JSON array.
 *
 * <p>Spreadsheets execute a cell that starts with {@code =}, {@code +}, {@code -} or {@code @}
 * (OWASP "CSV injection"). Every text cell that could be read that way gets a leading {@code '}, so
 * {@code =HYPERLINK("http://x")} is shown as text. Number cells are never changed. JSON is data for
 * scripts, not for spreadsheets, and keeps every text exactly as stored.
 */
public final class CsvExport {

  /** How the CSV is written. */
  public enum Dialect {
    /** UTF-8 without BOM, {@code ,} between cells, a decimal point. */
    STANDARD(',', '.', false),
    /**
     * For Dutch Excel: UTF-8 with BOM (so Excel reads UTF-8), {@code ;} between cells, a decimal
     * comma.
     */
    EXCEL(';', ',', true);

    private final char delimiter;
    private final char decimal;
    private final boolean bom;

    Dialect(char delimiter, char decimal, boolean bom) {
      this.delimiter = delimiter;
      this.decimal = decimal;
      this.bom = bom;
    }

    public char delimiter() {
      return delimiter;
    }
  }

  /**
   * Separates the options of a multi answer inside one cell, as the class CSV import reads them.
   */
  public static final String MULTI_SEPARATOR = "|";

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private CsvExport() {}

  /** The CSV text, starting with a BOM in the Excel dialect; every record ends with CRLF. */
  public static String csv(ExportTable table, Dialect dialect) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(dialect.delimiter)
            .setRecordSeparator("\r\n")
            .get();
    StringBuilder out = new StringBuilder();
    if (dialect.bom) {
      out.append('\uFEFF');
    }
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(table.names().stream().map(CsvExport::neutralise).toList());
      for (List<Object> row : table.rows()) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object cell : row) {
          cells.add(cell(cell, dialect));
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }

  /** The table as a JSON array of objects keyed by column name; numbers are JSON numbers. */
  public static String json(ExportTable table) {
    ArrayNode array = NODES.arrayNode();
    List<ExportTable.Column> columns = table.columns();
    for (List<Object> row : table.rows()) {
      ObjectNode object = array.addObject();
      for (int i = 0; i < columns.size(); i++) {
        Object cell = row.get(i);
        String name = columns.get(i).name();
        if (cell == null) {
          object.putNull(name);
        } else if (cell instanceof BigDecimal number) {
          object.set(name, NODES.numberNode(number));
        } else if (cell instanceof JsonNode node) {
          object.set(name, node);
        } else {
          object.put(name, cell.toString());
        }
      }
    }
    return ResultJson.write(array);
  }

  private static String cell(Object cell, Dialect dialect) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal number) {
      return number(number, dialect);
    }
    if (cell instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return "";
      }
      if (node.isNumber()) {
        return number(node.decimalValue(), dialect);
      }
      if (node.isArray()) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(item.asText()));
        return neutralise(String.join(MULTI_SEPARATOR, items));
      }
      return neutralise(node.asText());
    }
    return neutralise(cell.toString());
  }

  private static String number(BigDecimal number, Dialect dialect) {
    return number.toPlainString().replace('.', dialect.decimal);
  }

  /**
   * The text a spreadsheet shows as text: a leading {@code '} when the cell starts with {@code =},
   * {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed, also after leading
   * white space, control or invisible characters (en and em spaces, zero-width space, BOM, VT, FF,
   * NUL: spreadsheets skip them before looking for a formula), and for the full-width forms of
   * those signs.
   */
  public static String neutralise(String text) {
    return executable(text) ? "'" + text : text;
  }

  /** Whether a spreadsheet could read {@code text} as a formula. */
  public static boolean executable(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return true;
    }
    int i = 0;
    while (i < text.length() && ignorable(text.charAt(i))) {
      i++;
    }
    return i < text.length() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(text.charAt(i)) >= 0;
  }

  /** A character that shows as nothing or as space before a cell's first visible sign. */
  private static boolean ignorable(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT;
  }
}
