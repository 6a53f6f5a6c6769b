package dev.kindling.plan.netconf;

import static dev.kindling.plan.netconf.NetworkDataFields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code networks} and {@code services} of OpenStack's {@code network_data.json} as layer-3
 * settings of the converted devices: static addresses (the prefix from {@code netmask}, a dotted or
 * full IPv6 mask or a prefix length, or from a {@code /prefix} in {@code ip_address}; never
 * assumed), DHCPv4, DHCPv6 and router advertisements per network type, routes, DNS servers and
 * search domains (per network, and the document's own on every configured device).
 */
final class OpenStackNetworks {
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}");

  private final OpenStackLinks.Devices devices;
  private final List<Skipped> skipped;

  private OpenStackNetworks(OpenStackLinks.Devices devices, List<Skipped> skipped) {
    this.devices = devices;
    this.skipped = skipped;
  }

  /** Binds {@code networks} and {@code services} to {@code devices}, reporting what is left out. */
  static void apply(
      List<JsonNode> networks,
      List<JsonNode> services,
      OpenStackLinks.Devices devices,
      List<Skipped> skipped) {
    OpenStackNetworks state = new OpenStackNetworks(devices, skipped);
    for (int i = 0; i < networks.size(); i++) {
      state.network(i, networks.get(i));
    }
    Set<IpAddress> dns = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    for (int i = 0; i < services.size(); i++) {
      state.service("services[" + i + "]", services.get(i), dns, domains);
    }
    List<NetDevice> configured = devices.devices().stream().filter(d -> d.configured).toList();
    if (configured.isEmpty() && !(dns.isEmpty() && domains.isEmpty())) {
      skipped.add(
          new Skipped("services", "no network was converted to carry the DNS servers and domains"));
    }
    for (NetDevice device : configured) {
      device.dns.addAll(dns);
      device.domains.addAll(domains);
    }
  }

  private void network(int i, JsonNode network) {
    String subject = "networks[" + i + "]";
    if (!network.isObject()) {
      skipped.add(new Skipped(subject, "not an object"));
      return;
    }
    subject += NetworkDataFields.text(network, "id").map(id -> " " + quote(id)).orElse("");
    Optional<NetDevice> device = device(subject, network);
    if (device.isEmpty()) {
      return;
    }
    NetDevice d = device.get();
    String type = NetworkDataFields.text(network, "type").orElse("").toLowerCase(Locale.ROOT);
    try {
      switch (type) {
        case "ipv4" -> addAddress(d, address(network, false));
        case "ipv6" -> {
          addAddress(d, address(network, true));
          d.staticIpv6 = true;
        }
        case "ipv4_dhcp" -> d.dhcp4 = true;
        case "ipv6_dhcp", "ipv6_dhcpv6-stateful" -> {
          d.dhcp6 = true;
          d.acceptRa = true;
        }
        case "ipv6_slaac", "ipv6_dhcpv6-stateless" -> d.acceptRa = true;
        default ->
            throw new NetconfException(
                "unsupported network type "
                    + (type.isEmpty() ? "(none)" : quote(type))
                    + " (ipv4, ipv6, ipv4_dhcp, ipv6_dhcp, ipv6_slaac,"
                    + " ipv6_dhcpv6-stateless or ipv6_dhcpv6-stateful)");
      }
    } catch (NetconfException e) {
      skipped.add(new Skipped(subject, e.getMessage()));
      return;
    }
    d.configured = true;
    try {
      List<JsonNode> routes = NetworkDataFields.elements(network, "routes");
      for (int j = 0; j < routes.size(); j++) {
        route(subject + " routes[" + j + "]", routes.get(j), d);
      }
      List<JsonNode> services = NetworkDataFields.elements(network, "services");
      for (int j = 0; j < services.size(); j++) {
        service(subject + " services[" + j + "]", services.get(j), d.dns, d.domains);
      }
    } catch (NetconfException e) {
      skipped.add(new Skipped(subject, e.getMessage()));
    }
  }

  /** The converted device a network is bound to, or empty after reporting why there is none. */
  private Optional<NetDevice> device(String subject, JsonNode network) {
    Optional<String> link = NetworkDataFields.text(network, "link");
    if (link.isEmpty()) {
      skipped.add(new Skipped(subject, "no \"link\": it is bound to no device"));
      return Optional.empty();
    }
    NetDevice device = devices.byId().get(link.get());
    if (device == null) {
      String why =
          devices.leftOut().containsKey(link.get()) ? " was not converted" : " is not in \"links\"";
      skipped.add(new Skipped(subject, "its link " + quote(link.get()) + why));
      return Optional.empty();
    }
    if (device.bond.isPresent()) {
      skipped.add(
          new Skipped(
              subject,
              "its link is a member of "
                  + device.bond.get().name
                  + "; addresses belong on the bond"));
      return Optional.empty();
    }
    return Optional.of(device);
  }

  private static void addAddress(NetDevice device, IpNetwork address) {
    if (!device.addresses.contains(address)) {
      device.addresses.add(address);
    }
  }

  private static IpNetwork address(JsonNode network, boolean v6) throws NetconfException {
    Optional<String> text = NetworkDataFields.text(network, "ip_address");
    if (text.isEmpty()) {
      throw new NetconfException("a static network without ip_address");
    }
    return cidr("ip_address", text.get(), network.get("netmask"), v6);
  }

  /**
   * {@code text} with its prefix: a {@code /prefix} in the text wins, else {@code netmask} (an IPv4
   * dotted quad, a full IPv6 mask, or a prefix length).
   */
  static IpNetwork cidr(String field, String text, JsonNode netmask, boolean v6)
      throws NetconfException {
    IpNetwork network;
    if (text.indexOf('/') >= 0) {
      network =
          IpNetwork.parseCidr(text)
              .orElseThrow(
                  () ->
                      new NetconfException(
                          field + " " + quote(text) + " is not an address with a /prefix"));
    } else {
      IpAddress ip =
          IpAddress.parse(text)
              .orElseThrow(
                  () -> new NetconfException(field + " " + quote(text) + " is not an IP address"));
      checkFamily(field, text, ip, v6);
      network = new IpNetwork(ip, prefix(field, ip, netmask));
    }
    checkFamily(field, text, network.address(), v6);
    return network;
  }

  private static void checkFamily(String field, String text, IpAddress ip, boolean v6)
      throws NetconfException {
    if (ip.isV4() == v6) {
      throw new NetconfException(
          field + " " + quote(text) + " is not an " + (v6 ? "IPv6" : "IPv4") + " address");
    }
  }

  private static int prefix(String field, IpAddress ip, JsonNode netmask) throws NetconfException {
    int bits = ip.isV4() ? 32 : 128;
    if (netmask == null || netmask.isNull()) {
      throw new NetconfException(
          "no netmask and no /prefix in "
              + field
              + ": the prefix is not guessed"
              + (field.equals("ip_address")
                  ? " (cloud-init assumes /" + (ip.isV4() ? 24 : 64) + ")"
                  : ""));
    }
    Optional<Integer> length = NetworkDataFields.integer(netmask);
    if (length.isPresent() && length.get() <= bits) {
      return length.get();
    }
    if (netmask.isTextual()) {
      Optional<IpAddress> mask = IpAddress.parse(netmask.asText().strip());
      if (mask.isPresent() && mask.get().isV4() == ip.isV4()) {
        Optional<Integer> ones = IpNetwork.prefixOf(netmask.asText().strip());
        if (ones.isPresent()) {
          return ones.get();
        }
      }
    }
    throw new NetconfException(
        "netmask "
            + NetworkDataFields.show(netmask)
            + " is not an "
            + (ip.isV4() ? "IPv4" : "IPv6")
            + " netmask or prefix length");
  }

  private void route(String subject, JsonNode route, NetDevice device) {
    if (!route.isObject()) {
      skipped.add(new Skipped(subject, "not an object"));
      return;
    }
    try {
      Optional<String> gatewayText = NetworkDataFields.text(route, "gateway");
      if (gatewayText.isEmpty()) {
        throw new NetconfException("a route without gateway");
      }
      IpAddress gateway =
          IpAddress.parse(gatewayText.get())
              .orElseThrow(
                  () ->
                      new NetconfException(
                          "gateway " + quote(gatewayText.get()) + " is not an IP address"));
      Optional<String> destination = NetworkDataFields.text(route, "network");
      if (destination.isEmpty()) {
        throw new NetconfException("a route without network");
      }
      IpNetwork network =
          cidr("network", destination.get(), route.get("netmask"), !gateway.isV4()).network();
      Optional<Integer> metric = Optional.empty();
      if (NetworkDataFields.present(route, "metric")) {
        metric = NetworkDataFields.integer(route.get("metric"));
        if (metric.isEmpty()) {
          throw new NetconfException(
              "metric " + NetworkDataFields.show(route.get("metric")) + " is not a number");
        }
      }
      device.routes.add(new NetDevice.DeviceRoute(network, gateway, metric));
      List<JsonNode> services = NetworkDataFields.elements(route, "services");
      for (int k = 0; k < services.size(); k++) {
        service(subject + " services[" + k + "]", services.get(k), device.dns, device.domains);
      }
    } catch (NetconfException e) {
      skipped.add(new Skipped(subject, e.getMessage()));
    }
  }

  /** A {@code {"type": "dns", "address": ..., "search": ...}} service into the given sets. */
  private void service(String subject, JsonNode service, Set<IpAddress> dns, Set<String> domains) {
    if (!service.isObject()) {
      skipped.add(new Skipped(subject, "not an object"));
      return;
    }
    String type = NetworkDataFields.text(service, "type").orElse("");
    if (!type.equals("dns")) {
      skipped.add(
          new Skipped(
              subject,
              "unsupported service type "
                  + (type.isEmpty() ? "(none)" : quote(type))
                  + " (only dns is defined)"));
      return;
    }
    Optional<String> address = NetworkDataFields.text(service, "address");
    Optional<IpAddress> ip = address.flatMap(IpAddress::parse);
    if (address.isPresent() && ip.isEmpty()) {
      skipped.add(
          new Skipped(subject, "address " + quote(address.get()) + " is not an IP address"));
    }
    List<String> search = new ArrayList<>();
    JsonNode searchNode = service.get("search");
    if (searchNode != null && searchNode.isTextual()) {
      search.addAll(NetworkDataFields.words(searchNode.asText()));
    } else if (searchNode != null && searchNode.isArray()) {
      searchNode.forEach(n -> search.add(n.isTextual() ? n.asText().strip() : n.toString()));
    }
    for (String domain : search) {
      if (domain.isEmpty()) {
        continue;
      }
      if (DOMAIN.matcher(domain).matches()) {
        domains.add(domain);
      } else {
        skipped.add(new Skipped(subject, "search domain " + quote(domain) + " is not a domain"));
      }
    }
    if (address.isEmpty() && search.isEmpty()) {
      skipped.add(new Skipped(subject, "a dns service without address"));
    }
    ip.ifPresent(dns::add);
  }
}
