package dev.kindling.apply.systemd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command once as a transient service and reads its exit status.
 *
 * <p>The unit is {@code Type=oneshot} with {@code RemainAfterExit=yes}: a oneshot's start job ends
 * only when its process has exited (so the {@code JobRemoved} wait is the wait for the script), and
 * RemainAfterExit keeps the unit loaded (active or failed) so that {@code ExecMainCode}, {@code
 * ExecMainStatus} and {@code Result} can still be read afterwards. The unit is then removed: a
 * failed one by {@code ResetFailedUnit}, an active one by stopping it (systemd garbage-collects an
 * inactive transient unit). Output goes to the journal; {@code TimeoutStartUSec} makes systemd
 * itself stop a script that runs longer than the timeout (job result {@code timeout}).
 */
final class TransientUnitRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TransientUnitRunner.class);

  /** Extra time over the script's own timeout for systemd to stop it and report the job. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  private static final int CLD_EXITED = 1;
  private static final int CLD_KILLED = 2;
  private static final int CLD_DUMPED = 3;

  private final DBusConnection connection;
  private final SystemdBus.Manager manager;
  private final JobWaiter jobs;

  TransientUnitRunner(DBusConnection connection, SystemdBus.Manager manager, JobWaiter jobs) {
    this.connection = connection;
    this.manager = manager;
    this.jobs = jobs;
  }

  int run(String unit, String description, List<String> command, Duration timeout)
      throws SystemdException, InterruptedException {
    String what = "run " + unit;
    if (command.isEmpty()) {
      throw new SystemdException("failed to " + what + ": empty command");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      // TimeoutStartUSec=0 would mean "no timeout" to systemd.
      throw new SystemdException("failed to " + what + ": the timeout must be positive");
    }
    resetIfFailed(unit);
    jobs.expect();
    String job;
    try {
      job =
          manager
              .startTransientUnit(
                  unit, "replace", properties(description, command, timeout), List.of())
              .getPath();
    } catch (RuntimeException e) {
      jobs.done();
      throw BusErrors.failed(what, e);
    }
    Optional<String> result = jobs.await(job, timeout.plus(GRACE));
    try {
      if (result.isEmpty()) {
        throw new SystemdException(
            "failed to "
                + what
                + ": it did not finish within "
                + timeout.plus(GRACE).toSeconds()
                + " s");
      }
      return exitStatus(unit, what, result.get(), timeout);
    } finally {
      remove(unit);
    }
  }

  private static List<SystemdBus.Property> properties(
      String description, List<String> command, Duration timeout) {
    return List.of(
        property("Description", new Variant<>(description)),
        property("Type", new Variant<>("oneshot")),
        property("RemainAfterExit", new Variant<>(Boolean.TRUE)),
        property("StandardOutput", new Variant<>("journal")),
        property("StandardError", new Variant<>("journal")),
        property(
            "TimeoutStartUSec",
            new Variant<>(new UInt64(TimeUnit.NANOSECONDS.toMicros(timeout.toNanos())))),
        property(
            "ExecStart",
            new Variant<>(
                List.of(new SystemdBus.ExecCommand(command.get(0), command, false)), "a(sasb)")));
  }

  private static SystemdBus.Property property(String name, Variant<?> value) {
    return new SystemdBus.Property(name, value);
  }

  private int exitStatus(String unit, String what, String jobResult, Duration timeout)
      throws SystemdException {
    Properties unitProperties = properties(unit);
    String result = (String) get(unitProperties, SystemdBus.SERVICE_INTERFACE, "Result", what);
    int code =
        ((Number) get(unitProperties, SystemdBus.SERVICE_INTERFACE, "ExecMainCode", what))
            .intValue();
    int status =
        ((Number) get(unitProperties, SystemdBus.SERVICE_INTERFACE, "ExecMainStatus", what))
            .intValue();
    LOG.debug(
        "{}: job {}, Result={}, ExecMainCode={}, ExecMainStatus={}",
        unit,
        jobResult,
        result,
        code,
        status);
    if ("timeout".equals(jobResult) || "timeout".equals(result)) {
      throw new SystemdException(
          "failed to "
              + what
              + ": it did not finish within "
              + timeout.toSeconds()
              + " s and was stopped");
    }
    if (code == CLD_EXITED) {
      return status;
    }
    if (code == CLD_KILLED || code == CLD_DUMPED) {
      throw new SystemdException("failed to " + what + ": killed by signal " + status);
    }
    throw new SystemdException("failed to " + what + ": job " + jobResult + ", result " + result);
  }

  private Properties properties(String unit) throws SystemdException {
    try {
      String path = manager.getUnit(unit).getPath();
      return connection.getRemoteObject(SystemdBus.SYSTEMD, path, Properties.class);
    } catch (DBusException | RuntimeException e) {
      throw BusErrors.failed("read the state of " + unit, e);
    }
  }

  private static Object get(Properties properties, String iface, String name, String what)
      throws SystemdException {
    try {
      Object value = properties.Get(iface, name);
      if (value instanceof Variant<?> variant) {
        value = variant.getValue();
      }
      if (value == null) {
        throw new SystemdException("failed to " + what + ": no " + name + " property");
      }
      return value;
    } catch (RuntimeException e) {
      throw BusErrors.failed(what + " (reading " + name + ")", e);
    }
  }

  /** A failed unit left by an earlier run of the same name would make StartTransientUnit fail. */
  private void resetIfFailed(String unit) {
    try {
      if ("failed".equals(activeState(unit))) {
        manager.resetFailedUnit(unit);
      }
    } catch (DBusException | RuntimeException e) {
      LOG.debug("could not reset {}: {}", unit, BusErrors.reason(e));
    }
  }

  /**
   * The unit's ActiveState; {@code LoadUnit} (not GetUnit) so that a unit that is gone reads as
   * {@code inactive} instead of failing with NoSuchUnit.
   */
  private String activeState(String unit) throws DBusException {
    String path = manager.loadUnit(unit).getPath();
    Object state =
        connection
            .getRemoteObject(SystemdBus.SYSTEMD, path, Properties.class)
            .Get(SystemdBus.UNIT_INTERFACE, "ActiveState");
    return String.valueOf(state instanceof Variant<?> v ? v.getValue() : state);
  }

  /** Unloads the transient unit; failures only cost a leftover unit, so they are logged. */
  private void remove(String unit) throws InterruptedException {
    try {
      String state = activeState(unit);
      if ("failed".equals(state)) {
        manager.resetFailedUnit(unit);
      } else if (!"inactive".equals(state)) {
        jobs.expect();
        String job;
        try {
          job = manager.stopUnit(unit, "replace").getPath();
        } catch (RuntimeException e) {
          jobs.done();
          throw e;
        }
        jobs.await(job, GRACE);
      }
    } catch (DBusException | RuntimeException e) {
      LOG.warn("could not remove transient unit {}: {}", unit, BusErrors.reason(e));
    }
  }
}
