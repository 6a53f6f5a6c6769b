package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAddressesTest {
  @Test
  void parse_literals_canonicalForm() throws Exception {
    assertThat(IpAddresses.parse("f", " 10.0.0.5\n")).contains("10.0.0.5");
    assertThat(IpAddresses.parse("f", "2001:DB8:0:0:0:0:0:1")).contains("2001:db8::1");
    assertThat(IpAddresses.parse("f", "2001:db8:0:0:1:0:0:1")).contains("2001:db8::1:0:0:1");
    assertThat(IpAddresses.parse("f", "0:0:0:0:0:0:0:0")).contains("::");
    assertThat(IpAddresses.parse("f", "fe80:0:0:0:1:0:0:0")).contains("fe80::1:0:0:0"); // first run
    assertThat(IpAddresses.parse("f", "2001:db8:1:2:3:4:5:6")).contains("2001:db8:1:2:3:4:5:6");
    assertThat(IpAddresses.parse("f", "  ")).isEmpty();
  }

  @Test
  void parse_nonLiterals_failWithoutLookingUpNames() {
    assertThatThrownBy(() -> IpAddresses.parse("local-ipv4", "metadata.google.internal"))
        .hasMessage(
            "failed to parse local-ipv4: \"metadata.google.internal\" is not an IP address");
    assertThatThrownBy(() -> IpAddresses.parse("f", "300.1.1.1"))
        .isInstanceOf(DatasourceException.class);
    assertThatThrownBy(() -> IpAddresses.parse("f", "1:2:3"))
        .isInstanceOf(DatasourceException.class);
  }
}
