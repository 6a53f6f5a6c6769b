package dev.kindling.plan;

import dev.kindling.value.Bytes;
import java.util.Objects;

/**
 * Write a script user data to {@code path} (mode 0700) and run it once as the transient unit {@code
 * unitName}, waiting for its exit status.
 */
public record RunScript(String path, String unitName, Bytes script) implements Action {
  public RunScript {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(unitName, "unitName");
    Objects.requireNonNull(script, "script");
  }

  @Override
  public String type() {
    return "run-script";
  }

  @Override
  public String describe() {
    return "run script " + path + " as " + unitName;
  }
}
