package dev.kindling.value;

/**
 * Where lines end, as the YAML reader counts them (YAML 1.1): at LF, at a CR not followed by LF (a
 * CR LF pair ends once, at its LF), at NEL, LS and PS. Every position shown to a user counts lines
 * this way, so a finding, its excerpt and a template variable agree on a file with lone CR breaks.
 */
public final class LineBreaks {
  private LineBreaks() {}

  /** Whether the character at {@code i} of {@code text} ends a line. */
  public static boolean endsLine(CharSequence text, int i) {
    char c = text.charAt(i);
    return c == '\n'
        || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }
}
