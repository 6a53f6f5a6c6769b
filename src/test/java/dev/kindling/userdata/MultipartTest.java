package dev.kindling.userdata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multipart MIME user data (RFC 2045/2046, flatcar's coreos-cloudinit part handling). */
class MultipartTest {
  private static UserData classify(String text) {
    return UserData.classify(text.getBytes(UTF_8));
  }

  private static String text(UserData.Part part) {
    return part.content().text();
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = MultipartTest.class.getResourceAsStream("/userdata/multipart/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void classify_kolaMultipartFixture_classifiesEveryPart() throws IOException {
    UserData data = UserData.classify(fixture("kola-multipart-mime.txt"));

    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.problem()).isEmpty();
    List<UserData.Part> parts = data.parts();
    assertThat(parts)
        .extracting(
            p -> p.index() + " " + p.name() + " " + p.contentType() + " " + p.content().kind())
        .containsExactly(
            "1 keys.yaml text/cloud-config CLOUD_CONFIG",
            "2 hostname.yaml text/cloud-config CLOUD_CONFIG",
            "3 encodings.yaml text/cloud-config CLOUD_CONFIG",
            "4 touch.sh text/x-shellscript SCRIPT",
            "5 comment-only.yaml text/cloud-config CLOUD_CONFIG",
            "6 notes.txt text/plain UNKNOWN",
            "7 ignition.json application/json IGNITION",
            "8 plain-cloud-config.txt text/plain CLOUD_CONFIG");
    assertThat(parts.get(1).firstLine()).isEqualTo(20);
    assertThat(text(parts.get(1))).isEqualTo("hostname: \"first\"\n");
    assertThat(parts.get(1).headerLine()).isEqualTo(15);
    assertThat(parts.get(7).firstLine()).isEqualTo(106);
    assertThat(text(parts.get(7))).startsWith("#cloud-config\nhostname: \"second\"\n");
    assertThat(text(parts.get(3))).isEqualTo("#!/bin/sh\ntouch /tmp/kindling_multipart_script\n");
  }

  @Test
  void classify_crlfMessageWithFoldedHeaderAndPreamble_readsParts() {
    String message =
        "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed;\r\n"
            + "\tboundary=\"==b 1==\"\r\n"
            + "\r\n"
            + "preamble\r\n"
            + "--==b 1==  \r\n"
            + "content-type: TEXT/CLOUD-CONFIG\r\n"
            + "\r\n"
            + "hostname: a\r\n"
            + "--==b 1==\r\n"
            + "\r\n"
            + "#!/bin/sh\r\n"
            + "--==b 1==--\r\n"
            + "epilogue\r\n";
    UserData data = classify(message);

    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.problem()).isEmpty();
    assertThat(data.parts()).hasSize(2);
    assertThat(data.parts().get(0).contentType()).isEqualTo("text/cloud-config");
    assertThat(text(data.parts().get(0))).isEqualTo("hostname: a");
    assertThat(data.parts().get(0).firstLine()).isEqualTo(9);
    assertThat(data.parts().get(1).contentType()).isEmpty();
    assertThat(data.parts().get(1).content().kind()).isEqualTo(UserData.Kind.SCRIPT);
    assertThat(data.parts().get(1).headerLine()).isEqualTo(10);
  }

  @Test
  void classify_base64Part_isDecodedAndHasNoFirstLine() {
    String yaml = "#cloud-config\nhostname: b64\n";
    String message =
        mime(
            "Content-Type: text/cloud-config\n"
                + "Content-Transfer-Encoding: Base64\n\n"
                + Base64.getMimeEncoder(8, "\n".getBytes(UTF_8))
                    .encodeToString(yaml.getBytes(UTF_8))
                + "\n");
    UserData.Part part = classify(message).parts().get(0);

    assertThat(part.content().kind()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(text(part)).isEqualTo(yaml);
    assertThat(part.firstLine()).isZero();
    assertThat(part.headerLine()).isEqualTo(5);
  }

  @Test
  void classify_gzipBase64Part_isDecompressedAndSniffed() throws IOException {
    byte[] gz = UserDataClassifierTest.gzip("#cloud-config\nhostname: gz\n".getBytes(UTF_8));
    String message =
        mime(
            "Content-Type: application/x-gzip\n"
                + "Content-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"c.yaml.gz\"\n\n"
                + Base64.getEncoder().encodeToString(gz)
                + "\n");
    UserData.Part part = classify(message).parts().get(0);

    assertThat(part.name()).isEqualTo("c.yaml.gz");
    assertThat(part.content().kind()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(part.content().gzipped()).isTrue();
    assertThat(text(part)).isEqualTo("#cloud-config\nhostname: gz\n");
    assertThat(part.firstLine()).isZero();
  }

  @Test
  void classify_gzipTypeWithPlainBody_isCompressionProblem() {
    UserData.Part part =
        classify(mime("Content-Type: application/gzip\n\n#cloud-config\n")).parts().get(0);
    assertThat(part.content().gzipped()).isTrue();
    assertThat(part.content().problem())
        .hasValueSatisfying(p -> assertThat(p).startsWith("part does not decompress as gzip"));
  }

  @Test
  void classify_quotedPrintablePart_isDecoded() {
    String message =
        mime(
            "Content-Type: text/cloud-config\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n"
                + "#cloud-config\n"
                + "write_files:\n"
                + "  - path: /etc/motd\n"
                + "    content: caf=C3=A9 a very long line that was wrapped by the =\n"
                + "encoder\n");
    UserData.Part part = classify(message).parts().get(0);
    assertThat(text(part))
        .isEqualTo(
            "#cloud-config\nwrite_files:\n  - path: /etc/motd\n"
                + "    content: café a very long line that was wrapped by the encoder");
    assertThat(part.firstLine()).isZero();
  }

  @Test
  void classify_sevenAndEightBitParts_areVerbatim() {
    for (String encoding : List.of("7bit", "8bit", "binary", " 8BIT ")) {
      UserData.Part part =
          classify(
                  mime(
                      "Content-Type: text/cloud-config\nContent-Transfer-Encoding: "
                          + encoding
                          + "\n\nhostname: é\n"))
              .parts()
              .get(0);
      assertThat(text(part)).isEqualTo("hostname: é");
      assertThat(part.firstLine()).isEqualTo(8);
    }
  }

  @Test
  void classify_unknownTransferEncoding_isProblem() {
    UserData.Part part =
        classify(mime("Content-Type: text/cloud-config\nContent-Transfer-Encoding: x-uue\n\nx\n"))
            .parts()
            .get(0);
    assertThat(part.content().problem())
        .hasValue("unsupported Content-Transfer-Encoding \"x-uue\"");
  }

  @Test
  void classify_badBase64_isProblem() {
    UserData.Part part =
        classify(
                mime("Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n*!*\n"))
            .parts()
            .get(0);
    assertThat(part.content().problem()).isPresent();
    assertThat(part.content().gzipped()).isFalse();
  }

  @Test
  void classify_shellScriptTypes_needHashBang() {
    UserData data =
        classify(
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/x-shellscript-per-instance\n\n#!/bin/sh\n"
                + "--b\nContent-Type: text/x-shellscript\n\necho no interpreter\n"
                + "--b--\n");
    assertThat(data.parts().get(0).content().kind()).isEqualTo(UserData.Kind.SCRIPT);
    assertThat(data.parts().get(1).content().problem())
        .hasValue("a text/x-shellscript part must begin with \"#!\"");
  }

  @Test
  void classify_cloudInitOnlyTypes_stayUnknownWhateverTheContent() {
    for (String type : List.of("text/cloud-boothook", "text/part-handler", "text/jinja2")) {
      UserData.Part part =
          classify(mime("Content-Type: " + type + "\n\n#cloud-config\nhostname: a\n"))
              .parts()
              .get(0);
      assertThat(part.content().kind()).as(type).isEqualTo(UserData.Kind.UNKNOWN);
      assertThat(part.content().problem()).as(type).isEmpty();
    }
  }

  @Test
  void classify_nestedVerbatimMultipart_keepsFileLines() {
    String message =
        "Content-Type: multipart/mixed; boundary=outer\n" // 1
            + "\n" // 2
            + "--outer\n" // 3
            + "Content-Type: multipart/mixed; boundary=\"inner\"\n" // 4
            + "\n" // 5
            + "--inner\n" // 6
            + "Content-Type: text/cloud-config\n" // 7
            + "Content-Disposition: attachment; filename*=UTF-8''caf%C3%A9.yaml\n" // 8
            + "\n" // 9
            + "hostname: nested\n" // 10
            + "--inner--\n" // 11
            + "--outer--\n";
    UserData data = classify(message);
    UserData.Part outer = data.parts().get(0);
    assertThat(outer.content().kind()).isEqualTo(UserData.Kind.MULTIPART);
    UserData.Part inner = outer.content().parts().get(0);
    assertThat(inner.name()).isEqualTo("café.yaml");
    assertThat(inner.firstLine()).isEqualTo(10);
    assertThat(inner.headerLine()).isEqualTo(7);
    assertThat(text(inner)).isEqualTo("hostname: nested");
  }

  @Test
  void classify_multipartInBase64Part_hasPartRelativeLines() {
    String inner = "--in\nContent-Type: text/cloud-config\n\nhostname: x\n--in--\n";
    String message =
        mime(
            "Content-Type: multipart/mixed; boundary=in\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getEncoder().encodeToString(inner.getBytes(UTF_8))
                + "\n");
    UserData.Part outer = classify(message).parts().get(0);
    UserData.Part part = outer.content().parts().get(0);
    assertThat(part.content().kind()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(part.firstLine()).isZero();
    assertThat(part.headerLine()).isZero();
  }

  @Test
  void classify_nameFromContentTypeParameter_isUsed() {
    UserData.Part part =
        classify(mime("Content-Type: text/cloud-config; name=\"a \\\"b\\\".yaml\"\n\nx: 1\n"))
            .parts()
            .get(0);
    assertThat(part.name()).isEqualTo("a \"b\".yaml");
  }

  @Test
  void classify_noClosingBoundary_isProblemButKeepsParts() {
    UserData data =
        classify(
            "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/cloud-config\n\nhostname: a\n");
    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.problem())
        .hasValue("the message does not end with the closing boundary \"--b--\"");
    assertThat(data.parts()).hasSize(1);
    assertThat(text(data.parts().get(0))).isEqualTo("hostname: a\n");
  }

  @Test
  void classify_missingBoundaryParameter_isProblem() {
    UserData data = classify("Content-Type: multipart/mixed\n\n--b\n\nx\n--b--\n");
    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.problem()).hasValue("Content-Type multipart/mixed has no boundary parameter");
  }

  @Test
  void classify_boundaryNeverAppears_isProblem() {
    UserData data = classify("Content-Type: multipart/mixed; boundary=zz\n\n--b\n\nx\n--b--\n");
    assertThat(data.problem())
        .hasValue("the message has no parts: no line is the boundary line \"--zz\"");
  }

  @Test
  void classify_otherMultipartSubtype_isProblem() {
    UserData data =
        classify("Content-Type: multipart/alternative; boundary=b\n\n--b\n\nx\n--b--\n");
    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("use multipart/mixed"));
  }

  @Test
  void classify_headersWithoutEmptyLine_isProblem() {
    UserData data =
        classify(
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/cloud-config\n#cloud-config\nhostname: a\n--b--\n");
    assertThat(data.parts().get(0).content().problem())
        .hasValueSatisfying(p -> assertThat(p).contains("line 5 is not a \"Name: value\" header"));
  }

  @Test
  void classify_boundaryPrefixOfLongerLine_isNotABoundary() {
    UserData data = classify("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--bx\n--b--\n");
    assertThat(data.parts()).hasSize(1);
    assertThat(text(data.parts().get(0))).isEqualTo("--bx");
  }

  @Test
  void classify_nonMultipartContentType_isUnknown() {
    assertThat(classify("Content-Type: text/cloud-config\n\nhostname: a\n").kind())
        .isEqualTo(UserData.Kind.UNKNOWN);
  }

  @Test
  void classify_deeplyNestedMultipart_stopsWithProblem() {
    StringBuilder message = new StringBuilder();
    int depth = 20;
    for (int i = 0; i < depth; i++) {
      message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
      message.append("--b").append(i).append("\n");
    }
    UserData data = classify(message.toString());
    UserData current = data;
    int levels = 0;
    while (!current.parts().isEmpty()) {
      current = current.parts().get(0).content();
      levels++;
    }
    assertThat(levels).isLessThanOrEqualTo(MultipartReader.MAX_NESTING + 1);
    assertThat(current.problem()).isPresent();
  }

  @Test
  void classify_randomAndMutatedInput_neverThrows() throws IOException {
    byte[] fixture = fixture("kola-multipart-mime.txt");
    Random random = new Random(42);
    for (int i = 0; i < 600; i++) {
      byte[] input;
      if (i % 2 == 0) {
        input = new byte[random.nextInt(300)];
        random.nextBytes(input);
        if (i % 4 == 0 && input.length > 2) {
          input[0] = 0x1f;
          input[1] = (byte) 0x8b;
        }
      } else {
        input = fixture.clone();
        for (int k = 0; k < 1 + random.nextInt(20); k++) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
        input = java.util.Arrays.copyOf(input, random.nextInt(input.length + 1));
      }
      UserData data = UserData.classify(input);
      assertThat(data.kind()).isNotNull();
    }
  }

  /** A one-part multipart message around {@code part}, whose first header is on line 5. */
  private static String mime(String part) {
    return "Content-Type: multipart/mixed; boundary=\"XX\"\n"
        + "MIME-Version: 1.0\n"
        + "\n"
        + "--XX\n"
        + part
        + "--XX--\n";
  }

  private static String manyParts(int count, String inner) {
    StringBuilder m = new StringBuilder("Content-Type: multipart/mixed; boundary=\"XX\"\n\n");
    for (int i = 0; i < count; i++) {
      m.append("--XX\n").append(inner).append("\n");
    }
    return m.append("--XX--\n").toString();
  }

  @Test
  void classify_moreThanMaxParts_isRefusedWithoutParts() {
    UserData data =
        classify(
            manyParts(
                MultipartReader.MAX_PARTS + 1, "Content-Type: text/x-shellscript\n\n#!/bin/sh\n"));

    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.parts()).isEmpty();
    assertThat(data.problem())
        .contains(
            "the message has more than "
                + MultipartReader.MAX_PARTS
                + " parts (nested messages included); split it or merge parts");
  }

  @Test
  void classify_exactlyMaxParts_isRead() {
    UserData data =
        classify(
            manyParts(
                MultipartReader.MAX_PARTS, "Content-Type: text/cloud-config\n\nhostname: a\n"));

    assertThat(data.problem()).isEmpty();
    assertThat(data.parts()).hasSize(MultipartReader.MAX_PARTS);
  }

  @Test
  void classify_nestedPartsCountTowardsTheLimit() {
    int half = MultipartReader.MAX_PARTS / 2 + 1;
    String nested =
        "Content-Type: multipart/mixed; boundary=\"YY\"\n\n"
            + "--YY\nContent-Type: text/cloud-config\n\nhostname: b\n".repeat(half)
            + "--YY--";
    UserData data = classify(manyParts(half, nested));

    assertThat(data.problem()).isEmpty();
    assertThat(data.parts()).hasSize(half);
    assertThat(data.parts().get(0).content().problem())
        .hasValueSatisfying(p -> assertThat(p).contains("more than " + MultipartReader.MAX_PARTS));
  }
}
