package nl.mvoscan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

  public static CsvTable read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return failed(new CsvProblem(0, null, "csv.tooLarge", MAX_FILE_BYTES / (1024 * 1024)));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return failed(new CsvProblem(0, null, "file.notFound"));
    } catch (IOException e) {
      return failed(new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
    return parse(bytes);
  }

  public static CsvTable parse(byte[] bytes) {
    Decoded decoded = decode(bytes);
    return parse(decoded.text(), decoded.charset().name());
  }

  /** Parses text that is already decoded; {@code encoding} is only recorded. */
  public static CsvTable parse(String text, String encoding) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isEmpty()) {
      return new CsvTable(
          List.of(), List.of(), List.of(new CsvProblem(0, null, "csv.empty")), ';', encoding);
    }
    char delimiter = detectDelimiter(text);
    int[] lineStarts = lineStarts(text);
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    List<CsvProblem> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      long linesBefore = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          problems.add(syntaxProblem((int) linesBefore + 1, e));
          break;
        }
        linesBefore = parser.getCurrentLineNumber();
        int line = lineOf(lineStarts, record.getCharacterPosition());
        List<String> cells = record.toList();
        if (header == null) {
          header = cells;
          if (allBlank(cells)) {
            problems.add(new CsvProblem(line, null, "csv.noHeader"));
          }
          continue;
        }
        if (allBlank(cells)) {
          continue;
        }
        if (cells.size() > header.size()) {
          problems.add(new CsvProblem(line, null, "csv.tooManyCells", cells.size(), header.size()));
          continue;
        }
        rows.add(new Row(line, cells));
      }
    } catch (IOException e) {
      problems.add(new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
    return new CsvTable(header == null ? List.of() : header, rows, problems, delimiter, encoding);
  }

  private static CsvProblem syntaxProblem(int line, UncheckedIOException e) {
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

  private static CsvTable failed(CsvProblem problem) {
    return new CsvTable(List.of(), List.of(), List.of(problem), ';', null);
  }

  private static boolean allBlank(List<String> cells) {
    return cells.stream().allMatch(CsvTable::isBlank);
  }

  /** Blank: empty or only white space, the no-break space included. */
  public static boolean isBlank(String cell) {
    return cell.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  record Decoded(String text, Charset charset) {}

  /**
   * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, UTF-16 with its BOM, else
   * Windows-1252.
   */
  static Decoded decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
          StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
          StandardCharsets.UTF_16BE);
    }
    byte[] body = bytes;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      body = Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return new Decoded(text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      // the five bytes Windows-1252 leaves undefined become U+FFFD
      return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252);
    }
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

  /** The offsets where each physical line starts; CRLF, LF and a lone CR each end a line. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] lineStarts, long position) {
    int index = Arrays.binarySearch(lineStarts, (int) position);
    return index >= 0 ? index + 1 : -index - 1;
  }
}
