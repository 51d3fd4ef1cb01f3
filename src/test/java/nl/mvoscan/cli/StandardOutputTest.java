package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import nl.mvoscan.i18n.Messages;
import org.junit.jupiter.api.Test;

/** {@link StandardOutput}: bytes for {@code -o -}, and why they could not be written. */
class StandardOutputTest {

  /** Standard output on a full disk: every write fails as the operating system says. */
  private static final OutputStream FULL =
      new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          throw new IOException("No space left on device");
        }
      };

  @Test
  void aFailedWriteIsWordedInTheReadersLanguageAsEveryOtherWrite() {
    StandardOutput output = new StandardOutput(FULL, false);
    Messages dutch = Messages.forLanguage("nl");

    assertThatThrownBy(
            () ->
                output.write(
                    new byte[] {1, 2, 3}, "PDF", new PrintWriter(new StringWriter()), dutch))
        .isInstanceOf(MvoscanException.class)
        .hasMessage(
            "kan - niet schrijven: de schijf is vol; maak ruimte, of kies met -o een andere plek");
  }
}
