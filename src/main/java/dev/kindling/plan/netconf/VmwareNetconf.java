package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts VMware guestinfo network keys into interfaces (upstream network/vmware.go): name servers
 * {@code dns.server.N} and search domains {@code dns.domain.N}; per interface {@code interface.N.}
 * {@code name}, {@code mac}, {@code dhcp} ({@code yes}/{@code no}), addresses {@code ip.M.address}
 * (CIDR) and routes {@code route.L.gateway}/{@code destination}. An interface with addresses or
 * routes is static (with every name server and domain), else DHCP when asked, else the list ends.
 * Indexes count from 0 and stop at the first gap. Matched by name and MAC. Difference from the
 * original: an interface with neither name nor MAC is an error (its {@code [Match]} would have
 * matched every link).
 */
final class VmwareNetconf {
  private VmwareNetconf() {}

  static List<NetInterface> convert(Map<String, String> keys) throws NetconfException {
    List<IpAddress> nameservers = new ArrayList<>();
    for (int i = 0; keys.containsKey("dns.server." + i); i++) {
      String text = keys.get("dns.server." + i);
      nameservers.add(
          IpAddress.parse(text)
              .orElseThrow(() -> new NetconfException("invalid nameserver: " + quote(text))));
    }
    List<String> domains = new ArrayList<>();
    for (int i = 0; keys.containsKey("dns.domain." + i); i++) {
      domains.add(keys.get("dns.domain." + i));
    }
    List<NetInterface> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      String prefix = "interface." + i + ".";
      boolean dhcp = dhcp(keys, prefix);
      List<IpNetwork> addresses = addresses(keys, prefix);
      List<Route> routes = routes(keys, prefix);
      Optional<String> mac = Optional.empty();
      if (keys.containsKey(prefix + "mac")) {
        String text = keys.get(prefix + "mac");
        mac =
            Optional.of(
                MacAddress.parse(text)
                    .orElseThrow(
                        () ->
                            new NetconfException(
                                "error while parsing MAC address: invalid MAC address "
                                    + quote(text))));
      }
      String name = keys.getOrDefault(prefix + "name", "");
      ConfigMethod config;
      if (!addresses.isEmpty() || !routes.isEmpty()) {
        config = new ConfigMethod.Static(addresses, nameservers, domains, routes, Optional.empty());
      } else if (dhcp) {
        config = new ConfigMethod.Dhcp(Optional.empty());
      } else {
        return out;
      }
      if (name.isEmpty() && mac.isEmpty()) {
        throw new NetconfException("interface." + i + " has neither a name nor a mac");
      }
      NetInterface iface = new NetInterface(NetInterface.Kind.PHYSICAL, name, config);
      iface.matchMac = mac;
      out.add(iface);
    }
  }

  private static boolean dhcp(Map<String, String> keys, String prefix) throws NetconfException {
    String value = keys.get(prefix + "dhcp");
    if (value == null || value.equals("no")) {
      return false;
    }
    if (value.equals("yes")) {
      return true;
    }
    throw new NetconfException("invalid DHCP option: " + quote(value));
  }

  private static List<IpNetwork> addresses(Map<String, String> keys, String prefix)
      throws NetconfException {
    List<IpNetwork> out = new ArrayList<>();
    for (int a = 0; keys.containsKey(prefix + "ip." + a + ".address"); a++) {
      String text = keys.get(prefix + "ip." + a + ".address");
      out.add(
          IpNetwork.parseCidr(text)
              .orElseThrow(() -> new NetconfException("invalid address: " + quote(text))));
    }
    return out;
  }

  private static List<Route> routes(Map<String, String> keys, String prefix)
      throws NetconfException {
    List<Route> out = new ArrayList<>();
    for (int r = 0; ; r++) {
      String route = prefix + "route." + r + ".";
      String gateway = keys.get(route + "gateway");
      String destination = keys.get(route + "destination");
      if (gateway == null && destination == null) {
        return out;
      }
      if (destination == null) {
        throw new NetconfException("missing destination key");
      }
      if (gateway == null) {
        throw new NetconfException("missing gateway key");
      }
      IpAddress gw =
          IpAddress.parse(gateway)
              .orElseThrow(() -> new NetconfException("invalid gateway: " + quote(gateway)));
      IpNetwork dst =
          IpNetwork.parseCidr(destination)
              .orElseThrow(() -> new NetconfException("invalid CIDR address: " + destination))
              .network();
      out.add(new Route(dst, gw));
    }
  }

  private static String quote(String text) {
    return DebianStanzas.quote(text);
  }
}
