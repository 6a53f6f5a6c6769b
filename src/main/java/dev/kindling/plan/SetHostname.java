package dev.kindling.plan;

import java.util.Objects;

/** Set the static and transient hostname. */
public record SetHostname(String hostname) implements Action {
  public SetHostname {
    Objects.requireNonNull(hostname, "hostname");
  }

  @Override
  public String type() {
    return "set-hostname";
  }

  @Override
  public String describe() {
    return "set hostname to " + hostname;
  }
}
