package dev.kindling.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void escape_controlCharacters_becomeEscapes() {
    assertThat(OneLine.escape("a\nb\rc\td\u0000e\u007ff\u0085"))
        .isEqualTo("a\\nb\\rc\\td\\u0000e\\u007ff\\u0085");
  }

  @Test
  void escape_plainText_isTheSameString() {
    String text = "héllo wörld 🔥 \\n stays";
    assertThat(OneLine.escape(text)).isSameAs(text);
    assertThat(OneLine.escape("🔥\n🔥")).isEqualTo("🔥\\n🔥");
  }
}
