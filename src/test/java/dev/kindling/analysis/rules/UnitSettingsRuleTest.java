package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitSettingsRuleTest {
  @Test
  void check_maskWithContentAndEnable_warnsAtKeys() {
    assertThat(
            RuleHarness.check(
                new UnitSettingsRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      mask: true\n"
                    + "      enable: true\n"
                    + "      content: x\n"))
        .containsExactly(
            "6:7 warning unit-ignored-setting coreos.units[0].enable: enable conflicts with mask:"
                + " systemd refuses to enable a masked unit | remove one of mask and enable",
            "7:7 warning unit-ignored-setting coreos.units[0].content: content is not used: mask"
                + " replaces the unit file with a link to /dev/null | remove mask to install the"
                + " content, or remove the content");
  }

  @Test
  void check_networkUnitEnableAndCommand_infoAndWarning() {
    assertThat(
            RuleHarness.check(
                new UnitSettingsRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: 1.link\n"
                    + "      enable: true\n"
                    + "      command: start\n"))
        .containsExactly(
            "5:7 info unit-ignored-setting coreos.units[0].enable: enable is skipped for network"
                + " units: systemd-networkd reads them without enabling | remove enable",
            "6:7 warning unit-ignored-setting coreos.units[0].command: command \"start\" is"
                + " ignored for network units: systemd-networkd is restarted instead | remove"
                + " command; new network configuration is applied by the restart");
  }

  @Test
  void check_unitWithOnlyAName_doesNothing() {
    assertThat(
            RuleHarness.check(
                new UnitSettingsRule(),
                "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n    - name: b.service\n"
                    + "      runtime: true\n"))
        .containsExactly(
            "4:13 info unit-ignored-setting coreos.units[0].name: unit \"a.service\" has nothing"
                + " to do: no content, drop-ins, enable, mask or command | add what should happen"
                + " to the unit, or remove the entry");
  }
}
