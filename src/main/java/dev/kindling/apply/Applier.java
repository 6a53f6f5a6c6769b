package dev.kindling.apply;

import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import dev.kindling.plan.Action;
import dev.kindling.plan.AuthorizeSshKeys;
import dev.kindling.plan.CreateUser;
import dev.kindling.plan.DaemonReload;
import dev.kindling.plan.EnableUnit;
import dev.kindling.plan.EnvironmentFileMerge;
import dev.kindling.plan.ImportSshKeys;
import dev.kindling.plan.LoadKernelModule;
import dev.kindling.plan.MaskUnit;
import dev.kindling.plan.MergeEnvironmentFile;
import dev.kindling.plan.MergeUpdateConf;
import dev.kindling.plan.PlaceDropIn;
import dev.kindling.plan.PlaceUnit;
import dev.kindling.plan.Plan;
import dev.kindling.plan.RejectedItem;
import dev.kindling.plan.RunScript;
import dev.kindling.plan.SetHostname;
import dev.kindling.plan.UnitCommand;
import dev.kindling.plan.UnmaskUnit;
import dev.kindling.plan.UpdateConfMerge;
import dev.kindling.plan.WriteEtcHosts;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interprets a {@link Plan}: the one place where actions become side effects. Each action is timed
 * and gets a status; a failed step is reported and the remaining steps still run.
 */
