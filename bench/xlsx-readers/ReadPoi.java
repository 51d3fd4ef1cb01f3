import java.io.*;
import org.apache.poi.ss.usermodel.*;

public class ReadPoi {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    int n = 0;
    DataFormatter f = new DataFormatter();
    try (Workbook wb = WorkbookFactory.create(new File(a[0]))) {
      for (Row r : wb.getSheetAt(0))
        for (Cell c : r) {
          n++;
          f.formatCellValue(c);
        }
    }
    System.out.println("poi cells=" + n + " ms=" + (System.nanoTime() - t0) / 1e6);
  }
}
