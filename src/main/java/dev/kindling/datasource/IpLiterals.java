package dev.kindling.datasource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict IP address literals: dotted-quad IPv4 (no leading zeros, no short forms) and IPv6 in the
 * canonical compressed form (RFC 5952). Never resolves names.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** The IPv4 address {@code text} denotes, or empty when it is not a dotted quad. */
  static Optional<String> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }

  /** The IPv6 address {@code text} denotes in canonical form, or empty when it is not one. */
  static Optional<String> ipv6(String text) {
    if (text.isEmpty()
        || !text.contains(":")
        || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return Optional.empty();
    }
    try {
      // Brackets make the JDK treat it as a literal only (an invalid one throws, no DNS lookup).
      InetAddress address = InetAddress.getByName("[" + text + "]");
      if (!(address instanceof Inet6Address)) {
        return Optional.empty(); // an IPv4-mapped literal; not an IPv6 address for metadata
      }
      return Optional.of(canonical(address.getAddress()));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String canonical(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // RFC 5952: a single zero group is not compressed
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
