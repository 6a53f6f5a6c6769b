package dev.kindling.plan;

import java.util.Objects;

/** Write a drop-in (mode 0644) under {@code <unit>.d/}. */
public record PlaceDropIn(String unit, String name, String path, String content) implements Action {
  public PlaceDropIn {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String type() {
    return "place-drop-in";
  }

  @Override
  public String describe() {
    return "place drop-in " + name + " for " + unit + " at " + path;
  }

  @Override
  public String toString() {
    // Drop-ins may carry secrets in Environment= lines.
    return "PlaceDropIn[" + unit + ", " + path + ", " + content.length() + " chars]";
  }
}
