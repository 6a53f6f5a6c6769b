package dev.kindling.apply.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --systemd none} manager: talks to nothing, records each call in order (for the run
 * report, {@code render} and tests) and reports success: jobs end {@code done}, scripts exit 0.
 */
public final class RecordingSystemdManager implements SystemdManager {
  private final List<String> calls = new ArrayList<>();

  @Override
  public void reload() {
    calls.add("reload");
  }

  @Override
  public String runUnitCommand(String command, String unit, Duration timeout) {
    calls.add(command + " " + unit);
    return "done";
  }

  @Override
  public void enableUnitFiles(List<String> units, boolean runtime, boolean force) {
    calls.add("enable " + String.join(" ", units) + " runtime=" + runtime + " force=" + force);
  }

  @Override
  public void setHostname(String hostname) {
    calls.add("set-hostname " + hostname);
  }

  @Override
  public int runTransientUnit(
      String unitName, String description, List<String> command, Duration timeout) {
    // Only the program: the arguments of a command (bootcmd, runcmd) are user data.
    int more = command.size() - 1;
    calls.add(
        "run-transient-unit "
            + unitName
            + " "
            + command.get(0)
            + (more > 0 ? " (" + more + " arguments not recorded)" : ""));
    return 0;
  }

  /** The calls so far, one line each, e.g. {@code restart etcd2.service}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {}
}
