package dev.kindling.cli;

import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Request;
import dev.kindling.agent.SystemdMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kindling run}: fetch user data and metadata and apply them to the system. The boot path:
 * its options are one table ({@link #options}), from which its picocli model is built (for help,
 * completion, man pages and errors) and with which {@link Main} parses the usual command lines
 * directly, without starting picocli ({@link OptionTable}).
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
            "Fetch user data and metadata from a datasource and apply them to this machine.",
            "Hostname, users, SSH keys, files and units. A failed step is reported and the other"
                + " steps still run.");
    spec.versionProvider(VersionProvider.instance());
    CommandModels.addTo(spec, options());
  }

  /**
   * Every option of {@code run}: the standard help options, the logging options, the plan options,
   * the datasource options and its own.
   */
  static List<CliOption> options() {
    List<CliOption> options = new ArrayList<>(CommandModels.STANDARD_HELP);
    options.addAll(LoggingOptions.OPTIONS);
    options.addAll(ApplyOptions.options(ApplyOptions.DEFAULT_TIMEOUT_SECONDS));
    options.addAll(SourceOptions.options());
    options.add(
        CliOption.path(
            ROOT,
            "DIR",
            Path.of("/"),
            "Apply under DIR instead of / (default: ${DEFAULT-VALUE})."));
    options.add(
        CliOption.string(
            SYSTEMD,
            "dbus|none",
            "dbus",
            "Talk to systemd over D-Bus, or only record the calls (default: dbus)."));
    options.add(
        CliOption.path(
            REPORT,
            "FILE",
            null,
            "Write the JSON run report to FILE (default: /run/kindling/report.json under the"
                + " root)."));
    options.add(
        CliOption.flag(
            "Exit 0 when the user data cannot be used (failed steps still exit 1).",
            IGNORE_FAILURE));
    return options;
  }

  /** The command's picocli model; {@code new CommandLine(spec())} parses and runs it. */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    OptionValues options = CommandModels.values(spec);
    LoggingOptions.apply(options);
    Optional<String> problem = problem(options);
    if (problem.isPresent()) {
      throw UsageErrors.parameterError(spec, problem.get());
    }
    return execute(options, environment.get(), spec.commandLine().getErr());
  }

  /**
   * Why parsed options cannot run, in the order {@code run} checks them: a {@code --systemd} other
   * than dbus or none, an unknown {@code --convert-netconf}, a {@code --timeout} below 1.
   */
  static Optional<String> problem(OptionValues options) {
    String systemd = options.get(SYSTEMD);
    if (systemdMode(systemd).isEmpty()) {
      return Optional.of(
          "Invalid value for option '--systemd': '" + systemd + "' (expected dbus or none)");
    }
    Optional<String> plan = ApplyOptions.problem(options);
    if (plan.isPresent()) {
      return plan;
    }
    if (ApplyOptions.timeoutSeconds(options) <= 0) {
      return Optional.of("--timeout must be a positive number");
    }
    return Optional.empty();
  }

  /**
   * Runs the agent with parsed options without a {@link #problem} (the log level already set) and
   * returns the exit status.
   */
  static int execute(OptionValues options, AgentEnvironment environment, PrintWriter err) {
    Path report = options.get(REPORT);
    Outcome outcome =
        new Agent(environment)
            .execute(
                Request.run(
                    SourceOptions.selection(options),
                    Duration.ofSeconds(ApplyOptions.timeoutSeconds(options)),
                    options.get(ROOT),
                    systemdMode(options.get(SYSTEMD)).orElseThrow(),
                    Optional.ofNullable(report),
                    ApplyOptions.planOptions(options),
                    options.<Boolean>get(IGNORE_FAILURE)));
    OutcomeErrors.print("kindling run", outcome, err);
    return ExitStatus.of(outcome, Launcher.KINDLING);
  }

  private static Optional<SystemdMode> systemdMode(String value) {
    return switch (value) {
      case "dbus" -> Optional.of(SystemdMode.DBUS);
      case "none" -> Optional.of(SystemdMode.NONE);
      default -> Optional.empty();
    };
  }
}
