package dev.kindling.datasource;

import dev.kindling.value.Gzip;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes user data that a platform delivers encoded: base64 (padding required, whitespace ignored)
 * and gzip+base64, with the encoding names of {@code write_files}.
 */
public final class ContentEncoding {
  // Unlike config.ContentDecoder on purpose: platform user data may carry spaces or tabs; throws.

  private ContentEncoding() {}

  /**
   * Decodes {@code data} written with {@code encoding} ({@code ""} for none); {@code what} names
   * the value in errors, e.g. {@code guestinfo.coreos.config.data}.
   */
  public static byte[] decode(String encoding, byte[] data, String what)
      throws DatasourceException {
    return switch (encoding) {
      case "" -> data;
      case "b64", "base64" -> base64(data, what);
      case "gz", "gzip" -> gunzip(data, what);
      case "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" -> gunzip(base64(data, what), what);
      default ->
          throw new DatasourceException(
              "failed to decode "
                  + what
                  + ": unsupported encoding \""
                  + encoding
                  + "\" (use base64 or gzip+base64)");
    };
  }

  /** Base64-decodes {@code data} (whitespace ignored), failing with a message naming it. */
  public static byte[] base64(byte[] data, String what) throws DatasourceException {
    return strictBase64(data)
        .orElseThrow(
            () -> new DatasourceException("failed to decode " + what + ": not valid base64"));
  }

  /**
   * The decoded bytes when {@code data} is entirely base64 (whitespace ignored, padding required,
   * at least one byte), else empty.
   */
  public static Optional<byte[]> strictBase64(byte[] data) {
    ByteArrayOutputStream clean = new ByteArrayOutputStream(data.length);
    for (byte b : data) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
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
        return Optional.empty();
      }
      clean.write(b);
    }
    byte[] text = clean.toByteArray();
    if (text.length == 0 || text.length % 4 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] gunzip(byte[] data, String what) throws DatasourceException {
    try {
      return Gzip.gunzip(data);
    } catch (Gzip.TooLargeException e) {
      throw new DatasourceException(
          "failed to decode " + what + ": gzip data expands to more than " + Gzip.LIMIT);
    } catch (EOFException e) {
      throw new DatasourceException("failed to decode " + what + ": gzip data is truncated", e);
    } catch (IOException e) {
      throw new DatasourceException(
          "failed to decode " + what + ": not valid gzip data (" + e.getMessage() + ")", e);
    }
  }
}
