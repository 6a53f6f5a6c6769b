package dev.kindling.cli;

import dev.kindling.plan.PlanOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code render} and {@code run} share: how the plan is made ({@code --ssh-key-name},
 * {@code --workspace}, {@code --convert-netconf}) and the datasource deadline ({@code --timeout},
 * whose default each command chooses).
 */
public final class ApplyOptions {
  @Option(
      names = "--ssh-key-name",
      paramLabel = "NAME",
      description = "Name of the authorized_keys.d fragment (default: ${DEFAULT-VALUE}).")
  String sshKeyName = PlanOptions.DEFAULT_SSH_KEY_NAME;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "Where scripts are stored (default: ${DEFAULT-VALUE}).")
  String workspace = PlanOptions.DEFAULT_WORKSPACE;

  @Option(
      names = "--convert-netconf",
      paramLabel = "debian|openstack|packet|vmware",
      description = "Convert the datasource's network config to networkd units.")
  String convertNetconf = "";

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Deadline for finding a datasource and fetching (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  ApplyOptions(long defaultTimeoutSeconds) {
    this.timeoutSeconds = defaultTimeoutSeconds;
  }

  /**
   * The plan options these flags ask for.
   *
   * @throws ParameterException for a {@code --convert-netconf} other than debian, openstack, packet
   *     or vmware
   */
  PlanOptions planOptions(CommandSpec spec) {
    if (!convertNetconf.isEmpty() && !PlanOptions.NETCONF_FORMATS.contains(convertNetconf)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--convert-netconf': '"
              + convertNetconf
              + "' (expected "
              + String.join(", ", PlanOptions.NETCONF_FORMATS)
              + ")");
    }
    return new PlanOptions(sshKeyName, workspace, convertNetconf, "");
  }
}
