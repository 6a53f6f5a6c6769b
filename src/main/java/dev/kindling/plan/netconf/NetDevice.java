package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One device of an OpenStack network config being converted: a physical NIC (matched by its MAC), a
 * bond or a VLAN (created by networkd, named by us), with its link settings and the layer-3
 * settings the networks bound to it ask for.
 */
final class NetDevice {
  /** What the device is. */
  enum Kind {
    PHYSICAL,
    BOND,
    VLAN
  }

  final Kind kind;

  /** The {@code id} of the link in {@code network_data.json}. */
  final String linkId;

  /** The link's {@code type} as given ({@code null} in old data), for the comment line. */
  final String linkType;

  /** The interface name: for bonds and VLANs the name we create; empty for a physical NIC. */
  final String name;

  /** The MAC a physical NIC is matched by, or the one a bond or VLAN is created with. */
  final Optional<String> mac;

  Optional<Integer> mtu = Optional.empty();

  /** The bond this NIC is a member of. */
  Optional<NetDevice> bond = Optional.empty();

  /** The VLANs created on this device, in document order. */
  final List<NetDevice> vlans = new ArrayList<>();

  /** For a bond: its {@code [Bond]} lines. For a VLAN: its id. */
  List<String> bondLines = List.of();

  int vlanId;

  /** Layer 3, filled from the networks bound to this device. */
  boolean dhcp4;

  boolean dhcp6;

  /** {@code IPv6AcceptRA=}: yes when any network wants router advertisements. */
  boolean acceptRa;

  /** Whether a static IPv6 address asks for {@code IPv6AcceptRA=no}. */
  boolean staticIpv6;

  final List<IpNetwork> addresses = new ArrayList<>();
  final List<DeviceRoute> routes = new ArrayList<>();
  final Set<IpAddress> dns = new LinkedHashSet<>();
  final Set<String> domains = new LinkedHashSet<>();

  /** Whether any network configures layer 3 on this device. */
  boolean configured;

  NetDevice(Kind kind, String linkId, String linkType, String name, Optional<String> mac) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.linkId = Objects.requireNonNull(linkId, "linkId");
    this.linkType = linkType;
    this.name = Objects.requireNonNull(name, "name");
    this.mac = Objects.requireNonNull(mac, "mac");
  }

  /** How messages name the device: its interface name, or its MAC. */
  String label() {
    return kind == Kind.PHYSICAL ? "the NIC " + mac.orElse("?") : name;
  }

  /**
   * A route of the device.
   *
   * @param destination the destination network (prefix 0 for a default route)
   * @param gateway the next hop
   * @param metric the route metric, if given
   */
  record DeviceRoute(IpNetwork destination, IpAddress gateway, Optional<Integer> metric) {
    DeviceRoute {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(metric, "metric");
    }
  }
}
