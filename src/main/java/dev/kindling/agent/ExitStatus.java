package dev.kindling.agent;

import dev.kindling.apply.ApplyResult;

/**
 * Every exit status of both launchers, decided here and nowhere else: 0 success, 1 a runtime
 * failure (a step failed, a datasource was found but failed, the user data could not be used), 2 a
 * usage error or no datasource in time.
 */
public final class ExitStatus {
  /** Success; for {@code validate}: no errors. */
  public static final int OK = 0;

  /** A step failed, a datasource failed, unusable user data; {@code validate}: errors. */
  public static final int FAILED = 1;

  /** Usage error, unreadable input, or ({@code kindling}) no datasource in time. */
  public static final int USAGE = 2;

  private ExitStatus() {}

  /** The exit status of {@code outcome} for {@code launcher}. */
  public static int of(Outcome outcome, Launcher launcher) {
    if (outcome instanceof Outcome.Fetched f) {
      return f.acquired().failures().isEmpty() ? OK : FAILED;
    } else if (outcome instanceof Outcome.Validated v) {
      // The original's -validate: any finding at all fails.
      return v.report().entries().isEmpty() ? OK : FAILED;
    } else if (outcome instanceof Outcome.Planned p) {
      return p.prepared().inputProblems().isEmpty() && p.datasourceFailures().isEmpty()
          ? OK
          : FAILED;
    } else if (outcome instanceof Outcome.Applied a) {
      return applied(a);
    } else if (outcome instanceof Outcome.NoDatasource) {
      // coreos-cloudinit exits 1 here; kindling separates "nothing answered" from "it failed".
      return launcher == Launcher.COREOS_CLOUDINIT ? FAILED : USAGE;
    } else if (outcome instanceof Outcome.DatasourceFailed) {
      return FAILED;
    } else if (outcome instanceof Outcome.UsageError) {
      return USAGE;
    } else if (outcome instanceof Outcome.Failed) {
      return FAILED;
    }
    throw new IllegalArgumentException("no exit status for " + outcome);
  }

  /**
   * {@code validate}: 1 when the reports hold errors (or warnings with --strict), else 0; the
   * launcher's {@code -validate}: 1 when it printed anything, else 0.
   */
  public static int ofValidation(boolean failed) {
    return failed ? FAILED : OK;
  }

  private static int applied(Outcome.Applied a) {
    if (a.prepared().ignition()) {
      return OK; // the original: "Detected an Ignition config. Exiting...", status 0
    }
    if (a.result().map(ApplyResult::anyFailed).orElse(false)) {
      return FAILED;
    }
    if (!a.datasourceFailures().isEmpty()) {
      return FAILED;
    }
    if (!a.prepared().inputProblems().isEmpty() && !a.ignoreFailure()) {
      return FAILED;
    }
    return OK;
  }
}
