package dev.kindling.agent;

import dev.kindling.apply.ApplyResult;
import dev.kindling.validate.FileReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request ended, as data: the launchers print it and {@link ExitStatus#of} turns it into the
 * exit status. Every variant carries what its printer and its exit status need.
 */
public sealed interface Outcome
    permits Outcome.Fetched,
        Outcome.Validated,
        Outcome.Planned,
        Outcome.Applied,
        Outcome.NoDatasource,
        Outcome.DatasourceFailed,
        Outcome.UsageError,
        Outcome.Failed {

  /** {@code fetch}: what the datasource delivered (metadata items that failed are listed). */
  record Fetched(Acquired acquired) implements Outcome {
    public Fetched {
      Objects.requireNonNull(acquired, "acquired");
    }
  }

  /** The launcher's {@code -validate}: the user data and its findings. */
  record Validated(Acquired acquired, FileReport report) implements Outcome {
    public Validated {
      Objects.requireNonNull(acquired, "acquired");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * {@code render} without a root: the plan.
   *
   * @param prepared what was planned
   * @param datasourceFailures metadata items that failed to arrive
   */
  record Planned(Pipeline.Prepared prepared, List<String> datasourceFailures) implements Outcome {
    public Planned {
      Objects.requireNonNull(prepared, "prepared");
      datasourceFailures = List.copyOf(datasourceFailures);
    }
  }

  /**
   * {@code run}, or {@code render} into a root: the plan and what applying it did.
   *
   * @param prepared what was planned
   * @param result one step per action; empty when nothing was applied (Ignition user data)
   * @param datasourceFailures metadata items that failed to arrive (everything else was applied)
   * @param ignoreFailure whether unusable user data still exits 0 (-ignore-failure)
   */
  record Applied(
      Pipeline.Prepared prepared,
      Optional<ApplyResult> result,
      List<String> datasourceFailures,
      boolean ignoreFailure)
      implements Outcome {
    public Applied {
      Objects.requireNonNull(prepared, "prepared");
      Objects.requireNonNull(result, "result");
      datasourceFailures = List.copyOf(datasourceFailures);
    }
  }

  /** No datasource answered (or delivered) before the deadline; the message names those tried. */
  record NoDatasource(String message) implements Outcome {
    public NoDatasource {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A datasource was found but failed to deliver its user data (or its metadata as a whole).
   *
   * @param datasource its type name
   * @param message what failed and why, e.g. {@code failed to fetch user-data: GET ...: HTTP 500}
   */
  record DatasourceFailed(String datasource, String message) implements Outcome {
    public DatasourceFailed {
      Objects.requireNonNull(datasource, "datasource");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The request cannot be carried out as given; nothing was done (no lock was taken). */
  record UsageError(String message) implements Outcome {
    public UsageError {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Something outside the user's input failed before applying (the lock, D-Bus, interrupted). */
  record Failed(String message) implements Outcome {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }
}
