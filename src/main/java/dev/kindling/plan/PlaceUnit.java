package dev.kindling.plan;

import java.util.Objects;

/** Write a unit file (mode 0644) at its destination. */
public record PlaceUnit(String unit, String path, String content) implements Action {
  public PlaceUnit {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String type() {
    return "place-unit";
  }

  @Override
  public String describe() {
    return "place unit " + unit + " at " + path;
  }

  @Override
  public String toString() {
    // Units may carry secrets in Environment= lines.
    return "PlaceUnit[" + unit + ", " + path + ", " + content.length() + " chars]";
  }
}
