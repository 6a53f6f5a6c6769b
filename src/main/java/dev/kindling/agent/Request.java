package dev.kindling.agent;

import dev.kindling.metadata.Metadata;
import dev.kindling.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One job for the agent.
 *
 * @param command what to do
 * @param launcher which program asks (decides one exit status)
 * @param sources where the user data comes from
 * @param timeout the deadline for finding a datasource and fetching from it
 * @param metadata metadata that replaces the datasource's ({@code render --metadata})
 * @param root the target root: required for {@code run}; for {@code render}, where to write the
 *     plan's files (nothing is written without it)
 * @param systemd {@code dbus} or {@code none} ({@code run}; render always records)
 * @param report where the run report goes; default {@code /run/kindling/report.json} under the root
 * @param plan key name, workspace and network conversion ({@code convertNetconf} "" lets an OEM
 *     preset choose)
 * @param ignoreFailure exit 0 when the user data could not be used (the original's
 *     -ignore-failure); failed steps and datasource failures still exit 1
 */
public record Request(
    Command command,
    Launcher launcher,
    SourceSelection sources,
    Duration timeout,
    Optional<Metadata> metadata,
    Optional<Path> root,
    SystemdMode systemd,
    Optional<Path> report,
    PlanOptions plan,
    boolean ignoreFailure) {
  public Request {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(systemd, "systemd");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(plan, "plan");
    if (command == Command.RUN && root.isEmpty()) {
      throw new IllegalArgumentException("run needs a root");
    }
  }

  /** {@code fetch}: find the datasource and fetch from it. */
  public static Request fetch(SourceSelection sources, Duration timeout) {
    return withoutPlan(Command.FETCH, Launcher.KINDLING, sources, timeout);
  }

  /** The launcher's {@code -validate}: fetch the user data and validate it. */
  public static Request validate(SourceSelection sources, Duration timeout) {
    return withoutPlan(Command.VALIDATE, Launcher.COREOS_CLOUDINIT, sources, timeout);
  }

  /** A request that only fetches (and looks at) the user data: no root, no systemd, no report. */
  private static Request withoutPlan(
      Command command, Launcher launcher, SourceSelection sources, Duration timeout) {
    return new Request(
        command,
        launcher,
        sources,
        timeout,
        Optional.empty(),
        Optional.empty(),
        SystemdMode.NONE,
        Optional.empty(),
        PlanOptions.defaults(""),
        false);
  }

  /** {@code render}: plan, and with a root write the plan's files there. */
  public static Request render(
      SourceSelection sources,
      Duration timeout,
      Optional<Metadata> metadata,
      Optional<Path> root,
      PlanOptions plan) {
    return new Request(
        Command.RENDER,
        Launcher.KINDLING,
        sources,
        timeout,
        metadata,
        root,
        SystemdMode.NONE,
        Optional.empty(),
        plan,
        false);
  }

  /** {@code run}: plan and apply under {@code root}. */
  public static Request run(
      SourceSelection sources,
      Duration timeout,
      Path root,
      SystemdMode systemd,
      Optional<Path> report,
      PlanOptions plan,
      boolean ignoreFailure) {
    return new Request(
        Command.RUN,
        Launcher.KINDLING,
        sources,
        timeout,
        Optional.empty(),
        Optional.of(root),
        systemd,
        report,
        plan,
        ignoreFailure);
  }

  /** This request on behalf of {@code launcher}. */
  public Request from(Launcher other) {
    return new Request(
        command, other, sources, timeout, metadata, root, systemd, report, plan, ignoreFailure);
  }
}
