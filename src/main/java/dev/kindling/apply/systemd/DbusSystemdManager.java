package dev.kindling.apply.systemd;

import dev.kindling.trace.StartupTrace;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.messages.MethodCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SystemdManager} over the system D-Bus (dbus-java, native unix socket transport), as
 * coreos-cloudinit does it with go-systemd: one private connection authenticated with SASL
 * EXTERNAL, unit jobs queued with mode {@code replace} and awaited through {@code JobRemoved},
 * hostnames through {@code org.freedesktop.hostname1}, scripts as transient units.
 *
 * <p>Not thread-safe: one applier drives it. {@link #close()} must be called (a connection left
 * open keeps its reader thread in native I/O and makes JVM exit wait about 330 ms).
 */
public final class DbusSystemdManager implements SystemdManager {
  /** How long {@link #connectSystemBus()} waits for the bus socket to appear early in boot. */
  public static final Duration DEFAULT_CONNECT_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(DbusSystemdManager.class);
  private static final String MODE = "replace";
  private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(3);

  /** The unit commands of cloud-config {@code coreos.units[].command}, by name. */
  private static final Map<String, UnitCall> COMMANDS =
      Map.of(
          "start", (m, u) -> m.startUnit(u, MODE),
          "stop", (m, u) -> m.stopUnit(u, MODE),
          "restart", (m, u) -> m.restartUnit(u, MODE),
          "reload", (m, u) -> m.reloadUnit(u, MODE),
          "try-restart", (m, u) -> m.tryRestartUnit(u, MODE),
          "reload-or-restart", (m, u) -> m.reloadOrRestartUnit(u, MODE),
          "reload-or-try-restart", (m, u) -> m.reloadOrTryRestartUnit(u, MODE));

  private final DBusConnection connection;
  private final SystemdBus.Manager manager;
  private final JobWaiter jobs;
  private final AutoCloseable jobSubscription;
  private boolean closed;

  private DbusSystemdManager(DBusConnection connection) throws DBusException {
    this.connection = connection;
    this.manager =
        connection.getRemoteObject(
            SystemdBus.SYSTEMD, SystemdBus.SYSTEMD_PATH, SystemdBus.Manager.class);
    this.jobs = new JobWaiter();
    // Subscribed once, before any job is queued: a job can end before its reply is read.
    this.jobSubscription = connection.addSigHandler(SystemdBus.Manager.JobRemoved.class, jobs);
  }

  /**
   * The factory for {@code --systemd dbus}: connects to the system bus ({@code
   * DBUS_SYSTEM_BUS_ADDRESS}, else /run/dbus/system_bus_socket), waiting up to {@link
   * #DEFAULT_CONNECT_WAIT} for its socket.
   */
  public static DbusSystemdManager connectSystemBus() throws SystemdException {
    return connect(SystemBusConnector.systemBusAddress(System.getenv()), DEFAULT_CONNECT_WAIT);
  }

  /** Connects to the bus at {@code address} (a D-Bus address such as {@code unix:path=...}). */
  public static DbusSystemdManager connect(String address, Duration wait) throws SystemdException {
    // dbus-java gives up on a reply after 20 s; a daemon-reload of a busy or emulated machine can
    // take longer, and systemctl itself waits 3 minutes for it. (A JVM-wide setting; this is the
    // only D-Bus user in the process.)
    MethodCall.setDefaultTimeout(REPLY_TIMEOUT.toMillis());
    BusConnectWarmup.start();
    DBusConnection connection = new SystemBusConnector(address).connect(wait);
    try {
      return new DbusSystemdManager(connection);
    } catch (DBusException | RuntimeException e) {
      closeQuietly(connection);
      throw BusErrors.failed("subscribe to systemd job signals on " + address, e);
    }
  }

  @Override
  public void reload() throws SystemdException {
    long start = StartupTrace.start();
    try {
      manager.reload();
    } catch (RuntimeException e) {
      throw BusErrors.failed("reload systemd", e);
    } finally {
      StartupTrace.end("systemd: daemon-reload", start);
    }
  }

  @Override
  public String runUnitCommand(String command, String unit, Duration timeout)
      throws SystemdException {
    UnitCall call = COMMANDS.get(command);
    if (call == null) {
      throw new SystemdException(
          "failed to run \"" + command + "\" on " + unit + ": unsupported systemd command");
    }
    String what = command + " " + unit;
    jobs.expect();
    DBusPath job;
    try {
      job = call.queue(manager, unit);
    } catch (RuntimeException e) {
      jobs.done();
      throw BusErrors.failed(what, e);
    }
    Optional<String> result;
    long start = StartupTrace.start();
    try {
      result = jobs.await(job.getPath(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemdException(
          "failed to " + what + ": interrupted while waiting for its job", e);
    } finally {
      StartupTrace.end("systemd: job wait", start);
    }
    String done =
        result.orElseThrow(
            () ->
                new SystemdException(
                    "failed to "
                        + what
                        + ": job "
                        + job.getPath()
                        + " did not finish within "
                        + timeout.toSeconds()
                        + " s"));
    LOG.debug("{}: job {} {}", what, job.getPath(), done);
    return done;
  }

  @Override
  public void enableUnitFiles(List<String> units, boolean runtime, boolean force)
      throws SystemdException {
    SystemdBus.Pair<Boolean, List<SystemdBus.UnitFileChange>> reply;
    try {
      reply = manager.enableUnitFiles(units, runtime, force);
    } catch (RuntimeException e) {
      throw BusErrors.failed("enable " + String.join(", ", units), e);
    }
    for (SystemdBus.UnitFileChange change : reply.second()) {
      LOG.debug("enable {}: {}", units, change.describe());
    }
    if (!reply.first()) {
      // systemctl's warning: nothing to enable without an [Install] section.
      LOG.warn("{} carries no [Install] section; enabling it changed nothing", units);
    }
  }

  @Override
  public void setHostname(String hostname) throws SystemdException {
    try {
      SystemdBus.Hostname1 hostnamed =
          connection.getRemoteObject(
              SystemdBus.HOSTNAME, SystemdBus.HOSTNAME_PATH, SystemdBus.Hostname1.class);
      hostnamed.setStaticHostname(hostname, false);
      hostnamed.setHostname(hostname, false);
    } catch (DBusException | RuntimeException e) {
      throw BusErrors.failed("set hostname to " + hostname, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The unit is {@code Type=oneshot} with {@code RemainAfterExit=yes} and {@code
   * TimeoutStartUSec=timeout}: its start job ends when the script exits, its exit status is read
   * from {@code ExecMainCode}/{@code ExecMainStatus}, and the unit is removed afterwards (see
   * {@link TransientUnitRunner}). A script that cannot be executed reports systemd's status 203
   * (EXEC). A script killed by a signal, or stopped by systemd at the timeout, is a {@link
   * SystemdException}, not a status.
   */
  @Override
  public int runTransientUnit(
      String unitName, String description, List<String> command, Duration timeout)
      throws SystemdException {
    try {
      return new TransientUnitRunner(connection, manager, jobs)
          .run(unitName, description, command, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemdException("failed to run " + unitName + ": interrupted", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      jobSubscription.close();
    } catch (Exception e) {
      LOG.debug("could not remove the JobRemoved handler: {}", BusErrors.reason(e));
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(DBusConnection connection) {
    try {
      connection.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not close the D-Bus connection: {}", BusErrors.reason(e));
    }
  }

  /** Queues one kind of unit job and returns the job's object path. */
  @FunctionalInterface
  private interface UnitCall {
    DBusPath queue(SystemdBus.Manager manager, String unit);
  }
}
