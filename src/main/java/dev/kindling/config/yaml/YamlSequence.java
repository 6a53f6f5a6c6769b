package dev.kindling.config.yaml;

import java.util.List;

/** A YAML sequence. */
public record YamlSequence(List<YamlNode> items, Position position) implements YamlNode {
  public YamlSequence {
    items = List.copyOf(items);
  }

  @Override
  public String kindName() {
    return "sequence";
  }
}
