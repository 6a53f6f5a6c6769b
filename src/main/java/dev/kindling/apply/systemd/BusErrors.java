package dev.kindling.apply.systemd;

import dev.kindling.value.FailureText;

/** Turns dbus-java failures into the reason part of a {@link SystemdException} message. */
final class BusErrors {
  private BusErrors() {}

  /**
   * systemd's own words for an error reply ({@code Unit etcd.service not found}), else the message
   * of the failure, never empty. A trailing period is dropped so the reason ends a sentence of
   * ours.
   */
  static String reason(Throwable failure) {
    String message = FailureText.of(failure);
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  /** {@code failed to <what>: <reason>} with the failure as cause. */
  static SystemdException failed(String what, Throwable failure) {
    return new SystemdException("failed to " + what + ": " + reason(failure), failure);
  }
}
