package dev.kindling.value;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Strict standard base64 as Go's {@code base64.StdEncoding} reads it: the {@code +/} alphabet (not
 * the URL-safe one), padding required, only the chosen whitespace skipped between characters.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  /** Which whitespace may stand between the base64 characters; any other stray byte is an error. */
  public enum Skipped {
    /** CR and LF only, as Go's decoder: a space or a tab is an error. */
    LINE_BREAKS,
    /** CR, LF, space and tab. */
    WHITESPACE;

    private boolean skips(byte b) {
      return b == '\r' || b == '\n' || (this == WHITESPACE && (b == ' ' || b == '\t'));
    }
  }

  /**
   * Decodes {@code text}, skipping the {@code skipped} whitespace; a text with nothing else decodes
   * to no bytes, any other valid text to at least one.
   *
   * @throws InvalidException worded as Go's errors: {@code illegal base64 data at input byte N}
   *     where N counts the characters (whitespace not counted) before a byte outside the alphabet
   *     or before an incomplete last group of four, else {@code illegal base64 data: } and the
   *     JDK's reason (misplaced padding, bits left over)
   */
  public static byte[] decode(byte[] text, Skipped skipped) throws InvalidException {
    ByteArrayOutputStream clean = new ByteArrayOutputStream(text.length);
    for (byte b : text) {
      if (skipped.skips(b)) {
        continue;
      }
      boolean alphabet =
          (b >= 'A' && b <= 'Z')
              || (b >= 'a' && b <= 'z')
              || (b >= '0' && b <= '9')
              || b == '+'
              || b == '/'
              || b == '=';
      if (!alphabet) {
        throw new InvalidException("illegal base64 data at input byte " + clean.size());
      }
      clean.write(b);
    }
    byte[] data = clean.toByteArray();
    if (data.length % 4 != 0) {
      throw new InvalidException("illegal base64 data at input byte " + (data.length / 4 * 4));
    }
    try {
      return Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new InvalidException("illegal base64 data: " + e.getMessage());
    }
  }

  /** The text is not strict base64; the message says where or why. */
  public static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidException(String message) {
      super(message);
    }
  }
}
