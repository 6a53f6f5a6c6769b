package dev.kindling.serve;

/** Small text helpers for messages and log lines. */
final class Text {
  private Text() {}

  /**
   * At most {@code max} characters of {@code s}, with every control character replaced by {@code
   * ?}, so a log line stays one line.
   */
  static String clip(String s, int max) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > max) {
      sb.append('…');
    }
    return sb.toString();
  }
}
