package dev.kindling.plan;

import dev.kindling.metadata.Metadata;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders the metadata as an Afterburn-style environment file, {@code /run/metadata/kindling}, for
 * units to read with {@code EnvironmentFile=-/run/metadata/kindling}: {@code
 * KINDLING_<PLATFORM>_HOSTNAME}, {@code _INSTANCE_ID}, {@code _IPV4_PRIVATE}, {@code _IPV4_PUBLIC},
 * {@code _IPV6_PRIVATE}, {@code _IPV6_PUBLIC}, sorted by name, only the values the datasource
 * provided; no file when it provided none. The hostname is the platform's, unshortened.
 *
 * <p>{@code PLATFORM} comes from the datasource type: {@code ec2-metadata} → {@code EC2}, {@code
 * gce-metadata} → {@code GCE} (the names Flatcar's coreos-metadata used), {@code
 * openstack-metadata} → {@code OPENSTACK}, {@code configdrive} → {@code CONFIGDRIVE}, {@code
 * digitalocean-metadata} → {@code DIGITALOCEAN}, {@code packet-metadata} → {@code PACKET}, {@code
 * waagent} → {@code AZURE}, {@code vmware-guestinfo} → {@code VMWARE}, {@code cloudsigma-metadata}
 * → {@code CLOUDSIGMA}, {@code local-file} → {@code FILE}, {@code url} → {@code URL}, {@code
 * proc-cmdline} → {@code CMDLINE}; any other name upper-cased with non-alphanumerics as {@code _},
 * and {@code CUSTOM} when there is none.
 */
public final class MetadataEnvFile {
  /** Where the file goes. */
  public static final String PATH = "/run/metadata/kindling";

  private static final Map<String, String> PLATFORMS =
      Map.ofEntries(
          Map.entry("ec2-metadata", "EC2"),
          Map.entry("gce-metadata", "GCE"),
          Map.entry("openstack-metadata", "OPENSTACK"),
          Map.entry("configdrive", "CONFIGDRIVE"),
          Map.entry("digitalocean-metadata", "DIGITALOCEAN"),
          Map.entry("packet-metadata", "PACKET"),
          Map.entry("waagent", "AZURE"),
          Map.entry("vmware-guestinfo", "VMWARE"),
          Map.entry("cloudsigma-metadata", "CLOUDSIGMA"),
          Map.entry("local-file", "FILE"),
          Map.entry("url", "URL"),
          Map.entry("proc-cmdline", "CMDLINE"));

  private MetadataEnvFile() {}

  /** The platform part of the variable names for a datasource type. */
  public static String platform(String datasource) {
    String known = PLATFORMS.get(datasource);
    if (known != null) {
      return known;
    }
    String name = datasource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return name.isEmpty() ? "CUSTOM" : name;
  }

  /** The file content, or empty when the metadata has none of the values. */
  public static Optional<String> render(Metadata metadata, String datasource) {
    String prefix = "KINDLING_" + platform(datasource) + "_";
    Map<String, String> variables = new TreeMap<>();
    metadata.hostname().ifPresent(v -> variables.put(prefix + "HOSTNAME", v));
    metadata.instanceId().ifPresent(v -> variables.put(prefix + "INSTANCE_ID", v));
    metadata.privateIpv4().ifPresent(v -> variables.put(prefix + "IPV4_PRIVATE", v));
    metadata.publicIpv4().ifPresent(v -> variables.put(prefix + "IPV4_PUBLIC", v));
    metadata.privateIpv6().ifPresent(v -> variables.put(prefix + "IPV6_PRIVATE", v));
    metadata.publicIpv6().ifPresent(v -> variables.put(prefix + "IPV6_PUBLIC", v));
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    variables.forEach((k, v) -> out.append(k).append('=').append(oneLine(v)).append('\n'));
    return Optional.of(out.toString());
  }

  /** A value on one line: a newline in metadata must not inject another variable. */
  private static String oneLine(String value) {
    return value.replace('\n', ' ').replace('\r', ' ');
  }
}
