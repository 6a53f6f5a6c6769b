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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code kindling run}: fetch user data and metadata and apply them to the system. The boot path:
 * its picocli model is built option by option, without annotations ({@link CommandModels}).
 */
public final class RunCommand implements Callable<Integer> {
  private static final String ROOT = "--root";
  private static final String SYSTEMD = "--systemd";
  private static final String REPORT = "--report";
  private static final String IGNORE_FAILURE = "--ignore-failure";

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  /**
   * The machine the agent works on, made when the command runs (after the log level is set); tests
   * replace it.
   */
  Supplier<AgentEnvironment> environment = () -> AgentEnvironment.system();

  RunCommand() {
    spec.name("run");
    spec.usageMessage()
        .description(
            "Fetch user data and metadata from a datasource and apply them: hostname, users,"
                + " SSH keys,",
            "files, units. A failed step is reported and the other steps still run.");
    CommandModels.addStandardHelpOptions(spec);
    LoggingOptions.addTo(spec);
    ApplyOptions.addTo(spec, 120);
    new SourceOptions().transform(spec);
    spec.addOption(
        OptionSpec.builder(ROOT)
            .paramLabel("DIR")
            .type(Path.class)
            .initialValue(Path.of("/"))
            .description("Apply under DIR instead of / (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        OptionSpec.builder(SYSTEMD)
            .paramLabel("dbus|none")
            .type(String.class)
            .initialValue("dbus")
            .description("Talk to systemd over D-Bus, or only record the calls (default: dbus).")
            .build());
    spec.addOption(
        OptionSpec.builder(REPORT)
            .paramLabel("FILE")
            .type(Path.class)
            .description(
                "Write the JSON run report to FILE (default: /run/kindling/report.json under"
                    + " the root).")
            .build());
    spec.addOption(
        OptionSpec.builder(IGNORE_FAILURE)
            .type(boolean.class)
            .arity("0")
            .initialValue(false)
            .description("Exit 0 when the user data cannot be used (failed steps still exit 1).")
            .build());
  }

  /** The command's picocli model; {@code new CommandLine(spec())} parses and runs it. */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    LoggingOptions.apply(spec);
    SystemdMode mode = systemdMode(spec, spec.findOption(SYSTEMD).getValue());
    PlanOptions planOptions = ApplyOptions.planOptions(spec);
    long timeoutSeconds = ApplyOptions.timeoutSeconds(spec);
    if (timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be a positive number");
    }
    Path root = spec.findOption(ROOT).getValue();
    Path report = spec.findOption(REPORT).getValue();
    boolean ignoreFailure = spec.findOption(IGNORE_FAILURE).<Boolean>getValue();
    Outcome outcome =
        new Agent(environment.get())
            .execute(
                Request.run(
                    SourceOptions.selection(spec),
                    Duration.ofSeconds(timeoutSeconds),
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
