package dev.kindling.plan.netconf;

import dev.kindling.plan.netconf.DebianStanzas.Iface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts a debian interfaces file (config drive {@code network_config}) into interfaces as the
 * original did: {@code static}, {@code dhcp}, {@code manual} and {@code loopback} (dropped)
 * methods, VLANs ({@code vlan_raw_device} or a {@code .} in the name), bonds ({@code bond-slaves}),
 * undeclared slaves and VLAN parents as manual physical interfaces, output sorted by name.
 *
 * <p>Deliberate differences from the original: bond settings use networkd's names ({@code Mode=},
 * {@code MIIMonitorSec=<n>ms}, {@code LACPTransmitRate=};
 * docs/compatibility.md#bond-options-use-systemd-networkd-names: the original wrote ifupdown's
 * {@code mode=}, {@code miimon=}, {@code lacp-rate=}, which networkd ignores); a VLAN named {@code
 * eth0.100} without {@code vlan_raw_device} sits on {@code eth0} (the original left it unlinked);
 * {@code bond-slaves none} means no slaves; an IPv6 {@code gateway} routes {@code ::/0}; an address
 * may be written as CIDR; an invalid address, netmask, gateway or name server is an error instead
 * of a {@code <nil>} in the output.
 */
final class DebianNetconf {
  private static final List<String> BOND_MODES =
      List.of(
          "balance-rr",
          "active-backup",
          "balance-xor",
          "broadcast",
          "802.3ad",
          "balance-tlb",
          "balance-alb");

  private DebianNetconf() {}

  static List<NetInterface> convert(String text) throws NetconfException {
    Map<String, NetInterface> interfaces = new TreeMap<>();
    for (Iface iface : DebianStanzas.parse(text)) {
      ConfigMethod config = DebianMethods.config(iface);
      Map<String, List<String>> options = iface.options();
      if (options.containsKey("vlan_raw_device") || iface.name().contains(".")) {
        NetInterface vlan = vlan(iface, config);
        if (!vlan.rawDevice.isEmpty()) {
          interfaces.putIfAbsent(vlan.rawDevice, NetInterface.manual(vlan.rawDevice));
        }
        interfaces.put(vlan.name, vlan);
      } else if (options.containsKey("bond-slaves")) {
        NetInterface bond = bond(iface, config);
        interfaces.put(bond.name, bond);
        for (String slave : bond.slaves) {
          interfaces.putIfAbsent(slave, NetInterface.manual(slave));
        }
      } else if (!iface.method().equals("loopback")) {
        interfaces.put(
            iface.name(), new NetInterface(NetInterface.Kind.PHYSICAL, iface.name(), config));
      }
    }
    for (NetInterface i : interfaces.values()) {
      List<String> parents =
          i.kind == NetInterface.Kind.VLAN
              ? List.of(i.rawDevice)
              : i.kind == NetInterface.Kind.BOND ? i.slaves : List.of();
      for (String parentName : parents) {
        NetInterface parent = interfaces.get(parentName);
        if (parent != null && parent.kind != NetInterface.Kind.VLAN) {
          parent.children.add(i);
        }
      }
    }
    NetInterface.markDepths(interfaces);
    return new ArrayList<>(interfaces.values());
  }

  private static NetInterface vlan(Iface iface, ConfigMethod config) throws NetconfException {
    String name = iface.name();
    String id;
    String raw = "";
    if (name.contains(".")) {
      id = name.substring(name.lastIndexOf('.') + 1);
      raw = name.substring(0, name.lastIndexOf('.'));
    } else if (name.startsWith("vlan")) {
      id = name.substring(4);
    } else {
      throw new NetconfException("malformed vlan name " + DebianStanzas.quote(name));
    }
    if (id.isEmpty() || id.length() > 9 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NetconfException("malformed vlan name " + DebianStanzas.quote(name));
    }
    List<String> device = iface.options().get("vlan_raw_device");
    if (device != null && device.size() == 1) {
      raw = device.get(0);
    }
    NetInterface vlan = new NetInterface(NetInterface.Kind.VLAN, name, config);
    vlan.vlanId = Integer.parseInt(id);
    vlan.rawDevice = raw;
    return vlan;
  }

  private static NetInterface bond(Iface iface, ConfigMethod config) throws NetconfException {
    NetInterface bond = new NetInterface(NetInterface.Kind.BOND, iface.name(), config);
    List<String> slaves = iface.options().get("bond-slaves");
    bond.slaves = slaves.equals(List.of("none")) ? List.of() : List.copyOf(slaves);
    Map<String, String> module = new TreeMap<>();
    Optional<String> mode = first(iface, "bond-mode");
    if (mode.isPresent()) {
      bond.bondOptions.put("Mode", bondMode(iface.name(), mode.get()));
      module.put("mode", mode.get());
    }
    Optional<String> miimon = first(iface, "bond-miimon");
    if (miimon.isPresent()) {
      if (!miimon.get().chars().allMatch(c -> c >= '0' && c <= '9') || miimon.get().isEmpty()) {
        throw new NetconfException(
            "invalid bond-miimon " + DebianStanzas.quote(miimon.get()) + " (milliseconds)");
      }
      bond.bondOptions.put("MIIMonitorSec", miimon.get() + "ms");
      module.put("miimon", miimon.get());
    }
    Optional<String> lacpRate = first(iface, "bond-lacp-rate");
    if (lacpRate.isPresent()) {
      bond.bondOptions.put("LACPTransmitRate", lacpRate(lacpRate.get()));
      module.put("lacp_rate", lacpRate.get());
    }
    List<String> parameters = new ArrayList<>();
    module.forEach((k, v) -> parameters.add(k + "=" + v));
    bond.moduleParameters = parameters;
    return bond;
  }

  private static Optional<String> first(Iface iface, String option) {
    List<String> values = iface.options().get(option);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static String bondMode(String name, String mode) throws NetconfException {
    if (BOND_MODES.contains(mode)) {
      return mode;
    }
    if (mode.length() == 1 && mode.charAt(0) >= '0' && mode.charAt(0) <= '6') {
      return BOND_MODES.get(mode.charAt(0) - '0');
    }
    throw new NetconfException(
        "unknown bond-mode " + DebianStanzas.quote(mode) + " for " + DebianStanzas.quote(name));
  }

  private static String lacpRate(String rate) throws NetconfException {
    return switch (rate) {
      case "fast", "1" -> "fast";
      case "slow", "0" -> "slow";
      default ->
          throw new NetconfException(
              "unknown bond-lacp-rate " + DebianStanzas.quote(rate) + " (fast or slow)");
    };
  }
}
