package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentEncodingRuleTest {
  private static List<String> check(String yaml) {
    return RuleHarness.check(new ContentEncodingRule(), yaml);
  }

  @Test
  void check_badBase64_errorAtContentWithReason() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - path: /etc/x\n"
                    + "    encoding: base64\n"
                    + "    content: 'secret-text!'\n"))
        .singleElement()
        .asString()
        .startsWith(
            "5:14 error content-decode write_files[0].content: content cannot be decoded as"
                + " \"base64\" | illegal base64 data at input byte 6;")
        .doesNotContain("secret-text");
  }

  @Test
  void check_missingContent_errorAtEntry() {
    assertThat(check("#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: gzip+base64\n"))
        .containsExactly(
            "3:5 error content-decode write_files[0]: content cannot be decoded as"
                + " \"gzip+base64\" | the entry has an encoding but no content; add the encoded"
                + " content, or remove encoding to write an empty file");
  }

  @Test
  void check_unsupportedEncodingOrNone_isLeftToTheBinder() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - {path: /a, encoding: rot13, content: x}\n"
                    + "  - {path: /b, content: '%%%'}\n"))
        .isEmpty();
  }

  @Test
  void check_validEncodings_areQuiet() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - {path: /a, encoding: b64, content: aGk=}\n"
                    + "  - {path: /b, encoding: gz+b64,"
                    + " content: H4sIAAAAAAAAA8vIBACsKpPYAgAAAA==}\n"))
        .isEmpty();
  }

  @Test
  void check_binaryWithBase64_hintExplainsDoubleDecoding() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - path: /a\n"
                    + "    encoding: base64\n"
                    + "    content: !!binary aGVsbG8gd29ybGQh\n"))
        .singleElement()
        .asString()
        .contains("the !!binary tag already decodes the base64 text");
  }

  /** The gzip of {@code size} zero bytes, as base64. */
  private static String zeros(int size) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(new byte[size]);
    }
    return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  @Test
  void check_contentsAddingUpToMoreThan64MiB_theEntryThatCrossesIsAnError() throws Exception {
    String mib30 = zeros(30 << 20);
    StringBuilder yaml = new StringBuilder("#cloud-config\nwrite_files:\n");
    for (int i = 0; i < 3; i++) {
      yaml.append("  - path: /big")
          .append(i)
          .append("\n    encoding: gzip+base64\n    content: ")
          .append(mib30)
          .append('\n');
    }
    yaml.append("  - path: /small\n    encoding: b64\n    content: aGVsbG8=\n");

    assertThat(check(yaml.toString()))
        .singleElement()
        .asString()
        .startsWith(
            "11:14 error content-decode write_files[2].content: content cannot be decoded as"
                + " \"gzip+base64\" | it decodes to more than the 4194304 bytes left of the"
                + " 67108864 bytes (64 MiB) all write_files contents of a config may decode to (the"
                + " entries before it use 62914560)");
  }

  @Test
  void check_oneEntryOver64MiB_isAnErrorSayingSo() throws Exception {
    assertThat(
            check(
                "#cloud-config\nwrite_files:\n  - path: /big\n    encoding: gzip+base64\n"
                    + "    content: "
                    + zeros((64 << 20) + 1)
                    + "\n"))
        .singleElement()
        .asString()
        .contains(
            "| it decodes to more than the 67108864 bytes (64 MiB) all write_files contents of a"
                + " config may decode to; fetch large files at boot");
  }
}
