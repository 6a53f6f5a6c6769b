package dev.kindling.apply;

import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A systemd fake that answers as told: job results per unit, a script exit status, failures. */
final class ScriptedSystemdManager implements SystemdManager {
  final List<String> calls = new ArrayList<>();
  final Map<String, String> jobResults = new HashMap<>();
  int scriptStatus;
  boolean failReload;

  @Override
  public void reload() throws SystemdException {
    calls.add("reload");
    if (failReload) {
      throw new SystemdException("failed systemd daemon-reload: Access denied");
    }
  }

  @Override
  public String runUnitCommand(String command, String unit, Duration timeout) {
    calls.add(command + " " + unit);
    return jobResults.getOrDefault(unit, "done");
  }

  @Override
  public void enableUnitFiles(List<String> units, boolean runtime, boolean force) {
    calls.add("enable " + String.join(" ", units));
  }

  @Override
  public void setHostname(String hostname) {
    calls.add("set-hostname " + hostname);
  }

  @Override
  public int runTransientUnit(
      String unitName, String description, List<String> command, Duration timeout) {
    calls.add("run-transient-unit " + unitName + " " + String.join(" ", command));
    return scriptStatus;
  }

  @Override
  public void close() {}
}
