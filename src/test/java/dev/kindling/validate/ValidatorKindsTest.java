package dev.kindling.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What the validator says about each kind of user data other than multipart. */
class ValidatorKindsTest {
  private static FileReport validate(String text) {
    return Validator.validate("user-data", text.getBytes(UTF_8), Optional.empty());
  }

  @Test
  void validate_unknownText_keepsTheOriginalMessageAtLineOne() {
    FileReport report = validate("hostname: a\n");

    assertThat(report.type()).isEqualTo(UserData.Kind.UNKNOWN);
    assertThat(report.entries()).hasSize(1);
    Entry entry = report.entries().get(0);
    assertThat(entry.finding().severity()).isEqualTo(Severity.ERROR);
    assertThat(entry.finding().code()).isEqualTo(Code.NOT_CLOUD_CONFIG);
    assertThat(entry.finding().message())
        .isEqualTo("must be \"#cloud-config\" or begin with \"#!\"");
    assertThat(entry.finding().position()).hasValue(Position.START);
    assertThat(entry.sourceLine()).hasValue("hostname: a");
    assertThat(entry.finding().hint())
        .hasValueSatisfying(h -> assertThat(h).contains("#cloud-config").contains("multipart"));
  }

  @Test
  void validate_nearMissHeaders_getSpecificHints() {
    assertThat(hint("#Cloud-Config\n")).contains("exactly \"#cloud-config\"");
    assertThat(hint("#cloud-config # comment\n")).contains("exactly \"#cloud-config\"");
    assertThat(hint("  #cloud-config\n")).contains("exactly \"#cloud-config\"");
    assertThat(hint("\uFEFF#cloud-config\n")).contains("BOM");
    assertThat(hint("Content-Type: text/cloud-config\n\nx: 1\n")).contains("multipart/mixed");
    assertThat(hint("{\"ignition\": {}}")).contains("Ignition");
  }

  private static String hint(String text) {
    return validate(text).entries().get(0).finding().hint().orElseThrow();
  }

  @Test
  void validate_scriptIgnitionAndEmpty_haveNoEntries() {
    assertThat(validate("#!/bin/bash\nexit 1\n").entries()).isEmpty();
    assertThat(validate("#!/bin/bash\n").type()).isEqualTo(UserData.Kind.SCRIPT);
    FileReport ignition = validate("{\"ignition\": {\"version\": \"3.3.0\"}}");
    assertThat(ignition.type()).isEqualTo(UserData.Kind.IGNITION);
    assertThat(ignition.entries()).isEmpty();
    assertThat(validate("").type()).isEqualTo(UserData.Kind.EMPTY);
    assertThat(validate("").entries()).isEmpty();
  }

  @Test
  void validate_gzipCloudConfig_isValidatedAfterDecompression() throws IOException {
    byte[] gz = gzip("#cloud-config\nbogus_key: 1\n");
    FileReport report = Validator.validate("user-data.gz", gz, Optional.empty());

    assertThat(report.type()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(report.entries())
        .extracting(e -> e.finding().code() + "@" + e.finding().position().orElseThrow())
        .containsExactly("UNKNOWN_KEY@2:1");
  }

  @Test
  void validate_brokenGzip_isCompressionError() throws IOException {
    byte[] gz = gzip("#cloud-config\nhostname: a\n".repeat(20));
    byte[] broken = java.util.Arrays.copyOf(gz, gz.length - 12);
    FileReport report = Validator.validate("user-data", broken, Optional.empty());

    assertThat(report.type()).isEqualTo(UserData.Kind.UNKNOWN);
    assertThat(report.entries()).hasSize(1);
    assertThat(report.entries().get(0).finding().code()).isEqualTo(Code.COMPRESSION);
    assertThat(report.entries().get(0).finding().severity()).isEqualTo(Severity.ERROR);
    assertThat(report.entries().get(0).finding().message()).startsWith("gzip user data");
  }

  @Test
  void validate_binaryGarbage_neverThrowsAndShowsPrintableLine() {
    byte[] garbage = {0, 1, 2, (byte) 0xff, '\n', 'x'};
    FileReport report = Validator.validate("bin", garbage, Optional.empty());
    assertThat(report.entries()).hasSize(1);
    assertThat(report.entries().get(0).sourceLine().orElseThrow()).doesNotContain("\0");
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(UTF_8));
    }
    return bytes.toByteArray();
  }
}
