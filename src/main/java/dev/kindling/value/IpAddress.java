package dev.kindling.value;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address parsed and printed like Go's {@code net.ParseIP} and {@code IP.String}:
 * IPv4 (and IPv4-mapped IPv6) as a dotted quad, IPv6 in lower-case hex with the longest run of at
 * least two zero groups (the first of equal runs) written as {@code ::} (the RFC 5952 form).
 * Parsing never resolves names. The one IP parser of the project: metadata values and network
 * configuration both use it.
 */
public final class IpAddress {
  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The address, or empty when {@code text} is not an IP literal. */
  public static Optional<IpAddress> parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text).map(IpAddress::new);
    }
    return parseV4(text, false).map(IpAddress::new);
  }

  /**
   * The address, or empty when {@code text} is not an IP literal; unlike {@link #parse}, a dotted
   * quad may have leading zeros ({@code 010.0.0.1} is 10.0.0.1), as metadata services write them.
   */
  public static Optional<IpAddress> parseLenient(String text) {
    if (text.indexOf(':') >= 0) {
      return parse(text);
    }
    return parseV4(text, true).map(IpAddress::new);
  }

  /** An address from 4 or 16 bytes. */
  public static IpAddress of(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
    }
    return new IpAddress(bytes.clone());
  }

  /** Whether this is an IPv4 address (IPv4-mapped IPv6 counts, as in Go). */
  public boolean isV4() {
    return v4().isPresent();
  }

  /** The address bytes: 4 for IPv4, else 16. */
  public byte[] bytes() {
    return v4().orElse(bytes).clone();
  }

  private Optional<byte[]> v4() {
    if (bytes.length == 4) {
      return Optional.of(bytes);
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return Optional.empty();
      }
    }
    if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
  }

  @Override
  public String toString() {
    Optional<byte[]> v4 = v4();
    if (v4.isPresent()) {
      byte[] b = v4.get();
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    int bestStart = -1;
    int bestEnd = -1;
    for (int i = 0; i < 16; i += 2) {
      int j = i;
      while (j < 16 && bytes[j] == 0 && bytes[j + 1] == 0) {
        j += 2;
      }
      if (j > i && j - i > bestEnd - bestStart) {
        bestStart = i;
        bestEnd = j;
        i = j;
      }
    }
    if (bestEnd - bestStart <= 2) {
      bestStart = -1;
      bestEnd = -1;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      if (i == bestStart) {
        out.append("::");
        i = bestEnd - 2;
        continue;
      }
      if (i > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes(), other.bytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes());
  }

  private static Optional<byte[]> parseV4(String text, boolean leadingZeros) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      if (!leadingZeros && p.length() > 1 && p.charAt(0) == '0') {
        return Optional.empty();
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return Optional.empty();
      }
      out[i] = (byte) v;
    }
    return Optional.of(out);
  }

  private static Optional<byte[]> parseV6(String text) {
    byte[] out = new byte[16];
    int gap = -1;
    int n = 0;
    String rest = text;
    if (rest.startsWith("::")) {
      gap = 0;
      rest = rest.substring(2);
    }
    while (!rest.isEmpty()) {
      int colon = rest.indexOf(':');
      String group = colon < 0 ? rest : rest.substring(0, colon);
      if (group.indexOf('.') >= 0) {
        if (colon >= 0 || n > 12) {
          return Optional.empty();
        }
        Optional<byte[]> v4 = parseV4(group, false);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        System.arraycopy(v4.get(), 0, out, n, 4);
        n += 4;
        rest = "";
        break;
      }
      if (group.isEmpty() || group.length() > 4 || n >= 16) {
        return Optional.empty();
      }
      for (int k = 0; k < group.length(); k++) {
        if (!isHex(group.charAt(k))) {
          return Optional.empty();
        }
      }
      int v = Integer.parseInt(group, 16);
      out[n++] = (byte) (v >> 8);
      out[n++] = (byte) v;
      if (colon < 0) {
        rest = "";
      } else if (rest.startsWith("::", colon)) {
        if (gap >= 0) {
          return Optional.empty();
        }
        gap = n;
        rest = rest.substring(colon + 2);
      } else {
        rest = rest.substring(colon + 1);
        if (rest.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    if (gap < 0) {
      return n == 16 ? Optional.of(out) : Optional.empty();
    }
    if (n == 16) {
      return Optional.empty();
    }
    int tail = n - gap;
    System.arraycopy(out, gap, out, 16 - tail, tail);
    Arrays.fill(out, gap, 16 - tail, (byte) 0);
    return Optional.of(out);
  }

  /** Whether {@code c} is an ASCII hex digit. */
  public static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
