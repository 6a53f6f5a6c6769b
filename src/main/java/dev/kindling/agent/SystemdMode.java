package dev.kindling.agent;

import java.util.Locale;

/** The {@code --systemd} choices: talk to systemd over D-Bus, or only record the calls. */
public enum SystemdMode {
  /** systemd's D-Bus API on the system bus. */
  DBUS,
  /** Record the calls, talk to nothing. */
  NONE;

  /** The option value: {@code dbus} or {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
