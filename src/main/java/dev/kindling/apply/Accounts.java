package dev.kindling.apply;

import dev.kindling.plan.CreateUser;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users and groups of the target root: lookups read the root's own {@code /etc/passwd}, {@code
 * /etc/group} and {@code /etc/shadow} (never the host's), changes go through {@code useradd} and
 * {@code chpasswd} with {@code --root} when the root is not {@code /}.
 */
final class Accounts {
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

  private final RootFs fs;
  private final ProcessRunner runner;
  private final Duration timeout;
  private final ApplyMode mode;

  /** Users whose creation was only recorded (render): name to home directory. */
  private final Map<String, String> recordedUsers = new HashMap<>();

  Accounts(RootFs fs, ProcessRunner runner, Duration timeout, ApplyMode mode) {
    this.mode = mode;
    this.fs = fs;
    this.runner = runner;
    this.timeout = timeout;
  }

  /**
   * A user of the target root.
   *
   * @param ids uid and gid; none for a user whose creation was only recorded
   */
  record Account(String name, Ids ids, String home) {}

  /** The user, from {@code /etc/passwd} of the root, or one whose creation was recorded. */
  Optional<Account> user(String name) throws IOException {
    for (String[] f : table("/etc/passwd", 7)) {
      if (f[0].equals(name) && isNumber(f[3])) {
        return Optional.of(new Account(name, Ids.of(number(f[2]), number(f[3])), f[5]));
      }
    }
    String home = recordedUsers.get(name);
    return home == null ? Optional.empty() : Optional.of(new Account(name, Ids.none(), home));
  }

  /** A group's id from {@code /etc/group} of the root. */
  OptionalInt group(String name) throws IOException {
    for (String[] f : table("/etc/group", 3)) {
      if (f[0].equals(name)) {
        return OptionalInt.of(number(f[2]));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Resolves an owner as {@code chown} takes it: {@code user}, {@code user:group}, {@code user:}
   * (the user's login group), {@code :group}, names or numbers ({@code user.group} too).
   */
  Ids owner(String spec) throws IOException {
    if (spec.isEmpty()) {
      return Ids.none();
    }
    int sep = spec.indexOf(':');
    if (sep < 0 && spec.indexOf('.') > 0 && user(spec).isEmpty()) {
      sep = spec.indexOf('.');
    }
    String userPart = sep < 0 ? spec : spec.substring(0, sep);
    String groupPart = sep < 0 ? null : spec.substring(sep + 1);
    OptionalInt uid = OptionalInt.empty();
    OptionalInt gid = OptionalInt.empty();
    if (!userPart.isEmpty()) {
      Optional<Account> account = isNumber(userPart) ? Optional.empty() : user(userPart);
      if (isNumber(userPart)) {
        uid = OptionalInt.of(Integer.parseInt(userPart));
      } else if (account.isPresent() && account.get().ids().uid().isPresent()) {
        uid = account.get().ids().uid();
        if (groupPart != null && groupPart.isEmpty()) {
          gid = account.get().ids().gid();
        }
      } else {
        throw new IOException("unknown user \"" + userPart + "\" in /etc/passwd of the root");
      }
    }
    if (groupPart != null && !groupPart.isEmpty()) {
      gid = isNumber(groupPart) ? OptionalInt.of(Integer.parseInt(groupPart)) : group(groupPart);
      if (gid.isEmpty()) {
        throw new IOException("unknown group \"" + groupPart + "\" in /etc/group of the root");
      }
    }
    return new Ids(uid, gid);
  }

  /**
   * Creates the user with {@code useradd} when it does not exist; otherwise only sets its password
   * with {@code chpasswd -e} when one is given and differs, as coreos-cloudinit did. The hash never
   * goes on a command line (any user may read {@code /proc/PID/cmdline}): {@code useradd} creates
   * the account locked ({@code *}) and {@code chpasswd -e} sets the hash from its standard input.
   * Should the run stop in between, the account stays locked and the next run sets the hash.
   */
  StepOutcome createOrUpdate(CreateUser u) throws IOException, InterruptedException {
    if (user(u.name()).isPresent()) {
      LOG.info("User '{}' exists, ignoring creation-time fields", u.name());
      if (u.passwordHash().isEmpty()) {
        return StepOutcome.unchanged("user exists; creation-time fields ignored");
      }
      if (shadowHash(u.name()).filter(u.passwordHash()::equals).isPresent()) {
        return StepOutcome.unchanged("user exists with this password");
      }
      return setPassword(u).orElse(done("chpasswd"));
    }
    LOG.info("Creating user '{}'", u.name());
    ProcessRunner.Result r =
        runner.run(new ProcessRunner.Command(useradd(u), Bytes.empty(), timeout));
    if (r.exitStatus() != 0) {
      return StepOutcome.failed(
          "failed to create user "
              + u.name()
              + ": useradd exited "
              + r.exitStatus()
              + outputSuffix(r.output(), u.passwordHash()));
    }
    if (mode == ApplyMode.RECORD) {
      recordedUsers.put(u.name(), u.homedir().isEmpty() ? "/home/" + u.name() : u.homedir());
    }
    if (!u.passwordHash().isEmpty()) {
      Optional<StepOutcome> failed = setPassword(u);
      if (failed.isPresent()) {
        return failed.get();
      }
    }
    return done(u.passwordHash().isEmpty() ? "useradd" : "useradd and chpasswd");
  }

  /** Sets the user's password hash with {@code chpasswd -e}; the failed step, if it failed. */
  private Optional<StepOutcome> setPassword(CreateUser u) throws IOException, InterruptedException {
    LOG.info("Setting '{}' user's password", u.name());
    List<String> argv = new ArrayList<>(List.of("chpasswd", "-e"));
    rootArgument(argv);
    ProcessRunner.Result r =
        runner.run(
            new ProcessRunner.Command(
                argv, Bytes.utf8(u.name() + ":" + u.passwordHash() + "\n"), timeout));
    if (r.exitStatus() != 0) {
      // chpasswd's output is not shown: it could echo the input line.
      return Optional.of(
          StepOutcome.failed(
              "failed to set the password of " + u.name() + ": chpasswd exited " + r.exitStatus()));
    }
    return Optional.empty();
  }

  private StepOutcome done(String program) {
    return mode == ApplyMode.RECORD
        ? StepOutcome.recorded(program + " recorded, not run")
        : StepOutcome.ok();
  }

  /**
   * The {@code useradd} command line of coreos-cloudinit, with {@code --root} when needed and the
   * account locked ({@code --password *}): the hash follows through {@code chpasswd}.
   */
  List<String> useradd(CreateUser u) {
    List<String> argv = new ArrayList<>(List.of("useradd"));
    rootArgument(argv);
    argv.add("--password");
    argv.add("*");
    if (!u.gecos().isEmpty()) {
      // Upstream passed Go's %q of the GECOS, putting literal quotes in /etc/passwd
      // (docs/compatibility.md#gecos-is-written-as-given).
      argv.add("--comment");
      argv.add(u.gecos());
    }
    if (!u.homedir().isEmpty()) {
      argv.add("--home-dir");
      argv.add(u.homedir());
    }
    argv.add(u.noCreateHome() ? "--no-create-home" : "--create-home");
    if (!u.primaryGroup().isEmpty()) {
      argv.add("--gid");
      argv.add(u.primaryGroup());
    }
    if (!u.groups().isEmpty()) {
      argv.add("--groups");
      argv.add(String.join(",", u.groups()));
    }
    if (u.noUserGroup()) {
      argv.add("--no-user-group");
    }
    if (u.system()) {
      argv.add("--system");
    }
    if (u.noLogInit()) {
      argv.add("--no-log-init");
    }
    if (!u.shell().isEmpty()) {
      argv.add("--shell");
      argv.add(u.shell());
    }
    argv.add(u.name());
    return argv;
  }

  private void rootArgument(List<String> argv) {
    if (!fs.isHostRoot()) {
      argv.add("--root");
      argv.add(fs.root().toString());
    }
  }

  private static String outputSuffix(String output, String secret) {
    String text = output.strip();
    if (text.isEmpty() || (!secret.isEmpty() && text.contains(secret))) {
      return "";
    }
    return ": " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
  }

  /** The password hash in the root's {@code /etc/shadow}, when readable. */
  private Optional<String> shadowHash(String name) {
    try {
      for (String[] f : table("/etc/shadow", 2)) {
        if (f[0].equals(name)) {
          return Optional.of(f[1]);
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot read /etc/shadow of the root: {}", e.getMessage());
    }
    return Optional.empty();
  }

  /** The lines of a colon-separated database with at least {@code fields} fields. */
  private List<String[]> table(String target, int fields) throws IOException {
    Optional<byte[]> bytes = fs.read(target);
    List<String[]> rows = new ArrayList<>();
    if (bytes.isEmpty()) {
      return rows;
    }
    for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(":", -1);
      if (f.length >= fields && (fields < 3 || isNumber(f[2]))) {
        rows.add(f);
      }
    }
    return rows;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int number(String s) {
    return Integer.parseInt(s);
  }
}
