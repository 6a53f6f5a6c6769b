package dev.kindling.plan;

import dev.kindling.config.DropIn;
import dev.kindling.config.SystemdFileNames;
import dev.kindling.config.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The original's {@code processUnits} as actions. Per unit with a name, in order: {@link PlaceUnit}
 * when it has content, {@link PlaceDropIn} for each drop-in with a name and content, {@link
 * MaskUnit} when masked or else {@link UnmaskUnit} of the runtime path when it is a runtime unit,
 * {@link EnableUnit} unless it is a networkd file. Then {@link DaemonReload} if anything was
 * placed, one restart of systemd-networkd if a networkd file was listed (after the files are
 * written: docs/compatibility.md#systemd-networkd-restarts-after-the-network-files-are-written),
 * and the units' commands in order (a networkd file's command is ignored). A name that would leave
 * the unit directory and an unknown command become {@link RejectedItem}s in their place; units and
 * drop-ins without a name are skipped, as upstream.
 */
final class UnitActions {
  /** The commands a unit may ask for (system/systemd.go). */
  static final Set<String> COMMANDS =
      Set.of(
          "start",
          "stop",
          "restart",
          "reload",
          "try-restart",
          "reload-or-restart",
          "reload-or-try-restart");

  /** The networkd service restarted when networkd files change. */
  static final String NETWORKD = "systemd-networkd.service";

  /** A unit to process, with how reports name it ({@code coreos.units[2] b.service}). */
  record Entry(Unit unit, String subject) {
    Entry {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(subject, "subject");
    }
  }

  private UnitActions() {}

  static List<Action> plan(List<Entry> entries) {
    List<Action> actions = new ArrayList<>();
    List<Action> commands = new ArrayList<>();
    boolean reload = false;
    boolean restartNetworkd = false;
    for (Entry entry : entries) {
      Unit unit = entry.unit();
      if (unit.name().isEmpty()) {
        continue;
      }
      Optional<String> problem = SystemdFileNames.problem(unit.name());
      if (problem.isPresent()) {
        actions.add(new RejectedItem(entry.subject(), problem.get()));
        continue;
      }
      UnitName name = new UnitName(unit.name());
      if (!unit.content().isEmpty()) {
        actions.add(
            new PlaceUnit(
                name.name(), SystemdPaths.unitPath(name, unit.runtime()), unit.content()));
        reload = true;
      }
      for (DropIn dropIn : unit.dropIns()) {
        if (dropIn.name().isEmpty() || dropIn.content().isEmpty()) {
          continue;
        }
        Optional<String> dropInProblem = SystemdFileNames.problem(dropIn.name());
        if (dropInProblem.isPresent()) {
          actions.add(
              new RejectedItem(entry.subject() + " drop-in " + dropIn.name(), dropInProblem.get()));
          continue;
        }
        actions.add(
            new PlaceDropIn(
                name.name(),
                dropIn.name(),
                SystemdPaths.dropInPath(name, unit.runtime(), dropIn.name()),
                dropIn.content()));
        reload = true;
      }
      if (unit.mask()) {
        actions.add(new MaskUnit(name.name(), SystemdPaths.unitPath(name, unit.runtime())));
      } else if (unit.runtime()) {
        actions.add(new UnmaskUnit(name.name(), SystemdPaths.runtimeUnitPath(name)));
      }
      if (unit.enable() && !name.isNetwork()) {
        actions.add(new EnableUnit(name.name(), unit.runtime()));
      }
      if (name.isNetwork()) {
        restartNetworkd = true;
      } else if (!unit.command().isEmpty()) {
        commands.add(command(unit, entry.subject()));
      }
    }
    if (reload) {
      actions.add(new DaemonReload());
    }
    if (restartNetworkd) {
      actions.add(new UnitCommand("restart", NETWORKD));
    }
    actions.addAll(commands);
    return actions;
  }

  private static Action command(Unit unit, String subject) {
    if (COMMANDS.contains(unit.command())) {
      return new UnitCommand(unit.command(), unit.name());
    }
    return new RejectedItem(
        subject,
        "invalid command \""
            + unit.command()
            + "\" (valid: start, stop, restart, reload, try-restart, reload-or-restart,"
            + " reload-or-try-restart)");
  }
}
