package dev.kindling.value;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Bounded gunzip, the one used for user data, {@code write_files} content and platform-encoded user
 * data: no input may expand to more than {@link #LIMIT} bytes (a zip-bomb guard).
 */
public final class Gzip {
  /** Most bytes any gzip input may expand to: 64 MiB. */
  public static final int LIMIT = 64 * 1024 * 1024;

  private Gzip() {}

  /** Whether {@code data} starts with the gzip magic bytes {@code 1f 8b}. */
  public static boolean isGzip(byte[] data) {
    return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
  }

  /** Gunzips {@code data} within {@link #LIMIT}. */
  public static byte[] gunzip(byte[] data) throws IOException {
    return gunzip(data, LIMIT);
  }

  /**
   * Gunzips {@code data} (every concatenated member), expanding to at most {@code limit} bytes.
   *
   * @throws TooLargeException when the data expands to more than {@code limit} bytes
   * @throws java.io.EOFException when the stream is truncated
   * @throws IOException when it is not valid gzip data
   */
  public static byte[] gunzip(byte[] data, long limit) throws IOException {
    long cap = Math.min(limit, Integer.MAX_VALUE - 16); // a Java array's size bounds any limit
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      byte[] out =
          new byte[(int) Math.min(Math.max(64, Math.min(data.length * 4L, 1 << 20)), cap + 1)];
      int size = 0;
      while (true) {
        if (size == out.length) {
          if (size > cap) {
            throw new TooLargeException(limit);
          }
          out = Arrays.copyOf(out, (int) Math.min((long) size * 2, cap + 1));
        }
        int n = in.read(out, size, out.length - size);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > cap) {
          throw new TooLargeException(limit);
        }
      }
      return Arrays.copyOf(out, size);
    }
  }

  /** The data expands to more than the limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLargeException(long limit) {
      super("expands to more than " + limit + " bytes");
      this.limit = limit;
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
      return limit;
    }
  }
}
