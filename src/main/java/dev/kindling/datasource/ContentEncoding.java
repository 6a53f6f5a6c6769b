package dev.kindling.datasource;

import dev.kindling.value.Gzip;
import dev.kindling.value.StrictBase64;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes user data that a platform delivers encoded: base64 (padding required, whitespace ignored)
 * and gzip+base64, with the encoding names of {@code write_files}.
 */
public final class ContentEncoding {
  // Unlike config.ContentDecoder on purpose: platform user data may carry spaces or tabs, so
  // StrictBase64 skips all WHITESPACE here; throws.

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
    try {
      byte[] decoded = StrictBase64.decode(data, StrictBase64.Skipped.WHITESPACE);
      // Only a text of whitespace alone decodes to no bytes.
      return decoded.length == 0 ? Optional.empty() : Optional.of(decoded);
    } catch (StrictBase64.InvalidException e) {
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
