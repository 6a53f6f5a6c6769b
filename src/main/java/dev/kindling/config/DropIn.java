package dev.kindling.config;

import java.util.Objects;

/** A {@code coreos.units[].drop_ins} entry. */
public record DropIn(String name, String content) {
  public DropIn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String toString() {
    return "DropIn[" + name + ", " + content.length() + " chars]";
  }
}
