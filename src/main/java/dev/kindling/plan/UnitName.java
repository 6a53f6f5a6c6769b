package dev.kindling.plan;

import java.util.Objects;

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
}
