package dev.kindling.plan;

import dev.kindling.value.Redaction;
import java.util.Objects;

/**
 * Fetch SSH keys in GitHub's JSON format from a URL at apply time and install them for a user (the
 * deprecated {@code coreos_ssh_import_*} keys).
 */
public record ImportSshKeys(String user, String name, String url) implements Action {
  public ImportSshKeys {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }

  @Override
  public String type() {
    return "import-ssh-keys";
  }

  @Override
  public String describe() {
    return "import SSH keys for " + user + " as " + name + " from " + Redaction.url(url);
  }

  @Override
  public String toString() {
    // The URL may carry credentials or a token.
    return "ImportSshKeys[" + user + ", " + name + ", " + Redaction.url(url) + "]";
  }
}
