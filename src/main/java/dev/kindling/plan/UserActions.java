package dev.kindling.plan;

import dev.kindling.config.User;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the {@code users} of one cloud-config: per user with a name, in order, {@link CreateUser}
 * with every field (the applier only sets the password of a user that already exists), its {@code
 * ssh_authorized_keys}, then the deprecated remote imports ({@code coreos_ssh_import_github} and
 * each of {@code coreos_ssh_import_github_users} under key name {@code github-<login>}, {@code
 * coreos_ssh_import_url} under {@code coreos-cloudinit-<user>}). Users without a name are skipped,
 * as upstream (the validator warns). The {@code core} user's keys are not authorized here: they are
 * part of the core keys planned first ({@link Reachability}). {@code gecos} is passed as written,
 * not Go-quoted (docs/compatibility.md#gecos-is-written-as-given). A user the analysis rejected (a
 * name useradd refuses, a relative home directory, ...) is not created, and neither its keys nor
 * its imports are added; a rejected key or import is left out on its own.
 */
final class UserActions {
  private UserActions() {}

  static List<Action> plan(List<User> users, String sshKeyName, Rejections rejections) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      User user = users.get(i);
      ConfigPath entry = ConfigPath.of("users", i);
      String subject = "users[" + i + "]" + (user.name().isEmpty() ? "" : " " + user.name());
      ConfigPath keys = entry.key("ssh_authorized_keys");
      ConfigPath github = entry.key("coreos_ssh_import_github");
      ConfigPath githubUsers = entry.key("coreos_ssh_import_github_users");
      ConfigPath url = entry.key("coreos_ssh_import_url");
      Optional<Action> rejected =
          user.name().isEmpty()
              ? rejections.reject(subject, entry)
              : rejections.rejectUnlessOnlyIn(subject, entry, keys, github, githubUsers, url);
      if (rejected.isPresent() || user.name().isEmpty()) {
        rejected.ifPresent(actions::add);
        continue;
      }
      actions.add(createUser(user));
      List<String> accepted = new ArrayList<>();
      for (int k = 0; k < user.sshAuthorizedKeys().size(); k++) {
        Optional<Action> bad =
            rejections.reject(subject + " ssh_authorized_keys[" + k + "]", keys.index(k));
        if (bad.isPresent()) {
          actions.add(bad.get());
        } else {
          accepted.add(user.sshAuthorizedKeys().get(k));
        }
      }
      List<String> cleaned = Reachability.clean(accepted);
      if (!user.name().equals(Reachability.CORE) && !cleaned.isEmpty()) {
        actions.add(new AuthorizeSshKeys(user.name(), sshKeyName, cleaned));
      }
      if (!user.coreosSshImportGithub().isEmpty()) {
        actions.add(
            rejections
                .reject(subject + " coreos_ssh_import_github", github)
                .orElseGet(() -> importGithub(user.name(), user.coreosSshImportGithub())));
      }
      List<String> logins = user.coreosSshImportGithubUsers();
      for (int k = 0; k < logins.size(); k++) {
        String login = logins.get(k);
        Optional<Action> bad =
            rejections.reject(
                subject + " coreos_ssh_import_github_users[" + k + "]", githubUsers.index(k));
        if (bad.isPresent()) {
          actions.add(bad.get());
        } else if (!login.isEmpty()) {
          actions.add(importGithub(user.name(), login));
        }
      }
      if (!user.coreosSshImportUrl().isEmpty()) {
        actions.add(
            rejections
                .reject(subject + " coreos_ssh_import_url", url)
                .orElseGet(
                    () ->
                        new ImportSshKeys(
                            user.name(),
                            "coreos-cloudinit-" + user.name(),
                            user.coreosSshImportUrl())));
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

  private static Action importGithub(String user, String login) {
    return new ImportSshKeys(
        user, "github-" + login, "https://api.github.com/users/" + login + "/keys");
  }
}
