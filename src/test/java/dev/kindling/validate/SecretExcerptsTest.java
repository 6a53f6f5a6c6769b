package dev.kindling.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the text report shows of the source: never a secret value, never a whole huge line. */
class SecretExcerptsTest {
  private static String text(String userData) {
    FileReport report = Validator.validate("user-data", userData.getBytes(UTF_8), Optional.empty());
    StringWriter out = new StringWriter();
    new TextReportPrinter(new PrintWriter(out)).print(List.of(report));
    return out.toString();
  }

  @Test
  void plainPasswd_isMaskedInTheExcerpt() {
    String out =
        text("#cloud-config\nusers:\n  - name: alice\n    passwd: correct-horse-battery\n");

    assertThat(out).contains("[password-hash]").doesNotContain("correct-horse-battery");
    assertThat(out).contains("    passwd: *********************\n");
  }

  @Test
  void weakPasswordHash_isMaskedInTheExcerpt() {
    String out =
        text(
            "#cloud-config\nusers:\n  - name: bob\n    passwd: \"$1$saltsalt$abcdefghijklmnopqrstuv\"\n");

    assertThat(out).contains("weak hash").doesNotContain("abcdefghijklmnopqrstuv");
  }

  @Test
  void writeFilesContent_isMaskedInTheExcerpt() {
    String out =
        text(
            "#cloud-config\nwrite_files:\n  - path: /etc/token\n    encoding: b64\n"
                + "    content: API-TOKEN-s3cr3t!!\n");

    assertThat(out).contains("[content-decode]").doesNotContain("API-TOKEN-s3cr3t");
  }

  @Test
  void secretInAFlowMapping_isMaskedAndTheCaretStillPointsAtTheFinding() {
    String out = text("#cloud-config\nusers:\n  - {passwd: hunter2hunter2, name: \"Bad Name\"}\n");

    assertThat(out).doesNotContain("hunter2");
    List<String> lines = out.lines().toList();
    int finding = 0;
    while (!lines.get(finding).contains("[user-name]")) {
      finding++;
    }
    String excerpt = lines.get(finding + 1);
    String caret = lines.get(finding + 2);
    assertThat(excerpt).isEqualTo("    - {passwd: **************, name: \"Bad Name\"}");
    assertThat(excerpt.charAt(caret.indexOf('^'))).isEqualTo('"');
  }

  @Test
  void passwdOnALineThatIsNotValidYaml_isMaskedToo() {
    String out = text("#cloud-config\nusers:\n  - name: carol\n    passwd: s3cret: pw\n");

    assertThat(out).contains("[yaml-syntax]").doesNotContain("s3cret");
  }

  @Test
  void publicKeyInsteadOfAList_isShownInTheExcerpt_topLevelAndPerUser() {
    String out =
        text(
            "#cloud-config\nssh_authorized_keys: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 bob@x\n"
                + "users:\n  - name: core\n    ssh_authorized_keys: ssh-rsa AAAAB3Nza carol@y\n");

    assertThat(out)
        .contains("\n  ssh_authorized_keys: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 bob@x\n")
        .contains("\n      ssh_authorized_keys: ssh-rsa AAAAB3Nza carol@y\n")
        .contains("hint: write a list: ssh_authorized_keys: [ssh-rsa AAAAB3Nza carol@y]")
        .doesNotContain("****");
  }

  @Test
  void wrongTypedSecrets_neverInTheExcerptNorTheHint() {
    String out =
        text(
            "#cloud-config\nusers:\n  - name: a\n    passwd: [MARK1]\n  - name: b\n"
                + "    passwd: {k: MARK2}\n  - name: c\n    passwd: MARK3\n"
                + "write_files:\n  - path: /a\n    content: [MARK4]\n"
                + "  - path: /b\n    content: {k: MARK5}\n");

    assertThat(out).contains("[incorrect-type]").contains("[password-hash]").doesNotContain("MARK");
  }

  @Test
  void privateHostKeys_masked_publicOnesShown() {
    String yaml =
        "#cloud-config\nssh_keys:\n  rsa_private: MARKPRIVATE\n  rsa_public: ssh-rsa AAAA x\n";
    List<String> lines = java.util.Arrays.asList(yaml.split("\n", -1));

    List<String> masked = SecretMask.apply(lines, dev.kindling.config.yaml.YamlParser.parse(yaml));

    assertThat(masked.get(2)).isEqualTo("  rsa_private: ***********");
    assertThat(masked.get(3)).isEqualTo("  rsa_public: ssh-rsa AAAA x");
  }

  @Test
  void hugeLine_isCutAroundTheColumn() {
    String out =
        text(
            "#cloud-config\nwrite_files:\n  - path: /etc/x\n    permissions: "
                + "7".repeat(100_000)
                + "\n");

    assertThat(out).contains("[invalid-value]").contains("invalid value 7777777777");
    for (String line : out.lines().toList()) {
      assertThat(line.length()).isLessThan(300);
    }
  }

  @Test
  void hugeLine_caretStaysUnderTheColumnAfterTheCut() {
    String out = text("#cloud-config\nx: [" + "1, ".repeat(50_000) + "}]\n");

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).contains("[yaml-syntax]");
    String excerpt = lines.get(1);
    String caret = lines.get(2);
    assertThat(excerpt).startsWith("  …").endsWith("}]");
    assertThat(excerpt.length()).isLessThan(300);
    assertThat(excerpt.charAt(caret.indexOf('^'))).isEqualTo('}');
  }

  @Test
  void secretMask_blockContentAndMultiLineQuotes_maskedLineByLine_unitContentKept() {
    String yaml =
        "#cloud-config\n"
            + "write_files:\n"
            + "  - path: /etc/a\n"
            + "    content: |\n"
            + "      line one\n"
            + "      line two\n"
            + "  - path: /etc/b\n"
            + "    content: \"first\n"
            + "      second\"\n"
            + "coreos:\n"
            + "  units:\n"
            + "    - name: a.service\n"
            + "      content: |\n"
            + "        [Service]\n";
    List<String> lines = java.util.Arrays.asList(yaml.split("\n", -1));

    List<String> masked = SecretMask.apply(lines, dev.kindling.config.yaml.YamlParser.parse(yaml));

    assertThat(masked.subList(3, 9))
        .containsExactly(
            "    content: |",
            "      ********",
            "      ********",
            "  - path: /etc/b",
            "    content: ******",
            "      *******");
    assertThat(masked.get(13)).isEqualTo("        [Service]");
  }

  @Test
  void loneCrLineBreaks_theExcerptIsTheLineOfTheFinding() {
    String out =
        text("#cloud-config\nhostname: node1\rbogus_key: 1\rmanage_etc_hosts: localhost\r");

    List<String> lines = out.lines().toList();
    int finding = 0;
    while (!lines.get(finding).contains("bogus_key")) {
      finding++;
    }
    assertThat(lines.get(finding)).startsWith("user-data:3:1: ");
    assertThat(lines.get(finding + 1)).isEqualTo("  bogus_key: 1");
  }

  @Test
  void loneCrLineBreaks_anUnresolvedVariableIsOnItsLine() {
    FileReport report =
        Validator.validate(
            "user-data",
            "#cloud-config\nhostname: node1\rwrite_files:\r  - path: /etc/ip\r    content: $private_ipv4\r"
                .getBytes(UTF_8),
            Optional.of(dev.kindling.metadata.Metadata.empty()));
    StringWriter out = new StringWriter();
    new TextReportPrinter(new PrintWriter(out)).print(List.of(report));

    assertThat(out.toString())
        .contains("user-data:5:14: ")
        .contains("    content: *************\n");
  }
}
