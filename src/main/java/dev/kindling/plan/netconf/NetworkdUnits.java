package dev.kindling.plan.netconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders interfaces as networkd files in the original's exact layout (upstream
 * network/interface.go): {@code .netdev} for bonds and VLANs, {@code .network} for every interface.
 * One addition: a hardware address that a debian {@code hwaddress ether} line asks a physical
 * interface or bond to use is written ({@code [Link] MACAddress=} in the {@code .network}, {@code
 * MACAddress=} in the bond's {@code [NetDev]}); the original parsed and dropped it
 * (docs/compatibility.md#hardware-addresses-of-physical-interfaces-are-kept).
 */
final class NetworkdUnits {
  private NetworkdUnits() {}

  /**
   * The files of the interfaces, in order: per interface its {@code .netdev}, then {@code
   * .network}.
   */
  static Conversion convert(List<NetInterface> interfaces) {
    List<NetworkFile> files = new ArrayList<>();
    boolean vlan = false;
    Optional<List<String>> bonding = Optional.empty();
    for (NetInterface i : interfaces) {
      netdev(i).ifPresent(text -> files.add(new NetworkFile(i.fileStem() + ".netdev", text)));
      files.add(new NetworkFile(i.fileStem() + ".network", network(i)));
      vlan |= i.kind == NetInterface.Kind.VLAN;
      if (i.kind == NetInterface.Kind.BOND && bonding.isEmpty()) {
        bonding = Optional.of(i.moduleParameters);
      }
    }
    return new Conversion(files, vlan, bonding);
  }

  static Optional<String> netdev(NetInterface i) {
    if (i.kind == NetInterface.Kind.BOND) {
      StringBuilder out = new StringBuilder("[NetDev]\nKind=bond\nName=" + i.name + "\n");
      i.matchMac
          .or(() -> i.config.hwaddress())
          .ifPresent(mac -> out.append("MACAddress=").append(mac).append('\n'));
      out.append("\n[Bond]\n");
      for (Map.Entry<String, String> e : i.bondOptions.entrySet()) {
        out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
      return Optional.of(out.toString());
    }
    if (i.kind == NetInterface.Kind.VLAN) {
      StringBuilder out = new StringBuilder("[NetDev]\nKind=vlan\nName=" + i.name + "\n");
      i.config.hwaddress().ifPresent(mac -> out.append("MACAddress=").append(mac).append('\n'));
      out.append("\n[VLAN]\nId=").append(i.vlanId).append('\n');
      return Optional.of(out.toString());
    }
    return Optional.empty();
  }

  static String network(NetInterface i) {
    StringBuilder out = new StringBuilder("[Match]\n");
    if (!i.name.isEmpty()) {
      out.append("Name=").append(i.name).append('\n');
    }
    i.matchMac.ifPresent(mac -> out.append("MACAddress=").append(mac).append('\n'));
    out.append("\n[Network]\n");
    for (NetInterface child : i.children) {
      out.append(child.kind == NetInterface.Kind.VLAN ? "VLAN=" : "Bond=")
          .append(child.name)
          .append('\n');
    }
    if (i.config instanceof ConfigMethod.Static s) {
      if (!s.domains().isEmpty()) {
        out.append("Domains=").append(String.join(" ", s.domains())).append('\n');
      }
      s.nameservers().forEach(ns -> out.append("DNS=").append(ns).append('\n'));
      s.addresses().forEach(a -> out.append("\n[Address]\nAddress=").append(a).append('\n'));
      for (Route r : s.routes()) {
        out.append("\n[Route]\nDestination=")
            .append(r.destination().network())
            .append("\nGateway=")
            .append(r.gateway())
            .append('\n');
      }
    } else if (i.config instanceof ConfigMethod.Dhcp) {
      out.append("DHCP=true\n");
    }
    if (i.kind == NetInterface.Kind.PHYSICAL) {
      i.config
          .hwaddress()
          .ifPresent(mac -> out.append("\n[Link]\nMACAddress=").append(mac).append('\n'));
    }
    return out.toString();
  }
}
