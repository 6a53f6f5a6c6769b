package dev.kindling.config.yaml;

import java.util.Objects;

/** A syntax or limit problem found while reading YAML, with where it was found. */
public record YamlProblem(Position position, String message) {
  public YamlProblem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }
}
