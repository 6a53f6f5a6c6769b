package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostnameTest {
  @Test
  void shownKeepsAPlainNameAsItIs() {
    assertThat(Hostname.shown("web-01.example.com")).isEqualTo("web-01.example.com");
  }

  @Test
  void shownEscapesControlCharactersAsOtherOutputLinesDo() {
    assertThat(Hostname.shown("web\n01")).isEqualTo("web\\n01");
    assertThat(Hostname.shown("a\tb\rc\u0000d")).isEqualTo("a\\tb\\rc\\u0000d");
  }

  @Test
  void shownCutsALongNameAfterSeventyCharacters() {
    String name = "x".repeat(69) + "é" + "tail";
    assertThat(Hostname.shown(name)).isEqualTo("x".repeat(69) + "é…");
    assertThat(Hostname.shown("y".repeat(70))).isEqualTo("y".repeat(70));
  }

  @Test
  void shownCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
    String name = emoji.repeat(71);
    assertThat(Hostname.shown(name)).isEqualTo(emoji.repeat(70) + "…");
  }

  @Test
  void shownEscapesOnlyWhatItKeeps() {
    String name = "z".repeat(70) + "\n";
    assertThat(Hostname.shown(name)).isEqualTo("z".repeat(70) + "…");
  }
}
