package dev.kindling.plan.netconf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts Packet's network metadata ({@code {"interfaces": [{name, mac}], "addresses": [{address,
 * netmask, cidr, gateway, address_family, public}], "dns": [...]}}, or a whole metadata document
 * holding it under {@code network}) into interfaces (upstream network/packet.go): one 802.3ad
 * {@code bond0} with the first interface's MAC, every address and the routes (private {@code
 * 10.0.0.0/8}, public IPv4 {@code 0.0.0.0/0}, public IPv6 {@code ::/0} via each block's gateway),
 * and every interface a slave of it carrying the name servers ({@code dns}, or 8.8.8.8 and 8.8.4.4
 * when absent), its file depth being its index.
 *
 * <p>Differences from the original: no interfaces is an error instead of a crash; an address
 * without a usable netmask falls back to {@code cidr}; a block without gateway adds no route
 * (instead of {@code Gateway=<nil>}); the bonding module gets kernel parameter names ({@code
 * mode=802.3ad miimon=200 ...}; the original passed the networkd keys, which the module ignores).
 */
final class PacketNetconf {
  private PacketNetconf() {}

  static List<NetInterface> convert(JsonNode root) throws NetconfException {
    JsonNode network =
        root.has("network") && root.get("network").isObject() ? root.get("network") : root;
    List<IpAddress> nameservers = new ArrayList<>();
    JsonNode dns = network.get("dns");
    if (dns == null || dns.isNull()) {
      nameservers.add(IpAddress.parse("8.8.8.8").orElseThrow());
      nameservers.add(IpAddress.parse("8.8.4.4").orElseThrow());
    } else {
      for (JsonNode ns : dns) {
        nameservers.add(
            IpAddress.parse(ns.asText())
                .orElseThrow(
                    () -> new NetconfException("invalid dns entry " + quote(ns.asText()))));
      }
    }
    List<IpNetwork> addresses = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    for (JsonNode block : iterable(network.get("addresses"))) {
      IpNetwork address = address(block);
      addresses.add(address);
      Optional<IpAddress> gateway = IpAddress.parse(block.path("gateway").asText(""));
      if (gateway.isPresent()) {
        String destination =
            !block.path("public").asBoolean(false)
                ? "10.0.0.0/8"
                : block.path("address_family").asInt(0) == 4 ? "0.0.0.0/0" : "::/0";
        routes.add(new Route(IpNetwork.parseCidr(destination).orElseThrow(), gateway.get()));
      }
    }
    List<JsonNode> nics = new ArrayList<>();
    iterable(network.get("interfaces")).forEach(nics::add);
    if (nics.isEmpty()) {
      throw new NetconfException("the packet network config lists no interfaces");
    }
    NetInterface bond =
        new NetInterface(
            NetInterface.Kind.BOND,
            "bond0",
            new ConfigMethod.Static(addresses, nameservers, List.of(), routes, Optional.empty()));
    bond.matchMac = MacAddress.parse(nics.get(0).path("mac").asText(""));
    bond.bondOptions.put("Mode", "802.3ad");
    bond.bondOptions.put("LACPTransmitRate", "fast");
    bond.bondOptions.put("MIIMonitorSec", ".2");
    bond.bondOptions.put("UpDelaySec", ".2");
    bond.bondOptions.put("DownDelaySec", ".2");
    bond.moduleParameters =
        List.of("downdelay=200", "lacp_rate=fast", "miimon=200", "mode=802.3ad", "updelay=200");
    List<NetInterface> out = new ArrayList<>();
    List<String> slaves = new ArrayList<>();
    for (int index = 0; index < nics.size(); index++) {
      String name = nics.get(index).path("name").asText("");
      if (name.isEmpty()) {
        throw new NetconfException("packet interface " + index + " has no name");
      }
      slaves.add(name);
      NetInterface slave =
          new NetInterface(
              NetInterface.Kind.PHYSICAL,
              name,
              new ConfigMethod.Static(
                  List.of(), nameservers, List.of(), List.of(), Optional.empty()));
      slave.children.add(bond);
      slave.depth = index;
      out.add(slave);
    }
    bond.slaves = slaves;
    out.add(bond);
    return out;
  }

  private static IpNetwork address(JsonNode block) throws NetconfException {
    String text = block.path("address").asText("");
    IpAddress ip =
        IpAddress.parse(text)
            .orElseThrow(() -> new NetconfException("invalid address " + quote(text)));
    Optional<Integer> prefix = IpNetwork.prefixOf(block.path("netmask").asText(""));
    if (prefix.isEmpty() && block.path("cidr").isInt()) {
      prefix = Optional.of(block.get("cidr").asInt());
    }
    int bits = ip.isV4() ? 32 : 128;
    if (prefix.isEmpty() || prefix.get() < 0 || prefix.get() > bits) {
      throw new NetconfException("address " + quote(text) + " has no usable netmask or cidr");
    }
    return new IpNetwork(ip, prefix.get());
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node == null || !node.isArray() ? List.of() : node;
  }

  private static String quote(String text) {
    return DebianStanzas.quote(text);
  }
}
