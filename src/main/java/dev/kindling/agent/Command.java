package dev.kindling.agent;

import java.util.Locale;

/** What the agent is asked to do. */
public enum Command {
  /** Find the datasource and fetch from it; nothing else. */
  FETCH,
  /** Fetch the user data and validate it (the coreos-cloudinit launcher's {@code -validate}). */
  VALIDATE,
  /** Plan; with a root, also write the plan's files there and record everything else. */
  RENDER,
  /** Plan and apply. */
  RUN;

  /** The command's name: {@code fetch}, {@code validate}, {@code render}, {@code run}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
