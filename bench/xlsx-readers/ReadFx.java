import java.io.*;
import org.dhatim.fastexcel.reader.*;

public class ReadFx {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    int n = 0;
    try (InputStream is = new FileInputStream(a[0]);
        ReadableWorkbook wb = new ReadableWorkbook(is, new ReadingOptions(true, false))) {
      for (Row r : (Iterable<Row>) wb.getFirstSheet().openStream()::iterator)
        for (Cell c : r)
          if (c != null) {
            n++;
            c.getRawValue();
            c.getDataFormatString();
          }
    }
    System.out.println("fastexcel cells=" + n + " ms=" + (System.nanoTime() - t0) / 1e6);
  }
}
