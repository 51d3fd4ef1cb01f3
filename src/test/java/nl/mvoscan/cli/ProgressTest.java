package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void writesNothingWhenNotOnATerminal() {
    StringWriter err = new StringWriter();
    try (Progress progress = new Progress(new PrintWriter(err), 10, "files", false)) {
      for (int i = 0; i <= 10; i++) {
        progress.update(i);
      }
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void staysQuietDuringTheFirstSecond() {
    StringWriter err = new StringWriter();
    try (Progress progress = new Progress(new PrintWriter(err), 10, "files", true)) {
      progress.update(5);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void drawsABarAfterASecondAndClearsItAtTheEnd() throws InterruptedException {
    StringWriter err = new StringWriter();
    try (Progress progress = new Progress(new PrintWriter(err), 4, "files", true)) {
      Thread.sleep(1100);
      progress.update(2);
      assertThat(err.toString()).contains("2/4 files").contains("[###############...............]");
    }
    assertThat(err.toString()).endsWith("\r");
  }
}
