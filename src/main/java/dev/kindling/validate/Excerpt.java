package dev.kindling.validate;

/**
 * The part of a source line a report shows: the whole line when it is short, else a window of
 * {@link #WIDTH} characters around the column, cut ends marked with {@code …}.
 *
 * @param text what to print
 * @param column where the finding's column is in {@code text} (1-based, code points)
 */
record Excerpt(String text, int column) {
  /** The most characters of a line shown. */
  static final int WIDTH = 120;

  /** The most characters of a quoted value or of a word shown in a message. */
  static final int QUOTED = 60;

  /** The most characters of a message shown. */
  static final int MESSAGE = 400;

  /**
   * A message as a report line shows it: long quoted values and long words cut ({@link
   * #shortQuotes}), and at most {@link #MESSAGE} characters in all.
   */
  static String message(String message) {
    if (message.length() <= WIDTH) {
      return message;
    }
    String shorter = shortWords(shortQuotes(message));
    if (shorter.codePointCount(0, shorter.length()) <= MESSAGE) {
      return shorter;
    }
    return shorter.substring(0, shorter.offsetByCodePoints(0, MESSAGE)) + "…";
  }

  private static String shortWords(String message) {
    StringBuilder out = new StringBuilder();
    int word = 0;
    for (int i = 0; i < message.length(); ) {
      int cp = message.codePointAt(i);
      i += Character.charCount(cp);
      word = Character.isWhitespace(cp) ? 0 : word + 1;
      if (word <= QUOTED) {
        out.appendCodePoint(cp);
      } else if (word == QUOTED + 1) {
        out.append('…');
      }
    }
    return out.toString();
  }

  /**
   * {@code message} with every double-quoted value longer than {@link #QUOTED} characters cut to
   * its start and {@code …}: a message about a 4 MB value stays one readable line.
   */
  private static String shortQuotes(String message) {
    if (message.length() <= WIDTH) {
      return message;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < message.length()) {
      char c = message.charAt(i);
      out.append(c);
      i++;
      if (c != '"') {
        continue;
      }
      int close = closingQuote(message, i);
      if (close < 0) {
        continue;
      }
      String inside = message.substring(i, close);
      if (inside.codePointCount(0, inside.length()) > QUOTED) {
        out.append(inside, 0, inside.offsetByCodePoints(0, QUOTED)).append('…');
      } else {
        out.append(inside);
      }
      out.append('"');
      i = close + 1;
    }
    return out.toString();
  }

  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** The excerpt of {@code line} for a finding at {@code column} (1-based, code points). */
  static Excerpt around(String line, int column) {
    int length = line.codePointCount(0, line.length());
    if (length <= WIDTH) {
      return new Excerpt(line, column);
    }
    int start = Math.max(0, Math.min(column - 1 - WIDTH / 2, length - WIDTH));
    int end = Math.min(length, start + WIDTH);
    int from = line.offsetByCodePoints(0, start);
    int to = line.offsetByCodePoints(from, end - start);
    String head = start > 0 ? "…" : "";
    String tail = end < length ? "…" : "";
    return new Excerpt(head + line.substring(from, to) + tail, column - start + head.length());
  }
}
