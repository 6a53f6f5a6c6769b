package dev.kindling.plan;

import dev.kindling.config.ShellCommand;
import dev.kindling.value.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code bootcmd} (first, at every boot) and {@code runcmd} (last, once per instance): one
 * {@link RunCommand} per command, whose unit name {@code kindling-STAGE-N-HEX.service} carries the
 * first 12 hex digits of the line's SHA-256, so the same command keeps its name from boot to boot.
 */
final class CommandActions {
  /** The stage that runs first, at every boot. */
  static final String BOOTCMD = "bootcmd";

  /** The stage that runs last, once per instance. */
  static final String RUNCMD = "runcmd";

  private CommandActions() {}

  static List<Action> plan(String stage, List<ShellCommand> commands, int firstIndex) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      String line = commands.get(i).shellLine();
      int index = firstIndex + i;
      String digest = Sha256.hex(line.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
      actions.add(
          new RunCommand(
              stage,
              index,
              line,
              "kindling-" + stage + "-" + index + "-" + digest + ".service",
              stage.equals(RUNCMD)));
    }
    return actions;
  }
}
