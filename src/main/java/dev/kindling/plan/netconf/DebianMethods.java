package dev.kindling.plan.netconf;

import dev.kindling.plan.netconf.DebianStanzas.Iface;
import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The config method of a debian {@code iface} stanza (network/stanza.go): {@code static} needs
 * {@code address} and {@code netmask} (or a CIDR address) and takes {@code gateway}, {@code
 * dns-nameservers}, {@code hwaddress ether} and {@code post-up route add -net N netmask M gw G}
 * routes; {@code dhcp} takes {@code hwaddress ether}; {@code manual} and {@code loopback} take
 * nothing.
 */
final class DebianMethods {
  private DebianMethods() {}

  static ConfigMethod config(Iface iface) throws NetconfException {
    return switch (iface.method()) {
      case "static" -> staticConfig(iface);
      case "dhcp" -> new ConfigMethod.Dhcp(hwaddress(iface));
      case "manual", "loopback" -> new ConfigMethod.Manual();
      default ->
          throw new NetconfException(
              "invalid config method " + DebianStanzas.quote(iface.method()));
    };
  }

  private static ConfigMethod staticConfig(Iface iface) throws NetconfException {
    String name = DebianStanzas.quote(iface.name());
    Optional<String> address = single(iface, "address");
    Optional<String> netmask = single(iface, "netmask");
    Optional<IpNetwork> network = Optional.empty();
    if (address.isPresent() && address.get().contains("/")) {
      network = IpNetwork.parseCidr(address.get());
    } else if (address.isPresent() && netmask.isPresent()) {
      Optional<IpAddress> ip = IpAddress.parse(address.get());
      Optional<Integer> prefix = IpNetwork.prefixOf(netmask.get());
      if (ip.isPresent() && prefix.isPresent() && (prefix.get() <= 32 || !ip.get().isV4())) {
        network = Optional.of(new IpNetwork(ip.get(), prefix.get()));
      }
    }
    if (network.isEmpty()) {
      throw new NetconfException("malformed static network config for " + name);
    }
    List<Route> routes = new ArrayList<>();
    Optional<String> gateway = single(iface, "gateway");
    if (gateway.isPresent()) {
      IpAddress gw =
          IpAddress.parse(gateway.get())
              .orElseThrow(
                  () ->
                      new NetconfException(
                          "invalid gateway "
                              + DebianStanzas.quote(gateway.get())
                              + " for "
                              + name));
      String anywhere = gw.isV4() ? "0.0.0.0/0" : "::/0";
      routes.add(new Route(IpNetwork.parseCidr(anywhere).orElseThrow(), gw));
    }
    List<IpAddress> nameservers = new ArrayList<>();
    for (String ns : iface.options().getOrDefault("dns-nameservers", List.of())) {
      nameservers.add(
          IpAddress.parse(ns)
              .orElseThrow(
                  () ->
                      new NetconfException(
                          "invalid dns-nameservers entry "
                              + DebianStanzas.quote(ns)
                              + " for "
                              + name)));
    }
    for (String postUp : iface.options().getOrDefault("post-up", List.of())) {
      postUpRoute(postUp).ifPresent(routes::add);
    }
    return new ConfigMethod.Static(
        List.of(network.get()), nameservers, List.of(), routes, hwaddress(iface));
  }

  /** A {@code route add -net N netmask M gw G} post-up command as a route; others are ignored. */
  private static Optional<Route> postUpRoute(String command) {
    if (!command.startsWith("route add")) {
      return Optional.empty();
    }
    String[] words = DebianStanzas.fields(command);
    Optional<IpAddress> destination = Optional.empty();
    Optional<Integer> prefix = Optional.empty();
    Optional<IpAddress> gateway = Optional.empty();
    for (int i = 0; i < words.length - 1; i++) {
      String next = words[i + 1];
      switch (words[i]) {
        case "-net" -> {
          Optional<IpNetwork> cidr = IpNetwork.parseCidr(next);
          if (cidr.isPresent()) {
            destination = Optional.of(cidr.get().address());
            prefix = Optional.of(cidr.get().prefix());
          } else {
            destination = IpAddress.parse(next);
          }
        }
        case "netmask" -> prefix = IpNetwork.prefixOf(next);
        case "gw" -> gateway = IpAddress.parse(next);
        default -> {}
      }
    }
    if (destination.isEmpty() || prefix.isEmpty() || gateway.isEmpty()) {
      return Optional.empty();
    }
    if (destination.get().isV4() && prefix.get() > 32) {
      return Optional.empty();
    }
    return Optional.of(new Route(new IpNetwork(destination.get(), prefix.get()), gateway.get()));
  }

  private static Optional<String> hwaddress(Iface iface) throws NetconfException {
    List<String> words = iface.options().get("hwaddress");
    if (words == null || words.size() != 2 || !words.get(0).equals("ether")) {
      return Optional.empty();
    }
    return Optional.of(
        MacAddress.parse(words.get(1))
            .orElseThrow(
                () ->
                    new NetconfException(
                        "malformed hwaddress option for " + DebianStanzas.quote(iface.name()))));
  }

  private static Optional<String> single(Iface iface, String option) {
    List<String> values = iface.options().get(option);
    return values != null && values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }
}
