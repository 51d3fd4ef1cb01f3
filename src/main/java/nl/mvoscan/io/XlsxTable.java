package nl.mvoscan.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first worksheet of an {@code .xlsx} workbook read as a {@link CsvTable} (contract §8.4): row
 * 1 is the header, every cell is the text Excel shows, a line number is the worksheet's row number.
 *
 * <p>Text cells are kept as written. A number is shown as Excel's <i>General</i> format shows it
 * (at most 15 significant digits, no exponent, a decimal point), so a KvK number typed as a number
 * is {@code 4187352}, and a sum that the binary fraction made {@code 0.30000000000000004} is {@code
 * 0.3}. A number in a date or time format is a date: {@code 2026-03-05} when the format or value
 * has no time of day, else {@code 2026-03-05T09:14:02} (to the second, 1900 and 1904 date systems
 * both). A formula shows its last computed value, a Boolean {@code TRUE}/{@code FALSE}, an error
 * its code ({@code #N/A}).
 */
public final class XlsxTable {

  /** More rows than any class holds: a guard against a sheet that is not a class list. */
  static final int MAX_ROWS = 100_000;

  /** Excel's built-in number formats that are dates or times. */
  private static final Set<Integer> DATE_FORMAT_IDS =
      Set.of(
          14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
          50, 51, 52, 53, 54, 55, 56, 57, 58);

  private static final Set<Integer> TIME_ONLY_FORMAT_IDS = Set.of(18, 19, 20, 21, 45, 46, 47);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final Pattern DATE_1904 =
      Pattern.compile("<(?:\\w+:)?workbookPr\\b[^>]*\\bdate1904\\s*=\\s*[\"'](?:1|true)[\"']");
  private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);

  private XlsxTable() {}

  /** Whether the bytes start like a zip archive, as every {@code .xlsx} does. */
  public static boolean looksLikeXlsx(byte[] start) {
    return start.length >= 4
        && start[0] == 'P'
        && start[1] == 'K'
        && start[2] == 3
        && start[3] == 4;
  }

  /** Whether the bytes start like an OLE2 compound file: an old {@code .xls}, or encrypted. */
  public static boolean looksLikeOldExcel(byte[] start) {
    return start.length >= 8
        && (start[0] & 0xFF) == 0xD0
        && (start[1] & 0xFF) == 0xCF
        && (start[2] & 0xFF) == 0x11
        && (start[3] & 0xFF) == 0xE0;
  }

  public static CsvTable read(Path file) {
    try {
      if (Files.size(file) > CsvTable.MAX_FILE_BYTES) {
        return failed(
            new CsvProblem(0, null, "csv.tooLarge", CsvTable.MAX_FILE_BYTES / (1024 * 1024)));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in);
      }
    } catch (NoSuchFileException e) {
      return failed(new CsvProblem(0, null, "file.notFound"));
    } catch (IOException e) {
      return failed(new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
  }

  public static CsvTable read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      return failed(new CsvProblem(0, null, "file.unreadable", String.valueOf(e.getMessage())));
    }
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
      Sheet sheet = workbook.getFirstSheet();
      if (sheet == null) {
        return failed(new CsvProblem(0, null, "xlsx.noSheet"));
      }
      boolean date1904 = workbook.isDate1904() || date1904(bytes);
      List<String> header = null;
      List<CsvTable.Row> rows = new ArrayList<>();
      List<CsvProblem> problems = new ArrayList<>();
      try (Stream<Row> stream = sheet.openStream()) {
        Iterator<Row> iterator = stream.iterator();
        while (iterator.hasNext()) {
          Row row = iterator.next();
          int number = row.getRowNum();
          List<String> cells = cells(row, date1904);
          if (header == null) {
            if (number != 1) {
              problems.add(new CsvProblem(1, null, "csv.noHeader"));
              header = List.of();
              break;
            }
            header = trimTrailingBlanks(cells);
            if (header.isEmpty()) {
              problems.add(new CsvProblem(1, null, "csv.noHeader"));
              break;
            }
            continue;
          }
          List<String> trimmed = trimTrailingBlanks(cells);
          if (trimmed.isEmpty()) {
            continue;
          }
          if (trimmed.size() > header.size()) {
            problems.add(
                new CsvProblem(number, null, "xlsx.tooManyCells", trimmed.size(), header.size()));
            continue;
          }
          if (rows.size() >= MAX_ROWS) {
            problems.add(new CsvProblem(number, null, "xlsx.tooManyRows", MAX_ROWS));
            break;
          }
          rows.add(new CsvTable.Row(number, trimmed));
        }
      }
      if (header == null) {
        return new CsvTable(
            List.of(), List.of(), List.of(new CsvProblem(0, null, "csv.empty")), ',', "xlsx");
      }
      return new CsvTable(header, rows, problems, ',', "xlsx");
    } catch (IOException | ExcelReaderException | UncheckedIOException e) {
      // the library's reason is English about zip channels; what helps is saving it again
      return failed(new CsvProblem(0, null, "xlsx.unreadable"));
    }
  }

  /**
   * Whether the workbook counts dates from 1904: fastexcel-reader only understands {@code
   * date1904="true"}, while Excel writes the other spelling XML allows, {@code "1"}.
   */
  private static boolean date1904(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("xl/workbook.xml")) {
          String xml = new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8);
          return DATE_1904.matcher(xml).find();
        }
      }
    } catch (IOException e) {
      // a zip that only its central directory describes well: fastexcel-reader's answer stands
      return false;
    }
    return false;
  }

  private static List<String> cells(Row row, boolean date1904) {
    List<String> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      Cell cell = row.getCell(i);
      cells.add(cell == null ? "" : text(cell, date1904));
    }
    return cells;
  }

  /** The text Excel shows for a cell, as described in the class comment. */
  static String text(Cell cell, boolean date1904) {
    String raw = cell.getRawValue();
    if (raw == null) {
      return "";
    }
    return switch (cell.getType()) {
      case STRING, ERROR -> raw;
      case BOOLEAN -> "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
      case NUMBER -> number(raw, cell, date1904);
      case FORMULA -> isNumber(raw) ? number(raw, cell, date1904) : raw;
      case EMPTY -> "";
    };
  }

  private static boolean isNumber(String raw) {
    try {
      new BigDecimal(raw.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String number(String raw, Cell cell, boolean date1904) {
    BigDecimal value;
    try {
      value = new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      return raw;
    }
    Integer formatId = cell.getDataFormatId();
    String format = cell.getDataFormatString();
    if (isDateFormat(formatId, format) && value.signum() >= 0) {
      return date(value, date1904, formatId, format);
    }
    BigDecimal shown = value.round(EXCEL_PRECISION).stripTrailingZeros();
    return shown.signum() == 0 ? "0" : shown.toPlainString();
  }

  /**
   * Whether a number format shows a date or time: a built-in date id, or a format with a day,
   * month, year, hour or second outside quoted text, escapes and brackets ({@code [$-413]}, {@code
   * [Red]}).
   */
  static boolean isDateFormat(Integer id, String format) {
    if (id != null && DATE_FORMAT_IDS.contains(id)) {
      return true;
    }
    if (format == null) {
      return false;
    }
    StringBuilder bare = new StringBuilder();
    boolean quoted = false;
    int bracket = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++; // escaped, padded or repeated: the next character is literal
      } else if (c == '[') {
        bracket++;
      } else if (c == ']') {
        bracket = Math.max(0, bracket - 1);
      } else if (bracket == 0) {
        bare.append(Character.toLowerCase(c));
      }
    }
    String text = bare.toString();
    if (text.contains("general")) {
      return false;
    }
    return text.chars().anyMatch(c -> "dmyhs".indexOf(c) >= 0);
  }

  private static String date(BigDecimal serial, boolean date1904, Integer id, String format) {
    long totalSeconds =
        serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValue();
    long days = Math.floorDiv(totalSeconds, 86_400);
    long seconds = Math.floorMod(totalSeconds, 86_400);
    LocalDate day;
    if (date1904) {
      day = LocalDate.of(1904, 1, 1).plusDays(days);
    } else if (days >= 61) {
      // Excel counts 29 February 1900, which never was: from 1 March 1900 the epoch moves a day
      day = LocalDate.of(1899, 12, 30).plusDays(days);
    } else {
      day = LocalDate.of(1899, 12, 31).plusDays(days);
    }
    boolean timeOnly = id != null && TIME_ONLY_FORMAT_IDS.contains(id);
    if (timeOnly || seconds != 0 || hasTime(format)) {
      return DATE_TIME.format(LocalDateTime.of(day, java.time.LocalTime.ofSecondOfDay(seconds)));
    }
    return day.toString();
  }

  private static boolean hasTime(String format) {
    return format != null && format.toLowerCase(Locale.ROOT).matches(".*(h|ss).*");
  }

  private static List<String> trimTrailingBlanks(List<String> cells) {
    int end = cells.size();
    while (end > 0 && CsvTable.isBlank(cells.get(end - 1))) {
      end--;
    }
    return List.copyOf(cells.subList(0, end));
  }

  private static CsvTable failed(CsvProblem problem) {
    return new CsvTable(List.of(), List.of(), List.of(problem), ',', null);
  }
}
