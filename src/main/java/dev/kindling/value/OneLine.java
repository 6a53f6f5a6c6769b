package dev.kindling.value;

/**
 * Text for a line of output that must stay one line (a finding, a plan step): control characters
 * from the input (a line break, a NUL) written as Java-style escapes, backslash n, t or r, or
 * backslash u and four hex digits, so input cannot forge lines of its own.
 */
public final class OneLine {
  private OneLine() {}

  /** {@code text} with its control characters escaped. */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
    text.codePoints()
        .skip(text.codePointCount(0, i))
        .forEach(
            cp -> {
              switch (cp) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                  if (Character.isISOControl(cp)) {
                    out.append("\\u").append(String.format("%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.toString();
  }
}
