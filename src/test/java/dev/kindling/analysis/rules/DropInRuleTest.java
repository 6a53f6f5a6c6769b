package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropInRuleTest {
  @Test
  void check_namelessEmptyAndMisnamedDropIns_areReported() {
    assertThat(
            RuleHarness.check(
                new DropInRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      drop_ins:\n"
                    + "        - content: x\n"
                    + "        - name: 10.conf\n"
                    + "        - name: 20-env\n"
                    + "          content: x\n"))
        .containsExactly(
            "6:11 warning missing-name coreos.units[0].drop_ins[0]: drop-in has no name and is"
                + " skipped | add a file name ending in .conf, e.g. name: 10-override.conf",
            "7:11 warning unit-ignored-setting coreos.units[0].drop_ins[1]: drop-in \"10.conf\""
                + " has no content and is skipped | add the content, e.g. a [Service] section with"
                + " the settings to change",
            "8:17 warning unit-name coreos.units[0].drop_ins[2].name: drop-in \"20-env\" does not"
                + " end in \".conf\"; systemd ignores it | name it \"20-env.conf\"");
  }

  @Test
  void check_dropInsOfNamelessUnit_areNotReportedAgain() {
    assertThat(
            RuleHarness.check(
                new DropInRule(),
                "#cloud-config\ncoreos:\n  units:\n    - drop_ins:\n        - content: x\n"))
        .isEmpty();
  }

  @Test
  void check_hiddenDropIn_isIgnoredBySystemd() {
    assertThat(
            RuleHarness.check(
                new DropInRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      drop_ins: [{name: .x.conf, content: y}]\n"))
        .containsExactly(
            "5:25 warning unit-name coreos.units[0].drop_ins[0].name: drop-in \".x.conf\" is a"
                + " hidden file; systemd ignores it | name it without the leading \".\", e.g."
                + " 10-override.conf");
  }
}
