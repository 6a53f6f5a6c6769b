package dev.kindling.plan;

import dev.kindling.value.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Run one {@code bootcmd} or {@code runcmd} command as the transient unit {@code unitName} ({@code
 * /bin/sh -c line}), waiting for its exit status. A {@code runcmd} command runs once per instance:
 * the applier skips it when the instance's record already holds {@code onceKey}, and records it
 * after it ran.
 *
 * @param stage {@code bootcmd} or {@code runcmd}
 * @param index the command's place in the config's list (its path is {@code stage[index]})
 * @param line the line {@code /bin/sh -c} runs (user data: never printed)
 * @param unitName the transient unit
 * @param oncePerInstance whether the command runs once per instance (else at every boot)
 */
public record RunCommand(
    String stage, int index, String line, String unitName, boolean oncePerInstance)
    implements Action {
  public RunCommand {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(unitName, "unitName");
  }

  /** What the instance's record holds once the command ran: its stage, index and digest. */
  public String onceKey() {
    return stage + "[" + index + "] " + Sha256.hex(line.getBytes(StandardCharsets.UTF_8));
  }

  /** Without the line: it is user data. */
  @Override
  public String toString() {
    return "RunCommand[" + describe() + "]";
  }

  @Override
  public String type() {
    return stage;
  }

  @Override
  public String describe() {
    return "run "
        + stage
        + "["
        + index
        + "] as "
        + unitName
        + (oncePerInstance ? " (once per instance)" : " (every boot)");
  }
}
