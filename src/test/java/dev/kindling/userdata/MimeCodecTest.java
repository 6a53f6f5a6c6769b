package dev.kindling.userdata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small MIME codecs: structured header values, transfer encodings, header blocks. */
class MimeCodecTest {
  private static String decode(TransferEncoding encoding, String body)
      throws TransferEncoding.DecodeException {
    byte[] bytes = body.getBytes(UTF_8);
    return new String(encoding.decode(bytes, 0, bytes.length), UTF_8);
  }

  @Test
  void mediaType_parametersQuotedAndCaseInsensitive_areRead() {
    MediaType type =
        MediaType.parse(" Multipart/Mixed ; BOUNDARY=\"a;b \\\"c\\\"\" ; charset = utf-8 ;");
    assertThat(type.value()).isEqualTo("multipart/mixed");
    assertThat(type.type()).isEqualTo("multipart");
    assertThat(type.params()).isEqualTo(Map.of("boundary", "a;b \"c\"", "charset", "utf-8"));
  }

  @Test
  void mediaType_rfc2231Continuations_areJoinedAndDecoded() {
    MediaType type =
        MediaType.parse(
            "attachment; filename*0*=UTF-8''na%C3%AFve; filename*1=\" part\"; filename*2*=%2Eyaml");
    assertThat(type.param("filename")).hasValue("naïve part.yaml");
  }

  @Test
  void mediaType_firstDuplicateWinsAndJunkIsSkipped() {
    MediaType type = MediaType.parse("text/plain; name=a; name=b; junk; =x; n*z=1");
    assertThat(type.param("name")).hasValue("a");
    assertThat(type.params()).containsOnlyKeys("name");
  }

  @Test
  void quotedPrintable_softBreaksEscapesAndPadding_areDecoded() throws Exception {
    assertThat(decode(TransferEncoding.QUOTED_PRINTABLE, "a=3Db  \r\nc=\r\nd\r\n=E2=82=AC"))
        .isEqualTo("a=b\r\ncd\r\n€");
    assertThat(decode(TransferEncoding.QUOTED_PRINTABLE, "x=ZZ y= \nz=4")).isEqualTo("x=ZZ yz=4");
  }

  @Test
  void base64_whitespaceAndMissingPadding_areAccepted() throws Exception {
    assertThat(decode(TransferEncoding.BASE64, "aGVs\r\n bG8\t")).isEqualTo("hello");
    assertThatThrownBy(() -> decode(TransferEncoding.BASE64, "aGVsb"))
        .isInstanceOf(TransferEncoding.DecodeException.class);
    assertThatThrownBy(() -> decode(TransferEncoding.BASE64, "aG*s"))
        .isInstanceOf(TransferEncoding.DecodeException.class);
  }

  @Test
  void transferEncoding_names_areCaseInsensitive() {
    assertThat(TransferEncoding.of(" BASE64 ")).isEqualTo(TransferEncoding.BASE64);
    assertThat(TransferEncoding.of("Quoted-Printable"))
        .isEqualTo(TransferEncoding.QUOTED_PRINTABLE);
    assertThat(TransferEncoding.of("")).isEqualTo(TransferEncoding.IDENTITY);
    assertThat(TransferEncoding.of("x-uuencode")).isNull();
  }

  @Test
  void mimeHeaders_foldedFields_areUnfoldedWithTheirLine() {
    byte[] block = "A: 1\r\nB-Long: x\r\n  y\r\n\tz\r\n\r\nbody".getBytes(UTF_8);
    MimeHeaders headers = MimeHeaders.parse(block, 0, block.length, 10);
    assertThat(headers.problem()).isEmpty();
    assertThat(headers.get("b-long"))
        .hasValueSatisfying(
            f -> {
              assertThat(f.value()).isEqualTo("x  y\tz");
              assertThat(f.line()).isEqualTo(11);
            });
    assertThat(headers.bodyLine()).isEqualTo(15);
    assertThat(new String(block, headers.bodyOffset(), 4, UTF_8)).isEqualTo("body");
  }

  @Test
  void mimeHeaders_continuationFirst_isProblem() {
    byte[] block = " folded: x\n\n".getBytes(UTF_8);
    assertThat(MimeHeaders.parse(block, 0, block.length, 1).problem()).isPresent();
    assertThat(MimeHeaders.startsWithField(block, 0, block.length)).isFalse();
  }
}
