package dev.kindling.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of a multipart message at its boundary lines (RFC 2046 section 5.1.1): the
 * preamble before the first {@code --boundary} line and the epilogue after {@code --boundary--} are
 * ignored, the line break before a boundary line belongs to the boundary, and boundary lines may
 * carry trailing whitespace. Lines may end in CRLF or LF.
 */
final class MultipartSplitter {
  /**
   * The raw bytes of one part: headers and body.
   *
   * @param start first byte of the part
   * @param end one past its last byte
   * @param line the line number of {@code start}
   * @param boundaryLine the line number of the boundary line that opens the part
   */
  record RawPart(int start, int end, int line, int boundaryLine) {}

  /** The parts, and whether the closing boundary line was found. */
  record Split(List<RawPart> parts, boolean closed) {
    Split {
      parts = List.copyOf(parts);
    }
  }

  private static final int NONE = 0;
  private static final int OPEN = 1;
  private static final int CLOSE = 2;

  private MultipartSplitter() {}

  /** Splits {@code data[from, to)}, whose first line is line {@code line}. */
  static Split split(byte[] data, int from, int to, int line, String boundary) {
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
    List<RawPart> parts = new ArrayList<>();
    int partStart = -1;
    int partLine = 0;
    int boundaryLine = 0;
    int pos = from;
    int current = line;
    while (pos < to) {
      int end = MimeHeaders.lineEnd(data, pos, to);
      int next = end < to ? end + 1 : to;
      int kind = delimiter(data, pos, end, dash);
      if (kind != NONE) {
        if (partStart >= 0) {
          parts.add(
              new RawPart(partStart, withoutBreak(data, partStart, pos), partLine, boundaryLine));
        }
        if (kind == CLOSE) {
          return new Split(parts, true);
        }
        partStart = next;
        partLine = current + 1;
        boundaryLine = current;
      }
      pos = next;
      current++;
    }
    if (partStart >= 0) {
      parts.add(new RawPart(partStart, to, partLine, boundaryLine));
    }
    return new Split(parts, false);
  }

  /** The end of a part that runs up to a boundary line at {@code end}, minus the line break. */
  private static int withoutBreak(byte[] data, int start, int end) {
    int e = end;
    if (e > start && data[e - 1] == '\n') {
      e--;
      if (e > start && data[e - 1] == '\r') {
        e--;
      }
    }
    return e;
  }

  /** Whether the line {@code data[pos, end)} opens a part, closes the message, or neither. */
  private static int delimiter(byte[] data, int pos, int end, byte[] dash) {
    if (end - pos < dash.length) {
      return NONE;
    }
    for (int i = 0; i < dash.length; i++) {
      if (data[pos + i] != dash[i]) {
        return NONE;
      }
    }
    int rest = pos + dash.length;
    int kind = OPEN;
    if (end - rest >= 2 && data[rest] == '-' && data[rest + 1] == '-') {
      kind = CLOSE;
      rest += 2;
    }
    for (int i = rest; i < end; i++) {
      if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
        return NONE;
      }
    }
    return kind;
  }
}
