package dev.kindling.plan;

import dev.kindling.config.AccountNames;
import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plans the {@code users} of one cloud-config: per user with a name, in order, {@link CreateUser}
 * with every field (the applier only sets the password of a user that already exists), its {@code
 * ssh_authorized_keys}, then the deprecated remote imports ({@code coreos_ssh_import_github} and
 * each of {@code coreos_ssh_import_github_users} under key name {@code github-<login>}, {@code
 * coreos_ssh_import_url} under {@code coreos-cloudinit-<user>}). Users without a name are skipped,
 * as upstream (the validator warns). The {@code core} user's keys are not authorized here: they are
 * part of the core keys planned first ({@link Reachability}). {@code gecos} is passed as written,
 * not Go-quoted (docs/compatibility.md#gecos-is-written-as-given).
 */
final class UserActions {
  private static final Pattern GITHUB_LOGIN = Pattern.compile(CloudConfigSchema.GITHUB_LOGIN);

  private UserActions() {}

  static List<Action> plan(List<User> users, String sshKeyName, String subjectPrefix) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      User user = users.get(i);
      if (user.name().isEmpty()) {
        continue;
      }
      String subject = subjectPrefix + "users[" + i + "] " + user.name();
      Optional<String> invalid = AccountNames.problem(user.name(), "user name");
      if (invalid.isPresent()) {
        // useradd would refuse it (and a name like "-o" would be read as an option): the validator
        // reports it as an error; nothing of this user is applied.
        actions.add(new RejectedItem(subject, "invalid user name: " + invalid.get()));
        continue;
      }
      actions.add(createUser(user));
      if (!user.name().equals(Reachability.CORE)) {
        List<String> keys = Reachability.clean(user.sshAuthorizedKeys());
        if (!keys.isEmpty()) {
          actions.add(new AuthorizeSshKeys(user.name(), sshKeyName, keys));
        }
      }
      if (!user.coreosSshImportGithub().isEmpty()) {
        actions.add(
            importGithub(
                user.name(), user.coreosSshImportGithub(), subject + " coreos_ssh_import_github"));
      }
      for (String login : user.coreosSshImportGithubUsers()) {
        if (!login.isEmpty()) {
          actions.add(
              importGithub(user.name(), login, subject + " coreos_ssh_import_github_users"));
        }
      }
      if (!user.coreosSshImportUrl().isEmpty()) {
        actions.add(importUrl(user.name(), user.coreosSshImportUrl(), subject));
      }
    }
    return actions;
  }

  private static CreateUser createUser(User user) {
    return new CreateUser(
        user.name(),
        user.passwd(),
        user.gecos(),
        user.homedir(),
        user.noCreateHome(),
        user.primaryGroup(),
        user.groups().stream().filter(g -> !g.isEmpty()).toList(),
        user.noUserGroup(),
        user.system(),
        user.noLogInit(),
        user.shell());
  }

  private static Action importGithub(String user, String login, String subject) {
    if (!GITHUB_LOGIN.matcher(login).matches()) {
      return new RejectedItem(subject, "\"" + login + "\" is not a GitHub login");
    }
    return new ImportSshKeys(
        user, "github-" + login, "https://api.github.com/users/" + login + "/keys");
  }

  private static Action importUrl(String user, String url, String subject) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      return new RejectedItem(
          subject + " coreos_ssh_import_url", "the URL does not have an http or https scheme");
    }
    return new ImportSshKeys(user, "coreos-cloudinit-" + user, url);
  }
}
