package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionsRuleTest {
  @Test
  void check_decimalRenderingOfCommonMode_warnsWithOctal() {
    assertThat(
            RuleHarness.check(
                new PermissionsRule(),
                "#cloud-config\nwrite_files:\n  - path: /a\n    permissions: 420\n"))
        .containsExactly(
            "4:18 warning decimal-permissions write_files[0].permissions: permissions 420 mean"
                + " 0420 (r---w----) | did you mean 0644? 420 is 0644 written in decimal (a YAML"
                + " tool may have converted it); write \"0644\" in quotes");
  }

  @Test
  void check_specialBits_infoThatTheyAreKept() {
    assertThat(
            RuleHarness.check(
                new PermissionsRule(),
                "#cloud-config\nwrite_files:\n  - path: /a\n    permissions: '1777'\n"))
        .containsExactly(
            "4:18 info special-permissions write_files[0].permissions: permissions 1777 set the"
                + " sticky bit (rwxrwxrwt); Kindling keeps it | coreos-cloudinit silently dropped"
                + " setuid, setgid and sticky bits; remove them if the file should not have them");
  }

  @Test
  void check_ordinaryOrInvalidModes_areQuiet() {
    assertThat(
            RuleHarness.check(
                new PermissionsRule(),
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - {path: /a, permissions: 0644}\n"
                    + "  - {path: /b, permissions: 644}\n"
                    + "  - {path: /c, permissions: '0999'}\n"
                    + "  - {path: /d}\n"))
        .isEmpty();
  }
}