public final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private final RootFs fs;
  private final SystemdManager systemd;
  private final ProcessRunner runner;
  private final Optional<SshKeyFetcher> fetcher;
  private final Settings settings;
  private final Accounts accounts;
  private final UnitFiles units;
  private String hostname = "";

  /**
   * How the applier reaches the system beyond the root's files.
   *
   * @param hostnameFile write {@code /etc/hostname} under the root (with {@code --systemd none})
   * @param hostTools use the host's {@code update-ssh-keys} and {@code modprobe} (the root is
   *     {@code /})
   * @param commandTimeout the limit for each external program and each systemd job
   * @param scriptTimeout the limit for a user-data script
   */
  public record Settings(
      boolean hostnameFile, boolean hostTools, Duration commandTimeout, Duration scriptTimeout) {
    public Settings {
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      Objects.requireNonNull(scriptTimeout, "scriptTimeout");
    }

    /** The usual settings for a root and a systemd manager. */
    public static Settings defaults(RootFs fs, SystemdManager systemd) {
      return new Settings(
          systemd instanceof RecordingSystemdManager,
          fs.isHostRoot(),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10));
    }
  }

  /**
   * An applier.
   *
   * @param fetcher fetches keys for {@code ImportSshKeys}; absent in render (then only recorded)
   */
  public Applier(
      RootFs fs,
      SystemdManager systemd,
      ProcessRunner runner,
      Optional<SshKeyFetcher> fetcher,
      Settings settings) {
    this.fs = fs;
    this.systemd = systemd;
    this.runner = runner;
    this.fetcher = fetcher;
    this.settings = settings;
    this.accounts = new Accounts(fs, runner, settings.commandTimeout());
    this.units = new UnitFiles(fs);
  }

  /** Applies every action in order and returns one step per action. */
  public ApplyResult apply(Plan plan) {
    List<ApplyResult.Step> steps = new ArrayList<>();
    for (Action action : plan.actions()) {
      long start = System.nanoTime();
      StepOutcome outcome;
      try {
        outcome = perform(action);
      } catch (IOException e) {
        outcome = StepOutcome.failed("failed to " + action.describe() + ": " + Errors.describe(e));
      } catch (SystemdException e) {
        outcome = StepOutcome.failed(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = StepOutcome.failed("failed to " + action.describe() + ": interrupted");
      } catch (RuntimeException e) {
        if (e instanceof IllegalStateException && e.getMessage().startsWith("unhandled action")) {
          throw e;
        }
        outcome = StepOutcome.failed("failed to " + action.describe() + ": " + e);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (outcome.status().isFailure()) {
        LOG.error("{}", outcome.error().orElse(action.describe()));
      }
      steps.add(new ApplyResult.Step(action, outcome, took));
    }
    return new ApplyResult(steps);
  }

  private StepOutcome perform(Action a) throws IOException, SystemdException, InterruptedException {
    if (a instanceof SetHostname h) {
      return setHostname(h.hostname());
    } else if (a instanceof AuthorizeSshKeys k) {
      return authorize(k.user(), k.name(), k.keys());
    } else if (a instanceof ImportSshKeys k) {
      return importKeys(k);
    } else if (a instanceof CreateUser u) {
      return accounts.createOrUpdate(u);
    } else if (a instanceof WriteFile f) {
      return writeFile(f);
    } else if (a instanceof MergeEnvironmentFile m) {
      return mergeEnvironment(m);
    } else if (a instanceof MergeUpdateConf m) {
      return mergeUpdateConf(m);
    } else if (a instanceof WriteEtcHosts h) {
      return writeEtcHosts(h);
    } else if (a instanceof PlaceUnit u) {
      return units.place(u.unit(), u.path(), u.content(), false);
    } else if (a instanceof PlaceDropIn d) {
      return units.place(d.unit() + "/" + d.name(), d.path(), d.content(), true);
    } else if (a instanceof MaskUnit m) {
      return units.mask(m);
    } else if (a instanceof UnmaskUnit u) {
      return units.unmask(u);
    } else if (a instanceof EnableUnit e) {
      return enable(e);
    } else if (a instanceof DaemonReload) {
      return daemonReload();
    } else if (a instanceof LoadKernelModule m) {
      return loadKernelModule(m);
    } else if (a instanceof UnitCommand c) {
      return unitCommand(c);
    } else if (a instanceof RunScript s) {
      return runScript(s);
    } else if (a instanceof RejectedItem r) {
      return StepOutcome.rejected("not applied: " + r.subject() + ": " + r.reason());
    }
    throw new IllegalStateException("unhandled action: " + a);
  }

  private boolean recording() {
    return systemd instanceof RecordingSystemdManager;
  }

  /** A successful systemd call: done, or only recorded with {@code --systemd none}. */
  private StepOutcome systemdOutcome() {
    return recording()
        ? StepOutcome.recorded("systemd call recorded (--systemd none)")
        : StepOutcome.ok();
  }

  private StepOutcome setHostname(String name) throws IOException, SystemdException {
    systemd.setHostname(name);
    hostname = name;
    LOG.info("Set hostname to {}", name);
    if (!settings.hostnameFile()) {
      return StepOutcome.ok();
    }
    WriteOutcome w = fs.write("/etc/hostname", (name + "\n").getBytes(UTF8), 0644, Ids.none());
    return StepOutcome.written(w).withNote("systemd not called; wrote /etc/hostname");
  }

  private StepOutcome authorize(String user, String name, List<String> keys)
      throws IOException, InterruptedException {
    LOG.info("Authorizing {} SSH keys for user '{}'", keys.size(), user);
    Optional<Accounts.Account> account = accounts.user(user);
    if (account.isEmpty()) {
      return StepOutcome.failed(
          "failed to authorize SSH keys for " + user + ": no such user in /etc/passwd of the root");
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
    if (fs.owners() == OwnerPolicy.RECORD) {
      outcome = outcome.withNote("owner " + user + " recorded, not set");
    }
    return outcome;
  }

  private StepOutcome importKeys(ImportSshKeys k) throws IOException, InterruptedException {
    LOG.info("Authorizing SSH keys for CoreOS user '{}' from '{}'", k.user(), k.url());
    if (fetcher.isEmpty()) {
      return StepOutcome.recorded("keys are fetched by run only");
    }
    return authorize(k.user(), k.name(), fetcher.get().fetch(k.url()));
  }

  private StepOutcome writeFile(WriteFile f) throws IOException {
    LOG.info("Writing file to \"{}\"", f.path());
    Ids owner;
    List<String> notes = new ArrayList<>();
    try {
      owner = accounts.owner(f.owner());
    } catch (IOException e) {
      if (fs.owners() == OwnerPolicy.SET) {
        throw e;
      }
      owner = Ids.none();
    }
    if (!f.owner().isEmpty() && fs.owners() == OwnerPolicy.RECORD) {
      notes.add("owner " + f.owner() + " recorded, not set");
    }
    byte[] content = f.content().toByteArray();
    WriteOutcome w =
        f.append()
            ? fs.append(f.path(), content, f.mode(), owner)
            : fs.write(f.path(), content, f.mode(), owner);
    if (w.changed()) {
      LOG.info("Wrote file to \"{}\"", f.path());
      units.noteWrite(f.path());
    }
    StepOutcome outcome = StepOutcome.written(w);
    for (String note : notes) {
      outcome = outcome.withNote(note);
    }
    return outcome;
  }

  private StepOutcome mergeEnvironment(MergeEnvironmentFile m) throws IOException {
    Optional<String> current = fs.read(m.path()).map(b -> new String(b, UTF8));
    Optional<String> merged = EnvironmentFileMerge.merge(current, m.variables());
    if (merged.isEmpty()) {
      return StepOutcome.unchanged();
    }
    WriteOutcome w = fs.write(m.path(), merged.get().getBytes(UTF8), 0644, Ids.none());
    LOG.info("Updated {}", m.path());
    return StepOutcome.written(w);
  }

  private StepOutcome mergeUpdateConf(MergeUpdateConf m) throws IOException {
    Optional<byte[]> current = fs.read(m.path());
    // Upstream read the host's files whatever the root (§14.14); this reads the root's.
    byte[] base = current.isPresent() ? current.get() : fs.read(m.basePath()).orElse(new byte[0]);
    String merged = UpdateConfMerge.merge(new String(base, UTF8), m.variables());
    if (current.isPresent() && merged.equals(new String(current.get(), UTF8))) {
      return StepOutcome.unchanged();
    }
    return StepOutcome.written(fs.write(m.path(), merged.getBytes(UTF8), 0644, Ids.none()));
  }

  private StepOutcome writeEtcHosts(WriteEtcHosts h) throws IOException {
    String name = !h.hostname().isEmpty() ? h.hostname() : currentHostname();
    if (name.isEmpty()) {
      return StepOutcome.failed("failed to write " + h.path() + ": the hostname is not known");
    }
    byte[] content = ("127.0.0.1 " + name + "\n").getBytes(UTF8);
    return StepOutcome.written(fs.write(h.path(), content, 0644, Ids.none()));
  }

  /** The hostname set earlier in this run, else the root's (or, for /, the kernel's). */
  private String currentHostname() throws IOException {
    if (!hostname.isEmpty()) {
      return hostname;
    }
    if (fs.isHostRoot()) {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel, UTF8).strip();
      }
    }
    return fs.read("/etc/hostname").map(b -> new String(b, UTF8).strip()).orElse("");
  }

  private StepOutcome enable(EnableUnit e) throws SystemdException {
    LOG.info("Enabling unit file \"{}\"", e.unit());
    systemd.enableUnitFiles(List.of(e.unit()), e.runtime(), true);
    LOG.info("Enabled unit \"{}\"", e.unit());
    return systemdOutcome();
  }

  private StepOutcome daemonReload() throws SystemdException {
    if (!units.changedAny()) {
      return StepOutcome.unchanged("skipped: no unit file changed in this run");
    }
    systemd.reload();
    return systemdOutcome();
  }

  private StepOutcome unitCommand(UnitCommand c) throws SystemdException {
    LOG.info("Calling unit command \"{}\" on \"{}\"", c.command(), c.unit());
    String result = systemd.runUnitCommand(c.command(), c.unit(), settings.commandTimeout());
    LOG.info("Result of \"{}\" on \"{}\": {}", c.command(), c.unit(), result);
    if (!result.equals("done")) {
      return StepOutcome.failed(
          "failed to " + c.command() + " " + c.unit() + ": the job ended \"" + result + "\"");
    }
    return systemdOutcome();
  }

  private StepOutcome loadKernelModule(LoadKernelModule m)
      throws IOException, InterruptedException {
    if (!settings.hostTools()) {
      return StepOutcome.recorded("kernel modules are loaded only when the root is /");
    }
    List<String> argv = new ArrayList<>(List.of("modprobe", m.module()));
    argv.addAll(m.parameters());
    ProcessRunner.Result r =
        runner.run(new ProcessRunner.Command(argv, Bytes.empty(), settings.commandTimeout()));
    if (r.exitStatus() != 0) {
      return StepOutcome.failed(
          "failed to load kernel module "
              + m.module()
              + ": modprobe exited "
              + r.exitStatus()
              + ": "
              + r.output().strip());
    }
    return runner instanceof RecordingProcessRunner
        ? StepOutcome.recorded("modprobe recorded, not run")
        : StepOutcome.ok();
  }

  private StepOutcome runScript(RunScript s) throws IOException, SystemdException {
    WriteOutcome w = fs.write(s.path(), s.script().toByteArray(), 0700, Ids.none());
    Path script = fs.hostPath(s.path());
    LOG.info("Creating transient systemd unit '{}'", s.unitName());
    // The script runs as itself, so its #! line chooses the interpreter (upstream always used
    // /bin/bash, §14.24), and the run waits for it to end.
    int status =
        systemd.runTransientUnit(
            s.unitName(),
            "Kindling user-data script",
            List.of(script.toString()),
            settings.scriptTimeout());
    List<String> notes = new ArrayList<>(w.notes());
    if (recording()) {
      notes.add("script written, run recorded (--systemd none)");
      return new StepOutcome(StepStatus.RECORDED, Optional.empty(), notes, OptionalInt.empty());
    }
    if (status != 0) {
      return new StepOutcome(
          StepStatus.FAILED,
          Optional.of("script " + s.unitName() + " exited with status " + status),
          notes,
          OptionalInt.of(status));
    }
    return new StepOutcome(StepStatus.OK, Optional.empty(), notes, OptionalInt.of(0));
  }
}
