package dev.kindling.userdata;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** The {@code Content-Transfer-Encoding}s of RFC 2045 section 6 and their decoders. */
enum TransferEncoding {
  /** 7bit, 8bit, binary or none: the body is stored as is. */
  IDENTITY,
  BASE64,
  QUOTED_PRINTABLE;

  /** Thrown when a body does not decode. */
  static final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }

  /** The encoding a header value names, or null when it names none Kindling knows. */
  static TransferEncoding of(String header) {
    return switch (header.strip().toLowerCase(Locale.ROOT)) {
      case "", "7bit", "8bit", "binary" -> IDENTITY;
      case "base64" -> BASE64;
      case "quoted-printable" -> QUOTED_PRINTABLE;
      default -> null;
    };
  }

  /** Decodes {@code data[from, to)}. */
  byte[] decode(byte[] data, int from, int to) throws DecodeException {
    return switch (this) {
      case IDENTITY -> Arrays.copyOfRange(data, from, to);
      case BASE64 -> base64(data, from, to);
      case QUOTED_PRINTABLE -> quotedPrintable(data, from, to);
    };
  }

  /** Base64 with line breaks and other whitespace ignored and the final padding optional. */
  private static byte[] base64(byte[] data, int from, int to) throws DecodeException {
    byte[] compact = new byte[to - from + 2];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        compact[n++] = b;
      }
    }
    if (n % 4 == 1) {
      throw new DecodeException("base64 body has a dangling character (truncated?)");
    }
    while (n % 4 != 0) {
      compact[n++] = '=';
    }
    try {
      return Base64.getDecoder().decode(Arrays.copyOf(compact, n));
    } catch (IllegalArgumentException e) {
      throw new DecodeException("base64 body does not decode: " + e.getMessage());
    }
  }

  /**
   * Quoted-printable (RFC 2045 section 6.7): {@code =XX} octets, {@code =} at a line end is a soft
   * break, trailing whitespace on a line is transport padding. A malformed {@code =} is kept as is
   * (the robust reading that section recommends).
   */
  private static byte[] quotedPrintable(byte[] data, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int pos = from;
    while (pos < to) {
      int end = MimeHeaders.lineEnd(data, pos, to);
      boolean hasBreak = end < to;
      int contentEnd = end > pos && data[end - 1] == '\r' ? end - 1 : end;
      while (contentEnd > pos && (data[contentEnd - 1] == ' ' || data[contentEnd - 1] == '\t')) {
        contentEnd--;
      }
      boolean soft = contentEnd > pos && data[contentEnd - 1] == '=';
      int last = soft ? contentEnd - 1 : contentEnd;
      for (int i = pos; i < last; i++) {
        byte b = data[i];
        if (b == '=' && i + 2 < last) {
          int hi = Character.digit(data[i + 1], 16);
          int lo = Character.digit(data[i + 2], 16);
          if (hi >= 0 && lo >= 0) {
            out.write(hi * 16 + lo);
            i += 2;
            continue;
          }
        }
        out.write(b);
      }
      if (hasBreak && !soft) {
        // A hard break keeps the line-break style it was written with.
        if (end > pos && data[end - 1] == '\r') {
          out.write('\r');
        }
        out.write('\n');
      }
      pos = hasBreak ? end + 1 : to;
    }
    return out.toByteArray();
  }
}
