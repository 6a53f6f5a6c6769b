package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the devices of an OpenStack network config as networkd files under {@code
 * /run/systemd/network}: {@code 10-kindling-<name>.netdev} for each bond and VLAN, {@code
 * 20-kindling-<name>.network} for them, {@code 30-kindling-<mac>.network} for each NIC.
 *
 * <p>A NIC is matched by its MAC, because its kernel name is unknown before boot: by {@code
 * MACAddress=} together with {@code Type=ether}, so the bonds and VLANs that share its address do
 * not match too; a bond member by {@code PermanentMACAddress=}, because enslaving changes its
 * current address to the bond's. The default route is {@code Gateway=} when the gateway is on the
 * link; every other route is a {@code [Route]}, with {@code GatewayOnLink=yes} when the gateway
 * lies outside the link's static addresses. A device no network configures is brought up without
 * addresses ({@code LinkLocalAddressing=no}, {@code IPv6AcceptRA=no}).
 */
final class OpenStackNetworkd {
  private OpenStackNetworkd() {}

  /**
   * The files for {@code devices}: netdevs, then the bonds' and VLANs' networks, then the NICs'.
   */
  static List<NetworkFile> files(List<NetDevice> devices) {
    List<NetworkFile> netdevs = new ArrayList<>();
    List<NetworkFile> virtual = new ArrayList<>();
    List<NetworkFile> nics = new ArrayList<>();
    for (NetDevice d : devices) {
      if (d.kind == NetDevice.Kind.PHYSICAL) {
        String hex = d.mac.orElseThrow().replace(":", "").toLowerCase(Locale.ROOT);
        nics.add(new NetworkFile("30-kindling-" + hex + ".network", network(d)));
      } else {
        netdevs.add(new NetworkFile("10-kindling-" + d.name + ".netdev", netdev(d)));
        virtual.add(new NetworkFile("20-kindling-" + d.name + ".network", network(d)));
      }
    }
    List<NetworkFile> files = new ArrayList<>(netdevs);
    files.addAll(virtual);
    files.addAll(nics);
    return files;
  }

  private static String netdev(NetDevice d) {
    StringBuilder out = header(d);
    out.append("[NetDev]\nName=").append(d.name).append('\n');
    out.append("Kind=").append(d.kind == NetDevice.Kind.BOND ? "bond" : "vlan").append('\n');
    d.mac.ifPresent(mac -> out.append("MACAddress=").append(mac).append('\n'));
    d.mtu.ifPresent(mtu -> out.append("MTUBytes=").append(mtu).append('\n'));
    if (d.kind == NetDevice.Kind.BOND) {
      out.append("\n[Bond]\n");
      d.bondLines.forEach(line -> out.append(line).append('\n'));
    } else {
      out.append("\n[VLAN]\nId=").append(d.vlanId).append('\n');
    }
    return out.toString();
  }

  private static String network(NetDevice d) {
    StringBuilder out = header(d);
    out.append("[Match]\n");
    if (d.kind != NetDevice.Kind.PHYSICAL) {
      out.append("Name=").append(d.name).append('\n');
    } else if (d.bond.isPresent()) {
      out.append("PermanentMACAddress=").append(d.mac.orElseThrow()).append('\n');
    } else {
      out.append("MACAddress=").append(d.mac.orElseThrow()).append("\nType=ether\n");
    }
    if (d.kind == NetDevice.Kind.PHYSICAL && d.mtu.isPresent()) {
      out.append("\n[Link]\nMTUBytes=").append(d.mtu.get()).append('\n');
    }
    out.append("\n[Network]\n");
    if (d.bond.isPresent()) {
      out.append("Bond=").append(d.bond.get().name).append('\n');
      return out.toString();
    }
    List<NetDevice.DeviceRoute> sections = new ArrayList<>();
    if (d.configured) {
      if (d.dhcp4 || d.dhcp6) {
        out.append("DHCP=")
            .append(d.dhcp4 && d.dhcp6 ? "yes" : d.dhcp4 ? "ipv4" : "ipv6")
            .append('\n');
      }
      if (d.acceptRa || d.staticIpv6) {
        out.append("IPv6AcceptRA=").append(d.acceptRa ? "yes" : "no").append('\n');
      }
      d.addresses.forEach(a -> out.append("Address=").append(a).append('\n'));
      for (NetDevice.DeviceRoute r : d.routes) {
        if (r.destination().prefix() == 0 && r.metric().isEmpty() && !needsOnLink(d, r)) {
          out.append("Gateway=").append(r.gateway()).append('\n');
        } else {
          sections.add(r);
        }
      }
      d.dns.forEach(ip -> out.append("DNS=").append(ip).append('\n'));
      if (!d.domains.isEmpty()) {
        out.append("Domains=").append(String.join(" ", d.domains)).append('\n');
      }
    } else {
      out.append("LinkLocalAddressing=no\nIPv6AcceptRA=no\n");
    }
    d.vlans.forEach(v -> out.append("VLAN=").append(v.name).append('\n'));
    for (NetDevice.DeviceRoute r : sections) {
      out.append("\n[Route]\nDestination=").append(r.destination()).append('\n');
      out.append("Gateway=").append(r.gateway()).append('\n');
      if (needsOnLink(d, r)) {
        out.append("GatewayOnLink=yes\n");
      }
      r.metric().ifPresent(m -> out.append("Metric=").append(m).append('\n'));
    }
    return out.toString();
  }

  /**
   * Whether the route's gateway must be declared on-link: the link has static addresses of its
   * family and none of their subnets holds it (an IPv6 link-local gateway is always on-link).
   */
  static boolean needsOnLink(NetDevice d, NetDevice.DeviceRoute r) {
    IpAddress gateway = r.gateway();
    byte[] b = gateway.bytes();
    if (b.length == 16 && (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
      return false; // fe80::/10
    }
    List<IpNetwork> sameFamily =
        d.addresses.stream().filter(a -> a.address().isV4() == gateway.isV4()).toList();
    return !sameFamily.isEmpty()
        && sameFamily.stream()
            .noneMatch(a -> a.network().equals(new IpNetwork(gateway, a.prefix()).network()));
  }

  private static StringBuilder header(NetDevice d) {
    StringBuilder out = new StringBuilder("# Kindling: network_data.json link");
    NetworkDataFields.commentSafe(d.linkId)
        .ifPresent(id -> out.append(" \"").append(id).append('"'));
    NetworkDataFields.commentSafe(d.linkType)
        .ifPresent(type -> out.append(" (").append(type).append(')'));
    return out.append('\n');
  }
}
