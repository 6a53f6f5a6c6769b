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
 * one {@code useradd} accepts; a second entry for the same user only updates the password and keys,
 * because the user exists by then.
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
}
