package dev.kindling.plan;

import dev.kindling.value.Bytes;
import java.util.Objects;

/**
 * Write a script user data to {@code path} (mode 0700) and run it once as the transient unit {@code
 * unitName}, waiting for its exit status. With {@code oncePerInstance} (a multipart part of type
 * {@code text/x-shellscript-per-instance} or {@code -per-once}) it runs once per instance.
 */
public record RunScript(String path, String unitName, Bytes script, boolean oncePerInstance)
    implements Action {
  public RunScript {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(unitName, "unitName");
    Objects.requireNonNull(script, "script");
  }

  /** A script that runs at every boot. */
  public RunScript(String path, String unitName, Bytes script) {
    this(path, unitName, script, false);
  }

  /** What the instance's record holds once the script ran. */
  public String onceKey() {
    return "script " + unitName;
  }

  @Override
  public String type() {
    return "run-script";
  }

  @Override
  public String describe() {
    return "run script "
        + path
        + " as "
        + unitName
        + (oncePerInstance ? " (once per instance)" : "");
  }
}
