package dev.kindling.plan.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CIDR, netmask and MAC parsing and printing as Go's net package does it. */
class AddressesTest {
  @Test
  void cidr_addressKept_networkMasked() {
    IpNetwork n = IpNetwork.parseCidr("10.1.2.3/8").orElseThrow();
    assertThat(n).hasToString("10.1.2.3/8");
    assertThat(n.network()).hasToString("10.0.0.0/8");
    assertThat(IpNetwork.parseCidr("2001:db8::5/64").orElseThrow().network())
        .hasToString("2001:db8::/64");
    assertThat(IpNetwork.parseCidr("1.2.3.4/33")).isEmpty();
    assertThat(IpNetwork.parseCidr("1.2.3.4")).isEmpty();
  }

  @Test
  void netmask_prefix_contiguousOnly() {
    assertThat(IpNetwork.prefixOf("255.255.255.0")).contains(24);
    assertThat(IpNetwork.prefixOf("255.0.0.0")).contains(8);
    assertThat(IpNetwork.prefixOf("0.0.0.0")).contains(0);
    assertThat(IpNetwork.prefixOf("ffff:ffff:ffff:ffff::")).contains(64);
    assertThat(IpNetwork.prefixOf("255.0.255.0")).isEmpty();
    assertThat(IpNetwork.prefixOf("garbage")).isEmpty();
  }

  @Test
  void mac_forms_normalised() {
    assertThat(MacAddress.parse("00:50:56:AB:cd:01")).contains("00:50:56:ab:cd:01");
    assertThat(MacAddress.parse("00-50-56-ab-cd-01")).contains("00:50:56:ab:cd:01");
    assertThat(MacAddress.parse("0050.56ab.cd01")).contains("00:50:56:ab:cd:01");
    assertThat(MacAddress.parse("00:50:56:ab:cd")).isEmpty();
    assertThat(MacAddress.parse("00:50:56:ab:cd:0g")).isEmpty();
    assertThat(MacAddress.parse("")).isEmpty();
  }
}
