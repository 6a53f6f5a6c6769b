package dev.kindling.datasource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals from metadata, in the forms {@code Metadata} holds: dotted quads and
 * canonical compressed IPv6 (RFC 5952). {@link #parse} normalises a field that must be an address
 * (leading zeros and IPv4-mapped IPv6 accepted) and fails otherwise; {@link #ipv4} and {@link
 * #ipv6} only recognise strict literals. Never resolves names.
 */
final class IpAddresses {
  private static final Pattern V4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpAddresses() {}

  /**
   * The canonical form of {@code text} (trimmed); empty when {@code text} is blank.
   *
   * @throws DatasourceException when it is not an IP address literal
   */
  static Optional<String> parse(String field, String text) throws DatasourceException {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = V4.matcher(s);
    if (m.matches()) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= 4; i++) {
        int octet = Integer.parseInt(m.group(i));
        if (octet > 255) {
          throw invalid(field, s);
        }
        out.append(i > 1 ? "." : "").append(octet);
      }
      return Optional.of(out.toString());
    }
    if (s.indexOf(':') < 0 || !V6_CHARS.matcher(s).matches()) {
      throw invalid(field, s);
    }
    try {
      // A literal of these characters is parsed, never looked up.
      byte[] b = InetAddress.getByName(s).getAddress();
      if (b.length != 16) {
        return Optional.of(InetAddress.getByAddress(b).getHostAddress());
      }
      return Optional.of(canonical(b));
    } catch (UnknownHostException e) {
      throw invalid(field, s);
    }
  }

  private static DatasourceException invalid(String field, String s) {
    return new DatasourceException(
        "failed to parse " + field + ": \"" + s + "\" is not an IP address");
  }

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

  /** RFC 5952: lower-case hex, no leading zeros, the longest run of 2+ zero groups as "::". */
  private static String canonical(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
