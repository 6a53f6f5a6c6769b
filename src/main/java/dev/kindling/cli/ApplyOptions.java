package dev.kindling.cli;

import dev.kindling.plan.PlanOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code render} and {@code run} share: how the plan is made ({@code --ssh-key-name},
 * {@code --workspace}, {@code --convert-netconf}) and the datasource deadline ({@code --timeout},
 * whose default each command chooses). Added to a command's model with {@link #addTo} (built
 * without annotations, see {@link CommandModels}).
 */
final class ApplyOptions {
  private static final String TIMEOUT = "--timeout";

  private ApplyOptions() {}

  /** Adds the options to {@code spec}, with {@code --timeout} defaulting to the given seconds. */
  static void addTo(CommandSpec spec, long defaultTimeoutSeconds) {
    spec.addOption(
        OptionSpec.builder("--ssh-key-name")
            .paramLabel("NAME")
            .type(String.class)
            .initialValue(PlanOptions.DEFAULT_SSH_KEY_NAME)
            .description("Name of the authorized_keys.d fragment (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        OptionSpec.builder("--workspace")
            .paramLabel("DIR")
            .type(String.class)
            .initialValue(PlanOptions.DEFAULT_WORKSPACE)
            .description("Where scripts are stored (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        OptionSpec.builder("--convert-netconf")
            .paramLabel("debian|openstack|packet|vmware")
            .type(String.class)
            .initialValue("")
            .description("Convert the datasource's network config to networkd units.")
            .build());
    spec.addOption(
        OptionSpec.builder(TIMEOUT)
            .paramLabel("SECONDS")
            .type(long.class)
            .initialValue(defaultTimeoutSeconds)
            .description(
                "Deadline for finding a datasource and fetching (default: ${DEFAULT-VALUE}).")
            .build());
  }

  /** The {@code --timeout} of the parsed command line, in seconds. */
  static long timeoutSeconds(CommandSpec spec) {
    return spec.findOption(TIMEOUT).<Long>getValue();
  }

  /**
   * The plan options the parsed command line asks for.
   *
   * @throws ParameterException for a {@code --convert-netconf} other than debian, openstack, packet
   *     or vmware
   */
  static PlanOptions planOptions(CommandSpec spec) {
    String convertNetconf = spec.findOption("--convert-netconf").getValue();
    if (!convertNetconf.isEmpty() && !PlanOptions.NETCONF_FORMATS.contains(convertNetconf)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--convert-netconf': '"
              + convertNetconf
              + "' (expected "
              + String.join(", ", PlanOptions.NETCONF_FORMATS)
              + ")");
    }
    return new PlanOptions(
        spec.findOption("--ssh-key-name").getValue(),
        spec.findOption("--workspace").getValue(),
        convertNetconf,
        "");
  }
}
