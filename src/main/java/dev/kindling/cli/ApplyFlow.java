package dev.kindling.cli;

import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.Ids;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.ProcessRunner;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.SshKeyFetcher;
import dev.kindling.apply.StepStatus;
import dev.kindling.apply.SystemProcessRunner;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import dev.kindling.apply.systemd.SystemdManagers;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.PlanOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run} from start to end (also behind {@code render --root} and the coreos-cloudinit
 * launcher): lock, acquire, prepare, apply, report, and the exit status (docs/cli.md#exit-status).
 */
final class ApplyFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyFlow.class);

  /** The default report location under the root. */
  static final String REPORT = "/run/kindling/report.json";

  private ApplyFlow() {}

  /**
   * Everything a run needs.
   *
   * @param command {@code run} or {@code render} (render records every command and systemd call)
   * @param sources where the user data comes from
   * @param metadata metadata that replaces the datasource's ({@code render --metadata})
   * @param root the target root
   * @param systemd {@code dbus} or {@code none} (render always records)
   * @param report where the report goes; default {@link #REPORT} under the root
   * @param options key name, workspace and network conversion
   * @param ignoreFailure exit 0 when the user data could not be used (upstream -ignore-failure)
   * @param timeout the deadline for finding a datasource and fetching from it
   * @param noSourceStatus the exit status when no datasource answered (2; 1 for the launcher)
   * @param env the environment for {@code COREOS_*} template fallbacks
   */
  record Request(
      String command,
      SourceOptions sources,
      Optional<Metadata> metadata,
      Path root,
      SystemdManagers.Mode systemd,
      Optional<Path> report,
      PlanOptions options,
      boolean ignoreFailure,
      Duration timeout,
      int noSourceStatus,
      Map<String, String> env) {
    Request {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(sources, "sources");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(systemd, "systemd");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(timeout, "timeout");
      env = Map.copyOf(env);
    }

    boolean render() {
      return command.equals("render");
    }
  }

  /**
   * Runs the request under the lock and returns the exit status; {@code onPrepared} sees the plan
   * before it is applied (render prints it).
   */
  static int run(Request r, PrintWriter err, Consumer<Pipeline.Prepared> onPrepared) {
    Instant start = Instant.now();
    if (!Files.isDirectory(r.root())) {
      err.println("kindling " + r.command() + ": --root " + r.root() + " is not a directory");
      return ExitCodes.USAGE;
    }
    RootFs fs =
        new RootFs(r.root(), !r.render() && runningAsRoot() ? OwnerPolicy.SET : OwnerPolicy.RECORD);
    if (!r.render() && r.systemd() == SystemdManagers.Mode.DBUS && !fs.isHostRoot()) {
      // systemd over D-Bus manages the running system, not the directory: starting units or
      // setting the hostname there while writing files elsewhere would mix two systems.
      err.println(
          "kindling "
              + r.command()
              + ": --systemd dbus manages the running system; with --root "
              + r.root()
              + " use --systemd none");
      return ExitCodes.USAGE;
    }
    String systemdLabel = r.render() ? "none" : r.systemd().label();
    RunReport report = new RunReport(r.command(), start, fs.root().toString(), systemdLabel);
    Optional<RunLock> lock;
    try {
      lock = RunLock.tryAcquire(fs);
    } catch (IOException e) {
      err.println("kindling " + r.command() + ": failed to take the lock: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (lock.isEmpty()) {
      err.println(
          "kindling "
              + r.command()
              + ": another run holds "
              + fs.root().resolve(RunLock.TARGET.substring(1))
              + "; not starting a second one");
      return ExitCodes.FAILED;
    }
    int status;
    try {
      status = runLocked(r, fs, report, onPrepared);
      report.finish(start, status);
      writeReport(r, fs, report);
    } finally {
      try {
        lock.get().close();
      } catch (IOException e) {
        err.println("kindling " + r.command() + ": failed to release the lock: " + e.getMessage());
      }
    }
    return status;
  }

  /** The result of acquiring and preparing: a plan, or the exit status to stop with. */
  sealed interface Preparation permits Ready, Stop {}

  /** The user data was fetched and planned. */
  record Ready(Pipeline.Prepared prepared) implements Preparation {}

  /** Nothing to plan: stop with this status and error. */
  record Stop(int status, String error) implements Preparation {}

  /** Finds the datasource, fetches from it and runs the pipeline. */
  static Preparation prepare(Request r) {
    Acquired acquired;
    try {
      acquired = SourceAcquirer.acquire(r.sources(), r.timeout());
    } catch (DatasourceException e) {
      LOG.error("No datasources available in time: {}", e.getMessage());
      return new Stop(r.noSourceStatus(), "no datasource available in time: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Stop(ExitCodes.FAILED, "interrupted while waiting for a datasource");
    }
    LOG.info(
        "Fetched user-data and meta-data from datasource of type \"{}\"", acquired.datasource());
    PlanOptions options =
        new PlanOptions(
            r.options().sshKeyName(),
            r.options().workspace(),
            r.options().convertNetconf(),
            acquired.datasource());
    return new Ready(
        Pipeline.prepare(
            acquired.datasource(),
            acquired.userData().orElse(new byte[0]),
            r.metadata().orElse(acquired.metadata()),
            r.env(),
            options));
  }

  private static int runLocked(
      Request r, RootFs fs, RunReport report, Consumer<Pipeline.Prepared> onPrepared) {
    Preparation preparation = prepare(r);
    if (preparation instanceof Stop stop) {
      report.error(stop.error());
      return stop.status();
    }
    Pipeline.Prepared prepared = ((Ready) preparation).prepared();
    report.prepared(prepared);
    onPrepared.accept(prepared);
    if (prepared.ignition()) {
      return ExitCodes.OK;
    }
    return apply(r, fs, prepared, report);
  }

  /** Applies a prepared plan under the root and returns the exit status. */
  private static int apply(Request r, RootFs fs, Pipeline.Prepared prepared, RunReport report) {
    SystemdManager systemd;
    try {
      systemd = r.render() ? new RecordingSystemdManager() : SystemdManagers.create(r.systemd());
    } catch (SystemdException e) {
      LOG.error("{}", e.getMessage());
      report.error(e.getMessage());
      return ExitCodes.FAILED;
    }
    ApplyResult result;
    try (systemd) {
      ProcessRunner runner =
          r.render() ? new RecordingProcessRunner() : SystemProcessRunner.fromEnvironment();
      Optional<SshKeyFetcher> fetcher =
          r.render()
              ? Optional.empty()
              : Optional.of(new HttpSshKeyFetcher(Duration.ofSeconds(10)));
      Applier applier =
          new Applier(fs, systemd, runner, fetcher, Applier.Settings.defaults(fs, systemd));
      result = applier.apply(prepared.plan());
      if (systemd instanceof RecordingSystemdManager recording) {
        report.systemdCalls(recording.calls());
      }
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
    if (result.anyFailed()) {
      return ExitCodes.FAILED;
    }
    if (!prepared.inputProblems().isEmpty() && !r.ignoreFailure()) {
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  private static void writeReport(Request r, RootFs fs, RunReport report) {
    try {
      byte[] json = report.toJson();
      if (r.report().isPresent()) {
        Path file = r.report().get().toAbsolutePath().normalize();
        Path parent = file.getParent() == null ? file.getRoot() : file.getParent();
        Files.createDirectories(parent);
        new RootFs(parent, OwnerPolicy.RECORD)
            .write("/" + file.getFileName(), json, 0644, Ids.none());
      } else {
        fs.write(REPORT, json, 0644, Ids.none());
      }
    } catch (IOException e) {
      LOG.error("failed to write the run report: {}", e.getMessage());
    }
  }

  /** Whether this process may set owners. */
  static boolean runningAsRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
