package dev.kindling.plan.netconf;

import static dev.kindling.plan.netconf.NetworkDataFields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code links} of OpenStack's {@code network_data.json} as devices: physical NICs (every VIF
 * type nova and Ironic emit, matched later by MAC), bonds with their members, VLANs on any
 * converted parent. A link of another type, or one that cannot be matched or built, is reported and
 * left out, and so is everything stacked on it.
 */
final class OpenStackLinks {
  /**
   * Link types that are a NIC the guest sees: nova's VIF types (passed through before Pike, the
   * "legacy exposed" ones since), {@code phy}, and the names clouds were seen to use.
   */
  static final Set<String> PHYSICAL_TYPES =
      Set.of(
          "phy",
          "ethernet",
          "bridge",
          "dvs",
          "hw_veb",
          "hyperv",
          "ovs",
          "tap",
          "vhostuser",
          "vif",
          "vrouter",
          "ivs",
          "iovisor",
          "midonet",
          "802.1qbg",
          "802.1qbh",
          "hostdev_physical",
          "macvtap",
          "agilio_ovs",
          "vdpa",
          "other",
          "bgpovs",
          "cascading");

  private final List<Skipped> skipped;
  private final Map<Integer, NetDevice> byIndex = new TreeMap<>();
  private final Map<String, NetDevice> byId = new HashMap<>();
  private final Map<String, String> leftOut = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> macs = new HashSet<>();
  private int bonds;

  private OpenStackLinks(List<Skipped> skipped) {
    this.skipped = skipped;
  }

  /** The result: converted devices in document order, and why the other link ids were left out. */
  record Devices(
      List<NetDevice> devices, Map<String, NetDevice> byId, Map<String, String> leftOut) {
    Devices {
      devices = List.copyOf(devices);
      byId = Map.copyOf(byId);
      leftOut = Map.copyOf(leftOut);
    }
  }

