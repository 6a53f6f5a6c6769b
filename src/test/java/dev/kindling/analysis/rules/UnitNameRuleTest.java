package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitNameRuleTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker.service",
        "getty@tty1.service",
        "foo@.service",
        "dev-disk-by\\x2dlabel-data.mount",
        "10-eth0.network",
        "x.slice"
      })
  void problem_validNames_isEmpty(String name) {
    assertThat(UnitNameRule.problem(name)).isEmpty();
  }

  @Test
  void problem_invalidNames_explain() {
    assertThat(UnitNameRule.problem("foo"))
        .get()
        .asString()
        .startsWith("the name has no type suffix: did you mean \"foo.service\"?");
    assertThat(UnitNameRule.problem("foo.sevice"))
        .get()
        .asString()
        .startsWith("\".sevice\" is not a unit type: did you mean \"foo.service\"?");
    assertThat(UnitNameRule.problem("foo.bar"))
        .get()
        .asString()
        .startsWith("\".bar\" is not a unit type (valid suffixes: .service");
    assertThat(UnitNameRule.problem("a/b.service"))
        .contains("a unit name is a file name, not a path");
    assertThat(UnitNameRule.problem("@.service")).contains("the name before \".service\" is empty");
    assertThat(UnitNameRule.problem("x.conf"))
        .contains("a .conf file is a drop-in: put it in drop_ins of the unit it changes");
  }

  @Test
  void check_missingNameAndDuplicates_areWarnings() {
    assertThat(
            RuleHarness.check(
                new UnitNameRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - command: start\n"
                    + "    - name: a.service\n"
                    + "    - name: a.service\n"))
        .containsExactly(
            "4:7 warning missing-name coreos.units[0]: unit has no name and is skipped | add the"
                + " unit's file name, e.g. name: my-app.service",
            "6:13 warning duplicate-unit coreos.units[2].name: unit \"a.service\" is also defined"
                + " by coreos.units[1] | both entries are applied in order, so later content"
                + " replaces earlier content; merge them into one entry");
  }

  @Test
  void check_badSuffix_errorAtName() {
    assertThat(
            RuleHarness.check(
                new UnitNameRule(), "#cloud-config\ncoreos:\n  units:\n    - name: foo.servce\n"))
        .singleElement()
        .asString()
        .startsWith("4:13 error unit-name coreos.units[0].name: invalid unit name \"foo.servce\"");
  }
}
