package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Unit;
import dev.kindling.config.UnitType;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code coreos.units[]} settings that do not do what they say: content of a masked unit is
 * replaced by the mask link; masked units cannot be enabled; network units ({@code .network},
 * {@code .netdev}, {@code .link}) are never enabled and their {@code command} is replaced by a
 * restart of systemd-networkd; a unit with nothing to do.
 */
final class UnitSettingsRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<Unit> units = context.config().coreos().units();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      if (!unit.name().isEmpty()) {
        check(unit, ConfigPath.of("coreos", "units", i), out);
      }
    }
  }

  private static void check(Unit unit, ConfigPath entry, Consumer<Finding> out) {
    if (unit.mask() && !unit.content().isEmpty()) {
      out.accept(
          Finding.warning(
                  Code.UNIT_IGNORED_SETTING,
                  entry.key("content"),
                  "content is not used: mask replaces the unit file with a link to /dev/null")
              .onKey()
              .withHint("remove mask to install the content, or remove the content"));
    }
    if (unit.mask() && unit.enable()) {
      out.accept(
          Finding.warning(
                  Code.UNIT_IGNORED_SETTING,
                  entry.key("enable"),
                  "enable conflicts with mask: systemd refuses to enable a masked unit")
              .onKey()
              .withHint("remove one of mask and enable"));
    }
    Optional<UnitType> type = UnitType.of(unit.name());
    if (type.isPresent() && type.get().isNetwork()) {
      if (unit.enable()) {
        out.accept(
            Finding.info(
                    Code.UNIT_IGNORED_SETTING,
                    entry.key("enable"),
                    "enable is skipped for network units: systemd-networkd reads them without"
                        + " enabling")
                .onKey()
                .withHint("remove enable"));
      }
      if (!unit.command().isEmpty()) {
        out.accept(
            Finding.warning(
                    Code.UNIT_IGNORED_SETTING,
                    entry.key("command"),
                    "command \""
                        + unit.command()
                        + "\" is ignored for network units: systemd-networkd is restarted"
                        + " instead")
                .onKey()
                .withHint("remove command; new network configuration is applied by the restart"));
      }
    }
    boolean anyDropIn =
        unit.dropIns().stream().anyMatch(d -> !d.name().isEmpty() && !d.content().isEmpty());
    if (unit.content().isEmpty()
        && !anyDropIn
        && !unit.mask()
        && !unit.enable()
        && !unit.runtime()
        && unit.command().isEmpty()) {
      out.accept(
          Finding.info(
                  Code.UNIT_IGNORED_SETTING,
                  entry.key("name"),
                  "unit \""
                      + unit.name()
                      + "\" has nothing to do: no content, drop-ins, enable, mask or command")
              .withHint("add what should happen to the unit, or remove the entry"));
    }
  }
}
