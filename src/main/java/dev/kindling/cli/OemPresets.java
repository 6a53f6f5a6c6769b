package dev.kindling.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code --oem NAME} presets of coreos-cloudinit, with one deliberate fix: options given
 * explicitly win over a preset (upstream applied presets after parsing, so they silently overrode
 * explicit flags: docs/compatibility.md#explicit-flags-win-over-oem-presets). The presets' {@code
 * convert-netconf} settings are not sources and are left to the network-config conversion.
 */
final class OemPresets {
  /** Preset name to the sources it sets, by name in sorted order (for the error message). */
  static final Map<String, List<SourceSpec>> PRESETS = presets();

  private OemPresets() {}

  private static Map<String, List<SourceSpec>> presets() {
    Map<String, List<SourceSpec>> m = new TreeMap<>();
    m.put(
        "digitalocean",
        List.of(spec("digitalocean", SourceKind.DIGITALOCEAN, "http://169.254.169.254/")));
    m.put(
        "ec2-compat",
        List.of(
            spec("ec2-compat", SourceKind.EC2, "http://169.254.169.254/"),
            spec("ec2-compat", SourceKind.CONFIGDRIVE, "/media/configdrive")));
    m.put("gce", List.of(spec("gce", SourceKind.GCE, "http://metadata.google.internal/")));
    m.put(
        "rackspace-onmetal",
        List.of(spec("rackspace-onmetal", SourceKind.CONFIGDRIVE, "/media/configdrive")));
    m.put("azure", List.of(spec("azure", SourceKind.WAAGENT, "/var/lib/waagent")));
    m.put("cloudsigma", List.of(spec("cloudsigma", SourceKind.CLOUDSIGMA, "")));
    m.put("packet", List.of(spec("packet", SourceKind.PACKET, "https://metadata.packet.net/")));
    m.put("vmware", List.of(spec("vmware", SourceKind.VMWARE_GUESTINFO, "")));
    return m;
  }

  private static SourceSpec spec(String oem, SourceKind kind, String value) {
    return new SourceSpec(kind, value, "oem " + oem);
  }

  /** The sources of preset {@code name}. */
  static List<SourceSpec> of(String name) throws SourceUsageException {
    return Optional.ofNullable(PRESETS.get(name))
        .orElseThrow(
            () ->
                new SourceUsageException(
                    "invalid --oem \""
                        + name
                        + "\"; supported: "
                        + String.join(", ", PRESETS.keySet())));
  }
}
