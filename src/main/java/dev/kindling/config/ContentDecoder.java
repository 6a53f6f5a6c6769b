package dev.kindling.config;

import dev.kindling.value.Bytes;
import dev.kindling.value.Gzip;
import dev.kindling.value.StrictBase64;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Decodes {@code write_files[].content} per its {@code encoding} (base64, gzip, gzip+base64), with
 * the original's base64 rules (padding required, CR and LF ignored) and one fix: a truncated gzip
 * stream is an error instead of silently yielding a prefix
 * (docs/compatibility.md#truncated-gzip-content-is-an-error).
 */
public final class ContentDecoder {
  // Unlike datasource.ContentEncoding on purpose: Go's base64 rules (a space is an error), so
  // StrictBase64 skips LINE_BREAKS here.

  private ContentDecoder() {}

  /** A decoded content or why it could not be decoded. */
  public sealed interface Result permits Decoded, Failed, TooLarge {}

  /** The decoded bytes. */
  public record Decoded(Bytes content) implements Result {
    public Decoded {
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * Why decoding failed, e.g. {@code illegal base64 data at input byte 4}; {@code originalAccepts}
   * when coreos-cloudinit decoded it anyway (it ignored errors after a valid gzip header).
   */
  public record Failed(String reason, boolean originalAccepts) implements Result {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    /** A failure coreos-cloudinit's decoder had too. */
    public Failed(String reason) {
      this(reason, false);
    }
  }

  /** Decodes {@code content} written with {@code encoding} ("" for none). */
  public static Result decode(String encoding, Bytes content) {
    return decode(encoding, content, Gzip.LIMIT);
  }

  /**
   * Decodes {@code content} written with {@code encoding} ("" for none) to at most {@code limit}
   * bytes (what is left of a config's budget); more is {@link TooLarge}.
   */
  public static Result decode(String encoding, Bytes content, long limit) {
    Result result =
        switch (encoding) {
          case "" -> new Decoded(content);
          case "b64", "base64" -> base64(content);
          case "gz", "gzip" -> gunzip(content.toByteArray(), limit);
          case "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" -> {
            Result raw = base64(content);
            yield raw instanceof Decoded d ? gunzip(d.content().toByteArray(), limit) : raw;
          }
          default -> new Failed("unsupported encoding \"" + encoding + "\"");
        };
    if (result instanceof Decoded d && d.content().size() > limit) {
      return new TooLarge(limit);
    }
    return result;
  }

  /**
   * The content decodes to more than {@code limit} bytes (decoding stopped there).
   *
   * @param limit the bytes that were left
   */
  public record TooLarge(long limit) implements Result {}

  private static Result base64(Bytes content) {
    try {
      return new Decoded(
          Bytes.of(StrictBase64.decode(content.toByteArray(), StrictBase64.Skipped.LINE_BREAKS)));
    } catch (StrictBase64.InvalidException e) {
      return new Failed(e.getMessage());
    }
  }

  private static Result gunzip(byte[] data, long limit) {
    if (data.length == 0) {
      return new Failed("gzip content is empty");
    }
    // The original failed only on the gzip header; it ignored every error after it.
    boolean header = data.length >= 10 && data[0] == 0x1f && data[1] == (byte) 0x8b && data[2] == 8;
    try {
      return new Decoded(Bytes.of(Gzip.gunzip(data, limit)));
    } catch (Gzip.TooLargeException e) {
      return new TooLarge(limit);
    } catch (EOFException e) {
      return new Failed("gzip stream is truncated", header);
    } catch (IOException e) {
      return new Failed("invalid gzip data: " + e.getMessage(), header);
    }
  }
}
