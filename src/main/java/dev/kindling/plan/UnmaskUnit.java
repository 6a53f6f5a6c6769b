package dev.kindling.plan;

import java.util.Objects;

/**
 * Remove a runtime mask: delete {@code path} if it is an empty file or (through a symlink) a
 * character device; leave anything else in place.
 */
public record UnmaskUnit(String unit, String path) implements Action {
  public UnmaskUnit {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String type() {
    return "unmask-unit";
  }

  @Override
  public String describe() {
    return "unmask " + unit + " at " + path;
  }
}
