package dev.kindling.agent;

/**
 * Which program the agent runs for: the two differ only in one exit status (no datasource in time
 * is 2 for {@code kindling}, 1 for {@code coreos-cloudinit} as in the original).
 */
public enum Launcher {
  /** {@code kindling}. */
  KINDLING,
  /** The {@code coreos-cloudinit} compatibility launcher. */
  COREOS_CLOUDINIT
}
