package dev.kindling.config;

import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bound config with the errors its analysis found, each at a model path: what {@code validate}
 * rejects, {@code run} does not apply, and what it accepts, run applies. The planner asks for each
 * item it would plan whether something at or below the item was rejected.
 *
 * @param config the bound config
 * @param rejections the errors, in document order
 */
public record CheckedConfig(CloudConfig config, List<Rejection> rejections) {
  public CheckedConfig {
    Objects.requireNonNull(config, "config");
    rejections = List.copyOf(rejections);
  }

  /** A config without errors. */
  public static CheckedConfig accepted(CloudConfig config) {
    return new CheckedConfig(config, List.of());
  }

  /** The first rejection at {@code item} or below it, if any. */
  public Optional<Rejection> rejection(ConfigPath item) {
    return rejections.stream().filter(r -> item.contains(r.path())).findFirst();
  }

  /** Whether nothing at {@code item} or below it was rejected. */
  public boolean accepts(ConfigPath item) {
    return rejection(item).isEmpty();
  }
}
