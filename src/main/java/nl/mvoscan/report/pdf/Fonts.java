package nl.mvoscan.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultFontMapper;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Sans, once for the PDF text and once for AWT (the charts), loaded from the very same
 * TTF bytes. Charts measure text with the AWT font and the PDF shows it with the embedded one; if
 * they were different fonts the letters would spread apart or overlap.
 */
final class Fonts {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final String REGULAR_FILE = "liberation/LiberationSans-Regular.ttf";
  private static final String BOLD_FILE = "liberation/LiberationSans-Bold.ttf";
  private static final String ITALIC_FILE = "liberation/LiberationSans-Italic.ttf";

  private static final Fonts INSTANCE = new Fonts();

  final BaseFont regular;
  final BaseFont bold;
  final BaseFont italic;
  private final java.awt.Font awtRegular;
  private final java.awt.Font awtBold;
  private final DefaultFontMapper mapper;

  private Fonts() {
    byte[] regularBytes = bytes(REGULAR_FILE);
    byte[] boldBytes = bytes(BOLD_FILE);
    byte[] italicBytes = bytes(ITALIC_FILE);
    regular = pdfFont("LiberationSans-Regular.ttf", regularBytes);
    bold = pdfFont("LiberationSans-Bold.ttf", boldBytes);
    italic = pdfFont("LiberationSans-Italic.ttf", italicBytes);
    awtRegular = awtFont(regularBytes);
    awtBold = awtFont(boldBytes);
    mapper = new FallbackMapper(this);
    mapper.putName(
        awtRegular.getFontName(), parameters("LiberationSans-Regular.ttf", regularBytes));
    mapper.putName(awtBold.getFontName(), parameters("LiberationSans-Bold.ttf", boldBytes));
  }

  static Fonts get() {
    return INSTANCE;
  }

  /** The chart font (AWT) in this size; bold comes from the bold TTF, never synthesised. */
  java.awt.Font awt(float size, boolean boldFace) {
    return (boldFace ? awtBold : awtRegular).deriveFont(size);
  }

  /**
   * The text with each character the font lacks (such as the subscript in CO₂) replaced by its
   * plain compatibility form (CO2), so nothing silently disappears from the page.
   */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    BaseFont font = get().regular;
    if (text.codePoints().allMatch(cp -> cp < 0x20 || font.charExists(cp))) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String original = new String(Character.toChars(cp));
              if (cp < 0x20 || font.charExists(cp)) {
                out.append(original);
                return;
              }
              String plain =
                  java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC);
              out.append(
                  !plain.equals(original) && plain.codePoints().allMatch(font::charExists)
                      ? plain
                      : original);
            });
    return out.toString();
  }

  /** Maps the AWT fonts above to the same embedded TTFs when a chart is drawn into the PDF. */
  DefaultFontMapper mapper() {
    return mapper;
  }

  private static DefaultFontMapper.BaseFontParameters parameters(String name, byte[] bytes) {
    DefaultFontMapper.BaseFontParameters parameters =
        new DefaultFontMapper.BaseFontParameters(name);
    parameters.encoding = BaseFont.IDENTITY_H;
    parameters.embedded = true;
    parameters.cached = true;
    parameters.ttfAfm = bytes;
    return parameters;
  }

  /** Cached by name, so the text and the charts share one embedded font program. */
  private static BaseFont pdfFont(String name, byte[] bytes) {
    try {
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (com.lowagie.text.DocumentException e) {
      throw new IllegalStateException("bundled font " + name + " cannot be used", e);
    }
  }

  private static java.awt.Font awtFont(byte[] bytes) {
    try {
      return java.awt.Font.createFont(
          java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException("bundled font cannot be read by AWT", e);
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the build: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A font JFreeChart picks by itself (never on purpose) still becomes embedded Liberation Sans.
   */
  private static final class FallbackMapper extends DefaultFontMapper {
    private final Fonts fonts;

    FallbackMapper(Fonts fonts) {
      this.fonts = fonts;
    }

    @Override
    public BaseFont awtToPdf(java.awt.Font font) {
      if (getBaseFontParameters(font.getFontName()) == null) {
        return font.isBold() ? fonts.bold : fonts.regular;
      }
      return super.awtToPdf(font);
    }
  }
}
