package dev.kindling.userdata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * coreos-cloudinit's classification: which user data is a script, cloud-config, Ignition, gzip, or
 * nothing known.
 */
class UserDataClassifierTest {
  private static UserData.Kind kind(String text) {
    return UserData.classify(text.getBytes(UTF_8)).kind();
  }

  @Test
  void classify_empty_isEmpty() {
    assertThat(UserData.classify(new byte[0]).kind()).isEqualTo(UserData.Kind.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#!/bin/bash\necho hi\n", "#!", "#!python\r\n", "#!/bin/sh"})
  void classify_hashBangFirstLine_isScript(String text) {
    assertThat(kind(text)).isEqualTo(UserData.Kind.SCRIPT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#cloud-config\nhostname: a\n",
        "#cloud-config",
        "#cloud-config\r\nhostname: a\r\n",
        "#cloud-config   \t\nhostname: a\n",
        "#cloud-config\u00a0\n", // Go's unicode.IsSpace includes NBSP
        "#cloud-config\u3000\n",
        "#cloud-config\u2009\n",
        "#cloud-config\u0085\n"
      })
  void classify_exactHeaderWithTrailingGoSpace_isCloudConfig(String text) {
    assertThat(kind(text)).isEqualTo(UserData.Kind.CLOUD_CONFIG);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uFEFF#cloud-config\n",
        " #cloud-config\n",
        "\n#cloud-config\n",
        "#Cloud-Config\n",
        "#CLOUD-CONFIG\n",
        "#cloud-config-x\n",
        "#cloud-config # x\n",
        "# cloud-config\n",
        "#cloud-config\u001c\n", // Java whitespace, but not Go's
        "hostname: a\n",
        "\n",
        "random text"
      })
  void classify_nearMissHeader_isUnknown(String text) {
    assertThat(kind(text)).isEqualTo(UserData.Kind.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ignitionVersion\": 1}",
        "{\"ignition\": {\"version\": \"3.0.0\"}}",
        "  \n{\"ignition\": {\"version\": \"2.2.0\"}, \"storage\": {\"files\": [1, {}]}}\n",
        "{\"IGNITION\": {\"Version\": \"3.4.0\"}}",
        "{\"ignitionVersion\": null, \"ignition\": {\"version\": \"3.0.0\"}}",
        "{\"ignition\": {\"version\": \"3.0.0\"}, \"ignition\": null}",
        "{\"ignition\": {\"version\": \"3.0.0\"}, \"ignition\": {}}",
        "{\"ignitionVersion\": -3}"
      })
  void classify_goDecodableIgnition_isIgnition(String text) {
    assertThat(kind(text)).isEqualTo(UserData.Kind.IGNITION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ignition\": {}}",
        "{}",
        "[]",
        "null",
        "{\"ignitionVersion\": 1.0}",
        "{\"ignitionVersion\": 1e2}",
        "{\"ignitionVersion\": \"1\"}",
        "{\"ignitionVersion\": 99999999999999999999}",
        "{\"ignition\": {\"version\": 3}}",
        "{\"ignition\": \"3.0.0\"}",
        "{\"ignitionVersion\": 1, \"ignition\": []}",
        "{\"ignition\": {\"version\": \"3.0.0\", \"version\": null}}",
        "{\"ignitionVersion\": 1} {}",
        "{\"ignitionVersion\": 1",
        "\uFEFF{\"ignitionVersion\": 1}",
        "{'ignitionVersion': 1}"
      })
  void classify_notGoDecodableIgnition_isUnknown(String text) {
    assertThat(kind(text)).isEqualTo(UserData.Kind.UNKNOWN);
  }

  @Test
  void classify_ignitionWithHugeStringAndDeepNesting_isIgnition() {
    String big = "x".repeat(21 * 1024 * 1024);
    String deep = "[".repeat(2_000) + "]".repeat(2_000);
    String json =
        "{\"ignition\": {\"version\": \"3.0.0\"}, \"a\": \"" + big + "\", \"b\": " + deep + "}";
    assertThat(kind(json)).isEqualTo(UserData.Kind.IGNITION);
  }

  @Test
  void classify_gzipCloudConfig_isDecompressedCloudConfig() throws IOException {
    byte[] gz = gzip("#cloud-config\nhostname: a\n".getBytes(UTF_8));
    UserData data = UserData.classify(gz);
    assertThat(data.kind()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(data.gzipped()).isTrue();
    assertThat(data.text()).isEqualTo("#cloud-config\nhostname: a\n");
    assertThat(data.problem()).isEmpty();
  }

  @Test
  void classify_gzipScript_isScript() throws IOException {
    assertThat(UserData.classify(gzip("#!/bin/sh\n".getBytes(UTF_8))).kind())
        .isEqualTo(UserData.Kind.SCRIPT);
  }

  @Test
  void classify_truncatedGzip_hasProblem() throws IOException {
    byte[] gz = gzip("#cloud-config\nhostname: a\n".repeat(50).getBytes(UTF_8));
    byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
    UserData data = UserData.classify(truncated);
    assertThat(data.kind()).isEqualTo(UserData.Kind.UNKNOWN);
    assertThat(data.gzipped()).isTrue();
    assertThat(data.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("gzip user data"));
  }

  @Test
  void classify_gzipMagicWithGarbage_hasProblem() {
    UserData data = UserData.classify(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    assertThat(data.problem()).isPresent();
    assertThat(data.gzipped()).isTrue();
  }

  @Test
  void classify_gzipBomb_isRefusedAtTheCap() throws IOException {
    byte[] bomb = gzip(new byte[3 << 20]);
    UserData data = UserDataClassifier.classify(bomb, 2 << 20);
    assertThat(data.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("expands to more than 2 MiB"));
    assertThat(UserDataClassifier.classify(bomb, 4 << 20).problem()).isEmpty();
  }

  @Test
  void classify_gzipParts_shareOneBudget() throws IOException {
    String part =
        "--b\nContent-Type: application/gzip\nContent-Transfer-Encoding: base64\n\n"
            + java.util.Base64.getEncoder().encodeToString(gzip(new byte[3 << 19]))
            + "\n";
    byte[] message =
        ("Content-Type: multipart/mixed; boundary=b\n\n" + part + part + "--b--\n").getBytes(UTF_8);
    UserData data = UserDataClassifier.classify(message, 2 << 20);
    assertThat(data.parts().get(0).content().problem()).isEmpty();
    assertThat(data.parts().get(1).content().problem())
        .hasValueSatisfying(p -> assertThat(p).contains("expands to more than 2 MiB"));
  }

  @Test
  void toString_neverShowsContent() {
    UserData data = UserData.classify("#cloud-config\npassword: secret\n".getBytes(UTF_8));
    assertThat(data.toString()).doesNotContain("secret").contains("cloud-config");
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(plain);
    }
    return bytes.toByteArray();
  }
}
