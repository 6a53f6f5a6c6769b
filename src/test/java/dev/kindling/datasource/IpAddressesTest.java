package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.5", "0.0.0.0", "255.255.255.255", "203.0.113.77"})
  void ipv4_dottedQuad_isKept(String text) {
    assertThat(IpAddresses.ipv4(text)).contains(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "10.0.5", "10.0.0.256", "010.0.0.1", "1.2.3.4.5", "a.b.c.d", "1.2.3.", "::1"})
  void ipv4_notADottedQuad_isEmpty(String text) {
    assertThat(IpAddresses.ipv4(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "2001:db8:0:0:0:0:0:5, 2001:db8::5",
    "2001:DB8::1, 2001:db8::1",
    "::1, ::1",
    "::, ::",
    "fe80:0:0:0:1:0:0:1, fe80::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "1:0:0:2:0:0:0:3, 1:0:0:2::3"
  })
  void ipv6_anyForm_isCanonical(String text, String canonical) {
    assertThat(IpAddresses.ipv6(text)).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0.5", "2001:db8::g", "example.com", "1:2:3:4:5:6:7:8:9"})
  void ipv6_notAnAddress_isEmpty(String text) {
    assertThat(IpAddresses.ipv6(text)).isEmpty();
  }
}
