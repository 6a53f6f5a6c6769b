package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitContentRuleTest {
  @Test
  void check_literalContent_pointsAtTheLine() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      content: |\n"
                    + "        [Service]\n"
                    + "          NoEquals\n"
                    + "        [Servise]\n"))
        .containsExactly(
            "7:11 error unit-syntax coreos.units[0].content: line is not a \"Key=Value\""
                + " assignment; systemd ignores it | write Key=Value, or start the line with \"#\""
                + " to make it a comment",
            "8:9 warning unit-section coreos.units[0].content: unknown section [Servise] in a"
                + " .service unit; systemd ignores it | did you mean [Service]? a .service file"
                + " has [Unit], [Service], [Install]; name your own sections X-...");
  }

  @Test
  void check_include_isADeprecationWarning_notAnError() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: docker.service\n"
                    + "      content: |\n"
                    + "        .include /usr/lib/systemd/system/docker.service\n"
                    + "        [Service]\n"
                    + "        Environment=DOCKER_OPTS=--debug\n"))
        .containsExactly(
            "6:9 warning unit-syntax coreos.units[0].content: \".include\" is deprecated;"
                + " systemd still reads the included file for now | use a drop-in instead: put"
                + " the changed settings in drop_ins (e.g. 50-local.conf) of the unit they"
                + " change");
  }

  @Test
  void check_quotedContent_pointsAtScalarWithContentLine() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      content: \"A=1\\n[Service]\\n\"\n"))
        .containsExactly(
            "5:16 error unit-syntax coreos.units[0].content: assignment before the first section"
                + " header; systemd ignores it (content line 1) | start the file with a section"
                + " header such as [Unit] or [Service]");
  }

  @Test
  void check_dropInContent_usesTheUnitsSections() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.timer\n"
                    + "      drop_ins:\n"
                    + "        - name: 10.conf\n"
                    + "          content: |\n"
                    + "            [Timer]\n"
                    + "            OnCalendar=daily\n"
                    + "            [Service]\n"))
        .singleElement()
        .asString()
        .startsWith(
            "10:13 warning unit-section coreos.units[0].drop_ins[0].content: unknown section"
                + " [Service] in a .timer drop-in");
  }

  @Test
  void check_unknownUnitType_checksSyntaxOnly() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\ncoreos:\n  units:\n    - name: foo\n      content: \"[Anything]\"\n"))
        .isEmpty();
  }

  @Test
  void check_maskedUnit_contentIsNotLinted() {
    assertThat(
            RuleHarness.check(
                new UnitContentRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      mask: true\n"
                    + "      content: \"Garbage\"\n"))
        .isEmpty();
  }
}
