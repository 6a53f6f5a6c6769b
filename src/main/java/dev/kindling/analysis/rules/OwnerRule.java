package dev.kindling.analysis.rules;

import dev.kindling.config.AccountNames;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code write_files[].owner} must be what {@code chown} accepts: {@code user}, {@code user:group},
 * {@code :group} or {@code user:}, with names or numeric ids. The original passed it verbatim to
 * {@code chown} and failed at apply time
 * (docs/compatibility.md#apply-time-failures-are-found-by-validate).
 */
final class OwnerRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<WriteFile> files = context.config().writeFiles();
    for (int i = 0; i < files.size(); i++) {
      String owner = files.get(i).owner();
      if (owner.isEmpty()) {
        continue;
      }
      ConfigPath path = ConfigPath.of("write_files", i, "owner");
      problem(owner)
          .ifPresent(
              why ->
                  out.accept(
                      Finding.warning(Code.OWNER, path, "invalid owner \"" + owner + "\": " + why)
                          .withHint(
                              "owner is \"user\", \"user:group\" or numeric \"uid:gid\"; chown"
                                  + " fails on anything else when the file is written")));
    }
  }

  /** Why chown would reject {@code owner}, or empty when it is well-formed. */
  static Optional<String> problem(String owner) {
    if (owner.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("it contains white space");
    }
    int colon = owner.indexOf(':');
    if (colon < 0) {
      int dot = owner.indexOf('.');
      if (dot > 0
          && name(owner.substring(0, dot), "user").isEmpty()
          && name(owner.substring(dot + 1), "group").isEmpty()) {
        return Optional.of(
            "\".\" as the user and group separator is obsolete and ambiguous; write \""
                + owner.substring(0, dot)
                + ":"
                + owner.substring(dot + 1)
                + "\"");
      }
      return name(owner, "user");
    }
    if (owner.indexOf(':', colon + 1) >= 0) {
      return Optional.of("it has more than one \":\"");
    }
    String user = owner.substring(0, colon);
    String group = owner.substring(colon + 1);
    if (user.isEmpty() && group.isEmpty()) {
      return Optional.of("it names neither a user nor a group");
    }
    if (!user.isEmpty()) {
      Optional<String> bad = name(user, "user");
      if (bad.isPresent()) {
        return bad;
      }
    }
    return group.isEmpty() ? Optional.empty() : name(group, "group");
  }

  /** Why a user or group part is neither a numeric id nor a valid name, or empty. */
  private static Optional<String> name(String text, String kind) {
    if (AccountNames.isNumericId(text)) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(kind + " id " + text + " is out of range (the largest is 4294967294)");
    }
    return AccountNames.problem(text, kind + " name");
  }
}
