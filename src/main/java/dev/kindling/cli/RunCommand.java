package dev.kindling.cli;

import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Request;
import dev.kindling.agent.SystemdMode;
import dev.kindling.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kindling run}: fetch user data and metadata and apply them to the system. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = SourceOptions.class,
    description = {
      "Fetch user data and metadata from a datasource and apply them to this machine.",
      "Hostname, users, SSH keys, files and units. A failed step is reported and the other steps"
          + " still run."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LoggingOptions logging = new LoggingOptions();

  @Mixin ApplyOptions options = new ApplyOptions(120);

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Apply under DIR instead of / (default: ${DEFAULT-VALUE}).")
  Path root = Path.of("/");

  @Option(
      names = "--systemd",
      paramLabel = "dbus|none",
      description = "Talk to systemd over D-Bus, or only record the calls (default: dbus).")
  String systemd = "dbus";

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the JSON run report to FILE (default: /run/kindling/report.json under"
              + " the root).")
  Path report;

  @Option(
      names = "--ignore-failure",
      description = "Exit 0 when the user data cannot be used (failed steps still exit 1).")
  boolean ignoreFailure;

  /**
   * The machine the agent works on, made when the command runs (after the log level is set); tests
   * replace it.
   */
  Supplier<AgentEnvironment> environment = () -> AgentEnvironment.system();

  @Override
  public Integer call() {
    logging.apply();
    SystemdMode mode = systemdMode(spec, systemd);
    PlanOptions planOptions = options.planOptions(spec);
    if (options.timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be a positive number");
    }
    Outcome outcome =
        new Agent(environment.get())
            .execute(
                Request.run(
                    SourceOptions.selection(spec),
                    Duration.ofSeconds(options.timeoutSeconds),
                    root,
                    mode,
                    Optional.ofNullable(report),
                    planOptions,
                    ignoreFailure));
    OutcomeErrors.print("kindling run", outcome, spec.commandLine().getErr());
    return ExitStatus.of(outcome, Launcher.KINDLING);
  }

  static SystemdMode systemdMode(CommandSpec spec, String value) {
    return switch (value) {
      case "dbus" -> SystemdMode.DBUS;
      case "none" -> SystemdMode.NONE;
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "Invalid value for option '--systemd': '" + value + "' (expected dbus or none)");
    };
  }
}
