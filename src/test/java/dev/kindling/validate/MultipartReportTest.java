package dev.kindling.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Multipart user data is validated part by part, with part labels and file lines. */
class MultipartReportTest {
  private static FileReport validate(String text) {
    return Validator.validate("user-data", text.getBytes(UTF_8), Optional.empty());
  }

  /** {@code part|code|severity|line:column} of each entry. */
  private static List<String> summary(FileReport report) {
    return report.entries().stream()
        .map(
            e ->
                e.part().orElse("-")
                    + "|"
                    + e.finding().code().id()
                    + "|"
                    + e.finding().severity().label()
                    + "|"
                    + e.finding().position().orElseThrow())
        .toList();
  }

  @Test
  void validate_kolaMultipartFixture_notesIgnoredPartAndShadowedHostname() throws IOException {
    byte[] fixture;
    try (InputStream in =
        getClass().getResourceAsStream("/userdata/multipart/kola-multipart-mime.txt")) {
      fixture = in.readAllBytes();
    }
    FileReport report = Validator.validate("kola.txt", fixture, Optional.empty());

    assertThat(report.type()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(report.count(Severity.ERROR)).isZero();
    assertThat(summary(report))
        .contains(
            "part 6 (notes.txt)|unsupported-part|warning|78:15",
            "part 8 (plain-cloud-config.txt)|shadowed-hostname|warning|107:1");
    Entry shadowed =
        report.entries().stream()
            .filter(e -> e.finding().code() == Code.SHADOWED_HOSTNAME)
            .findFirst()
            .orElseThrow();
    assertThat(shadowed.finding().message())
        .isEqualTo(
            "hostname \"second\" is ignored: part 2 (hostname.yaml) sets the hostname first");
    assertThat(shadowed.sourceLine()).hasValue("hostname: \"second\"");
    assertThat(shadowed.finding().path().toString()).isEqualTo("hostname");
    assertThat(report.entries())
        .noneMatch(e -> e.part().orElse("").contains("ignition.json"))
        .noneMatch(e -> e.part().orElse("").contains("touch.sh"));
  }

  @Test
  void validate_verbatimPart_reportsFileLines() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n" // 1
                + "\n" // 2
                + "--b\n" // 3
                + "Content-Type: text/cloud-config\n" // 4
                + "Content-Disposition: attachment; filename=a.yaml\n" // 5
                + "\n" // 6
                + "hostname: a\n" // 7
                + "bogus: 1\n" // 8
                + "--b--\n");

