package dev.kindling.value;

/**
 * Go's {@code %q} of a string ({@code strconv.Quote}): double quotes, {@code \"} and {@code \\},
 * {@code \a \b \f \n \r \t \v}, other control characters as {@code \xNN}, non-printable runes as
 * {@code \\uNNNN} or {@code \\UNNNNNNNN}; printable Unicode is kept as is. Used for the quoted
 * fields of {@code /etc/oem-release}.
 */
public final class GoQuote {
  private GoQuote() {}

  /** The Go-quoted form of {@code text}. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> appendRune(out, cp));
    return out.append('"').toString();
  }

  private static void appendRune(StringBuilder out, int cp) {
    switch (cp) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> {
        if (isPrintable(cp)) {
          out.appendCodePoint(cp);
        } else if (cp < 0x80) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
