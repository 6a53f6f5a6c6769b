package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.Objects;

/** A static route: a destination network and the gateway to reach it through. */
public record Route(IpNetwork destination, IpAddress gateway) {
  public Route {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(gateway, "gateway");
  }
}
