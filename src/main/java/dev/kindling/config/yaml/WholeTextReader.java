package dev.kindling.config.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text held whole in memory, linear in the text's length.
 *
 * <p>SnakeYAML's own {@link StreamReader} keeps a window of unread characters and, on every refill
 * of 1,024 characters, copies the whole unread window. While the scanner looks ahead through one
 * long token (a 4 MiB base64 line, a long quoted string) nothing is consumed, so each refill copies
 * everything read so far: quadratic time and garbage. This reader decodes the text into code points
 * once and only moves an index; the scanner sees the same characters, line breaks and marks.
 *
 * <p>Characters YAML does not allow (controls such as NUL, lone surrogates) are reported when the
 * scanner reaches them, with their line and column, as a {@link YamlLimitException}.
 */
final class WholeTextReader extends StreamReader {
  private static final String NAME = "'reader'";

  private final int[] codePoints;
  private final int firstDisallowed;
  private final Position disallowedAt;
  private int pointer;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super(new StringReader(""));
    this.codePoints = text.codePoints().toArray();
    int bad = codePoints.length;
    int badLine = 0;
    int badColumn = 0;
    int l = 0;
    int c = 0;
    for (int i = 0; i < codePoints.length; i++) {
      int cp = codePoints[i];
      if (!StreamReader.isPrintable(cp)) {
        bad = i;
        badLine = l;
        badColumn = c;
        break;
      }
      if (breaksLine(i)) {
        l++;
        c = 0;
      } else if (cp != '\uFEFF') {
        c++;
      }
    }
    this.firstDisallowed = bad;
    this.disallowedAt = new Position(badLine + 1, badColumn + 1);
  }

  /** Whether the code point at {@code i} ends a line, as SnakeYAML counts lines. */
  private boolean breaksLine(int i) {
    int cp = codePoints[i];
    return Constant.LINEBR.has(cp)
        || (cp == '\r' && i + 1 < codePoints.length && codePoints[i + 1] != '\n');
  }

  /** Refuses to let the scanner see a disallowed character. */
  private void reach(int index) {
    if (index >= firstDisallowed && firstDisallowed < codePoints.length) {
      int cp = codePoints[firstDisallowed];
      throw new YamlLimitException(
          disallowedAt,
          String.format(
              "special characters are not allowed (U+%04X); remove it or encode the content,"
                  + " e.g. with encoding: b64",
              cp));
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, pointer, line, column, codePoints, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < codePoints.length; i++) {
      reach(pointer);
      int cp = codePoints[pointer];
      if (breaksLine(pointer)) {
        line++;
        column = 0;
      } else if (cp != '\uFEFF') {
        column++;
      }
      pointer++;
      documentIndex++;
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int index) {
    int at = pointer + index;
    if (at >= codePoints.length) {
      return 0;
    }
    reach(at);
    return codePoints[at];
  }

  @Override
  public String prefix(int length) {
    int count = Math.max(0, Math.min(length, codePoints.length - pointer));
    if (count > 0) {
      reach(pointer + count - 1);
    }
    return new String(codePoints, pointer, count);
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    int count = Math.max(0, Math.min(length, codePoints.length - pointer));
    pointer += count;
    documentIndex += count;
    column += count;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
