package dev.kindling.plan.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenStack conversion rules the golden documents do not pin one by one. */
class OpenStackNetconfTest {
  private static Conversion convert(String json) throws NetconfException {
    return NetconfConverter.convert("openstack", json.replace('\'', '"'));
  }

  private static String bond(String options) {
    return "{'links': [{'id': 'a', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:0a'},"
        + " {'id': 'b', 'type': 'bond', 'bond_links': ['a']"
        + options
        + "}], 'networks': [], 'services': []}";
  }

  private static String netdev(Conversion c) {
    return c.files().stream()
        .filter(f -> f.name().endsWith(".netdev"))
        .findFirst()
        .orElseThrow()
        .content();
  }

  @Test
  void convert_notJson_rejectsTheDocument() {
    assertThatThrownBy(() -> convert("{'links': ["))
        .isInstanceOf(NetconfException.class)
        .hasMessage("the openstack network config is not valid JSON (line 1)");
    assertThatThrownBy(() -> convert("[]"))
        .hasMessage("the openstack network config is not a JSON object");
  }

  @Test
  void convert_linksNotAnArray_rejectsTheDocument() {
    assertThatThrownBy(() -> convert("{'links': {'id': 'x'}}"))
        .isInstanceOf(NetconfException.class)
        .hasMessage("\"links\" is not an array");
  }

  @Test
  void convert_emptyDocument_noFilesNothingSkipped() throws NetconfException {
    Conversion c = convert("{'links': [], 'networks': [], 'services': []}");
    assertThat(c.files()).isEmpty();
    assertThat(c.skipped()).isEmpty();
    assertThat(c.needsVlanModule()).isFalse();
    assertThat(c.bondingParameters()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "0, balance-rr",
    "1, active-backup",
    "2, balance-xor",
    "3, broadcast",
    "4, 802.3ad",
    "5, balance-tlb",
    "6, balance-alb",
    "802.1ad, 802.3ad",
    "Active-Backup, active-backup"
  })
  void convert_bondMode_driverNumbersAndNames(String given, String mode) throws NetconfException {
    assertThat(netdev(convert(bond(", 'bond_mode': '" + given + "'"))))
        .contains("\n[Bond]\nMode=" + mode + "\n");
  }

  @Test
  void convert_bondModeAsJsonNumber_accepted() throws NetconfException {
    assertThat(netdev(convert(bond(", 'bond_mode': 4, 'bond_lacp_rate': 1"))))
        .endsWith("[Bond]\nMode=802.3ad\nLACPTransmitRate=fast\n");
  }

  @Test
  void convert_bondOptions_networkdSettingsInOneOrder() throws NetconfException {
    String options =
        ", 'bond_arp_ip_target': '192.0.2.1,192.0.2.2', 'bond_arp_interval': 250,"
            + " 'bond_min_links': '1', 'bond_all_slaves_active': true, 'bond_lp_interval': 2,"
            + " 'bond_ad_actor_system': '02:00:00:00:00:ff', 'bond_mode': 'balance-xor',"
            + " 'bond_xmit_hash_policy': '2'";
    assertThat(netdev(convert(bond(options))))
        .endsWith(
            "[Bond]\nMode=balance-xor\nTransmitHashPolicy=layer2+3\n"
                + "AdActorSystem=02:00:00:00:00:ff\nARPIntervalSec=250ms\n"
                + "ARPIPTargets=192.0.2.1 192.0.2.2\nAllSlavesActive=yes\nMinLinks=1\n"
                + "LearnPacketIntervalSec=2s\n");
  }

  @Test
  void convert_bondOptionsConflictOrInvalid_reportedBondKept() throws NetconfException {
    Conversion c =
        convert(
            bond(
                ", 'bond_num_grat_arp': 3, 'bond_num_unsol_na': 5, 'bond_miimon': -1,"
                    + " 'bond_peer_notif_delay': 10"));
    assertThat(netdev(c)).endsWith("[Bond]\nGratuitousARP=3\n");
    assertThat(c.skipped())
        .containsExactly(
            new Skipped(
                "links[1] \"b\" bond_num_unsol_na",
                "conflicts with the GratuitousARP=3 another key asks for"),
            new Skipped(
                "links[1] \"b\" bond_miimon",
                "invalid value -1 (expected milliseconds, 0-3600000)"),
            new Skipped(
                "links[1] \"b\" bond_peer_notif_delay",
                "networkd has no bond setting for \"bond_peer_notif_delay\"; left to the kernel's"
                    + " default"));
  }

