package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.SshPublicKey;
import dev.kindling.config.User;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every {@code ssh_authorized_keys} entry (top level, for {@code core}, and per user) must be a
 * public key line sshd accepts ({@link SshPublicKey}). Messages name the key by its type and the
 * first characters of its data only.
 */
final class SshKeyRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    check(context.config().sshAuthorizedKeys(), ConfigPath.of("ssh_authorized_keys"), out);
    List<User> users = context.config().users();
    for (int u = 0; u < users.size(); u++) {
      check(
          users.get(u).sshAuthorizedKeys(), ConfigPath.of("users", u, "ssh_authorized_keys"), out);
    }
  }

  private static void check(List<String> keys, ConfigPath list, Consumer<Finding> out) {
    for (int i = 0; i < keys.size(); i++) {
      ConfigPath path = list.index(i);
      SshPublicKey.Result result = SshPublicKey.parse(keys.get(i));
      if (result instanceof SshPublicKey.Invalid bad) {
        String shown = bad.shown().isEmpty() ? "" : " (" + bad.shown() + ")";
        out.accept(
            Finding.error(Code.SSH_KEY, path, "invalid SSH key" + shown + ": " + bad.reason())
                .withHint(hint(bad, keys.get(i).strip())));
      } else if (result instanceof SshPublicKey.Valid ok && ok.key().type().startsWith("ssh-dss")) {
        out.accept(
            Finding.warning(
                    Code.SSH_KEY,
                    path,
                    "DSA key (" + ok.key().summary() + "): OpenSSH 7.0 and later refuse DSA keys")
                .withHint("use an ed25519 key: ssh-keygen -t ed25519"));
      }
    }
  }

  private static String hint(SshPublicKey.Invalid bad, String key) {
    if (bad.privateKey()) {
      return "never put a private key in user data: remove it, replace the key pair, and give"
          + " the one-line public key (the .pub file) instead";
    }
    if (SshPublicKey.spansLines(key)) {
      return "give each key as a list entry of its own, on one line";
    }
    return "give the whole line of the .pub file, e.g. \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA..."
        + " user@host\" (ssh-keygen -y -f KEY prints it)";
  }
}
