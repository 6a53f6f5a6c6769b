package dev.kindling.config.yaml;

import java.util.Objects;

/**
 * Thrown from inside SnakeYAML's reading when the document breaks one of the reader's limits
 * (nesting, aliases, expanded size, disallowed characters); carries where, so the problem is
 * reported at that line and column.
 */
final class YamlLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialised; a record of two values
  private final Position position;

  YamlLimitException(Position position, String message) {
    super(message, null, false, false);
    this.position = Objects.requireNonNull(position, "position");
  }

  Position position() {
    return position;
  }
}
