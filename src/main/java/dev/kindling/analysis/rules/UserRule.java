package dev.kindling.analysis.rules;

import dev.kindling.config.AccountNames;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.User;
import dev.kindling.config.yaml.ConfigPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code users[]} entries: a user without a name is skipped at apply, as upstream; a name must be
 * one {@code useradd} accepts, and so must its groups; a second entry for the same user only
 * updates the password and keys, because the user exists by then.
 */
final class UserRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<User> users = context.config().users();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      String name = users.get(i).name();
      ConfigPath entry = ConfigPath.of("users", i);
      if (name.isEmpty()) {
        out.accept(
            Finding.warning(Code.MISSING_NAME, entry, "user has no name and is skipped")
                .withHint("add the login name, e.g. name: alice"));
        continue;
      }
      ConfigPath namePath = entry.key("name");
      AccountNames.problem(name, "user name")
          .ifPresent(
              why ->
                  out.accept(
                      Finding.error(
                              Code.USER_NAME,
                              namePath,
                              "invalid user name \"" + name + "\": " + why)
                          .withHint(
                              "useradd refuses such a name: the user is not created and the run"
                                  + " fails")));
      User user = users.get(i);
      if (!user.primaryGroup().isEmpty()) {
        group(entry.key("primary_group"), user.primaryGroup(), out);
      }
      for (int g = 0; g < user.groups().size(); g++) {
        group(entry.key("groups").index(g), user.groups().get(g), out);
      }
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        out.accept(
            Finding.warning(
                    Code.DUPLICATE_USER,
                    namePath,
                    "user \""
                        + name
                        + "\" is also defined by "
                        + DisplayPaths.of(context.sources(), ConfigPath.of("users", earlier)))
                .withHint(
                    "the user exists when this entry is applied, so only its passwd and SSH keys"
                        + " are used; merge the entries"));
      }
    }
  }

  /**
   * A group for {@code useradd -g} or {@code -G}: a numeric id or a name groupadd could have made
   * (the list is joined with commas for {@code -G}, so an entry "a,b" names two groups).
   */
  private static void group(ConfigPath path, String value, Consumer<Finding> out) {
    for (String group : value.split(",", -1)) {
      if (group.isEmpty() || AccountNames.isNumericId(group)) {
        continue; // useradd skips an empty name in the list
      }
      AccountNames.problem(group, "group name")
          .ifPresent(
              why ->
                  out.accept(
                      Finding.error(
                              Code.USER_NAME, path, "invalid group name \"" + group + "\": " + why)
                          .withHint(
                              "no group can have that name, so useradd refuses it: the user is not"
                                  + " created and the run fails; give an existing group's name or"
                                  + " its numeric id")));
    }
  }
}
