package dev.kindling.plan;

/**
 * Quotes an assignment for a systemd {@code Environment=} line (systemd.syntax(7) quoting and
 * systemd.unit(5) specifiers). The original wrote values raw
 * (docs/compatibility.md#environment-values-are-escaped), so a {@code "}, {@code \}, {@code %} or
 * newline broke the drop-in or changed the value; here {@code "} and {@code \} are
 * backslash-escaped, {@code %} becomes {@code %%}, and newline, carriage return and tab become
 * {@code \n}, {@code \r} and {@code \t}.
 */
public final class SystemdQuoting {
  private SystemdQuoting() {}

  /** {@code Environment="KEY=VALUE"} with the value escaped. */
  public static String environmentLine(String key, String value) {
    return "Environment=\"" + key + "=" + escape(value) + "\"";
  }

  /** The value escaped for use inside a double-quoted systemd word. */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '%' -> out.append("%%");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
