package dev.kindling.apply.systemd;

import java.util.Locale;

/** Builds the systemd manager that {@code --systemd dbus|none} names. */
public final class SystemdManagers {
  private SystemdManagers() {}

  /** The {@code --systemd} choices. */
  public enum Mode {
    /** systemd's D-Bus API on the system bus. */
    DBUS,
    /** Record the calls, talk to nothing. */
    NONE;

    /** The option value: {@code dbus} or {@code none}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A manager for {@code mode}.
   *
   * @throws SystemdException when the D-Bus connection cannot be made
   */
  public static SystemdManager create(Mode mode) throws SystemdException {
    return switch (mode) {
      case NONE -> new RecordingSystemdManager();
      case DBUS -> DbusSystemdManager.connectSystemBus();
    };
  }
}
