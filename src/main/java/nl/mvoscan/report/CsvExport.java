package nl.mvoscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
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
    StringBuilder out = new StringBuilder();
    try (Csv csv = csv(out, table.columns(), dialect)) {
      table.rows().forEach(csv::row);
    }
    return out.toString();
  }

  /**
   * A CSV writer to {@code out} that has written the header: each {@link Csv#row} is written as it
   * comes, so an export of any size takes the memory of one row.
   */
  public static Csv csv(Appendable out, List<ExportTable.Column> columns, Dialect dialect) {
    return new Csv(out, columns, dialect);
  }

  /** Writes rows as CSV records; an {@link IOException} of the target is unchecked. */
  public static final class Csv implements ExportTable.RowSink, AutoCloseable {
    private final CSVPrinter printer;
    private final Dialect dialect;
    private final List<String> cells = new ArrayList<>();

    private Csv(Appendable out, List<ExportTable.Column> columns, Dialect dialect) {
      this.dialect = dialect;
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(dialect.delimiter)
              .setRecordSeparator("\r\n")
              .get();
      try {
        if (dialect.bom) {
          out.append('\uFEFF');
        }
        printer = new CSVPrinter(out, format);
        printer.printRecord(columns.stream().map(c -> neutralise(c.name())).toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void row(List<Object> row) {
      cells.clear();
      for (Object cell : row) {
        cells.add(cell(cell, dialect));
      }
      try {
        printer.printRecord(cells);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Flushes what is written; the target stays open (it belongs to the caller). */
    @Override
    public void close() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The table as a JSON array of objects keyed by column name; numbers are JSON numbers. */
  public static String json(ExportTable table) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (Json json = json(out, table.columns())) {
      table.rows().forEach(json::row);
    }
    return out.toString();
  }

  /**
   * A JSON writer to {@code out}: the array opens now, each {@link Json#row} is written as it comes
   * and {@link Json#close} closes the array, in the layout {@link ResultJson#write} gives.
   */
  public static Json json(java.io.Writer out, List<ExportTable.Column> columns) {
    return new Json(out, columns);
  }

  /** Writes rows as the objects of one JSON array; an {@link IOException} is unchecked. */
  public static final class Json implements ExportTable.RowSink, AutoCloseable {
    private final JsonGenerator generator;
    private final SequenceWriter writer;
    private final List<ExportTable.Column> columns;

    private Json(java.io.Writer out, List<ExportTable.Column> columns) {
      this.columns = List.copyOf(columns);
      try {
        generator = ResultJson.MAPPER.getFactory().createGenerator(out);
        // the caller's writer stays open: it may be stdout
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        writer = ResultJson.MAPPER.writer().writeValuesAsArray(generator);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void row(List<Object> row) {
      ObjectNode object = NODES.objectNode();
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
      try {
        writer.write(object);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        writer.close();
        generator.close(); // flushes; the target stays open
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
