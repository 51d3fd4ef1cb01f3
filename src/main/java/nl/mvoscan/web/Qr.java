package nl.mvoscan.web;

import io.nayuki.qrcodegen.QrCode;

/** The student address as a QR code: on a terminal in Unicode half blocks, on a page as SVG. */
public final class Qr {

  private static final int QUIET = 2;

  private Qr() {}

  /**
   * Two rows of modules per line of text: upper half, lower half or full block; dark modules are
   * drawn as the terminal's background so the code reads on dark and light themes alike.
   */
  public static String terminal(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
    int size = qr.size;
    StringBuilder out = new StringBuilder();
    for (int y = -QUIET; y < size + QUIET; y += 2) {
      for (int x = -QUIET; x < size + QUIET; x++) {
        boolean top = light(qr, x, y);
        boolean bottom = light(qr, x, y + 1);
        out.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** An SVG of the code, one path, for a teacher to show on the board. */
  public static String svg(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + 2 * 4;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" class=\"qr\" role=\"img\" aria-label=\"QR\"><rect width=\"100%\" height=\"100%\""
        + " fill=\"#fff\"/><path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }

  private static boolean light(QrCode qr, int x, int y) {
    return x < 0 || y < 0 || x >= qr.size || y >= qr.size || !qr.getModule(x, y);
  }
}
