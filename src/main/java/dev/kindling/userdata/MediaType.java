package dev.kindling.userdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed structured header value such as {@code multipart/mixed; boundary="xyz"} or {@code
 * attachment; filename=a.yaml} (RFC 2045 section 5.1, RFC 2183, RFC 2231 extended parameters).
 *
 * @param value the leading value, lowercase ({@code multipart/mixed}, {@code attachment})
 * @param params parameters by lowercase name, values unquoted and decoded
 */
record MediaType(String value, Map<String, String> params) {
  MediaType {
    params = Map.copyOf(params);
  }

  /** Parses a header value; never throws (malformed parameters are skipped). */
  static MediaType parse(String header) {
    int semi = indexOutsideQuotes(header, 0);
    String value = header.substring(0, semi).strip().toLowerCase(Locale.ROOT);
    Map<String, String> plain = new HashMap<>();
    Map<String, TreeMap<Integer, String[]>> sections = new HashMap<>();
    int pos = semi;
    while (pos < header.length()) {
      int next = indexOutsideQuotes(header, pos + 1);
      String param = header.substring(pos + 1, next).strip();
      pos = next;
      int eq = param.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String raw = unquote(param.substring(eq + 1).strip());
      int star = name.indexOf('*');
      if (star < 0) {
        plain.putIfAbsent(name, raw);
        continue;
      }
      // RFC 2231: name*=charset'lang'pct-encoded, name*0=..., name*1*=...
      String base = name.substring(0, star);
      String rest = name.substring(star + 1);
      boolean encoded = rest.endsWith("*") || rest.isEmpty();
      String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
      int section;
      try {
        section = number.isEmpty() ? 0 : Integer.parseInt(number);
      } catch (NumberFormatException e) {
        continue;
      }
      sections
          .computeIfAbsent(base, k -> new TreeMap<>())
          .putIfAbsent(section, new String[] {raw, encoded ? "*" : ""});
    }
    Map<String, String> params = new HashMap<>(plain);
    sections.forEach((name, parts) -> params.put(name, joinSections(parts)));
    return new MediaType(value, params);
  }

  /** The parameter with this (lowercase) name. */
  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** The {@code type} of {@code type/subtype}, or the whole value. */
  String type() {
    int slash = value.indexOf('/');
    return slash < 0 ? value : value.substring(0, slash);
  }

  private static String joinSections(TreeMap<Integer, String[]> parts) {
    Charset charset = StandardCharsets.UTF_8;
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (String[] part : parts.values()) {
      String text = part[0];
      if (part[1].equals("*")) {
        if (first) {
          int q1 = text.indexOf('\'');
          int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
          if (q2 > 0) {
            charset = charset(text.substring(0, q1));
            text = text.substring(q2 + 1);
          }
        }
        out.append(percentDecode(text, charset));
      } else {
        out.append(text);
      }
      first = false;
    }
    return out.toString();
  }

  private static Charset charset(String name) {
    try {
      return name.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String percentDecode(String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length()) {
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      int cp = text.codePointAt(i);
      byte[] b = new String(Character.toChars(cp)).getBytes(charset);
      out.write(b, 0, b.length);
      i += Character.charCount(cp);
    }
    return new String(out.toByteArray(), charset);
  }

  /** The index of the next {@code ;} at or after {@code from} that is outside quotes. */
  private static int indexOutsideQuotes(String s, int from) {
    boolean quoted = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return i;
      }
    }
    return s.length();
  }

  private static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"') {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        out.append(s.charAt(++i));
      } else if (c == '"') {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
