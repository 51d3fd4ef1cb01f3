package nl.mvoscan.io;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read into a header and rows, knowing nothing about scans: the encoding (UTF-8 with or
 * without BOM, else Windows-1252), the delimiter ({@code ;}, tab or {@code ,}, detected from the
 * header line), RFC 4180 quoting and the physical line where each record starts.
 *
 * <p>The header is the first line of the file. Rows whose cells are all blank are skipped. A row
 * with more cells than the header is reported as a problem and left out; the other rows are kept. A
 * malformed quote stops the reading at that record (a problem says where).
 *
 * @param header the cells of the first line, as written
 * @param rows the data rows, without blank ones and without rows that have too many cells
 * @param delimiter the detected delimiter
 * @param encoding the charset the bytes were decoded with ({@code UTF-8}, {@code windows-1252},
 *     {@code UTF-16LE} or {@code UTF-16BE}), {@code null} when the file could not be read
 */
public record CsvTable(
    List<String> header,
    List<Row> rows,
    List<CsvProblem> problems,
    char delimiter,
    String encoding) {

  /** The largest workbook read whole (XlsxTable); a CSV has no limit, it is read row by row. */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Candidate delimiters in order of preference on a tie. */
  private static final char[] DELIMITERS = {';', '\t', ','};

  /**
   * One data row.
   *
   * @param line the physical line where the record starts (the header is line 1)
   * @param cells the cells as written (unquoted); may be fewer than the header
   */
  public record Row(int line, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell in column {@code index}, or {@code ""} when the row is shorter. */
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : "";
    }
  }

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * Reads a whole CSV file; {@link CsvRows} reads one row at a time, by the same rules. There is no
   * size limit: a class of 100 000 rows is a CSV file of 80 MB.
   */
  public static CsvTable read(Path file) {
    return CsvRows.open(file).collect();
  }

  public static CsvTable parse(byte[] bytes) {
    return CsvRows.of(bytes).collect();
  }

  /** Parses text that is already decoded; {@code encoding} is only recorded. */
  public static CsvTable parse(String text, String encoding) {
    return CsvRows.of(text, encoding).collect();
  }

  static CsvProblem syntaxProblem(int line, UncheckedIOException e) {
    String message =
        String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return new CsvProblem(line, null, "csv.unclosedQuote");
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")
        || message.contains("invalid char between encapsulated token and delimiter")) {
      return new CsvProblem(line, null, "csv.textAfterQuote");
    }
    return new CsvProblem(line, null, "csv.syntax", message);
  }

  static boolean allBlank(List<String> cells) {
    return cells.stream().allMatch(CsvTable::isBlank);
  }

  /** Blank: empty or only white space, the no-break space included. */
  public static boolean isBlank(String cell) {
    // a zero-width space, soft hyphen or byte-order mark alone shows nothing either
    return cell.codePoints()
        .allMatch(
            c ->
                Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT);
  }

  /**
   * The delimiter that occurs most often outside quotes on the first line; ties go to ; then tab
   * then ,.
   */
  static char detectDelimiter(String text) {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          if (c == DELIMITERS[d]) {
            counts[d]++;
          }
        }
      }
    }
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS[best];
  }
}
