package dev.kindling.plan;

import java.util.List;
import java.util.Objects;

/**
 * Create a user with {@code useradd}, or, when it exists, only set its password ({@code chpasswd
 * -e}), as the original does.
 *
 * @param name login name
 * @param passwordHash crypt(3) hash, "" for none ({@code --password *} at creation)
 * @param gecos full name, "" for none
 * @param homedir home directory, "" for the default
 * @param noCreateHome {@code --no-create-home} instead of {@code --create-home}
 * @param primaryGroup {@code --gid}, "" for the default
 * @param groups supplementary groups
 * @param noUserGroup {@code --no-user-group}
 * @param system {@code --system}
 * @param noLogInit {@code --no-log-init}
 * @param shell {@code --shell}, "" for the default
 */
public record CreateUser(
    String name,
    String passwordHash,
    String gecos,
    String homedir,
    boolean noCreateHome,
    String primaryGroup,
    List<String> groups,
    boolean noUserGroup,
    boolean system,
    boolean noLogInit,
    String shell)
    implements Action {
  public CreateUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(gecos, "gecos");
    Objects.requireNonNull(homedir, "homedir");
    Objects.requireNonNull(primaryGroup, "primaryGroup");
    groups = List.copyOf(groups);
    Objects.requireNonNull(shell, "shell");
  }

  @Override
  public String type() {
    return "create-user";
  }

  @Override
  public String describe() {
    return "create user " + name + (passwordHash.isEmpty() ? "" : " (password set)");
  }

  @Override
  public String toString() {
    return "CreateUser[" + name + (passwordHash.isEmpty() ? "" : ", password set") + "]";
  }
}
