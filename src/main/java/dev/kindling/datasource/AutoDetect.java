package dev.kindling.datasource;

import java.util.Objects;

/**
 * How {@code --auto} decides that a datasource type is present on this machine; the source is then
 * tried with its default argument.
 */
@FunctionalInterface
public interface AutoDetect {
  /** Never detected: the source is used only when named. */
  AutoDetect NEVER = machine -> false;

  /**
   * What {@code --auto} knows about the machine.
   *
   * @param platform the cloud its DMI strings indicate
   * @param kernelCommandLine the kernel command line ("" when unreadable)
   */
  record Machine(Platform platform, String kernelCommandLine) {
    public Machine {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(kernelCommandLine, "kernelCommandLine");
    }
  }

  /** Whether the source is present on {@code machine}. */
  boolean present(Machine machine);

  /** Present where the DMI strings say the machine runs on {@code platform}. */
  static AutoDetect onPlatform(Platform platform) {
    return machine -> machine.platform() == platform;
  }
}
