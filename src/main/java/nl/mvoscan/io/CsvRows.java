package nl.mvoscan.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read one record at a time, by the rules of {@link CsvTable} (encoding, delimiter, RFC
 * 4180 quoting, the physical line where each record starts), so that a class of any size takes the
 * memory of one row: the file is read twice, once to learn whether its bytes are UTF-8, once to
 * parse it, and never held whole. {@link #problems()} grows as rows are read; it is complete when
 * the last row has been returned.
 */
public final class CsvRows implements TableRows {

  /** Opens the input anew: a CSV is read twice. */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  private static final int BUFFER = 64 * 1024;

  /** The longest header line searched for the delimiter; a longer one is judged by its start. */
  private static final int MAX_HEADER_CHARS = 1 << 20;

  private final List<String> header;
  private final List<CsvProblem> problems = new ArrayList<>();
  private final char delimiter;
  private final String encoding;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final LineCounter lines;
  private CsvTable.Row next;
  private long linesBefore;
  private boolean done;

  private CsvRows(CsvProblem failure) {
    this.header = List.of();
    this.problems.add(failure);
    this.delimiter = ';';
    this.encoding = null;
    this.parser = null;
    this.records = null;
    this.lines = null;
    this.done = true;
  }

  private CsvRows(Reader text, String encoding) throws IOException {
    this.encoding = encoding;
    StringBuilder start = new StringBuilder();
    int c = text.read();
    if (c == '\uFEFF') {
      c = text.read();
    }
    if (c < 0) {
      this.header = List.of();
      this.problems.add(new CsvProblem(0, null, "csv.empty"));
      this.delimiter = ';';
      this.parser = null;
      this.records = null;
      this.lines = null;
      this.done = true;
      text.close();
      return;
    }
    // the header line (quotes may hold line breaks) decides the delimiter
    boolean quoted = false;
    while (c >= 0) {
      start.append((char) c);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      }
      if (start.length() >= MAX_HEADER_CHARS) {
        break;
      }
      c = text.read();
    }
    this.delimiter = CsvTable.detectDelimiter(start.toString());
    this.lines = new LineCounter(new Joined(start.toString(), text));
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    this.parser = CSVParser.parse(lines, format);
    this.records = parser.iterator();
    List<String> first = null;
    while (first == null && !done) {
      CSVRecord record = record();
      if (record == null) {
        break;
      }
      first = record.toList();
      if (CsvTable.allBlank(first)) {
        problems.add(
            new CsvProblem(lines.lineOf(record.getCharacterPosition()), null, "csv.noHeader"));
      }
    }
    this.header = first == null ? List.of() : List.copyOf(first);
  }

  /** A file on disk; problems opening or reading it are problems of the table, at line 0. */
  public static CsvRows open(Path file) {
    return open(() -> Files.newInputStream(file));
  }

  /** Bytes in memory. */
  public static CsvRows of(byte[] bytes) {
    return open(() -> new ByteArrayInputStream(bytes));
  }

  /** Text that is already decoded; {@code encoding} is only recorded. */
  public static CsvRows of(String text, String encoding) {
    try {
      return new CsvRows(new java.io.StringReader(text), encoding);
    } catch (IOException e) {
      throw new UncheckedIOException("a String reader does not fail", e);
    }
  }

  private static CsvRows open(Source source) {
    try {
      Charset charset = charset(source);
      PushbackInputStream in = new PushbackInputStream(source.open(), 3);
      byte[] head = in.readNBytes(charset.name().startsWith("UTF-16") ? 2 : 3);
      if (!charset.name().startsWith("UTF-16") && !isUtf8Bom(head)) {
        in.unread(head);
      }
      // bytes Windows-1252 leaves undefined become U+FFFD, as new String(bytes, charset) does
      CharsetDecoder decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      return new CsvRows(new InputStreamReader(in, decoder), charset.name());
    } catch (NoSuchFileException e) {
      return new CsvRows(new CsvProblem(0, null, "file.notFound"));
    } catch (IOException e) {
      return new CsvRows(
          new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
  }

  private static boolean isUtf8Bom(byte[] head) {
    return head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF;
  }

  /**
   * UTF-16 by its BOM; UTF-8 (with or without BOM) when every byte sequence is valid UTF-8; else
   * Windows-1252. Read through once, in pieces, keeping nothing.
   */
  private static Charset charset(Source source) throws IOException {
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(3);
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        return StandardCharsets.UTF_16LE;
      }
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        return StandardCharsets.UTF_16BE;
      }
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      // a sequence cut at the end of a piece waits in the buffer for the rest of it
      ByteBuffer bytes = ByteBuffer.allocate(BUFFER + 16);
      CharBuffer chars = CharBuffer.allocate(BUFFER + 16);
      if (!isUtf8Bom(head)) {
        bytes.put(head);
      }
      byte[] piece = new byte[BUFFER];
      while (true) {
        int read = in.read(piece);
        boolean end = read < 0;
        if (!end) {
          bytes.put(piece, 0, read);
        }
        bytes.flip();
        if (decoder.decode(bytes, chars, end).isError()) {
          return CsvTable.WINDOWS_1252;
        }
        chars.clear();
        bytes.compact();
        if (end) {
          return decoder.flush(chars).isError() ? CsvTable.WINDOWS_1252 : StandardCharsets.UTF_8;
        }
      }
    }
  }

  @Override
  public List<String> header() {
    return header;
  }

  /** The problems of the rows read so far, in the order of their lines. */
  @Override
  public List<CsvProblem> problems() {
    return problems;
  }

  public char delimiter() {
    return delimiter;
  }

  /** The charset the bytes were decoded with; {@code null} when the file could not be read. */
  public String encoding() {
    return encoding;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      CSVRecord record = record();
      if (record == null) {
        break;
      }
      int line = lines.lineOf(record.getCharacterPosition());
      List<String> cells = record.toList();
      if (CsvTable.allBlank(cells)) {
        continue;
      }
      if (cells.size() > header.size()) {
        problems.add(new CsvProblem(line, null, "csv.tooManyCells", cells.size(), header.size()));
        continue;
      }
      next = new CsvTable.Row(line, cells);
    }
    return next != null;
  }

  @Override
  public CsvTable.Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CsvTable.Row row = next;
    next = null;
    return row;
  }

  /** The next record, or {@code null} at the end or after a problem that stops the reading. */
  private CSVRecord record() {
    try {
      if (!records.hasNext()) {
        finish();
        return null;
      }
      CSVRecord record = records.next();
      linesBefore = parser.getCurrentLineNumber();
      return record;
    } catch (UncheckedIOException e) {
      problems.add(CsvTable.syntaxProblem((int) linesBefore + 1, e));
      finish();
      return null;
    }
  }

  private void finish() {
    done = true;
    close();
  }

  @Override
  public void close() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // closing what was read: nothing is lost
      }
    }
  }

  /** The table whole, for a caller that needs every row at once. */
  public CsvTable collect() {
    List<CsvTable.Row> rows = new ArrayList<>();
    while (hasNext()) {
      rows.add(next());
    }
    return new CsvTable(header, rows, problems, delimiter, encoding);
  }

  /** The header line already read, then the rest of the input. */
  private static final class Joined extends Reader {
    private final String start;
    private final Reader rest;
    private int position;

    Joined(String start, Reader rest) {
      this.start = start;
      this.rest = rest;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (position < start.length()) {
        int n = Math.min(length, start.length() - position);
        start.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
      }
      return rest.read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      rest.close();
    }
  }

  /**
   * Counts line ends (CRLF, LF and a lone CR each end a line) in what the parser reads, so that the
   * line where a record starts is known from its character position without keeping the text: only
   * the starts of lines the parser has read ahead are remembered.
   */
  private static final class LineCounter extends Reader {
    private final Reader in;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private long offset;
    private long line = 1;
    private boolean pendingCr;

    LineCounter(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
      int n = in.read(buffer, from, length);
      if (n < 0) {
        if (pendingCr) {
          starts.add(offset);
          pendingCr = false;
        }
        return n;
      }
      for (int i = from; i < from + n; i++) {
        char c = buffer[i];
        offset++;
        if (pendingCr) {
          pendingCr = false;
          if (c != '\n') {
            starts.add(offset - 1);
          }
        }
        if (c == '\n') {
          starts.add(offset);
        } else if (c == '\r') {
          pendingCr = true;
        }
      }
      return n;
    }

    /** The line of the character at {@code position}; positions are asked in rising order. */
    int lineOf(long position) {
      while (!starts.isEmpty() && starts.peekFirst() <= position) {
        starts.removeFirst();
        line++;
      }
      return (int) line;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
