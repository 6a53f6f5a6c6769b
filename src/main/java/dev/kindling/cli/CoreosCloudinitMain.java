package dev.kindling.cli;

import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Request;
import dev.kindling.agent.SourceSelection;
import dev.kindling.agent.SystemdMode;
import dev.kindling.cli.compat.ValidateLines;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.registry.Datasources;
import dev.kindling.plan.PlanOptions;
import dev.kindling.value.GoQuote;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code coreos-cloudinit} compatibility launcher: the original's single-dash flags, messages
 * and exit codes, on the same agent as {@code kindling run} (and {@code validate}). Its {@code
 * -from-...} flags and {@code -oem} presets come from the datasource registry. Fixes two upstream
 * quirks: explicit flags win over {@code -oem} presets, and the list of OEMs in the error message
 * is sorted.
 */
public final class CoreosCloudinitMain {
  static final String PROGRAM = "coreos-cloudinit";

  /** Set (to anything but "" or "0"), it makes {@code -validate} print every Kindling finding. */
  static final String VALIDATE_ALL_ENV = "KINDLING_VALIDATE_ALL";

  private CoreosCloudinitMain() {}

  /** Runs the launcher and exits with its status. */
  public static void main(String[] args) {
    LoggingOptions.presetProvider();
    StdStreams std = new StdStreams();
    std.exit(run(args, std.out, std.err));
  }

  static GoFlags flags() {
    GoFlags flags =
        new GoFlags(PROGRAM)
            .bool("version", "Print the version and exit")
            .bool(
                "ignore-failure",
                "Exits with 0 status in the event of malformed input from user-data")
            .bool(
                "from-metadata-service",
                "[DEPRECATED - Use -from-ec2-metadata] Download data from metadata service")
            .string("oem", "", "Use the settings specific to the provided OEM")
            .string(
                "convert-netconf",
                "",
                "Read the network config provided in cloud-drive and translate it from the"
                    + " specified format into networkd unit files")
            .string(
                "workspace",
                PlanOptions.DEFAULT_WORKSPACE,
                "Base directory coreos-cloudinit should use to store data")
            .string(
                "ssh-key-name",
                PlanOptions.DEFAULT_SSH_KEY_NAME,
                "Add SSH keys to the system with the given name")
            .bool(
                "validate",
                "[EXPERIMENTAL] Validate the user-data but do not apply it to the system")
            .bool(
                "validate-all",
                "(kindling) Like -validate, but print every finding Kindling has, not only the"
                    + " original's (also: "
                    + VALIDATE_ALL_ENV
                    + "=1)")
            .string("root", "/", "(kindling) Apply under this directory instead of /")
            .string("systemd", "dbus", "(kindling) dbus, or none to only record systemd calls")
            .string("report", "", "(kindling) Write the JSON run report to this file")
            .string(
                "timeout",
                "300",
                "(kindling) Seconds to wait for a datasource (the original's 5 minutes)");
    for (DatasourceType type : Datasources.ALL) {
      if (type.launcherUsage().isPresent()) {
        String usage = type.launcherUsage().get();
        if (type.argument() == ArgumentKind.NONE) {
          flags.bool(type.option(), usage);
        } else {
          flags.string(type.option(), "", usage);
        }
      }
    }
    return flags;
  }

