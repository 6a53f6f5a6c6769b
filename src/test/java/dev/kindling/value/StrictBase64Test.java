package dev.kindling.value;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.value.StrictBase64.Skipped;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StrictBase64Test {
  private static byte[] decode(String text, Skipped skipped) throws StrictBase64.InvalidException {
    return StrictBase64.decode(text.getBytes(UTF_8), skipped);
  }

  private static String decoded(String text, Skipped skipped) throws StrictBase64.InvalidException {
    return new String(decode(text, skipped), UTF_8);
  }

  private static void assertInvalid(String text, Skipped skipped, String message) {
    assertThatThrownBy(() -> decode(text, skipped))
        .isInstanceOf(StrictBase64.InvalidException.class)
        .hasMessage(message);
  }

  @Test
  void decode_paddedStandardBase64_bothModes() throws Exception {
    for (Skipped skipped : Skipped.values()) {
      assertThat(decoded("aGVsbG8=", skipped)).isEqualTo("hello");
      assertThat(decoded("aGk=", skipped)).isEqualTo("hi");
      assertThat(decoded("YWJj", skipped)).isEqualTo("abc");
      assertThat(decode("+/+/", skipped)).containsExactly(0xfb, 0xff, 0xbf);
    }
  }

  @Test
  void decode_lineBreaks_skippedInBothModes_includingMimeLines() throws Exception {
    byte[] data = new byte[200];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    String mime = Base64.getMimeEncoder().encodeToString(data); // 76-character lines, CRLF
    assertThat(mime).contains("\r\n");
    for (Skipped skipped : Skipped.values()) {
      assertThat(decoded("aGVs\r\nbG8=\n", skipped)).isEqualTo("hello");
      assertThat(decoded("\naG\rVsbG8=", skipped)).isEqualTo("hello");
      assertThat(decode(mime, skipped)).isEqualTo(data);
    }
  }

  @Test
  void decode_spaceOrTab_errorForLineBreaks_skippedForWhitespace() throws Exception {
    assertInvalid("aGVs bG8=", Skipped.LINE_BREAKS, "illegal base64 data at input byte 4");
    assertInvalid("aGVsbG8=\t", Skipped.LINE_BREAKS, "illegal base64 data at input byte 8");
    assertInvalid(" aGVsbG8=", Skipped.LINE_BREAKS, "illegal base64 data at input byte 0");
    assertThat(decoded(" aGVs bG8=\t\r\n", Skipped.WHITESPACE)).isEqualTo("hello");
    assertThat(decoded("aG\tVs\nbG 8=", Skipped.WHITESPACE)).isEqualTo("hello");
  }

  @Test
  void decode_strayByte_positionCountsOnlyTheCharactersBeforeIt() {
    assertInvalid("aGVs!G8=", Skipped.LINE_BREAKS, "illegal base64 data at input byte 4");
    assertInvalid("aG\r\nVs!G8=", Skipped.LINE_BREAKS, "illegal base64 data at input byte 4");
    assertInvalid("aG  Vs!G8=", Skipped.WHITESPACE, "illegal base64 data at input byte 4");
    assertInvalid("aGVs\u00e9G8=", Skipped.WHITESPACE, "illegal base64 data at input byte 4");
    assertInvalid("aGVs\0", Skipped.WHITESPACE, "illegal base64 data at input byte 4");
  }

  @Test
  void decode_urlSafeAlphabet_refused() {
    for (Skipped skipped : Skipped.values()) {
      assertInvalid("-_-_", skipped, "illegal base64 data at input byte 0");
      assertInvalid("ab_d", skipped, "illegal base64 data at input byte 2");
      assertInvalid("abc-", skipped, "illegal base64 data at input byte 3");
    }
  }

  @Test
  void decode_missingPadding_errorAtTheIncompleteGroup() {
    for (Skipped skipped : Skipped.values()) {
      assertInvalid("aGVsbG8", skipped, "illegal base64 data at input byte 4");
      assertInvalid("aGk", skipped, "illegal base64 data at input byte 0");
      assertInvalid("aGVsbG8=a", skipped, "illegal base64 data at input byte 8");
    }
    assertInvalid("aGVs\nbG8", Skipped.LINE_BREAKS, "illegal base64 data at input byte 4");
    assertInvalid("aGVs bG8 ", Skipped.WHITESPACE, "illegal base64 data at input byte 4");
  }

  @Test
  void decode_misplacedPadding_errorWithTheReason() {
    for (Skipped skipped : Skipped.values()) {
      for (String text : new String[] {"aG=sbG8=", "aGk=aGk=", "====", "a===", "aGVs===="}) {
        assertThatThrownBy(() -> decode(text, skipped))
            .as(text)
            .isInstanceOf(StrictBase64.InvalidException.class)
            .hasMessageStartingWith("illegal base64 data: ")
            .hasMessageNotContaining("at input byte");
      }
    }
  }

  @Test
  void decode_nothingButSkippedBytes_decodesToNothing() throws Exception {
    assertThat(decode("", Skipped.LINE_BREAKS)).isEmpty();
    assertThat(decode("\r\n\n", Skipped.LINE_BREAKS)).isEmpty();
    assertThat(decode("", Skipped.WHITESPACE)).isEmpty();
    assertThat(decode(" \t\r\n", Skipped.WHITESPACE)).isEmpty();
  }
}
