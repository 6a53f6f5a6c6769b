package dev.kindling.plan.netconf;

import java.util.Objects;

/** A generated networkd file: its name ({@code 00-eth0.network}) and content. */
public record NetworkFile(String name, String content) {
  public NetworkFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
