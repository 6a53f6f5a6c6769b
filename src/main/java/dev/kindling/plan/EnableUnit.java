package dev.kindling.plan;

import java.util.Objects;

/** Enable a unit ({@code EnableUnitFiles([unit], runtime, force=true)}). */
public record EnableUnit(String unit, boolean runtime) implements Action {
  public EnableUnit {
    Objects.requireNonNull(unit, "unit");
  }

  @Override
  public String type() {
    return "enable-unit";
  }

  @Override
  public String describe() {
    return "enable " + unit + (runtime ? " (runtime)" : "");
  }
}
