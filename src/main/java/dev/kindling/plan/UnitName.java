package dev.kindling.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A systemd unit name as the original reads it (system/unit.go): its type is the text after the
 * last {@code .}, and {@code .network}, {@code .netdev} and {@code .link} files belong to
 * systemd-networkd ({@code network} group) instead of systemd ({@code system} group).
 */
public record UnitName(String name) {
  public UnitName {
    Objects.requireNonNull(name, "name");
  }

  /** The unit type: the text after the last {@code .}, "" when there is none. */
  public String type() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  /** {@code network} for networkd files, else {@code system}. */
  public String group() {
    return switch (type()) {
      case "network", "netdev", "link" -> "network";
      default -> "system";
    };
  }

  /** Whether this is a networkd file (never enabled; placing one restarts systemd-networkd). */
  public boolean isNetwork() {
    return group().equals("network");
  }

  /**
   * Why the name cannot be used as a file name under a systemd directory, if so: it must not be
   * {@code .} or {@code ..}, contain {@code /} or a NUL, or be longer than 255 bytes. (The original
   * did not check, so {@code ../x} escaped the unit directory.)
   */
  public static Optional<String> problem(String fileName) {
    if (fileName.equals(".") || fileName.equals("..")) {
      return Optional.of("\"" + fileName + "\" is not a file name");
    }
    if (fileName.indexOf('/') >= 0) {
      return Optional.of("a unit or drop-in name must not contain \"/\"");
    }
    if (fileName.indexOf('\0') >= 0) {
      return Optional.of("a unit or drop-in name must not contain a NUL character");
    }
    if (fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      return Optional.of("a unit or drop-in name must be at most 255 bytes");
    }
    return Optional.empty();
  }
}