  /** The devices of {@code links}, reporting what is left out to {@code skipped}. */
  static Devices convert(List<JsonNode> links, List<Skipped> skipped) {
    OpenStackLinks state = new OpenStackLinks(skipped);
    Map<Integer, JsonNode> bondLinks = new TreeMap<>();
    Map<Integer, JsonNode> vlanLinks = new TreeMap<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < links.size(); i++) {
      JsonNode link = links.get(i);
      String subject = "links[" + i + "]";
      if (!link.isObject()) {
        skipped.add(new Skipped(subject, "not an object"));
        continue;
      }
      Optional<String> id = NetworkDataFields.text(link, "id");
      if (id.isEmpty()) {
        skipped.add(new Skipped(subject, "no \"id\": nothing can refer to it"));
        continue;
      }
      subject += " " + quote(id.get());
      if (!ids.add(id.get())) {
        skipped.add(new Skipped(subject, "another link has the same id"));
        continue;
      }
      String type = typeOf(link);
      if (type.equals("bond")) {
        bondLinks.put(i, link);
      } else if (type.equals("vlan")) {
        vlanLinks.put(i, link);
      } else if (type.isEmpty() || PHYSICAL_TYPES.contains(type)) {
        state.physical(i, subject, id.get(), link);
      } else {
        state.leave(
            subject,
            id.get(),
            "unsupported link type "
                + quote(type)
                + " (Kindling converts NICs, bonds and VLANs; it does not guess what this is)");
      }
    }
    bondLinks.forEach((i, link) -> state.bond(i, link));
    state.vlans(vlanLinks);
    List<NetDevice> devices = new ArrayList<>(state.byIndex.values());
    return new Devices(devices, state.byId, state.leftOut);
  }

  /** The lower-case link type; empty for {@code null} or a missing type (old data: a NIC). */
  private static String typeOf(JsonNode link) {
    JsonNode type = link.get("type");
    if (type == null || type.isNull()) {
      return "";
    }
    return type.isTextual() ? type.asText().strip().toLowerCase(Locale.ROOT) : type.toString();
  }

  private static String subject(int i, JsonNode link) {
    return "links[" + i + "] " + quote(link.get("id").asText().strip());
  }

  private void physical(int i, String subject, String id, JsonNode link) {
    Optional<String> text = NetworkDataFields.text(link, "ethernet_mac_address");
    if (text.isEmpty()) {
      leave(subject, id, "no ethernet_mac_address: the NIC cannot be found without it");
      return;
    }
    Optional<String> mac = MacAddress.parse(text.get());
    if (mac.isEmpty() || mac.get().length() != 17) {
      leave(
          subject,
          id,
          "ethernet_mac_address "
              + quote(text.get())
              + " is not an Ethernet MAC address (InfiniBand links are not supported)");
      return;
    }
    if (!macs.add(mac.get())) {
      leave(subject, id, "another link has the same MAC address " + mac.get());
      return;
    }
    NetDevice nic =
        new NetDevice(NetDevice.Kind.PHYSICAL, id, typeLabel(link), "", Optional.of(mac.get()));
    nic.mtu = mtu(link, subject);
    add(i, nic);
  }

  private void bond(int i, JsonNode link) {
    String subject = subject(i, link);
    String id = link.get("id").asText().strip();
    List<NetDevice> members = new ArrayList<>();
    JsonNode memberIds = link.get("bond_links");
    if (memberIds == null || !memberIds.isArray() || memberIds.isEmpty()) {
      leave(subject, id, "a bond without bond_links (its members)");
      return;
    }
    for (JsonNode memberId : memberIds) {
      String member = memberId.isTextual() ? memberId.asText().strip() : memberId.toString();
      NetDevice nic = byId.get(member);
      if (nic == null || nic.kind != NetDevice.Kind.PHYSICAL) {
        String why = leftOut.containsKey(member) ? " was not converted" : " is not a NIC link";
        leave(subject, id, "its member " + quote(member) + why);
        return;
      }
      if (nic.bond.isPresent() || members.contains(nic)) {
        leave(subject, id, "its member " + quote(member) + " is already in a bond");
        return;
      }
      members.add(nic);
    }
    Optional<List<String>> settings = BondSettings.lines(link, subject, skipped);
    if (settings.isEmpty()) {
      leftOut.put(id, "its bond_mode is unusable");
      return;
    }
    String name = name(link, subject).orElseGet(this::nextBondName);
    NetDevice bond =
        new NetDevice(
            NetDevice.Kind.BOND, id, "bond", name, mac(link, "ethernet_mac_address", subject));
    bond.bondLines = settings.get();
    bond.mtu = mtu(link, subject);
    members.forEach(m -> m.bond = Optional.of(bond));
    names.add(name);
    add(i, bond);
  }

  /** VLANs in document order; a VLAN on a VLAN defined further down waits for its parent. */
  private void vlans(Map<Integer, JsonNode> pending) {
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      for (Map.Entry<Integer, JsonNode> e : new ArrayList<>(pending.entrySet())) {
        String parentId = NetworkDataFields.text(e.getValue(), "vlan_link").orElse("");
        boolean parentPending =
            pending.entrySet().stream()
                .anyMatch(
                    o ->
                        !o.getKey().equals(e.getKey())
                            && o.getValue().get("id").asText().strip().equals(parentId));
        if (!parentPending) {
          vlan(e.getKey(), e.getValue());
          pending.remove(e.getKey());
          progress = true;
        }
      }
    }
    pending.forEach(
        (i, link) ->
            leave(
                subject(i, link),
                link.get("id").asText().strip(),
                "its vlan_link is a VLAN that sits on it in turn"));
  }

  private void vlan(int i, JsonNode link) {
    String subject = subject(i, link);
    String id = link.get("id").asText().strip();
    Optional<String> parentId = NetworkDataFields.text(link, "vlan_link");
    if (parentId.isEmpty()) {
      leave(subject, id, "a VLAN without vlan_link (its parent)");
      return;
    }
    NetDevice parent = byId.get(parentId.get());
    if (parent == null) {
      String why = leftOut.containsKey(parentId.get()) ? " was not converted" : " is not a link";
      leave(subject, id, "its vlan_link " + quote(parentId.get()) + why);
      return;
    }
    if (parent.bond.isPresent()) {
      leave(subject, id, "its vlan_link is a member of " + parent.bond.get().name);
      return;
    }
    Optional<Integer> vlanId =
        NetworkDataFields.integer(link.get("vlan_id")).filter(n -> n <= 4094);
    if (vlanId.isEmpty()) {
      String given = link.has("vlan_id") ? NetworkDataFields.show(link.get("vlan_id")) : "none";
      leave(subject, id, "vlan_id " + given + " is not a VLAN id (0-4094)");
      return;
    }
    for (NetDevice sibling : parent.vlans) {
      if (sibling.vlanId == vlanId.get()) {
        leave(
            subject, id, "its parent already has VLAN " + vlanId.get() + " (" + sibling.name + ")");
        return;
      }
    }
    String name = name(link, subject).orElseGet(() -> vlanName(parent, vlanId.get()));
    String macField =
        NetworkDataFields.present(link, "vlan_mac_address")
            ? "vlan_mac_address"
            : "ethernet_mac_address";
    Optional<String> mac = mac(link, macField, subject);
    NetDevice vlan = new NetDevice(NetDevice.Kind.VLAN, id, "vlan", name, mac);
    vlan.vlanId = vlanId.get();
    vlan.mtu = mtu(link, subject);
    parent.vlans.add(vlan);
    names.add(name);
    add(i, vlan);
  }

  /**
   * A VLAN's own name: {@code <parent>.<id>} on a bond or VLAN (whose name we chose); on a NIC,
   * whose kernel name is not known before boot, {@code vlan<id>}, numbered when taken.
   */
  private String vlanName(NetDevice parent, int vlanId) {
    String name = parent.kind == NetDevice.Kind.PHYSICAL ? "" : parent.name + "." + vlanId;
    if (name.isEmpty() || !NetworkDataFields.interfaceName(name) || names.contains(name)) {
      name = "vlan" + vlanId;
      for (int n = 1; names.contains(name); n++) {
        name = "vlan" + vlanId + "-" + n;
      }
    }
    return name;
  }

  private String nextBondName() {
    String name;
    do {
      name = "bond" + bonds++;
    } while (names.contains(name));
    return name;
  }

  /** The link's {@code name} for a bond or VLAN we create, when it is a usable, unused name. */
  private Optional<String> name(JsonNode link, String subject) {
    Optional<String> name = NetworkDataFields.text(link, "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (!NetworkDataFields.interfaceName(name.get()) || names.contains(name.get())) {
      skipped.add(
          new Skipped(
              subject + " name",
              quote(name.get()) + " is not a usable interface name; a generated one is used"));
      return Optional.empty();
    }
    return name;
  }

  /** An optional MAC for a device we create; reported and left to the kernel when invalid. */
  private Optional<String> mac(JsonNode link, String field, String subject) {
    Optional<String> text = NetworkDataFields.text(link, field);
    Optional<String> mac = text.flatMap(MacAddress::parse).filter(m -> m.length() == 17);
    if (text.isPresent() && mac.isEmpty()) {
      skipped.add(
          new Skipped(
              subject + " " + field,
              quote(text.get()) + " is not an Ethernet MAC address; the kernel picks one"));
    }
    return mac;
  }

  private Optional<Integer> mtu(JsonNode link, String subject) {
    JsonNode mtu = link.get("mtu");
    if (mtu == null || mtu.isNull()) {
      return Optional.empty();
    }
    Optional<Integer> value = NetworkDataFields.integer(mtu).filter(n -> n >= 68 && n <= 65535);
    if (value.isEmpty()) {
      skipped.add(
          new Skipped(
              subject + " mtu",
              "invalid MTU " + NetworkDataFields.show(mtu) + " (expected 68-65535)"));
    }
    return value;
  }

  private static String typeLabel(JsonNode link) {
    String type = typeOf(link);
    return type.isEmpty() ? "null" : type;
  }

  private void add(int i, NetDevice device) {
    byIndex.put(i, device);
    byId.put(device.linkId, device);
  }

  private void leave(String subject, String id, String reason) {
    skipped.add(new Skipped(subject, reason));
    leftOut.put(id, reason);
  }
}
