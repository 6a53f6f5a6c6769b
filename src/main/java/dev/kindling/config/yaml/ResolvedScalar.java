package dev.kindling.config.yaml;

/**
 * A scalar's YAML 1.1 type and value, as go-yaml v1 (coreos-cloudinit's parser) resolves it.
 *
 * @param type the resolved type
 * @param value {@code null}, a {@code Boolean}, a {@code Long}, a {@code Double}, a {@code String},
 *     a {@code byte[]} for {@code !!binary}, or for {@code INVALID} the message why an explicit tag
 *     does not fit the text
 */
public record ResolvedScalar(Type type, Object value) {
  /** A resolved YAML type. */
  public enum Type {
    NULL,
    BOOL,
    INT,
    FLOAT,
    STRING,
    BINARY,
    INVALID
  }

  /** The go-yaml name of the type, for messages. */
  public String typeName() {
    return switch (type) {
      case NULL -> "null";
      case BOOL -> "bool";
      case INT -> "int";
      case FLOAT -> "float";
      case STRING -> "string";
      case BINARY -> "binary";
      case INVALID -> "invalid";
    };
  }

  @Override
  public String toString() {
    return "ResolvedScalar[" + type + "]";
  }
}
