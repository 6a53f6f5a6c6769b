package dev.kindling.apply.systemd;

/** systemd refused or failed a request; the message names the request and systemd's reason. */
public class SystemdException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure such as {@code failed to start etcd.service: Unit etcd.service not found}. */
  public SystemdException(String message) {
    super(message);
  }

  /** A failure with its cause. */
  public SystemdException(String message, Throwable cause) {
    super(message, cause);
  }
}
