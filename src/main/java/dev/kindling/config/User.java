package dev.kindling.config;

import java.util.List;
import java.util.Objects;

/** A {@code users} entry, every field of the original. */
public record User(
    String name,
    String passwd,
    List<String> sshAuthorizedKeys,
    String coreosSshImportGithub,
    List<String> coreosSshImportGithubUsers,
    String coreosSshImportUrl,
    String gecos,
    String homedir,
    boolean noCreateHome,
    String primaryGroup,
    List<String> groups,
    boolean noUserGroup,
    boolean system,
    boolean noLogInit,
    String shell) {
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwd, "passwd");
    sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
    coreosSshImportGithubUsers = List.copyOf(coreosSshImportGithubUsers);
    groups = List.copyOf(groups);
  }

  @Override
  public String toString() {
    // passwd is a secret; keys are long: name the user only.
    return "User[" + name + (passwd.isEmpty() ? "" : ", passwd set") + "]";
  }
}
