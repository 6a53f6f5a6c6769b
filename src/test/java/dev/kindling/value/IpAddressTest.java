package dev.kindling.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP parsing and printing as Go's net package does it, plus the lenient form metadata needs. */
class IpAddressTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "0.0.0.0, 0.0.0.0",
    "2001:db8::1, 2001:db8::1",
    "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
    "fe80:0:0:0:0:0:0:1, fe80::1",
    "::ffff:1.2.3.4, 1.2.3.4",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
  })
  void ip_parseAndPrint_likeGo(String text, String printed) {
    assertThat(IpAddress.parse(text)).hasValueSatisfying(ip -> assertThat(ip).hasToString(printed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "01.2.3.4",
        "256.1.1.1",
        "1.2.3.4.5",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "gggg::",
        ":1",
        "1:",
        "example.com",
        "1.2.3.4/24"
      })
  void ip_invalid_empty(String text) {
    assertThat(IpAddress.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "010.0.0.1, 10.0.0.1",
    "192.000.002.001, 192.0.2.1",
    "2001:DB8::1, 2001:db8::1",
    "::ffff:10.0.0.1, 10.0.0.1"
  })
  void parseLenient_leadingZeros_accepted(String text, String printed) {
    assertThat(IpAddress.parseLenient(text))
        .hasValueSatisfying(ip -> assertThat(ip).hasToString(printed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "256.1.1.1", "0001.1.1.1", "a.b.c.d", "1::2::3"})
  void parseLenient_invalid_empty(String text) {
    assertThat(IpAddress.parseLenient(text)).isEmpty();
  }

  @Test
  void bytes_v4MappedIsFourBytes() {
    assertThat(IpAddress.parse("::ffff:1.2.3.4").orElseThrow().bytes()).containsExactly(1, 2, 3, 4);
    assertThat(IpAddress.parse("::1").orElseThrow().bytes()).hasSize(16);
    assertThat(IpAddress.parse("::ffff:1.2.3.4").orElseThrow().isV4()).isTrue();
    assertThat(IpAddress.of(new byte[] {10, 0, 0, 1})).isEqualTo(IpAddress.parse("10.0.0.1").get());
  }
}
