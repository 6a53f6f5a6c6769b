package dev.kindling.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte string, such as a file's content. Its {@code toString} shows only the length:
 * contents may be secrets and must never reach a log.
 */
public final class Bytes {
  private static final Bytes EMPTY = new Bytes(new byte[0]);
  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** The UTF-8 bytes of {@code text}. */
  public static Bytes utf8(String text) {
    return text.isEmpty() ? EMPTY : new Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** No bytes. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** The bytes decoded as UTF-8 (malformed input replaced). */
  public String toUtf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The number of bytes. */
  public int size() {
    return data.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return data.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Bytes[" + data.length + "]";
  }
}
