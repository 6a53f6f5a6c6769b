package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address with a prefix length, printed as Go prints a {@code net.IPNet}: {@code 192.0.2.10/24}
 * (the address as given, not the network), or via {@link #network()} as the masked network ({@code
 * 10.0.0.0/8}) for route destinations.
 */
public record IpNetwork(IpAddress address, int prefix) {
  public IpNetwork {
    Objects.requireNonNull(address, "address");
    int bits = address.isV4() ? 32 : 128;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range: " + prefix);
    }
  }

  /** Parses {@code ip/prefix} like Go's {@code net.ParseCIDR}. */
  public static Optional<IpNetwork> parseCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<IpAddress> ip = IpAddress.parse(text.substring(0, slash));
    String digits = text.substring(slash + 1);
    if (ip.isEmpty()
        || digits.isEmpty()
        || digits.length() > 3
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(digits);
    if (prefix > (ip.get().isV4() ? 32 : 128)) {
      return Optional.empty();
    }
    return Optional.of(new IpNetwork(ip.get(), prefix));
  }

  /**
   * The prefix length of a netmask such as {@code 255.255.255.0}, or empty when it is not an
   * address or its one bits are not contiguous.
   */
  public static Optional<Integer> prefixOf(String netmask) {
    Optional<IpAddress> mask = IpAddress.parse(netmask);
    if (mask.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = mask.get().bytes();
    int ones = 0;
    boolean zeroSeen = false;
    for (byte b : bytes) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = ((b >> bit) & 1) == 1;
        if (one && zeroSeen) {
          return Optional.empty();
        }
        if (one) {
          ones++;
        } else {
          zeroSeen = true;
        }
      }
    }
    return Optional.of(ones);
  }

  /** The network: the address with the host bits cleared. */
  public IpNetwork network() {
    byte[] bytes = address.bytes();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    return new IpNetwork(IpAddress.of(bytes), prefix);
  }

  @Override
  public String toString() {
    return address + "/" + prefix;
  }
}
