package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerRuleTest {
  @ParameterizedTest
  @ValueSource(strings = {"core", "core:core", "0:0", ":docker", "core:", "_apt", "svc_user"})
  void problem_formsChownAccepts_isEmpty(String owner) {
    assertThat(OwnerRule.problem(owner)).isEmpty();
  }

  @Test
  void problem_malformedOwners_explain() {
    assertThat(OwnerRule.problem("a b")).contains("it contains white space");
    assertThat(OwnerRule.problem("a:b:c")).contains("it has more than one \":\"");
    assertThat(OwnerRule.problem(":")).contains("it names neither a user nor a group");
    assertThat(OwnerRule.problem("core.wheel"))
        .contains(
            "\".\" as the user and group separator is obsolete and ambiguous; write"
                + " \"core:wheel\"");
    assertThat(OwnerRule.problem("-core")).contains("a user name cannot start with \"-\"");
    assertThat(OwnerRule.problem("core:x!"))
        .contains(
            "a group name has only letters, digits, \"_\", \".\" and \"-\" (and may end in \"$\")");
    assertThat(OwnerRule.problem("4294967295"))
        .contains("user id 4294967295 is out of range (the largest is 4294967294)");
  }

  @Test
  void check_badOwner_warnsAtOwnerValue() {
    assertThat(
            RuleHarness.check(
                new OwnerRule(), "#cloud-config\nwrite_files:\n  - path: /a\n    owner: a:b:c\n"))
        .containsExactly(
            "4:12 warning owner write_files[0].owner: invalid owner \"a:b:c\": it has more than one"
                + " \":\" | owner is \"user\", \"user:group\" or numeric \"uid:gid\"; chown fails on"
                + " anything else when the file is written");
  }
}
