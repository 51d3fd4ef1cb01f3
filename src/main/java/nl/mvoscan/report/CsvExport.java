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

  /**
   * Writes rows as CSV records; an {@link IOException} of the target is unchecked.
   *
   * <p>The quoting is commons-csv's {@code RFC4180} with minimal quotes, character for character
   * (CsvExportTest compares the two on awkward cells), written here because a long export is
   * millions of cells: each record is made in one buffer and handed to the target in one call,
   * instead of a call per cell, delimiter and quote.
   */
  public static final class Csv implements ExportTable.RowSink, AutoCloseable {
    private final Appendable out;
    private final Dialect dialect;
    private final StringBuilder record = new StringBuilder(512);
    private char[] chars = new char[512];
    private BigDecimal lastNumber;
    private String lastNumberText;

    private Csv(Appendable out, List<ExportTable.Column> columns, Dialect dialect) {
      this.out = out;
      this.dialect = dialect;
      try {
        if (dialect.bom) {
          out.append('\uFEFF');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Object> names = new ArrayList<>(columns.size());
      columns.forEach(c -> names.add(neutralise(c.name())));
      write(names, false);
    }

    @Override
    public void row(List<Object> row) {
      write(row, true);
    }

    private void write(List<Object> row, boolean cells) {
      StringBuilder line = record;
      line.setLength(0);
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          line.append(dialect.delimiter);
        }
        Object cell = row.get(i);
        String text;
        if (!cells) {
          text = (String) cell;
        } else if (cell != null && cell == lastNumber) {
          // a long export repeats one response id object on each of the response's rows
          text = lastNumberText;
        } else {
          text = cell(cell, dialect);
          if (cell instanceof BigDecimal number) {
            lastNumber = number;
            lastNumberText = text;
          }
        }
        field(line, text, i == 0, dialect.delimiter);
      }
      line.append("\r\n");
      try {
        if (out instanceof java.io.Writer writer) {
          // through a reused array: append would copy the record into a new String first
          if (chars.length < line.length()) {
            chars = new char[Math.max(line.length(), 2 * chars.length)];
          }
          line.getChars(0, line.length(), chars, 0);
          writer.write(chars, 0, line.length());
        } else {
          out.append(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Flushes what is written; the target stays open (it belongs to the caller). */
    @Override
    public void close() {
      if (out instanceof java.io.Flushable flushable) {
        try {
          flushable.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * One field as commons-csv's minimal quoting writes it: between quotes, with each quote doubled,
   * when it holds a line break, a quote or the delimiter, when it starts with a character up to
   * {@code #} or ends with one up to a space, and when it is empty and first in its record (else a
   * record of one empty field would be an empty line).
   */
  static void field(StringBuilder line, String text, boolean first, char delimiter) {
    int length = text.length();
    boolean quote;
    if (length == 0) {
      quote = first;
    } else if (text.charAt(0) <= '#') {
      quote = true;
    } else {
      quote = false;
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' || c == '"' || c == delimiter) {
          quote = true;
          break;
        }
      }
      if (!quote && text.charAt(length - 1) <= ' ') {
        quote = true;
      }
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == '"') {
        line.append(text, start, i + 1).append('"');
        start = i + 1;
      }
    }
    line.append(text, start, length).append('"');
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
    String text = number.toPlainString();
    return dialect.decimal == '.' ? text : text.replace('.', dialect.decimal);
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
