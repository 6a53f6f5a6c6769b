package dev.kindling.plan;

import dev.kindling.config.DropIn;
import dev.kindling.config.SystemdFileNames;
import dev.kindling.config.Unit;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The original's {@code processUnits} as actions. Per unit with a name, in order: {@link PlaceUnit}
 * when it has content, {@link PlaceDropIn} for each drop-in with a name and content, {@link
 * MaskUnit} when masked or else {@link UnmaskUnit} of the runtime path when it is a runtime unit,
 * {@link EnableUnit} unless it is a networkd file. Then {@link DaemonReload} if anything was
 * placed, one restart of systemd-networkd if a networkd file was listed (after the files are
 * written: docs/compatibility.md#systemd-networkd-restarts-after-the-network-files-are-written),
 * and the units' commands in order (a networkd file's command is ignored). A unit, drop-in or
 * command of the config that the analysis rejected becomes a {@link RejectedItem} in its place;
 * units and drop-ins without a name are skipped, as upstream. Units the plan generates from
 * metadata (network files) are not part of the user data the analysis checked, so their names are
 * checked here.
 */
final class UnitActions {
  /** The networkd service restarted when networkd files change. */
  static final String NETWORKD = "systemd-networkd.service";

  /**
   * A unit to process.
   *
   * @param unit the unit
   * @param subject how reports name it ({@code coreos.units[2] b.service})
   * @param path its model path when it comes from the config, else empty (generated)
   */
  record Entry(Unit unit, String subject, Optional<ConfigPath> path) {
    Entry {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(path, "path");
    }

    /** A unit the plan generates (service sections, update settings, network files). */
    static Entry generated(Unit unit, String subject) {
      return new Entry(unit, subject, Optional.empty());
    }
  }

  private UnitActions() {}

  static List<Action> plan(List<Entry> entries, Rejections rejections) {
    List<Action> actions = new ArrayList<>();
    List<Action> commands = new ArrayList<>();
    boolean reload = false;
    boolean restartNetworkd = false;
    for (Entry entry : entries) {
      Unit unit = entry.unit();
      Optional<ConfigPath> path = entry.path();
      Optional<Action> rejected;
      if (path.isEmpty()) {
        rejected =
            SystemdFileNames.problem(unit.name())
                .filter(p -> !unit.name().isEmpty())
                .map(p -> new RejectedItem(entry.subject(), p));
      } else if (unit.name().isEmpty()) {
        rejected = rejections.reject(entry.subject(), path.get());
      } else {
        rejected =
            rejections.rejectUnlessOnlyIn(
                entry.subject(), path.get(), path.get().key("command"), path.get().key("drop_ins"));
      }
      if (rejected.isPresent() || unit.name().isEmpty()) {
        rejected.ifPresent(actions::add);
        continue;
      }
      UnitName name = new UnitName(unit.name());
      if (!unit.content().isEmpty()) {
        actions.add(
            new PlaceUnit(
                name.name(), SystemdPaths.unitPath(name, unit.runtime()), unit.content()));
        reload = true;
      }
      for (int j = 0; j < unit.dropIns().size(); j++) {
        DropIn dropIn = unit.dropIns().get(j);
        int index = j;
        Optional<Action> dropInRejected =
            path.flatMap(
                p ->
                    rejections.reject(
                        entry.subject() + " drop-in " + dropIn.name(),
                        p.key("drop_ins").index(index)));
        if (dropInRejected.isPresent()) {
          actions.add(dropInRejected.get());
          continue;
        }
        if (dropIn.name().isEmpty() || dropIn.content().isEmpty()) {
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
      Optional<Action> commandRejected =
          path.flatMap(p -> rejections.reject(entry.subject(), p.key("command")));
      commandRejected.ifPresent(commands::add);
      if (name.isNetwork()) {
        restartNetworkd = true;
      } else if (commandRejected.isEmpty() && !unit.command().isEmpty()) {
        commands.add(new UnitCommand(unit.command(), unit.name()));
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
}
