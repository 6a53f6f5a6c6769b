package dev.kindling.cli.compat;

import java.util.Objects;

/**
 * One line of the original validator's report: {@code line N: kind: message}.
 *
 * @param rule the check it comes from (decides the order)
 * @param line the 1-based line it points at
 * @param kind {@code error}, {@code warning} or {@code info}
 * @param message the message, in the original's wording
 */
public record OriginalEntry(OriginalRule rule, int line, String kind, String message) {
  public OriginalEntry {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The text the original logged: {@code line 3: warning: unrecognized key "x"}. */
  public String text() {
    return "line " + line + ": " + kind + ": " + message;
  }
}
