package dev.kindling.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MIME header block (RFC 5322 section 2.2, RFC 2045): {@code Name: value} fields up to the first
 * empty line, folded lines unfolded. Lines may end in CRLF or LF.
 *
 * @param fields the fields in order
 * @param bodyOffset where the body starts (just after the empty line); the end of the region when
 *     the block did not end
 * @param bodyLine the line number of {@code bodyOffset}
 * @param problem why the block is malformed (a line that is not a field, no empty line), if so
 */
record MimeHeaders(
    List<MimeHeaders.Field> fields, int bodyOffset, int bodyLine, Optional<String> problem) {
  /** One unfolded field; {@code name} is lowercase, {@code line} where it starts. */
  record Field(String name, String value, int line) {}

  MimeHeaders {
    fields = List.copyOf(fields);
  }

  /** The value of the first field with this (lowercase) name. */
  Optional<Field> get(String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the header block at the start of {@code data[from, to)}, whose first line is line {@code
   * line}.
   */
  static MimeHeaders parse(byte[] data, int from, int to, int line) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    int fieldLine = line;
    int pos = from;
    while (pos < to) {
      int end = lineEnd(data, pos, to);
      int next = end < to ? end + 1 : to;
      int contentEnd = end > pos && data[end - 1] == '\r' ? end - 1 : end;
      if (contentEnd == pos) {
        if (name != null) {
          fields.add(new Field(name, value.toString().strip(), fieldLine));
        }
        return new MimeHeaders(fields, next, line + 1, Optional.empty());
      }
      String text = new String(data, pos, contentEnd - pos, StandardCharsets.UTF_8);
      char first = text.charAt(0);
      if ((first == ' ' || first == '\t') && name != null) {
        value.append(text);
      } else {
        int colon = fieldNameEnd(text);
        if (colon < 0) {
          if (name != null) {
            fields.add(new Field(name, value.toString().strip(), fieldLine));
          }
          return new MimeHeaders(
              fields,
              pos,
              line,
              Optional.of(
                  "line "
                      + line
                      + " is not a \"Name: value\" header, and no empty line ends the headers"
                      + " before it"));
        }
        if (name != null) {
          fields.add(new Field(name, value.toString().strip(), fieldLine));
        }
        name = text.substring(0, colon).toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(text, colon + 1, text.length());
        fieldLine = line;
      }
      pos = next;
      line++;
    }
    if (name != null) {
      fields.add(new Field(name, value.toString().strip(), fieldLine));
    }
    return new MimeHeaders(
        fields, to, line, Optional.of("the headers never end: an empty line must follow them"));
  }

  /** Whether the region starts with a header field line (the cheap test for "is this MIME"). */
  static boolean startsWithField(byte[] data, int from, int to) {
    int end = lineEnd(data, from, to);
    int i = from;
    while (i < end && isFieldNameChar(data[i])) {
      i++;
    }
    return i > from && i < end && data[i] == ':';
  }

  /** Index of the {@code \n} ending the line at {@code pos}, or {@code to}. */
  static int lineEnd(byte[] data, int pos, int to) {
    int i = pos;
    while (i < to && data[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The index of the colon after a valid field name (RFC 5322 ftext), or -1. */
  private static int fieldNameEnd(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) < 128 && isFieldNameChar((byte) line.charAt(i))) {
      i++;
    }
    return i > 0 && i < line.length() && line.charAt(i) == ':' ? i : -1;
  }

  private static boolean isFieldNameChar(byte b) {
    return b >= 33 && b <= 126 && b != ':';
  }
}
