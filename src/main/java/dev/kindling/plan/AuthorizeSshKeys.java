package dev.kindling.plan;

import java.util.List;
import java.util.Objects;

/**
 * Install SSH public keys for a user under a key name ({@code update-ssh-keys -u USER -a NAME}, or
 * {@code ~/.ssh/authorized_keys.d/NAME}).
 */
public record AuthorizeSshKeys(String user, String name, List<String> keys) implements Action {
  public AuthorizeSshKeys {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    keys = List.copyOf(keys);
  }

  @Override
  public String type() {
    return "authorize-ssh-keys";
  }

  @Override
  public String describe() {
    return "authorize "
        + keys.size()
        + (keys.size() == 1 ? " SSH key" : " SSH keys")
        + " for "
        + user
        + " as "
        + name;
  }
}
