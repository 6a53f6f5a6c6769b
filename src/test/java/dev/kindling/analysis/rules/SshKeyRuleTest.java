package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshKeyRuleTest {
  private static final String ED25519 =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAVb+kupJzMZ20R7RZNGPH6D2KaI4e";

  @Test
  void check_badKeys_errorPerKeyWithIndex() {
    List<String> out =
        RuleHarness.check(
            new SshKeyRule(),
            "#cloud-config\n"
                + "ssh_authorized_keys:\n"
                + "  - "
                + ED25519
                + " me@host\n"
                + "  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKA\n"
                + "users:\n"
                + "  - name: a\n"
                + "    ssh_authorized_keys: [ssh-rsa]\n");
    assertThat(out)
        .containsExactly(
            "4:5 error ssh-key ssh_authorized_keys[1]: invalid SSH key (ssh-ed25519 AAAAC3Nz…):"
                + " the key data is truncated | give the whole line of the .pub file, e.g."
                + " \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... user@host\" (ssh-keygen -y -f KEY"
                + " prints it)",
            "7:27 error ssh-key users[0].ssh_authorized_keys[0]: invalid SSH key (ssh-rsa): the key"
                + " data is missing | give the whole line of the .pub file, e.g. \"ssh-ed25519"
                + " AAAAC3NzaC1lZDI1NTE5AAAA... user@host\" (ssh-keygen -y -f KEY prints it)");
    assertThat(String.join("\n", out)).doesNotContain("AAAAC3NzaC1lZDI1NTE5AAAAIHby");
  }

  @Test
  void check_listsConcatenated_pointAtEachItem() {
    List<String> out =
        RuleHarness.check(
            new SshKeyRule(),
            "#cloud-config\n"
                + "ssh-authorized-keys:\n"
                + "  - "
                + ED25519
                + "\n"
                + "ssh_authorized_keys:\n"
                + "  - bad\n");
    assertThat(out)
        .singleElement()
        .asString()
        .startsWith("5:5 error ssh-key ssh_authorized_keys[0]:");
  }

  @Test
  void check_privateKey_neverShown() {
    List<String> out =
        RuleHarness.check(
            new SshKeyRule(),
            "#cloud-config\n"
                + "ssh_authorized_keys:\n"
                + "  - \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXkt\\n\"\n");
    assertThat(out)
        .singleElement()
        .asString()
        .contains("this is a private key")
        .doesNotContain("b3BlbnNzaC1rZXkt");
  }
}
