package dev.kindling.datasource;

import dev.kindling.value.IpAddress;
import java.util.Optional;

/**
 * IP address literals from metadata, in the forms {@code Metadata} holds (dotted quads and RFC 5952
 * IPv6), read with the one parser {@link IpAddress}. {@link #parse} normalises a field that must be
 * an address (leading zeros and IPv4-mapped IPv6 accepted) and fails otherwise; {@link #ipv4} and
 * {@link #ipv6} only recognise strict literals.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /**
   * The canonical form of {@code text} (trimmed); empty when {@code text} is blank.
   *
   * @throws DatasourceException when it is not an IP address literal
   */
  public static Optional<String> parse(String field, String text) throws DatasourceException {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        IpAddress.parseLenient(s)
            .orElseThrow(
                () ->
                    new DatasourceException(
                        "failed to parse " + field + ": \"" + s + "\" is not an IP address"))
            .toString());
  }

  /** The IPv4 address {@code text} denotes, or empty when it is not a dotted quad. */
  public static Optional<String> ipv4(String text) {
    return text.indexOf(':') >= 0 ? Optional.empty() : IpAddress.parse(text).map(ip -> text);
  }

  /**
   * The IPv6 address {@code text} denotes in canonical form, or empty when it is not one (an
   * IPv4-mapped literal is not an IPv6 address for metadata).
   */
  public static Optional<String> ipv6(String text) {
    return text.indexOf(':') < 0
        ? Optional.empty()
        : IpAddress.parse(text).filter(ip -> !ip.isV4()).map(IpAddress::toString);
  }
}