    assertThat(summary(report)).containsExactly("part 1 (a.yaml)|unknown-key|warning|8:1");
    assertThat(report.entries().get(0).sourceLine()).hasValue("bogus: 1");
  }

  @Test
  void validate_base64Part_reportsDecodedLinesAndSaysSo() {
    String yaml = "#cloud-config\nhostname: a\nbogus: 1\n";
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getEncoder().encodeToString(yaml.getBytes(UTF_8))
                + "\n--b--\n");

    assertThat(summary(report)).containsExactly("part 1, decoded|unknown-key|warning|3:1");
    assertThat(report.entries().get(0).sourceLine()).hasValue("bogus: 1");
  }

  @Test
  void validate_scriptPartWithoutInterpreter_isAnErrorOfThatPart() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/x-shellscript\n\n#!/bin/sh\necho fine\n"
                + "--b\nContent-Type: text/x-shellscript\n\n#!\necho no interpreter\n"
                + "--b--\n");

    assertThat(summary(report)).containsExactly("part 2|script-interpreter|error|9:15");
  }

  @Test
  void validate_unsupportedAndExtensionPartTypes_sayWhatKindlingDoes() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/x-include-url\n\nhttps://example.com/a\n"
                + "--b\nContent-Type: text/cloud-boothook\n\n#cloud-boothook\n"
                + "--b\nContent-Type: text/jinja2\n\n## template: jinja\n"
                + "--b\nContent-Type: text/part-handler\n\n#part-handler\n"
                + "--b\n\nno headers and no known content\n"
                + "--b\nContent-Type: text/x-shellscript-per-once\n\n#!/bin/sh\n"
                + "--b--\n");

    assertThat(summary(report))
        .containsExactly(
            "part 1|extension-key|info|6:1",
            "part 2|unsupported-part|warning|8:15",
            "part 3|unsupported-part|warning|12:15",
            "part 4|unsupported-part|warning|16:15",
            "part 5|unsupported-part|warning|19:1",
            "part 6|extension-key|info|23:15");
    assertThat(report.entries())
        .extracting(e -> e.finding().message())
        .containsExactly(
            "#include is a Kindling extension: coreos-cloudinit ignores this user data",
            "text/cloud-boothook part is ignored: Kindling does not run boothooks",
            "text/jinja2 part is ignored: Kindling does not render Jinja templates",
            "text/part-handler part is ignored: Kindling does not run cloud-init part handlers",
            "part without Content-Type is neither cloud-config, a script nor an Ignition config;"
                + " Kindling ignores it",
            "text/x-shellscript-per-once part runs once per instance (a Kindling extension:"
                + " coreos-cloudinit ignores this part)");
    assertThat(report.entries()).allMatch(e -> e.finding().hint().isPresent());
  }

  @Test
  void validate_malformedMessage_isMultipartErrorAndPartsStillChecked() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: text/cloud-config\n\nbogus: 1\n");

    assertThat(summary(report))
        .containsExactly("-|multipart|error|1:1", "part 1|unknown-key|warning|6:1");
    assertThat(report.entries().get(0).finding().message()).contains("closing boundary \"--b--\"");
    assertThat(report.entries().get(0).finding().hint()).isPresent();
  }

  @Test
  void validate_missingBoundary_isMultipartError() {
    FileReport report = validate("Content-Type: multipart/mixed\n\nhostname: a\n");
    assertThat(summary(report)).containsExactly("-|multipart|error|1:1");
    assertThat(report.entries().get(0).sourceLine()).hasValue("Content-Type: multipart/mixed");
  }

  @Test
  void validate_brokenPart_isErrorAtItsHeader() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/x-shellscript\n\necho no shebang\n"
                + "--b\nContent-Type: application/gzip\nContent-Transfer-Encoding: base64\n\n"
                + "bm90IGd6aXA=\n"
                + "--b\nContent-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n"
                + "!!!!\n"
                + "--b--\n");

    assertThat(summary(report))
        .containsExactly(
            "part 1|multipart|error|4:15",
            "part 2|compression|error|8:15",
            "part 3|multipart|error|13:15");
  }

  @Test
  void validate_nestedParts_areLabelledWithTheirPath() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=o\n\n"
                + "--o\nContent-Type: multipart/mixed; boundary=i\n\n"
                + "--i\nContent-Type: text/cloud-config\n\nbogus: 1\n--i--\n"
                + "--o--\n");
    assertThat(summary(report)).containsExactly("part 1.1|unknown-key|warning|9:1");
  }

  @Test
  void validate_firstLineOfPart_isPosition() {
    FileReport report =
        validate(
            "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: text/cloud-config\n\n: bad yaml [\n--b--\n");
    assertThat(report.entries()).isNotEmpty();
    assertThat(report.entries().get(0).finding().code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(report.entries().get(0).finding().position().orElseThrow().line())
        .isGreaterThanOrEqualTo(6);
    assertThat(report.entries().get(0).finding().position().orElseThrow())
        .isNotEqualTo(Position.START);
  }

  @Test
  void validate_mutatedMultipart_neverThrows() throws IOException {
    byte[] fixture;
    try (InputStream in =
        getClass().getResourceAsStream("/userdata/multipart/kola-multipart-mime.txt")) {
      fixture = in.readAllBytes();
    }
    String alphabet = " :-\n\r\t\"'[]{}#!&*|>";
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 300; i++) {
      byte[] input = fixture.clone();
      for (int k = 0; k < 1 + random.nextInt(10); k++) {
        input[random.nextInt(input.length)] =
            (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      FileReport report = Validator.validate("fuzz", input, Optional.empty());
      assertThat(report.entries()).allSatisfy(e -> assertThat(e.finding().position()).isPresent());
    }
  }
}
