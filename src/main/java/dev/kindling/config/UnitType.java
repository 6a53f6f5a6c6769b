package dev.kindling.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of unit files cloud-config can place, by name suffix, with the INI sections systemd
 * reads in each (systemd.unit(5) and the per-type pages, systemd.network(5), systemd.netdev(5),
 * systemd.link(5)). Network kinds go to {@code /etc/systemd/network} and are read by
 * systemd-networkd, not the service manager.
 */
public enum UnitType {
  SERVICE("service", "Service"),
  SOCKET("socket", "Socket"),
  DEVICE("device"),
  MOUNT("mount", "Mount"),
  AUTOMOUNT("automount", "Automount"),
  SWAP("swap", "Swap"),
  TARGET("target"),
  PATH("path", "Path"),
  TIMER("timer", "Timer"),
  SLICE("slice", "Slice"),
  SCOPE("scope", "Scope"),
  NETWORK(
      "network",
      "Match",
      "Link",
      "SR-IOV",
      "Network",
      "Address",
      "Neighbor",
      "IPv6AddressLabel",
      "RoutingPolicyRule",
      "NextHop",
      "Route",
      "DHCP",
      "DHCPv4",
      "DHCPv6",
      "DHCPv6PrefixDelegation",
      "DHCPPrefixDelegation",
      "IPv6AcceptRA",
      "IPv6SendRA",
      "IPv6Prefix",
      "IPv6RoutePrefix",
      "IPv6PREF64Prefix",
      "DHCPServer",
      "DHCPServerStaticLease",
      "Bridge",
      "BridgeFDB",
      "BridgeMDB",
      "BridgeVLAN",
      "LLDP",
      "CAN",
      "IPoIB",
      "QDisc",
      "NetworkEmulator",
      "TokenBucketFilter",
      "PIE",
      "FlowQueuePIE",
      "StochasticFairBlue",
      "StochasticFairnessQueueing",
      "BFIFO",
      "PFIFO",
      "PFIFOHeadDrop",
      "PFIFOFast",
      "CAKE",
      "ControlledDelay",
      "DeficitRoundRobinScheduler",
      "DeficitRoundRobinSchedulerClass",
      "EnhancedTransmissionSelection",
      "GenericRandomEarlyDetection",
      "FairQueueingControlledDelay",
      "FairQueueing",
      "TrivialLinkEqualizer",
      "HierarchyTokenBucket",
      "HierarchyTokenBucketClass",
      "HeavyHitterFilter",
      "QuickFairQueueing",
      "QuickFairQueueingClass"),
  NETDEV(
      "netdev",
      "Match",
      "NetDev",
      "Bridge",
      "VLAN",
      "MACVLAN",
      "MACVTAP",
      "IPVLAN",
      "IPVTAP",
      "VXLAN",
      "GENEVE",
      "BareUDP",
      "L2TP",
      "L2TPSession",
      "MACsec",
      "MACsecReceiveChannel",
      "MACsecTransmitAssociation",
      "MACsecReceiveAssociation",
      "Tunnel",
      "FooOverUDP",
      "Peer",
      "VXCAN",
      "Tun",
      "Tap",
      "WireGuard",
      "WireGuardPeer",
      "Bond",
      "Xfrm",
      "VRF",
      "BatmanAdvanced",
      "IPoIB",
      "WLAN"),
  LINK("link", "Match", "Link", "SR-IOV");

  private final String suffix;

  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable list, never changed
  private final List<String> sections;

  UnitType(String extension, String... ownSections) {
    this.suffix = "." + extension;
    List<String> all = new ArrayList<>();
    boolean unit = !isNetworkExtension(extension);
    if (unit) {
      all.add("Unit");
    }
    all.addAll(List.of(ownSections));
    if (unit) {
      all.add("Install");
    }
    this.sections = List.copyOf(all);
  }

  private static boolean isNetworkExtension(String extension) {
    return extension.equals("network") || extension.equals("netdev") || extension.equals("link");
  }

  /** The type of a unit name by its suffix (after the last dot), if it is one of these. */
  public static Optional<UnitType> of(String unitName) {
    int dot = unitName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String suffix = unitName.substring(dot);
    for (UnitType t : values()) {
      if (t.suffix.equals(suffix)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The name suffix, with its dot: {@code .service}. */
  public String suffix() {
    return suffix;
  }

  /** Whether systemd-networkd reads it ({@code .network}, {@code .netdev}, {@code .link}). */
  public boolean isNetwork() {
    return this == NETWORK || this == NETDEV || this == LINK;
  }

  /** The section names systemd reads in files of this type, in the order the manuals list them. */
  public List<String> sections() {
    return sections;
  }

  /**
   * Whether a {@code [name]} section is read (or deliberately ignored, as {@code X-} sections are)
   * in files of this type.
   */
  public boolean knowsSection(String name) {
    return name.startsWith("X-") || sections.contains(name);
  }

  /** Every suffix, in declaration order, for messages. */
  public static List<String> suffixes() {
    List<String> out = new ArrayList<>();
    for (UnitType t : values()) {
      out.add(t.suffix);
    }
    return out;
  }

  /** The lowercase name of the type ({@code service}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
