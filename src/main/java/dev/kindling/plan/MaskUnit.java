package dev.kindling.plan;

import java.util.Objects;

/** Replace the unit file at {@code path} by a symlink to {@code /dev/null}. */
public record MaskUnit(String unit, String path) implements Action {
  public MaskUnit {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String type() {
    return "mask-unit";
  }

  @Override
  public String describe() {
    return "mask " + unit + " at " + path;
  }
}
