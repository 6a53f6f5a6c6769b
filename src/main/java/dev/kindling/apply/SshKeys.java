package dev.kindling.apply;

import dev.kindling.plan.ImportSshKeys;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSH keys of the target's users: through {@code update-ssh-keys} when the root is {@code /} and
 * the tool exists, else with {@link AuthorizedKeys}; imported keys through a {@link SshKeyFetcher}.
 */
final class SshKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SshKeys.class);

  private final RootFs fs;
  private final Accounts accounts;
  private final ProcessRunner runner;
  private final Optional<SshKeyFetcher> fetcher;
  private final Applier.Settings settings;

  SshKeys(
      RootFs fs,
      Accounts accounts,
      ProcessRunner runner,
      Optional<SshKeyFetcher> fetcher,
      Applier.Settings settings) {
    this.fs = fs;
    this.accounts = accounts;
    this.runner = runner;
    this.fetcher = fetcher;
    this.settings = settings;
  }

  StepOutcome authorize(String user, String name, List<String> keys)
      throws IOException, InterruptedException {
    LOG.info("Authorizing {} SSH keys for user '{}'", keys.size(), user);
    Optional<Accounts.Account> account = accounts.user(user);
    String assumed = null;
    if (account.isEmpty() && settings.programs() == ApplyMode.RECORD) {
      // render into an empty directory: show the keys where the user's home would be.
      account = Optional.of(new Accounts.Account(user, Ids.none(), "/home/" + user));
      assumed = "user " + user + " is not in /etc/passwd of the root; assumed home /home/" + user;
    }
    if (account.isEmpty()) {
      return StepOutcome.failed(
          "failed to authorize SSH keys for "
              + user
              + ": no such user in /etc/passwd of the root; create the user first (users: in"
              + " the cloud-config), or for a trial root copy samples/root into it, which has"
              + " core");
    }
    if (keys.stream().allMatch(k -> k.isBlank())) {
      return StepOutcome.unchanged("no keys to authorize");
    }
    if (settings.hostTools() && runner.exists("update-ssh-keys")) {
      ProcessRunner.Result r =
          runner.run(
              new ProcessRunner.Command(
                  List.of("update-ssh-keys", "-u", user, "-a", name),
                  Bytes.of(AuthorizedKeys.fragment(keys)),
                  settings.commandTimeout()));
      if (r.exitStatus() != 0) {
        return StepOutcome.failed(
            "failed to authorize SSH keys for "
                + user
                + ": update-ssh-keys exited "
                + r.exitStatus()
                + ": "
                + r.output().strip());
      }
      return StepOutcome.ok(List.of("installed with update-ssh-keys"));
    }
    WriteOutcome w = new AuthorizedKeys(fs).authorize(account.get(), name, keys);
    StepOutcome outcome = StepOutcome.written(w);
    if (assumed != null) {
      outcome = outcome.withNote(assumed);
    }
    if (fs.owners() == OwnerPolicy.RECORD) {
      outcome = outcome.withNote("owner " + user + " recorded, not set");
    }
    return outcome;
  }

  StepOutcome importKeys(ImportSshKeys k) throws IOException, InterruptedException {
    LOG.info("Authorizing SSH keys for CoreOS user '{}' from '{}'", k.user(), k.url());
    if (fetcher.isEmpty()) {
      return StepOutcome.recorded("keys are fetched by run only");
    }
    return authorize(k.user(), k.name(), fetcher.get().fetch(k.url()));
  }
}
