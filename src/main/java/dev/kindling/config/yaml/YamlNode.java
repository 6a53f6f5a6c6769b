package dev.kindling.config.yaml;

/** A node of a composed YAML document, with the position where it starts. */
public sealed interface YamlNode permits YamlScalar, YamlSequence, YamlMapping {
  /** Where the node starts in the source text. */
  Position position();

  /** A short name of the node's kind for messages: {@code scalar}, {@code sequence}, ... */
  String kindName();
}
