package dev.kindling.apply;

import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import dev.kindling.plan.Action;
import dev.kindling.plan.AuthorizeSshKeys;
import dev.kindling.plan.CreateUser;
import dev.kindling.plan.DaemonReload;
import dev.kindling.plan.EnableUnit;
import dev.kindling.plan.ImportSshKeys;
import dev.kindling.plan.LoadKernelModule;
import dev.kindling.plan.MaskUnit;
import dev.kindling.plan.MergeEnvironmentFile;
import dev.kindling.plan.MergeUpdateConf;
import dev.kindling.plan.PlaceDropIn;
import dev.kindling.plan.PlaceUnit;
import dev.kindling.plan.Plan;
import dev.kindling.plan.RejectedItem;
import dev.kindling.plan.RunCommand;
import dev.kindling.plan.RunScript;
import dev.kindling.plan.SetHostname;
import dev.kindling.plan.UnitCommand;
import dev.kindling.plan.UnmaskUnit;
import dev.kindling.plan.WriteEtcHosts;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.Bytes;
import dev.kindling.value.FailureText;
import dev.kindling.value.OneLine;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
  private final Settings settings;
  private final Accounts accounts;
  private final UnitFiles units;
  private final FileActions files;
  private final SshKeys sshKeys;
  private final InstanceRecord record;
  private final Map<Class<? extends Action>, Handler<? extends Action>> handlers = new HashMap<>();

  /** Performs one type of action. */
  @FunctionalInterface
  private interface Handler<A extends Action> {
    StepOutcome perform(A action) throws IOException, SystemdException, InterruptedException;
  }

  /**
   * How the applier reaches the system beyond the root's files.
   *
   * @param programs whether external programs ({@code useradd}, {@code modprobe}, ...) run or are
   *     recorded
   * @param systemd whether systemd is called or the calls are recorded; when recorded, the hostname
   *     is written to {@code /etc/hostname} under the root instead
   * @param hostTools use the host's {@code update-ssh-keys} and {@code modprobe} (the root is
   *     {@code /})
   * @param commandTimeout the limit for each external program and each systemd job
   * @param scriptTimeout the limit for a user-data script
   */
  public record Settings(
      ApplyMode programs,
      ApplyMode systemd,
      boolean hostTools,
      Duration commandTimeout,
      Duration scriptTimeout) {
    public Settings {
      Objects.requireNonNull(programs, "programs");
      Objects.requireNonNull(systemd, "systemd");
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      Objects.requireNonNull(scriptTimeout, "scriptTimeout");
    }

    /** The usual settings for a root and the two modes. */
    public static Settings of(RootFs fs, ApplyMode programs, ApplyMode systemd) {
      return new Settings(
          programs, systemd, fs.isHostRoot(), Duration.ofMinutes(2), Duration.ofMinutes(10));
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
    this(fs, systemd, runner, fetcher, settings, InstanceRecord.none());
  }

  /**
   * An applier that does once-per-instance actions ({@code runcmd}, appends) once per {@code
   * record}.
   *
   * @param fetcher fetches keys for {@code ImportSshKeys}; absent in render (then only recorded)
   */
  public Applier(
      RootFs fs,
      SystemdManager systemd,
      ProcessRunner runner,
      Optional<SshKeyFetcher> fetcher,
      Settings settings,
      InstanceRecord record) {
    this.fs = fs;
    this.record = record;
    this.systemd = systemd;
    this.runner = runner;
    this.settings = settings;
    this.accounts = new Accounts(fs, runner, settings.commandTimeout(), settings.programs());
    this.units = new UnitFiles(fs);
    this.files = new FileActions(fs, accounts, units, record);
    this.sshKeys = new SshKeys(fs, accounts, runner, fetcher, settings);
    on(SetHostname.class, h -> setHostname(h.hostname()));
    on(AuthorizeSshKeys.class, k -> sshKeys.authorize(k.user(), k.name(), k.keys()));
    on(ImportSshKeys.class, sshKeys::importKeys);
    on(CreateUser.class, accounts::createOrUpdate);
    on(WriteFile.class, files::writeFile);
    on(MergeEnvironmentFile.class, files::mergeEnvironment);
    on(MergeUpdateConf.class, files::mergeUpdateConf);
    on(WriteEtcHosts.class, files::writeEtcHosts);
    on(PlaceUnit.class, u -> units.place(u.unit(), u.path(), u.content(), false));
    on(PlaceDropIn.class, d -> units.place(d.unit() + "/" + d.name(), d.path(), d.content(), true));
    on(MaskUnit.class, units::mask);
    on(UnmaskUnit.class, units::unmask);
    on(EnableUnit.class, this::enable);
    on(DaemonReload.class, r -> daemonReload());
    on(LoadKernelModule.class, this::loadKernelModule);
    on(UnitCommand.class, this::unitCommand);
    on(RunScript.class, this::runScript);
    on(RunCommand.class, this::runCommand);
    on(
        RejectedItem.class,
        r -> StepOutcome.rejected("not applied: " + r.subject() + ": " + r.reason()));
    for (Class<?> type : Action.class.getPermittedSubclasses()) {
      if (!handlers.containsKey(type)) {
        throw new IllegalStateException("no handler for action type " + type.getSimpleName());
      }
    }
  }

  private <A extends Action> void on(Class<A> type, Handler<A> handler) {
    handlers.put(type, handler);
  }

  /** The action types this applier has a handler for. */
  Set<Class<? extends Action>> handledTypes() {
    return Set.copyOf(handlers.keySet());
  }

  /** Applies every action in order and returns one step per action. */
  public ApplyResult apply(Plan plan) {
    List<ApplyResult.Step> steps = new ArrayList<>();
    List<Action> actions = plan.actions();
    files.expectAppends(actions);
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      CrashPoints.boundary("before action " + (i + 1) + ": " + action.describe());
      long start = System.nanoTime();
      StepOutcome outcome;
      try {
        outcome =
            action instanceof UnmaskUnit u && maskedLater(actions, i, u.path())
                ? StepOutcome.unchanged("left in place: masked again later in this plan")
                : perform(action);
      } catch (IOException e) {
        outcome = StepOutcome.failed("failed to " + action.describe() + ": " + Errors.describe(e));
      } catch (SystemdException e) {
        outcome = StepOutcome.failed(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = StepOutcome.failed("failed to " + action.describe() + ": interrupted");
      } catch (RuntimeException e) {
        outcome = StepOutcome.failed("failed to " + action.describe() + ": " + FailureText.of(e));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (outcome.status().isFailure()) {
        LOG.error("{}", OneLine.escape(outcome.error().orElse(action.describe())));
      }
      steps.add(new ApplyResult.Step(action, outcome, took));
    }
    return new ApplyResult(steps);
  }

  /**
   * Whether a later action masks {@code path} again. The original unmasks a runtime unit and then
   * masks it (reboot-strategy off); doing both on every boot would rewrite the mask each time, so
   * the unmask is skipped: same end state, and a second run changes nothing.
   */
  private static boolean maskedLater(List<Action> actions, int index, String path) {
    for (int j = index + 1; j < actions.size(); j++) {
      if (actions.get(j) instanceof MaskUnit m && m.path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  private StepOutcome perform(Action a) throws IOException, SystemdException, InterruptedException {
    @SuppressWarnings("unchecked") // on() registers each handler under its own action type
    Handler<Action> handler = (Handler<Action>) handlers.get(a.getClass());
    return handler.perform(a);
  }

  private boolean recording() {
    return settings.systemd() == ApplyMode.RECORD;
  }

  /** A successful systemd call: done, or only recorded with {@code --systemd none}. */
  private StepOutcome systemdOutcome() {
    return recording()
        ? StepOutcome.recorded("systemd call recorded (--systemd none)")
        : StepOutcome.ok();
  }

  private StepOutcome setHostname(String name) throws IOException, SystemdException {
    systemd.setHostname(name);
    files.hostnameSet(name);
    LOG.info("Set hostname to {}", name);
    if (!recording()) {
      return StepOutcome.ok();
    }
    WriteOutcome w = fs.write("/etc/hostname", (name + "\n").getBytes(UTF8), 0644, Ids.none());
    return StepOutcome.written(w).withNote("systemd not called; wrote /etc/hostname");
  }

  private StepOutcome enable(EnableUnit e) throws SystemdException {
    if (recording()) {
      systemd.enableUnitFiles(List.of(e.unit()), e.runtime(), true);
      LOG.info("Would enable unit file \"{}\" (recorded, systemd not called)", e.unit());
      return systemdOutcome();
    }
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
    if (recording()) {
      // Nothing runs: say what would, never a job result that did not happen.
      systemd.runUnitCommand(c.command(), c.unit(), settings.commandTimeout());
      LOG.info("Would {} \"{}\" (recorded, systemd not called)", c.command(), c.unit());
      return systemdOutcome();
    }
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
    return settings.programs() == ApplyMode.RECORD
        ? StepOutcome.recorded("modprobe recorded, not run")
        : StepOutcome.ok();
  }

  private StepOutcome runScript(RunScript s) throws IOException, SystemdException {
    if (s.oncePerInstance() && record.has(s.onceKey())) {
      return StepOutcome.unchanged("ran already for instance " + record.instanceId());
    }
    WriteOutcome w = fs.write(s.path(), s.script().toByteArray(), 0700, Ids.none());
    Path script = fs.hostPath(s.path());
    LOG.info("Creating transient systemd unit '{}'", s.unitName());
    // The script runs as itself, so its #! line chooses the interpreter (upstream always used
    // /bin/bash), and the run waits for it to end
    // (docs/compatibility.md#scripts-run-with-their-own-interpreter-and-are-awaited).
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
    if (s.oncePerInstance()) {
      record.add(s.onceKey());
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

  /**
   * A {@code bootcmd} or {@code runcmd} command as a transient unit running {@code /bin/sh -c
   * LINE}. A once-per-instance command already in the instance's record is skipped; one that ran is
   * recorded whatever its exit status (as cloud-init, a failed {@code runcmd} is not repeated at
   * the next boot). Recorded with {@code --systemd none}: then it did not run and is not noted.
   */
  private StepOutcome runCommand(RunCommand c) throws IOException, SystemdException {
    if (c.oncePerInstance() && record.has(c.onceKey())) {
      return StepOutcome.unchanged("ran already for instance " + record.instanceId());
    }
    LOG.info("Running {}[{}] as transient unit '{}'", c.stage(), c.index(), c.unitName());
    int status =
        systemd.runTransientUnit(
            c.unitName(),
            "Kindling " + c.stage() + "[" + c.index() + "]",
            List.of("/bin/sh", "-c", c.line()),
            settings.scriptTimeout());
    if (recording()) {
      return StepOutcome.recorded("command recorded, not run (--systemd none)");
    }
    if (c.oncePerInstance()) {
      record.add(c.onceKey());
    }
    if (status != 0) {
      return new StepOutcome(
          StepStatus.FAILED,
          Optional.of(
              c.stage() + "[" + c.index() + "] " + c.unitName() + " exited with status " + status),
          List.of(),
          OptionalInt.of(status));
    }
    return new StepOutcome(StepStatus.OK, Optional.empty(), List.of(), OptionalInt.of(0));
  }
}
