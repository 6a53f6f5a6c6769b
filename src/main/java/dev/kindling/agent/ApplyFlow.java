package dev.kindling.agent;

import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyMode;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.HostRoot;
import dev.kindling.apply.Ids;
import dev.kindling.apply.InstanceRecord;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.ProcessRunner;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.SshKeyFetcher;
import dev.kindling.apply.StepStatus;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import dev.kindling.datasource.NoDatasourceException;
import dev.kindling.metadata.Metadata;
import dev.kindling.trace.StartupTrace;
import dev.kindling.value.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}, and {@code render} into a root, from start to end: check the root, take the lock,
 * acquire, prepare, apply, write the report. Render records every program and systemd call; run
 * with {@code --systemd none} records the systemd calls. Run keeps its state ({@link
 * InstanceState}): the instance id and its record of once-per-instance actions, the metadata and
 * the report; render keeps none and plans as for a first boot.
 */
final class ApplyFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyFlow.class);

  /** The default report location under the root. */
  static final String REPORT = "/run/kindling/report.json";

  private final AgentEnvironment env;
  private final Request request;
  private final SourcePlan.Resolved sources;
  private final boolean render;

  ApplyFlow(AgentEnvironment env, Request request, SourcePlan.Resolved sources) {
    this.env = env;
    this.request = request;
    this.sources = sources;
    this.render = request.command() == Command.RENDER;
  }

  /** Runs the request under the lock. */
  Outcome run() {
    Instant start = env.clock().instant();
    Path given = request.root().orElseThrow();
    Optional<String> rootProblem = checkRoot(given, render);
    if (rootProblem.isPresent()) {
      return new Outcome.UsageError(rootProblem.get());
    }
    // run with a root that is / under another name (a link to it, /proc/self/root, /./) is a run
    // on /: the same checks, host tools and systemd, and "/" in the report.
    Path root = HostRoot.is(given) ? Path.of("/") : given;
    RootFs fs =
        new RootFs(
            root,
            !render && env.runningAsRoot().getAsBoolean() ? OwnerPolicy.SET : OwnerPolicy.RECORD);
    if (!render && request.systemd() == SystemdMode.DBUS && !fs.isHostRoot()) {
      // systemd over D-Bus manages the running system, not the directory: starting units or
      // setting the hostname there while writing files elsewhere would mix two systems.
      return new Outcome.UsageError(
          "--systemd dbus manages the running system; with --root " + root + " use --systemd none");
    }
    Optional<RunLock> lock;
    try {
      lock = RunLock.tryAcquire(fs);
    } catch (IOException e) {
      return new Outcome.Failed("failed to take the lock: " + e.getMessage());
    }
    if (lock.isEmpty()) {
      return new Outcome.Failed(
          "another run holds "
              + fs.root().resolve(RunLock.TARGET.substring(1))
              + "; not starting a second one");
    }
    try {
      String systemdLabel = render ? SystemdMode.NONE.label() : request.systemd().label();
      RunReport report =
          new RunReport(request.command().label(), start, fs.root().toString(), systemdLabel);
      Outcome outcome = locked(fs, report);
      if (outcome instanceof Outcome.Failed f) {
        report.error(f.message());
      }
      StartupTrace.mark("applied");
      report.finish(start, env.clock().instant(), ExitStatus.of(outcome, request.launcher()));
      Optional<byte[]> json = reportJson(report);
      StartupTrace.mark("report written as JSON");
      if (json.isPresent()) {
        writeReport(fs, json.get());
        if (!render) {
          keep(() -> InstanceState.saveReport(fs, json.get()), "the run's status");
        }
      }
      return outcome;
    } finally {
      try {
        lock.get().close();
      } catch (IOException e) {
        LOG.error("failed to release the lock: {}", e.getMessage());
      }
    }
  }

  /**
   * Why {@code root} cannot be the target, if it cannot: it must be a directory, and {@code render}
   * never writes to the host's {@code /}, however it is spelled ({@link HostRoot}). Every check of
   * the target root belongs here, before the lock is taken.
   */
  private static Optional<String> checkRoot(Path root, boolean render) {
    if (!Files.isDirectory(root)) {
      return Optional.of("--root " + root + " is not a directory");
    }
    if (render && HostRoot.is(root)) {
      return Optional.of(
          "--root must be a directory other than / (also through a link such as /proc/self/root):"
              + " render never changes this system (use run)");
    }
    return Optional.empty();
  }

  private Outcome locked(RootFs fs, RunReport report) {
    boolean dbus = !render && request.systemd() == SystemdMode.DBUS;
    try (EarlySystemdConnection systemd =
        dbus ? EarlySystemdConnection.start(env.systemd()) : null) {
      return locked(fs, report, systemd);
    }
  }

  /** {@code systemd}: the connection being made ({@code --systemd dbus}), else null. */
  private Outcome locked(RootFs fs, RunReport report, EarlySystemdConnection systemd) {
    Acquired acquired;
    try {
      acquired = SourceAcquirer.acquire(sources, request.timeout(), env, SourceAcquirer.Fetch.ALL);
    } catch (NoDatasourceException e) {
      // Not logged here: the caller prints the outcome's message, once.
      report.error(e.getMessage());
      return new Outcome.NoDatasource(e.getMessage());
    } catch (SourceAcquirer.SourceFailedException e) {
      report.datasource(e.datasource());
      report.error(e.getMessage());
      return new Outcome.DatasourceFailed(e.datasource(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed("interrupted while waiting for a datasource");
    }
    Pipeline.Prepared prepared = Agent.prepare(env, request, sources, acquired);
    report.prepared(prepared);
    report.datasourceFailures(acquired.failures());
    report.metadataDropped(acquired.dropped());
    if (prepared.ignition()) {
      return new Outcome.Applied(
          prepared, Optional.empty(), acquired.failures(), request.ignoreFailure());
    }
    InstanceRecord record = InstanceRecord.none();
    if (!render) {
      Metadata metadata = request.metadata().orElse(acquired.metadata());
      String id = InstanceState.instanceId(metadata, acquired.userData().orElse(new byte[0]));
      report.instance(id);
      keep(
          () -> InstanceState.saveMetadata(fs, acquired.datasource(), id, metadata),
          "the metadata for kindling query");
      try {
        record = InstanceState.open(fs, id);
      } catch (IOException e) {
        LOG.error(
            "failed to read the record of instance {}: {}; once-per-instance actions run again",
            id,
            e.getMessage());
      }
    }
    ApplyResult result;
    try {
      result = apply(fs, prepared, report, systemd, record);
    } catch (SystemdException e) {
      LOG.error("{}", e.getMessage());
      return new Outcome.Failed(e.getMessage());
    }
    return new Outcome.Applied(
        prepared, Optional.of(result), acquired.failures(), request.ignoreFailure());
  }

  /**
   * Applies the plan under the root.
   *
   * @throws SystemdException when systemd cannot be reached
   */
  private ApplyResult apply(
      RootFs fs,
      Pipeline.Prepared prepared,
      RunReport report,
      EarlySystemdConnection connection,
      InstanceRecord record)
      throws SystemdException {
    ApplyMode programs = render ? ApplyMode.RECORD : ApplyMode.APPLY;
    ApplyMode systemdMode =
        render || request.systemd() == SystemdMode.NONE ? ApplyMode.RECORD : ApplyMode.APPLY;
    RecordingSystemdManager recorder = new RecordingSystemdManager();
    SystemdManager systemd = systemdMode == ApplyMode.RECORD ? recorder : connection.take();
    ApplyResult result;
    try (systemd) {
      ProcessRunner runner =
          programs == ApplyMode.RECORD ? new RecordingProcessRunner() : env.processes().get();
      Optional<SshKeyFetcher> fetcher =
          programs == ApplyMode.RECORD
              ? Optional.empty()
              : Optional.of(new HttpSshKeyFetcher(env.httpClients(), Duration.ofSeconds(10)));
      Applier applier =
          new Applier(
              fs, systemd, runner, fetcher, Applier.Settings.of(fs, programs, systemdMode), record);
      result = applier.apply(prepared.plan());
    }
    if (systemdMode == ApplyMode.RECORD) {
      report.systemdCalls(recorder.calls());
    }
    report.applied(result);
    LOG.info(
        "{} actions: {} ok, {} unchanged, {} recorded, {} failed, {} rejected",
        result.steps().size(),
        result.count(StepStatus.OK),
        result.count(StepStatus.UNCHANGED),
        result.count(StepStatus.RECORDED),
        result.count(StepStatus.FAILED),
        result.count(StepStatus.REJECTED));
    return result;
  }

  /** Writes a piece of the state; a failure is logged, the run goes on. */
  private static void keep(StateWrite write, String what) {
    try {
      write.run();
    } catch (IOException e) {
      LOG.error("failed to keep {}: {}", what, FailureText.of(e));
    }
  }

  /** One write of the state. */
  @FunctionalInterface
  private interface StateWrite {
    void run() throws IOException;
  }

  /** The report as JSON, once for both places it is kept; empty (logged) if it cannot be made. */
  private static Optional<byte[]> reportJson(RunReport report) {
    try {
      return Optional.of(report.toJson());
    } catch (IOException e) {
      LOG.error("failed to write the run report: {}", FailureText.of(e));
      return Optional.empty();
    }
  }

  private void writeReport(RootFs fs, byte[] json) {
    try {
      if (request.report().isPresent()) {
        Path file = request.report().get().toAbsolutePath().normalize();
        Path parent = file.getParent() == null ? file.getRoot() : file.getParent();
        Files.createDirectories(parent);
        new RootFs(parent, OwnerPolicy.RECORD)
            .write("/" + file.getFileName(), json, 0644, Ids.none());
      } else {
        fs.write(REPORT, json, 0644, Ids.none());
      }
    } catch (IOException e) {
      LOG.error("failed to write the run report: {}", FailureText.of(e));
    }
  }
}
