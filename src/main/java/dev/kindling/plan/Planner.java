package dev.kindling.plan;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.CloudConfig;
import dev.kindling.config.ShellCommand;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the effects of user data and metadata: a pure function, no I/O, no clock.
 *
 * <p>Order: the hostname and the {@code core} user's SSH keys first, so a machine whose config
 * fails later is still reachable ({@link Reachability}); then the {@code bootcmd} commands of every
 * part; then every part in order, a cloud-config part with the original's order ({@link
 * ConfigActions}) and a script part as a {@link RunScript}. The metadata-derived actions ({@code
 * /etc/environment}, the metadata env file, the network conversion) are planned once, with the
 * first cloud-config part; when there is none (empty or script user data), an empty config is
 * planned before the parts, as the original applied a metadata-only config before running a script.
 * {@code /etc/environment} is not merged when any part's {@code write_files} writes it. The config
 * parts come checked by the analysis: what it rejected is not planned but reported as {@link
 * RejectedItem}s, so a config {@code validate} accepts plans without one. The {@code runcmd}
 * commands of every part come last, after the units were started and the scripts ran.
 */
public final class Planner {
  private Planner() {}

  /** The plan for {@code input}. */
  public static Plan plan(PlanInput input) {
    List<CheckedConfig> configs = new ArrayList<>();
    boolean environmentWritten = false;
    for (PlanInput.Part part : input.parts()) {
      if (part instanceof PlanInput.ConfigPart c) {
        configs.add(c.config());
        environmentWritten |= writesEnvironment(c.config());
      }
    }
    List<Action> actions = new ArrayList<>();
    Optional<String> hostname = Reachability.hostname(configs, input.metadata());
    hostname.ifPresent(h -> actions.add(new SetHostname(h)));
    List<String> coreKeys = Reachability.coreKeys(configs, input.metadata());
    if (!coreKeys.isEmpty()) {
      actions.add(new AuthorizeSshKeys(Reachability.CORE, input.options().sshKeyName(), coreKeys));
    }
    int bootcmds = 0;
    for (CheckedConfig config : configs) {
      List<ShellCommand> commands = config.config().bootcmd();
      actions.addAll(CommandActions.plan(CommandActions.BOOTCMD, commands, bootcmds));
      bootcmds += commands.size();
    }
    boolean metadataPlanned = false;
    if (configs.isEmpty()) {
      ConfigActions.Context context =
          new ConfigActions.Context(input.options(), input.metadata(), hostname, false, true, "");
      actions.addAll(ConfigActions.plan(CheckedConfig.accepted(CloudConfig.empty()), context));
      metadataPlanned = true;
    }
    boolean several = input.parts().size() > 1;
    for (PlanInput.Part part : input.parts()) {
      String prefix = several ? part.label() + ": " : "";
      if (part instanceof PlanInput.ConfigPart c) {
        ConfigActions.Context context =
            new ConfigActions.Context(
                input.options(),
                input.metadata(),
                hostname,
                environmentWritten,
                !metadataPlanned,
                prefix);
        actions.addAll(ConfigActions.plan(c.config(), context));
        metadataPlanned = true;
      } else if (part instanceof PlanInput.ScriptPart s) {
        actions.add(
            ScriptActions.plan(s.script(), input.options().workspace(), s.oncePerInstance()));
      } else if (part instanceof PlanInput.RejectedPart r) {
        actions.add(new RejectedItem(r.label(), r.reason()));
      }
    }
    int runcmds = 0;
    for (CheckedConfig config : configs) {
      List<ShellCommand> commands = config.config().runcmd();
      actions.addAll(CommandActions.plan(CommandActions.RUNCMD, commands, runcmds));
      runcmds += commands.size();
    }
    return new Plan(actions);
  }

  /** Whether an accepted {@code write_files} entry writes {@code /etc/environment}. */
  private static boolean writesEnvironment(CheckedConfig checked) {
    List<dev.kindling.config.WriteFile> files = checked.config().writeFiles();
    for (int i = 0; i < files.size(); i++) {
      Optional<String> target = WriteFileActions.target(files.get(i));
      if (target.isPresent()
          && target.get().equals(ConfigActions.ENVIRONMENT)
          && checked.accepts(ConfigPath.of("write_files", i))) {
        return true;
      }
    }
    return false;
  }
}
