package nl.mvoscan.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import nl.mvoscan.i18n.Messages;

/**
 * Standard output as bytes, for a PDF or workbook written with {@code -o -}: the command's text
 * writer would mangle them. On a terminal they are refused, since a PDF shown as text is only noise
 * that can upset the terminal.
 *
 * @param stream where the bytes go
 * @param terminal whether that is a terminal a person looks at
 */
record StandardOutput(OutputStream stream, boolean terminal) {

  /** The JVM's own standard output. */
  static StandardOutput system() {
    return new StandardOutput(System.out, isTerminal());
  }

  /**
   * Java 17 has a console only when both standard input and output are a terminal; from Java 22 on
   * it has one more often and says through {@code isTerminal} whether it is one.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22 a console is a terminal
    }
  }

  /** The standard output of the command line that {@code spec} belongs to. */
  static StandardOutput of(picocli.CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof MvoscanCommand root ? root.standardOutput : system();
  }

  /**
   * Whether writing to standard output failed, as text through {@code text} or as bytes: the JVM's
   * {@code System.out} swallows its errors (a full disk behind {@code > file}, a pipe closed early)
   * and only says so when asked, and so does a {@link PrintWriter}. Asking flushes both.
   */
  boolean failed(PrintWriter text) {
    boolean textFailed = text.checkError();
    return bytesFailed() || textFailed;
  }

  private boolean bytesFailed() {
    return stream instanceof PrintStream printStream && printStream.checkError();
  }

  /**
   * Fails when writing to standard output failed: a command that streamed its result asks before it
   * reports success on stderr, which would be untrue of output that did not arrive. Every other
   * command is asked once after it returned, by the execution strategy of {@link
   * CommandLineFactory}.
   */
  void requireWritten(PrintWriter text, Messages messages) {
    if (failed(text)) {
      throw refused(messages);
    }
  }

  /** The one line for standard output that refused what was written to it. */
  static MvoscanException refused(Messages messages) {
    return MvoscanException.failure(messages.get("output.stdoutFailed"), null);
  }

  /**
   * Writes {@code bytes} (what: "PDF", "xlsx") after whatever text is waiting in {@code text}; on a
   * terminal bad input that says to redirect or to name a file.
   */
  void write(byte[] bytes, String what, PrintWriter text, Messages messages) {
    if (terminal) {
      throw MvoscanException.invalidInput(messages.get("output.binaryToTerminal", what));
    }
    text.flush();
    try {
      stream.write(bytes);
      stream.flush();
    } catch (IOException e) {
      throw MvoscanException.failure(
          messages.get("file.cannotWrite", "-", Problems.writeReason(messages, e)), e);
    }
    // System.out throws nothing: asked here, before the caller says the bytes were written
    if (bytesFailed()) {
      throw refused(messages);
    }
  }
}
