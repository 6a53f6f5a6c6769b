package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTypeTest {
  @Test
  void of_knownSuffix_isThatType() {
    assertThat(UnitType.of("docker.service")).contains(UnitType.SERVICE);
    assertThat(UnitType.of("getty@tty1.service")).contains(UnitType.SERVICE);
    assertThat(UnitType.of("10-eth0.network")).contains(UnitType.NETWORK);
    assertThat(UnitType.of("media-data.automount")).contains(UnitType.AUTOMOUNT);
  }

  @Test
  void of_noOrUnknownSuffix_isEmpty() {
    assertThat(UnitType.of("foo")).isEmpty();
    assertThat(UnitType.of("foo.service.bak")).isEmpty();
    assertThat(UnitType.of("foo.SERVICE")).isEmpty();
    assertThat(UnitType.of("50-x.conf")).isEmpty();
  }

  @Test
  void isNetwork_onlyForNetworkdFiles() {
    assertThat(UnitType.values())
        .filteredOn(UnitType::isNetwork)
        .containsExactly(UnitType.NETWORK, UnitType.NETDEV, UnitType.LINK);
  }

  @Test
  void sections_unitTypes_haveUnitOwnAndInstall() {
    assertThat(UnitType.SERVICE.sections()).containsExactly("Unit", "Service", "Install");
    assertThat(UnitType.TARGET.sections()).containsExactly("Unit", "Install");
    assertThat(UnitType.LINK.sections()).containsExactly("Match", "Link", "SR-IOV");
    assertThat(UnitType.NETWORK.sections()).doesNotContain("Unit", "Install").contains("DHCPv4");
  }

  @Test
  void knowsSection_xPrefix_isAlwaysKnown() {
    assertThat(UnitType.SERVICE.knowsSection("X-Fleet")).isTrue();
    assertThat(UnitType.NETWORK.knowsSection("X-Mine")).isTrue();
    assertThat(UnitType.SERVICE.knowsSection("service")).isFalse();
    assertThat(UnitType.NETWORK.knowsSection("Install")).isFalse();
  }

  @Test
  void suffixes_listEveryType() {
    assertThat(UnitType.suffixes()).hasSize(UnitType.values().length).contains(".service", ".link");
  }
}
