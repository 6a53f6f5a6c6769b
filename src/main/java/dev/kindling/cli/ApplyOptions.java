package dev.kindling.cli;

import dev.kindling.plan.PlanOptions;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code render} and {@code run} share: how the plan is made ({@code --ssh-key-name},
 * {@code --workspace}, {@code --convert-netconf}) and the datasource deadline ({@code --timeout},
 * whose default each command chooses). One {@link CliOption} table, from which the commands' models
 * are built ({@link #addTo}, see {@link CommandModels}) and {@code run}'s direct parse reads.
 */
final class ApplyOptions {
  private static final String TIMEOUT = "--timeout";
  private static final String CONVERT_NETCONF = "--convert-netconf";

  private ApplyOptions() {}

  /**
   * The one default of {@code --timeout} for every command ({@code render}, {@code run}, {@code
   * fetch}): long enough for a metadata service that comes up late in a boot.
   */
  static final long DEFAULT_TIMEOUT_SECONDS = 120;

  /** The options, with {@code --timeout} defaulting to the given seconds. */
  static List<CliOption> options(long defaultTimeoutSeconds) {
    return List.of(
        CliOption.string(
            "--ssh-key-name",
            "NAME",
            PlanOptions.DEFAULT_SSH_KEY_NAME,
            "Name of the authorized_keys.d fragment (default: ${DEFAULT-VALUE})."),
        CliOption.string(
            "--workspace",
            "DIR",
            PlanOptions.DEFAULT_WORKSPACE,
            "Where scripts are stored (default: ${DEFAULT-VALUE})."),
        CliOption.string(
            CONVERT_NETCONF,
            "debian|openstack|packet|vmware",
            "",
            "Convert the datasource's network config to networkd units."),
        CliOption.number(
            TIMEOUT,
            "SECONDS",
            defaultTimeoutSeconds,
            "Deadline for finding a datasource and fetching (default: ${DEFAULT-VALUE})."));
  }

  /** Adds the options to {@code spec}, with {@code --timeout} defaulting to the given seconds. */
  static void addTo(CommandSpec spec, long defaultTimeoutSeconds) {
    CommandModels.addTo(spec, options(defaultTimeoutSeconds));
  }

  /** The {@code --timeout} of the parsed command line, in seconds. */
  static long timeoutSeconds(CommandSpec spec) {
    return timeoutSeconds(CommandModels.values(spec));
  }

  /** The {@code --timeout} of the parsed options, in seconds. */
  static long timeoutSeconds(OptionValues options) {
    return options.<Long>get(TIMEOUT);
  }

  /**
   * The plan options the parsed command line asks for.
   *
   * @throws ParameterException for a {@code --convert-netconf} other than debian, openstack, packet
   *     or vmware
   */
  static PlanOptions planOptions(CommandSpec spec) {
    OptionValues options = CommandModels.values(spec);
    Optional<String> problem = problem(options);
    if (problem.isPresent()) {
      throw UsageErrors.parameterError(spec, problem.get());
    }
    return planOptions(options);
  }

  /** Why the parsed options make no plan options: a {@code --convert-netconf} not known. */
  static Optional<String> problem(OptionValues options) {
    String convertNetconf = options.get(CONVERT_NETCONF);
    if (!convertNetconf.isEmpty() && !PlanOptions.NETCONF_FORMATS.contains(convertNetconf)) {
      return Optional.of(
          "Invalid value for option '--convert-netconf': '"
              + convertNetconf
              + "' (expected "
              + String.join(", ", PlanOptions.NETCONF_FORMATS)
              + ")");
    }
    return Optional.empty();
  }

  /** The plan options of parsed options without a {@link #problem}. */
  static PlanOptions planOptions(OptionValues options) {
    return new PlanOptions(
        options.get("--ssh-key-name"),
        options.get("--workspace"),
        options.get(CONVERT_NETCONF),
        "");
  }
}