  @Test
  void convert_bondNames_generatedAroundGivenOnes() throws NetconfException {
    String json =
        "{'links': ["
            + "{'id': 'a', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:0a'},"
            + "{'id': 'b', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:0b'},"
            + "{'id': 'c', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:0c'},"
            + "{'id': 'x', 'type': 'bond', 'name': 'bond0', 'bond_links': ['a']},"
            + "{'id': 'y', 'type': 'bond', 'bond_links': ['b']},"
            + "{'id': 'z', 'type': 'bond', 'name': 'bad\\nname', 'bond_links': ['c']}"
            + "], 'networks': [], 'services': []}";
    Conversion c = convert(json);
    assertThat(c.files().stream().map(NetworkFile::name).filter(n -> n.endsWith(".netdev")))
        .containsExactly(
            "10-kindling-bond0.netdev", "10-kindling-bond1.netdev", "10-kindling-bond2.netdev");
    assertThat(c.skipped())
        .containsExactly(
            new Skipped(
                "links[5] \"z\" name",
                "\"bad\\x0aname\" is not a usable interface name; a generated one is used"));
  }

  @Test
  void convert_vlanCycle_reportedNotLooped() throws NetconfException {
    String json =
        "{'links': [{'id': 'v1', 'type': 'vlan', 'vlan_link': 'v2', 'vlan_id': 1},"
            + " {'id': 'v2', 'type': 'vlan', 'vlan_link': 'v1', 'vlan_id': 2}],"
            + " 'networks': [], 'services': []}";
    assertThat(convert(json).skipped())
        .extracting(Skipped::reason)
        .containsExactly(
            "its vlan_link is a VLAN that sits on it in turn",
            "its vlan_link is a VLAN that sits on it in turn");
  }

  @Test
  void convert_vlanDefinedBeforeItsVlanParent_converted() throws NetconfException {
    String json =
        "{'links': [{'id': 'inner', 'type': 'vlan', 'vlan_link': 'outer', 'vlan_id': 20},"
            + " {'id': 'outer', 'type': 'vlan', 'vlan_link': 'nic', 'vlan_id': 10},"
            + " {'id': 'nic', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:01'}],"
            + " 'networks': [], 'services': []}";
    Conversion c = convert(json);
    assertThat(c.skipped()).isEmpty();
    assertThat(c.files())
        .extracting(NetworkFile::name)
        .containsExactly(
            "10-kindling-vlan10.20.netdev",
            "10-kindling-vlan10.netdev",
            "20-kindling-vlan10.20.network",
            "20-kindling-vlan10.network",
            "30-kindling-020000000001.network");
  }

  @Test
  void convert_sameVlanIdOnTwoNics_numberedNames() throws NetconfException {
    String json =
        "{'links': [{'id': 'n1', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:01'},"
            + " {'id': 'n2', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:02'},"
            + " {'id': 'v1', 'type': 'vlan', 'vlan_link': 'n1', 'vlan_id': 7},"
            + " {'id': 'v2', 'type': 'vlan', 'vlan_link': 'n2', 'vlan_id': 7}],"
            + " 'networks': [], 'services': []}";
    assertThat(convert(json).files())
        .extracting(NetworkFile::name)
        .startsWith("10-kindling-vlan7.netdev", "10-kindling-vlan7-1.netdev");
  }

  @Test
  void convert_dnsWithoutAnyConfiguredNetwork_reported() throws NetconfException {
    String json =
        "{'links': [{'id': 'n1', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:01'}],"
            + " 'networks': [], 'services': [{'type': 'dns', 'address': '192.0.2.53'}]}";
    Conversion c = convert(json);
    assertThat(c.skipped())
        .containsExactly(
            new Skipped(
                "services", "no network was converted to carry the DNS servers and domains"));
    assertThat(c.files().get(0).content())
        .endsWith("[Network]\nLinkLocalAddressing=no\nIPv6AcceptRA=no\n");
  }

  @Test
  void convert_staticIpv6AndSlaacOnOneLink_routerAdvertisementsAccepted() throws NetconfException {
    String json =
        "{'links': [{'id': 'n1', 'type': 'phy', 'ethernet_mac_address': '02:00:00:00:00:01'}],"
            + " 'networks': [{'type': 'ipv6', 'link': 'n1', 'ip_address': '2001:db8::5',"
            + " 'netmask': '64'}, {'type': 'ipv6_slaac', 'link': 'n1'}], 'services': []}";
    assertThat(convert(json).files().get(0).content())
        .endsWith("[Network]\nIPv6AcceptRA=yes\nAddress=2001:db8::5/64\n");
  }
}
