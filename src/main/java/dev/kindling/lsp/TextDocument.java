package dev.kindling.lsp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;

/**
 * One version of an open document, with the two line counts that meet in a language server: LSP
 * positions (lines end at {@code \n}, {@code \r\n} or {@code \r}; characters are UTF-16 code units,
 * both 0-based) and the validator's positions (YAML lines, which also end at U+0085, U+2028 and
 * U+2029; columns count code points, both 1-based).
 */
final class TextDocument {
  private final String uri;
  private final int version;
  private final String text;
  private final int[] lineStarts;
  private int[] yamlLineStarts;
  private byte[] bytes;

  TextDocument(String uri, int version, String text) {
    this.uri = uri;
    this.version = version;
    this.text = text;
    this.lineStarts = lineStarts(text, false);
  }

  String uri() {
    return uri;
  }

  int version() {
    return version;
  }

  String text() {
    return text;
  }

  /** The text as UTF-8, as the validator reads files. */
  synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /** How many lines the document has (an empty text has one). */
  int lineCount() {
    return lineStarts.length;
  }

  /** The offset (UTF-16) where LSP line {@code line} starts. */
  int lineStart(int line) {
    return lineStarts[line];
  }

  /** The offset (UTF-16) where LSP line {@code line} ends, before its line break. */
  int lineEnd(int line) {
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    if (end > lineStarts[line] && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > lineStarts[line] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** The text of LSP line {@code line}, without its line break. */
  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** The LSP position of a UTF-16 offset. */
  Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int line = Arrays.binarySearch(lineStarts, clamped);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, clamped - lineStarts[line]);
  }

  /**
   * The offset of an LSP position; a line past the end means the end of the text, a character past
   * the end of its line the end of that line (as the protocol says).
   */
  int offset(Position position) {
    if (position.getLine() < 0) {
      return 0;
    }
    if (position.getLine() >= lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[position.getLine()];
    return start
        + Math.max(0, Math.min(position.getCharacter(), lineEnd(position.getLine()) - start));
  }

  /**
   * The offset of a validator position (1-based line, 1-based column in code points); past the end
   * of its line means the end of the line, past the last line the end of the text.
   */
  synchronized int offsetOfYaml(int line, int column) {
    if (yamlLineStarts == null) {
      yamlLineStarts = lineStarts(text, true);
    }
    if (line > yamlLineStarts.length) {
      return text.length();
    }
    int start = yamlLineStarts[Math.max(line, 1) - 1];
    int end = line < yamlLineStarts.length ? yamlLineStarts[line] : text.length();
    int offset = start;
    for (int i = 1; i < column && offset < end && !isYamlBreak(offset); i++) {
      offset += Character.charCount(text.codePointAt(offset));
    }
    return offset;
  }

  private boolean isYamlBreak(int offset) {
    char c = text.charAt(offset);
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static int[] lineStarts(String text, boolean yaml) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak =
          c == '\n'
              || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))
              || (yaml && (c == '\u0085' || c == '\u2028' || c == '\u2029'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }
}
