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

  @Test
  void check_groupsUseraddCannotFind_areErrorsAtTheEntry_idsAndCommaListsPass() {
    assertThat(
            RuleHarness.check(
                new UserRule(),
                "#cloud-config\n"
                    + "users:\n"
                    + "  - name: carl\n"
                    + "    primary_group: 'staff members'\n"
                    + "    groups: [wheel, 'docker,sudo', '10', '1x,', 'adm,a b']\n"
                    + "  - name: dana\n"
                    + "    primary_group: '100'\n"))
        .containsExactly(
            "4:20 error user-name users[0].primary_group: invalid group name \"staff members\": a"
                + " group name has only letters, digits, \"_\", \".\" and \"-\" (and may end in"
                + " \"$\") | no group can have that name, so useradd refuses it: the user is not"
                + " created and the run fails; give an existing group's name or its numeric id",
            "5:49 error user-name users[0].groups[4]: invalid group name \"a b\": a group name has"
                + " only letters, digits, \"_\", \".\" and \"-\" (and may end in \"$\") | no group can have that name, so useradd refuses it: the user is not"
                + " created and the run fails; give an existing group's name or its numeric id");
  }
}
