package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharacterRuleTest {
  private static final String HINT =
      " | write the value on one line without control characters; in a double-quoted YAML string"
          + " \\n is a line break, and a | or > block adds one at its end";

  @Test
  void check_lineBreakInUpdateGroup_isAnErrorAtTheValue() {
    assertThat(
            RuleHarness.check(
                new ControlCharacterRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  update:\n"
                    + "    group: \"stable\\nSERVER=http://evil.example/\"\n"
                    + "    server: https://updates.example.com/\n"))
        .containsExactly(
            "4:12 error control-character coreos.update.group: \"coreos.update.group\" holds a"
                + " line break (U+000A): it would be written into /etc/coreos/update.conf as more"
                + " than one line, so it is not applied"
                + HINT);
  }

  @Test
  void check_everyOneLineValue_isChecked() {
    assertThat(
            RuleHarness.check(
                new ControlCharacterRule(),
                "#cloud-config\n"
                    + "hostname: \"node1\\n10.9.9.9 evil\"\n"
                    + "coreos:\n"
                    + "  oem:\n"
                    + "    id: \"x\\rFOO=1\"\n"
                    + "    version_id: \"1\\u0007\"\n"
                    + "  update:\n"
                    + "    server: |\n"
                    + "      https://u.example/\n"))
        .extracting(s -> s.substring(0, s.indexOf(':', s.indexOf(' ') + 1)))
        .containsExactly(
            "2:11 error control-character hostname",
            "5:9 error control-character coreos.oem.id",
            "6:17 error control-character coreos.oem.version_id",
            "8:13 error control-character coreos.update.server");
  }

  @Test
  void check_otherControlCharacter_isNamedAsSuch() {
    assertThat(
            RuleHarness.check(new ControlCharacterRule(), "#cloud-config\nhostname: \"a\\tb\"\n"))
        .containsExactly(
            "2:11 error control-character hostname: \"hostname\" holds a control character"
                + " (U+0009): it would be written into /etc/hostname and /etc/hosts, so it is not"
                + " applied"
                + HINT);
  }

  @Test
  void check_oneLineValues_passAndHostnameRuleStaysSilentOnControlCharacters() {
    assertThat(
            RuleHarness.check(
                new ControlCharacterRule(),
                "#cloud-config\n"
                    + "hostname: node-1\n"
                    + "coreos:\n"
                    + "  update: {group: stable, server: \"https://u.example/\"}\n"
                    + "  oem: {id: gce, version_id: \"1.0\", name: \"two\\nlines are quoted\"}\n"))
        .isEmpty();
    assertThat(RuleHarness.check(new HostnameRule(), "#cloud-config\nhostname: \"a\\nb\"\n"))
        .isEmpty();
  }
}
