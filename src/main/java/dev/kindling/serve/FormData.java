package dev.kindling.serve;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578) read into its fields by name. Only what browsers
 * and curl send is accepted: CRLF line ends, one {@code Content-Disposition: form-data} per part,
 * each name at most once.
 */
final class FormData {
  /** More fields than any request of ours has: a guard against bodies made of empty parts. */
  static final int MAX_FIELDS = 16;

  private FormData() {}

  /**
   * The fields of {@code body}, whose media type is {@code contentType}.
   *
   * @throws HttpError 400 when the body is not well-formed form data
   */
  static Map<String, byte[]> parse(String contentType, byte[] body) throws HttpError {
    String boundary =
        parameter(contentType, "boundary")
            .filter(b -> !b.isEmpty() && b.length() <= 70)
            .orElseThrow(() -> bad("the multipart/form-data Content-Type has no boundary"));
    byte[] open = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = startsWith(body, 0, open) ? open.length : indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw bad("the form data has no part with the boundary of its Content-Type");
    }
    if (pos != open.length) {
      pos += delimiter.length;
    }
    Map<String, byte[]> fields = new LinkedHashMap<>();
    while (true) {
      if (startsWith(body, pos, new byte[] {'-', '-'})) {
        return fields;
      }
      if (!startsWith(body, pos, new byte[] {'\r', '\n'})) {
        throw bad("the form data has a malformed boundary line");
      }
      int headersStart = pos + 2;
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
      int next = indexOf(body, delimiter, headersStart);
      if (headersEnd < 0 || next < 0 || headersEnd + 4 > next) {
        throw bad("the form data ends before its closing boundary");
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      String name = fieldName(headers);
      if (fields.containsKey(name)) {
        throw bad("the form field \"" + name + "\" is given twice");
      }
      if (fields.size() == MAX_FIELDS) {
        throw bad("the form data has more than " + MAX_FIELDS + " fields");
      }
      int contentStart = headersEnd + 4;
      byte[] content = new byte[next - contentStart];
      System.arraycopy(body, contentStart, content, 0, content.length);
      fields.put(name, content);
      pos = next + delimiter.length;
    }
  }

  private static String fieldName(String headers) throws HttpError {
    for (String line : headers.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
        String value = line.substring(colon + 1).strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
          break;
        }
        return parameter(value, "name")
            .orElseThrow(() -> bad("a form part's Content-Disposition has no name"));
      }
    }
    throw bad("a form part has no Content-Disposition: form-data header");
  }

  /** The value of parameter {@code name} in a header value such as {@code a/b; name="x"}. */
  static Optional<String> parameter(String headerValue, String name) {
    int i = headerValue.indexOf(';');
    while (i >= 0 && i < headerValue.length()) {
      int start = i + 1;
      int eq = headerValue.indexOf('=', start);
      if (eq < 0) {
        return Optional.empty();
      }
      String key = headerValue.substring(start, eq).strip();
      String value;
      int end;
      if (eq + 1 < headerValue.length() && headerValue.charAt(eq + 1) == '"') {
        StringBuilder sb = new StringBuilder();
        end = eq + 2;
        while (end < headerValue.length() && headerValue.charAt(end) != '"') {
          char c = headerValue.charAt(end);
          if (c == '\\' && end + 1 < headerValue.length()) {
            c = headerValue.charAt(++end);
          }
          sb.append(c);
          end++;
        }
        value = sb.toString();
        end = headerValue.indexOf(';', end);
      } else {
        end = headerValue.indexOf(';', eq);
        value = headerValue.substring(eq + 1, end < 0 ? headerValue.length() : end).strip();
      }
      if (key.equalsIgnoreCase(name)) {
        return Optional.of(value);
      }
      i = end;
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > data.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    for (int i = Math.max(0, from); i + needle.length <= data.length; i++) {
      if (startsWith(data, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static HttpError bad(String message) {
    return new HttpError(400, message);
  }
}
