package dev.kindling.config;

import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import java.util.Objects;

/**
 * An error the analysis found in a bound config: the item it is part of is not applied.
 *
 * @param path the model path the error is about (indexes count every list given for the key)
 * @param display the path as the report shows it
 * @param position where the error is in the source text
 * @param reason the finding's message (the analysis removes quoted values of fields that may hold
 *     secrets)
 */
public record Rejection(ConfigPath path, ConfigPath display, Position position, String reason) {
  public Rejection {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(reason, "reason");
  }
}
