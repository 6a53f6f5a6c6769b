package dev.kindling.plan;

import java.util.Objects;

/**
 * Run a systemd job on a unit with mode {@code replace} and wait for its result: {@code start},
 * {@code stop}, {@code restart}, {@code reload}, {@code try-restart}, {@code reload-or-restart} or
 * {@code reload-or-try-restart}.
 */
public record UnitCommand(String command, String unit) implements Action {
  public UnitCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(unit, "unit");
  }

  @Override
  public String type() {
    return "unit-command";
  }

  @Override
  public String describe() {
    return command + " " + unit;
  }
}
