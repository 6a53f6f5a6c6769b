package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserRuleTest {
  @Test
  void check_namelessAndDuplicateUsersAreWarnings_invalidNameIsAnError() {
    assertThat(
            RuleHarness.check(
                new UserRule(),
                "#cloud-config\n"
                    + "users:\n"
                    + "  - name: alice\n"
                    + "  - gecos: x\n"
                    + "  - name: alice\n"
                    + "  - name: 'bad name'\n"))
        .containsExactly(
            "4:5 warning missing-name users[1]: user has no name and is skipped | add the login"
                + " name, e.g. name: alice",
            "5:11 warning duplicate-user users[2].name: user \"alice\" is also defined by users[0]"
                + " | the user exists when this entry is applied, so only its passwd and SSH keys"
                + " are used; merge the entries",
            "6:11 error user-name users[3].name: invalid user name \"bad name\": a user name has"
                + " only letters, digits, \"_\", \".\" and \"-\" (and may end in \"$\") | useradd"
                + " refuses such a name: the user is not created and the run fails");
  }
}
