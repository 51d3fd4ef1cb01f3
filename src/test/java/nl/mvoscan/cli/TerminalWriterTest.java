package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {

  private static String written(List<String> pieces) {
    StringWriter target = new StringWriter();
    PrintWriter out = TerminalWriter.of(target);
    pieces.forEach(out::write);
    out.close();
    return target.toString();
  }

  @Test
  void textIsEscapedTheSameWhateverPiecesItIsWrittenIn() {
    // an export hands the writer large buffers, a message small pieces: a carriage return may
    // end one piece and its line feed start the next
    String text = "a\r\nb\rc\r\r\nd\u001b]0;x\u0007e\u009b\u007f\tf\n\r";
    String expected = TerminalWriter.escape(text);
    assertThat(expected).startsWith("a\r\nb\\u000dc\\u000d\r\nd\\u001b]0;x\\u0007e");
    assertThat(written(List.of(text))).isEqualTo(expected);
    for (int split = 0; split <= text.length(); split++) {
      assertThat(written(List.of(text.substring(0, split), text.substring(split))))
          .as("split at %d", split)
          .isEqualTo(expected);
    }
    assertThat(written(text.chars().mapToObj(c -> String.valueOf((char) c)).toList()))
        .isEqualTo(expected);
  }
}
