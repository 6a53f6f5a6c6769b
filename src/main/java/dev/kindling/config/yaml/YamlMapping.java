package dev.kindling.config.yaml;

import java.util.List;

/**
 * A YAML mapping with its entries in document order. Duplicate keys are kept; merge keys ({@code
 * <<}) are already expanded into entries marked as merged.
 */
public record YamlMapping(List<Entry> entries, Position position) implements YamlNode {
  public YamlMapping {
    entries = List.copyOf(entries);
  }

  /**
   * One key/value pair.
   *
   * @param key the key node
   * @param value the value node
   * @param merged whether the pair came in through a {@code <<} merge key
   */
  public record Entry(YamlNode key, YamlNode value, boolean merged) {}

  @Override
  public String kindName() {
    return "mapping";
  }
}
