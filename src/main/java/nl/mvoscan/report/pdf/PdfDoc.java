package nl.mvoscan.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;

/**
 * An A4 document with the house style of the reports: Liberation Sans embedded, headings that are
 * also bookmarks, tables, charts as vectors, and a footer "page 2 of 7" on every page.
 */
final class PdfDoc {

  static final Color INK = new Color(0x21, 0x21, 0x21);
  static final Color MUTED = new Color(0x5F, 0x63, 0x68);
  static final Color ACCENT = new Color(0x00, 0x69, 0x5C);
  static final Color ACCENT_LIGHT = new Color(0xE0, 0xF2, 0xF1);
  static final Color RULE = new Color(0xC8, 0xCC, 0xCF);
  static final Color ZEBRA = new Color(0xF6, 0xF7, 0xF8);

  static final float WIDTH = PageSize.A4.getWidth();
  static final float MARGIN = 56;
  static final float CONTENT_WIDTH = WIDTH - 2 * MARGIN;

  /**
   * The document's metadata and footer.
   *
   * @param language the PDF language tag, e.g. {@code nl-NL}
   * @param date the creation date to record: taken from the data, never the clock
   * @param pageLabel "pagina {0} van {1}", from the messages
   */
  record Meta(
      String title,
      String author,
      String subject,
      String language,
      LocalDate date,
      String footer,
      String pageLabel) {}

  @FunctionalInterface
  interface Content {
    void write(PdfDoc pdf) throws DocumentException;
  }

  private final Document document;
  private final PdfWriter writer;
  private final Fonts fonts = Fonts.get();
  private int anchors;

  private PdfDoc(Document document, PdfWriter writer) {
    this.document = document;
    this.writer = writer;
  }

