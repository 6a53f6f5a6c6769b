package dev.kindling.apply.systemd;

import java.time.Duration;
import java.util.List;

/**
 * The systemd operations {@code run} needs (the shape of coreos-cloudinit's UnitManager). Unit
 * files, drop-ins and masks are written by the applier; this interface talks to the manager.
 */
public interface SystemdManager extends AutoCloseable {
  /** {@code Manager.Reload} (daemon-reload). */
  void reload() throws SystemdException;

  /**
   * Runs {@code command} ({@code start}, {@code stop}, {@code restart}, {@code reload}, {@code
   * try-restart}, {@code reload-or-restart}, {@code reload-or-try-restart}) on {@code unit} with
   * mode {@code replace}, waits for the job's {@code JobRemoved} signal and returns its result
   * ({@code done}, {@code failed}, {@code canceled}, {@code timeout}, {@code dependency}, {@code
   * skipped}).
   */
  String runUnitCommand(String command, String unit, Duration timeout) throws SystemdException;

  /** {@code EnableUnitFiles(units, runtime, force)}. */
  void enableUnitFiles(List<String> units, boolean runtime, boolean force) throws SystemdException;

  /** Sets the static and transient hostname (org.freedesktop.hostname1). */
  void setHostname(String hostname) throws SystemdException;

  /**
   * Runs a command once as a transient service unit ({@code StartTransientUnit}), output to the
   * journal, waits for it to finish and returns its exit status.
   */
  int runTransientUnit(String unitName, String description, List<String> command, Duration timeout)
      throws SystemdException;

  @Override
  void close();
}
