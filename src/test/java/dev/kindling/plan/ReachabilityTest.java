package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  @Test
  void shorten_asciiLabel_cutTo63Bytes() {
    assertThat(Reachability.shorten("  " + "a".repeat(70) + ".example.com\n"))
        .isEqualTo("a".repeat(63));
  }

  @Test
  void shorten_multiByteCharacters_cutOnACharacterBoundary() {
    // 2-byte é: 31 fit (62 bytes); 4-byte emoji: 15 fit (60 bytes); 3-byte €: 21 fit (63 bytes).
    assertThat(Reachability.shorten("\u00e9".repeat(40))).isEqualTo("\u00e9".repeat(31));
    assertThat(Reachability.shorten("\uD83D\uDE00".repeat(20)))
        .isEqualTo("\uD83D\uDE00".repeat(15));
    assertThat(Reachability.shorten("\u20ac".repeat(30))).isEqualTo("\u20ac".repeat(21));
    assertThat(Reachability.shorten("x" + "\u00e9".repeat(40)).getBytes(StandardCharsets.UTF_8))
        .hasSize(63);
  }

  @Test
  void shorten_hugeLabel_keepsTheFirst63Bytes() {
    assertThat(Reachability.shorten("h".repeat(10_000_000) + ".internal"))
        .isEqualTo("h".repeat(63));
  }

  @Test
  void shorten_shortOrEmptyFirstLabel_unchanged() {
    assertThat(Reachability.shorten("ip-10-0-0-5.ec2.internal")).isEqualTo("ip-10-0-0-5");
    assertThat(Reachability.shorten(".example.com")).isEmpty();
    assertThat(Reachability.shorten("node1")).isEqualTo("node1");
  }
}
