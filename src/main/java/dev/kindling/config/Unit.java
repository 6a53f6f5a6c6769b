package dev.kindling.config;

import java.util.List;
import java.util.Objects;

/** A {@code coreos.units} entry. */
public record Unit(
    String name,
    boolean mask,
    boolean enable,
    boolean runtime,
    String content,
    String command,
    List<DropIn> dropIns) {
  public Unit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(command, "command");
    dropIns = List.copyOf(dropIns);
  }

  @Override
  public String toString() {
    return "Unit["
        + name
        + (mask ? " mask" : "")
        + (enable ? " enable" : "")
        + (runtime ? " runtime" : "")
        + (command.isEmpty() ? "" : " " + command)
        + ", "
        + content.length()
        + " chars, "
        + dropIns.size()
        + " drop-ins]";
  }
}
