package dev.kindling.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
  @Test
  void quote_goEscapes() {
    assertThat(GoQuote.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01\"");
  }

  @Test
  void goQuote_escapes_likeStrconvQuote() {
    assertThat(GoQuote.quote("a\"b\\c\nd\te\u0001f\u007fé€\u200b"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\x01f\\x7fé€\\u200b\"");
  }

  @Test
  void quote_namedEscapesAndAstralRunes() {
    assertThat(GoQuote.quote("\u0007\b\f\u000b\r")).isEqualTo("\"\\a\\b\\f\\v\\r\"");
    assertThat(GoQuote.quote("\udb40\udc01😀")).isEqualTo("\"\\U000e0001😀\"");
  }
}
