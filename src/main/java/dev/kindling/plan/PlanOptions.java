package dev.kindling.plan;

import dev.kindling.plan.netconf.NetconfConverter;
import java.util.List;
import java.util.Objects;

/**
 * Run options that shape the plan.
 *
 * @param sshKeyName the key name for authorized keys ({@code --ssh-key-name}, default {@code
 *     coreos-cloudinit})
 * @param workspace where scripts are stored ({@code --workspace}, default {@code
 *     /var/lib/coreos-cloudinit})
 * @param convertNetconf {@code ""}, {@code debian}, {@code openstack}, {@code packet} or {@code
 *     vmware}
 * @param datasource the datasource type name, for the metadata env file (e.g. {@code ec2-metadata})
 */
public record PlanOptions(
    String sshKeyName, String workspace, String convertNetconf, String datasource) {
  /** The original's default key name. */
  public static final String DEFAULT_SSH_KEY_NAME = "coreos-cloudinit";

  /** The values {@code --convert-netconf} accepts. */
  public static final List<String> NETCONF_FORMATS = NetconfConverter.FORMATS;

  /** The original's default workspace. */
  public static final String DEFAULT_WORKSPACE = "/var/lib/coreos-cloudinit";

  public PlanOptions {
    Objects.requireNonNull(sshKeyName, "sshKeyName");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(convertNetconf, "convertNetconf");
    Objects.requireNonNull(datasource, "datasource");
  }

  /** The defaults, for a datasource. */
  public static PlanOptions defaults(String datasource) {
    return new PlanOptions(DEFAULT_SSH_KEY_NAME, DEFAULT_WORKSPACE, "", datasource);
  }
}