  /** Runs the launcher with the given streams and returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /** Runs the launcher with the given streams and environment and returns its exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    GoFlags flags = flags();
    GoFlags.Result parsed = flags.parse(args);
    if (parsed instanceof GoFlags.Help) {
      err.print(flags.usage());
      err.flush();
      return ExitStatus.OK;
    }
    if (parsed instanceof GoFlags.Failed failed) {
      err.println(failed.message());
      err.print(flags.usage());
      err.flush();
      return ExitStatus.USAGE;
    }
    String oem = flags.get("oem");
    if (!oem.isEmpty() && Datasources.oem(oem).isEmpty()) {
      out.println(
          "Invalid option to -oem: "
              + GoQuote.quote(oem)
              + ". Supported options: ["
              + Datasources.OEM_PRESETS.stream()
                  .map(p -> GoQuote.quote(p.name()))
                  .collect(Collectors.joining(" "))
              + "]");
      return ExitStatus.USAGE;
    }
    if (flags.isTrue("version")) {
      out.println(PROGRAM + " " + new VersionProvider().getVersion()[0].replace(' ', '-'));
      return ExitStatus.OK;
    }
    String netconf = flags.get("convert-netconf");
    if (!List.of("", "debian", "packet", "vmware").contains(netconf)) {
      out.println(
          "Invalid option to -convert-netconf: '"
              + netconf
              + "'. Supported options: 'debian, packet, vmware'");
      return ExitStatus.USAGE;
    }
    SourceSelection sources = sources(flags);
    if (sources.isEmpty()) {
      out.println(
          "Provide at least one of --from-file, --from-configdrive, --from-ec2-metadata,"
              + " --from-gce-metadata, --from-cloudsigma-metadata, --from-packet-metadata,"
              + " --from-digitalocean-metadata, --from-vmware-guestinfo, --from-waagent,"
              + " --from-url or --from-proc-cmdline");
      return ExitStatus.USAGE;
    }
    Optional<Duration> timeout = timeout(flags.get("timeout"));
    if (timeout.isEmpty()) {
      err.println("invalid value " + GoQuote.quote(flags.get("timeout")) + " for -timeout");
      return ExitStatus.USAGE;
    }
    String all = env.getOrDefault(VALIDATE_ALL_ENV, "");
    if (flags.isTrue("validate-all")
        || (flags.isTrue("validate") && !all.isEmpty() && !all.equals("0"))) {
      return validate(sources, timeout.get(), ValidateLines.Scope.ALL, err);
    }
    if (flags.isTrue("validate")) {
      return validate(sources, timeout.get(), ValidateLines.Scope.ORIGINAL, err);
    }
    SystemdMode mode;
    switch (flags.get("systemd")) {
      case "dbus" -> mode = SystemdMode.DBUS;
      case "none" -> mode = SystemdMode.NONE;
      default -> {
        err.println("invalid value " + GoQuote.quote(flags.get("systemd")) + " for -systemd");
        return ExitStatus.USAGE;
      }
    }
    String report = flags.get("report");
    Request request =
        Request.run(
                sources,
                timeout.get(),
                Path.of(flags.get("root")),
                mode,
                report.isEmpty() ? Optional.empty() : Optional.of(Path.of(report)),
                new PlanOptions(flags.get("ssh-key-name"), flags.get("workspace"), netconf, ""),
                flags.isTrue("ignore-failure"))
            .from(Launcher.COREOS_CLOUDINIT);
    Outcome outcome = new Agent(AgentEnvironment.system()).execute(request);
    if (outcome instanceof Outcome.NoDatasource n) {
      // The original's words, then which sources were tried and why they were not available.
      err.println(
          PROGRAM
              + ": No datasources available in time"
              + n.message().replaceFirst("^no datasource available in time", ""));
      err.flush();
    } else {
      OutcomeErrors.print(PROGRAM, outcome, err);
    }
    return ExitStatus.of(outcome, Launcher.COREOS_CLOUDINIT);
  }

  /**
   * The sources the flags name (each {@code -from-...} flag of the registry, the deprecated {@code
   * -from-metadata-service}, and {@code -oem}); empty when none is given.
   */
  static SourceSelection sources(GoFlags flags) {
    SourceSelection s = SourceSelection.none();
    if (flags.isTrue("from-metadata-service")) {
      DatasourceType ec2 = Datasources.byName("ec2-metadata").orElseThrow();
      s = s.with(ec2, ec2.defaultValue());
    }
    for (DatasourceType type : Datasources.ALL) {
      if (type.launcherUsage().isEmpty()) {
        continue;
      }
      if (type.argument() == ArgumentKind.NONE) {
        if (flags.isTrue(type.option())) {
          s = s.with(type, "");
        }
      } else if (!flags.get(type.option()).isEmpty()) {
        s = s.with(type, flags.get(type.option()));
      }
    }
    if (!flags.get("oem").isEmpty()) {
      s = s.withOem(flags.get("oem"));
    }
    return s;
  }

  /** A positive number of seconds, or empty. */
  private static Optional<Duration> timeout(String seconds) {
    try {
      long value = Long.parseLong(seconds);
      return value > 0 ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code -validate}: fetch the user data, print the findings in {@code scope} as the original's
   * log lines ({@code line N: kind: message}) and exit 1 when there is any, as the original did.
   */
  private static int validate(
      SourceSelection sources, Duration timeout, ValidateLines.Scope scope, PrintWriter err) {
    Outcome outcome =
        new Agent(AgentEnvironment.system()).execute(Request.validate(sources, timeout));
    if (outcome instanceof Outcome.Validated validated) {
      List<String> lines =
          ValidateLines.of(
              validated.report(), validated.acquired().userData().orElse(new byte[0]), scope);
      for (String line : lines) {
        err.println(logPrefix() + line);
      }
      err.flush();
      return ExitStatus.ofValidation(!lines.isEmpty());
    } else if (outcome instanceof Outcome.NoDatasource) {
      err.println(logPrefix() + "No datasources available in time");
    } else if (outcome instanceof Outcome.DatasourceFailed failed) {
      err.println(logPrefix() + "Failed fetching user-data from datasource: " + failed.message());
    } else {
      OutcomeErrors.print(PROGRAM, outcome, err);
    }
    err.flush();
    return ExitStatus.of(outcome, Launcher.COREOS_CLOUDINIT);
  }

  /** Go's {@code log.LstdFlags} prefix: {@code 2006/01/02 15:04:05 }. */
  private static String logPrefix() {
    return LocalDateTime.now(ZoneId.systemDefault())
        .format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss "));
  }
}
