package dev.kindling.cli;

import dev.kindling.value.Ansi;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard error with the level of each log line coloured: {@code ERROR} red, {@code WARN} yellow.
 * The logger prints a whole log line with one {@code println(String)} on {@code System.err}, which
 * this stream replaces; every other write passes through unchanged.
 */
final class LevelColoring extends PrintStream {
  LevelColoring(OutputStream err, Charset charset) {
    super(err, true, charset);
  }

  @Override
  public void println(String line) {
    super.println(colored(line));
  }

  /** {@code line} with its level word coloured, when it starts with one. */
  static String colored(String line) {
    if (line == null) {
      return null;
    }
    if (line.startsWith("ERROR ")) {
      return Ansi.RED.paint("ERROR", true) + line.substring("ERROR".length());
    }
    if (line.startsWith("WARN ")) {
      return Ansi.YELLOW.paint("WARN", true) + line.substring("WARN".length());
    }
    return line;
  }
}
