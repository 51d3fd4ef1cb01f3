package nl.mvoscan.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code take} reads its answers: the process's standard input, in the terminal's own
 * charset, or the lines a caller hands over (a test, a program embedding mvoscan). Only a terminal
 * gets the interactive dialog (colours, the keys at a prompt).
 */
record StandardInput(BufferedReader reader, boolean interactive) {

  /** {@code System.in}: interactive when a terminal is attached. */
  static StandardInput system() {
    Charset charset =
        System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
    return new StandardInput(
        new BufferedReader(new InputStreamReader(System.in, charset)), System.console() != null);
  }

  /** These lines, never interactive. */
  static StandardInput of(BufferedReader reader) {
    return new StandardInput(reader, false);
  }
}
