package dev.kindling.plan.netconf;

/** A network config that cannot be converted; the message says why, without the config text. */
public final class NetconfException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A conversion failure with its reason. */
  public NetconfException(String message) {
    super(message);
  }
}
