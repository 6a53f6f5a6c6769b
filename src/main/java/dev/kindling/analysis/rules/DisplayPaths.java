package dev.kindling.analysis.rules;

import dev.kindling.config.bind.SourceMap;
import dev.kindling.config.yaml.ConfigPath;

/** How rules name another entry in a message: by the path users see in their file. */
final class DisplayPaths {
  private DisplayPaths() {}

  /** The display path of a model path ({@code write_files[2]}), or the model path itself. */
  static String of(SourceMap sources, ConfigPath model) {
    return sources.origin(model).map(o -> o.displayPath().toString()).orElse(model.toString());
  }
}
