package dev.kindling.plan.netconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One interface being converted (the original's {@code InterfaceGenerator}): its kind, name, the
 * MAC it is matched by, its config, the VLANs and bonds stacked on it, and its config depth (0 for
 * leaves, one more than its deepest child otherwise), which prefixes its file names.
 */
final class NetInterface {
  /** What the interface is. */
  enum Kind {
    PHYSICAL,
    BOND,
    VLAN
  }

  final Kind kind;
  final String name;
  Optional<String> matchMac = Optional.empty();
  ConfigMethod config;
  final List<NetInterface> children = new ArrayList<>();
  int depth;

  /** VLAN id and the device it sits on ("" when unknown). */
  int vlanId;

  String rawDevice = "";

  /** Bond slaves by name, {@code [Bond]} settings by networkd key, bonding module parameters. */
  List<String> slaves = List.of();

  final Map<String, String> bondOptions = new TreeMap<>();
  List<String> moduleParameters = List.of();

  NetInterface(Kind kind, String name, ConfigMethod config) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A physical interface nothing configures, created for an undeclared slave or VLAN parent. */
  static NetInterface manual(String name) {
    return new NetInterface(Kind.PHYSICAL, name, new ConfigMethod.Manual());
  }

  /** The file name stem: {@code %02x-<name>}, the MAC standing in for a missing name. */
  String fileStem() {
    return String.format("%02x-%s", depth, name.isEmpty() ? matchMac.orElse("") : name);
  }

  /** Sets the config depth of this interface and those below it; returns depth + 1. */
  int markDepth(int guard) throws NetconfException {
    if (guard > 64) {
      throw new NetconfException("interfaces are stacked in a cycle (at \"" + name + "\")");
    }
    int max = 0;
    for (NetInterface child : children) {
      max = Math.max(max, child.markDepth(guard + 1));
    }
    depth = max;
    return max + 1;
  }

  /** Marks the depth of every interface that is not stacked on another one. */
  static void markDepths(Map<String, NetInterface> interfaces) throws NetconfException {
    Map<String, NetInterface> roots = new TreeMap<>(interfaces);
    for (NetInterface i : interfaces.values()) {
      for (NetInterface child : i.children) {
        roots.remove(child.name);
      }
    }
    if (roots.isEmpty() && !interfaces.isEmpty()) {
      throw new NetconfException("interfaces are stacked in a cycle");
    }
    for (NetInterface root : roots.values()) {
      root.markDepth(0);
    }
  }
}
