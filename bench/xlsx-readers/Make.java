import java.io.*;
import org.dhatim.fastexcel.*;

public class Make {
  public static void main(String[] a) throws Exception {
    try (OutputStream os = new FileOutputStream(a[0])) {
      Workbook wb = new Workbook(os, "x", "1.0");
      Worksheet ws = wb.newWorksheet("Blad1");
      String[] h = {
        "ID",
        "Begintijd",
        "Tijd van voltooien",
        "E-mail",
        "Naam",
        "Staat duurzaamheid in de missie?"
      };
      for (int c = 0; c < h.length; c++) ws.value(0, c, h[c]);
      for (int r = 1; r <= 30; r++) {
        ws.value(r, 0, r);
        ws.value(r, 1, new java.util.Date());
        ws.style(r, 1).format("m/d/yy h:mm:ss").set();
        ws.value(r, 2, new java.util.Date());
        ws.value(r, 3, "anonymous");
        ws.value(r, 4, "Student " + r);
        ws.value(r, 5, "Ja");
      }
      wb.finish();
    }
  }
}
