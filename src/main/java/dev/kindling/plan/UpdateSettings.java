package dev.kindling.plan;

import dev.kindling.config.DropIn;
import dev.kindling.config.EnvSection;
import dev.kindling.config.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code coreos.update} asks for (upstream config/update.go and system/update.go): the {@code
 * update.conf} variables and the unit actions that make them take effect.
 */
public final class UpdateSettings {
  /** The file the variables are merged into. */
  public static final String PATH = "/etc/coreos/update.conf";

  /** The file the merge starts from when {@link #PATH} does not exist yet. */
  public static final String BASE_PATH = "/usr/share/coreos/update.conf";

  private UpdateSettings() {}

  /** The variables to merge ({@code REBOOT_STRATEGY}, {@code GROUP}, {@code SERVER}); set only. */
  public static Map<String, String> variables(EnvSection update) {
    return EnvDropIns.variables(update);
  }

  /**
   * The units that apply the settings: {@code locksmithd.service} restarted (or, for {@code off},
   * masked at runtime and stopped) when a strategy is set, and {@code update-engine.service}
   * restarted when the group or server is set.
   */
  public static List<Unit> units(EnvSection update) {
    List<Unit> units = new ArrayList<>();
    String strategy = update.string("reboot_strategy");
    if (!strategy.isEmpty()) {
      boolean off = strategy.equals("off");
      units.add(
          new Unit(
              "locksmithd.service",
              off,
              false,
              true,
              "",
              off ? "stop" : "restart",
              List.<DropIn>of()));
    }
    if (!update.string("group").isEmpty() || !update.string("server").isEmpty()) {
      units.add(new Unit("update-engine.service", false, false, false, "", "restart", List.of()));
    }
    return units;
  }
}