  /**
   * Renders {@code content} into a PDF; the same meta and content give the same text. The content
   * is laid out once: each footer's "page 2 of 7" is a small template filled in when the document
   * closes and the number of pages is known.
   */
  static RenderedPdf render(Meta meta, Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 14);
    Footer footer = new Footer(meta);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
      writer.setPageEvent(footer);
      document.addTitle(meta.title());
      document.addAuthor(meta.author());
      document.addSubject(meta.subject());
      document.addCreator("mvoscan");
      document.setDocumentLanguage(meta.language());
      PdfDate date = pdfDate(meta.date());
      document.addCreationDate(date);
      document.addModificationDate(date);
      document.open();
      writer.getInfo().put(PdfName.CREATIONDATE, date);
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString(meta.language()));
      PdfDoc pdf = new PdfDoc(document, writer);
      content.write(pdf);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the report could not be laid out: " + e.getMessage(), e);
    }
    return new RenderedPdf(out.toByteArray(), footer.pages());
  }

  private static PdfDate pdfDate(LocalDate date) {
    LocalDate day = date == null ? LocalDate.of(2000, 1, 1) : date;
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    calendar.clear();
    calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 12, 0, 0);
    return new PdfDate(calendar);
  }

  // ---- fonts

  Font font(float size, boolean bold, Color color) {
    return new Font(bold ? fonts.bold : fonts.regular, size, Font.NORMAL, color);
  }

  Font italic(float size, Color color) {
    return new Font(fonts.italic, size, Font.NORMAL, color);
  }

  Font body() {
    return font(10, false, INK);
  }

  Font strong() {
    return font(10, true, INK);
  }

  Font small() {
    return font(8.5f, false, MUTED);
  }

  // ---- blocks

  void add(Element element) throws DocumentException {
    document.add(element);
  }

  void newPage() {
    document.newPage();
  }

  /**
   * Starts a new page when less than {@code points} of height is left, so a heading never ends a
   * page.
   */
  void ensureSpace(float points) {
    if (writer.getVerticalPosition(false) - document.bottom() < points) {
      document.newPage();
    }
  }

  /** The height left on the current page. */
  float remaining() {
    return writer.getVerticalPosition(false) - document.bottom();
  }

  void title(String text) throws DocumentException {
    Paragraph p = new Paragraph(Fonts.printable(text), font(24, true, ACCENT));
    p.setLeading(29);
    p.setSpacingAfter(4);
    document.add(p);
  }

  void subtitle(String text) throws DocumentException {
    Paragraph p = new Paragraph(Fonts.printable(text), font(13, false, MUTED));
    p.setSpacingAfter(14);
    document.add(p);
  }

  /** A section heading that is also a bookmark; {@code space} is the room its first block needs. */
  void h1(String text, float space) throws DocumentException {
    ensureSpace(space + 40);
    String name = "s" + (++anchors);
    Chunk chunk = new Chunk(Fonts.printable(text), font(15, true, ACCENT));
    chunk.setLocalDestination(name);
    Paragraph p = new Paragraph(chunk);
    p.setSpacingBefore(14);
    p.setSpacingAfter(6);
    document.add(p);
    new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(name, false), text);
  }

  void h2(String text) throws DocumentException {
    ensureSpace(70);
    Paragraph p = new Paragraph(Fonts.printable(text), font(11.5f, true, INK));
    p.setSpacingBefore(10);
    p.setSpacingAfter(3);
    document.add(p);
  }

  void paragraph(String text) throws DocumentException {
    document.add(paragraphOf(text, body()));
  }

  void note(String text) throws DocumentException {
    document.add(paragraphOf(text, small()));
  }

  Phrase phrase(String text, Font font) {
    return new Phrase(Fonts.printable(text), font);
  }

  /** "Advice: text" with the label in {@code labelFont}, as one paragraph. */
  Paragraph labelled(String label, Font labelFont, String text) {
    Paragraph p = new Paragraph();
    p.setLeading(13.5f);
    p.setSpacingAfter(3);
    p.add(phrase(label + " ", labelFont));
    p.add(phrase(text, body()));
    return p;
  }

  Paragraph paragraphOf(String text, Font font) {
    Paragraph p = new Paragraph(Fonts.printable(text), font);
    p.setLeading(font.getSize() * 1.35f);
    p.setSpacingAfter(4);
    return p;
  }

  /**
   * Blocks that must stay on one page together (a theme with its advice, a strength with its
   * feedback).
   */
  void together(List<Element> elements, boolean shaded) throws DocumentException {
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    box.setKeepTogether(true);
    box.setSpacingAfter(6);
    PdfPCell cell = new PdfPCell();
    cell.setBorder(shaded ? Rectangle.LEFT : Rectangle.NO_BORDER);
    cell.setBorderColor(ACCENT);
    cell.setBorderWidth(shaded ? 2.5f : 0);
    cell.setPaddingLeft(shaded ? 8 : 0);
    cell.setPaddingTop(2);
    cell.setPaddingBottom(4);
    elements.forEach(cell::addElement);
    box.addCell(cell);
    document.add(box);
  }

  /** A chart drawn as vectors, with the chart's AWT fonts mapped to the embedded ones. */
  void chart(JFreeChart chart, float width, float height) throws DocumentException {
    PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
    Graphics2D g2 = template.createGraphics(width, height, fonts.mapper());
    try {
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g2.dispose();
    }
    Image image = Image.getInstance(template);
    image.setAlignment(Image.MIDDLE);
    image.setSpacingBefore(4);
    image.setSpacingAfter(8);
    ensureSpace(height + 10);
    document.add(image);
  }

  /** Items to tick off, each with a hint below it in small type. */
  void checklist(List<String[]> items) throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {18, CONTENT_WIDTH - 18});
    table.setWidthPercentage(100);
    table.setSpacingAfter(6);
    for (String[] item : items) {
      PdfPCell box = new PdfPCell();
      box.setBorder(Rectangle.NO_BORDER);
      box.setFixedHeight(16);
      box.setCellEvent(
          (cell, position, canvases) -> {
            PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
            canvas.saveState();
            canvas.setColorStroke(ACCENT);
            canvas.setLineWidth(0.9f);
            canvas.rectangle(position.getLeft() + 1, position.getTop() - 13, 10, 10);
            canvas.stroke();
            canvas.restoreState();
          });
      table.addCell(box);
      PdfPCell text = new PdfPCell();
      text.setBorder(Rectangle.NO_BORDER);
      text.setPaddingTop(0);
      text.setPaddingBottom(6);
      text.addElement(paragraphOf(item[0], body()));
      for (int i = 1; i < item.length; i++) {
        if (item[i] != null && !item[i].isBlank()) {
          Paragraph hint = paragraphOf(item[i], small());
          hint.setSpacingAfter(1);
          text.addElement(hint);
        }
      }
      table.addCell(text);
    }
    document.add(table);
  }

  Table table(float... widths) {
    return new Table(widths);
  }

  /**
   * A table with a repeated header row, light rules and optional right-aligned (figure) columns.
   */
  final class Table {
    private final PdfPTable table;
    private final boolean[] right;
    private Font cellFont = body();
    private Font firstFont = strong();
    private int rows;

    private Table(float[] widths) {
      table = new PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setSpacingBefore(2);
      table.setSpacingAfter(8);
      right = new boolean[widths.length];
    }

    /** Smaller type, for tables that must leave room on the page. */
    Table compact() {
      cellFont = font(9, false, INK);
      firstFont = font(9, true, INK);
      return this;
    }

    Table right(int... columns) {
      for (int c : columns) {
        right[c] = true;
      }
      return this;
    }

    Table header(String... titles) {
      for (int i = 0; i < titles.length; i++) {
        PdfPCell cell = new PdfPCell(phrase(titles[i], font(8.5f, true, INK)));
        cell.setBackgroundColor(ACCENT_LIGHT);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(ACCENT);
        cell.setBorderWidth(0.8f);
        cell.setPadding(4);
        cell.setHorizontalAlignment(right[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        table.addCell(cell);
      }
      table.setHeaderRows(1);
      return this;
    }

    /** A row of plain texts; the first column may be bold. */
    Table row(boolean boldFirst, String... texts) {
      List<PdfPCell> cells = new ArrayList<>();
      for (int i = 0; i < texts.length; i++) {
        cells.add(cell(phrase(texts[i], i == 0 && boldFirst ? firstFont : cellFont), i));
      }
      return cells(cells);
    }

    /** A row whose cells hold several paragraphs each: a main text and small lines below it. */
    Table rich(List<List<Paragraph>> columns) {
      List<PdfPCell> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        PdfPCell cell = cell(null, i);
        cell.setPaddingTop(1);
        for (Paragraph p : columns.get(i)) {
          p.setAlignment(right[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
          p.setSpacingAfter(1);
          cell.addElement(p);
        }
        cells.add(cell);
      }
      return cells(cells);
    }

    private PdfPCell cell(Phrase phrase, int column) {
      PdfPCell cell = phrase == null ? new PdfPCell() : new PdfPCell(phrase);
      cell.setBorder(Rectangle.BOTTOM);
      cell.setBorderColor(RULE);
      cell.setBorderWidth(0.5f);
      cell.setPadding(4);
      cell.setPaddingBottom(5);
      cell.setHorizontalAlignment(right[column] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
      return cell;
    }

    private Table cells(List<PdfPCell> cells) {
      boolean zebra = rows++ % 2 == 1;
      for (PdfPCell cell : cells) {
        if (zebra) {
          cell.setBackgroundColor(ZEBRA);
        }
        table.addCell(cell);
      }
      return this;
    }

    int rows() {
      return rows;
    }

    void add() throws DocumentException {
      table.setSplitLate(true);
      document.add(table);
    }
  }

  /** The thin accent band at the top and the footer with the page number on every page. */
  private static final class Footer extends PdfPageEventHelper {
    private static final float SIZE = 8;
    private final Meta meta;
    private final Fonts fonts = Fonts.get();
    private final Font small;

    /** Per page, the box its "page 2 of 7" goes in once the count is known. */
    private final List<PdfTemplate> labels = new ArrayList<>();

    private int pages;

    Footer(Meta meta) {
      this.meta = meta;
      this.small = new Font(fonts.regular, SIZE, Font.NORMAL, MUTED);
    }

    int pages() {
      return pages;
    }

    private String label(int page, String total) {
      return meta.pageLabel().replace("{0}", Integer.toString(page)).replace("{1}", total);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      canvas.saveState();
      canvas.setColorFill(ACCENT);
      canvas.rectangle(0, PageSize.A4.getHeight() - 8, PageSize.A4.getWidth(), 8);
      canvas.fill();
      canvas.setColorStroke(RULE);
      canvas.setLineWidth(0.5f);
      canvas.moveTo(MARGIN, 44);
      canvas.lineTo(WIDTH - MARGIN, 44);
      canvas.stroke();
      canvas.restoreState();
      // the left text leaves room for a two-digit total, as wide as the label can get in practice
      int page = writer.getPageNumber();
      float pageWidth = fonts.regular.getWidthPoint(label(page, "99"), SIZE);
      String footer = fit(meta.footer(), fonts, CONTENT_WIDTH - pageWidth - 24);
      ColumnText.showTextAligned(
          canvas, Element.ALIGN_LEFT, new Phrase(Fonts.printable(footer), small), MARGIN, 32, 0);
      float box = fonts.regular.getWidthPoint(label(page, "99999"), SIZE);
      float descent = -fonts.regular.getFontDescriptor(BaseFont.DESCENT, SIZE);
      float ascent = fonts.regular.getFontDescriptor(BaseFont.ASCENT, SIZE);
      PdfTemplate template = canvas.createTemplate(box, descent + ascent);
      canvas.addTemplate(template, WIDTH - MARGIN - box, 32 - descent);
      labels.add(template);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      pages = labels.size();
      String total = Integer.toString(pages);
      for (int i = 0; i < labels.size(); i++) {
        PdfTemplate template = labels.get(i);
        float descent = -fonts.regular.getFontDescriptor(BaseFont.DESCENT, SIZE);
        ColumnText.showTextAligned(
            template,
            Element.ALIGN_RIGHT,
            new Phrase(label(i + 1, total), small),
            template.getWidth(),
            descent,
            0);
      }
    }

    private static String fit(String text, Fonts fonts, float width) {
      if (text == null) {
        return "";
      }
      String fitted = text;
      while (fitted.length() > 1 && fonts.regular.getWidthPoint(fitted, 8) > width) {
        fitted = fitted.substring(0, fitted.length() - 2) + "…";
      }
      return fitted;
    }
  }
}
