package dev.kindling.datasource;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's own network interfaces, as far as a datasource needs them: the IPv4 address of the
 * interface with a given MAC. {@link #system()} asks the kernel; tests pass a lambda.
 */
@FunctionalInterface
public interface LocalInterfaces {
  /** The first IPv4 address of the interface whose MAC is {@code mac} ({@code aa:bb:...}). */
  Optional<String> ipv4OfMac(String mac);

  /** The real interfaces, through {@link NetworkInterface}. */
  static LocalInterfaces system() {
    return mac -> {
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          byte[] hardware = nic.getHardwareAddress();
          if (hardware == null || !format(hardware).equals(mac.strip().toLowerCase(Locale.ROOT))) {
            continue;
          }
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            if (address instanceof Inet4Address) {
              return Optional.of(address.getHostAddress());
            }
          }
        }
      } catch (SocketException e) {
        return Optional.empty();
      }
      return Optional.empty();
    };
  }

  private static String format(byte[] mac) {
    StringBuilder s = new StringBuilder();
    for (byte b : mac) {
      if (s.length() > 0) {
        s.append(':');
      }
      s.append(String.format(Locale.ROOT, "%02x", b & 0xff));
    }
    return s.toString();
  }
}
