package dev.kindling.cli;

import dev.kindling.datasource.DmiInfo;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.http.MetadataClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the source options into the list of sources to try: explicit options first, then an
 * {@code --oem} preset's sources that were not given explicitly, then what {@code --auto} detects;
 * sorted by {@link SourceKind} order.
 */
final class SourcePlan {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePlan.class);

  private SourcePlan() {}

  /** The sources to try; throws when there are none or a value is unusable. */
  static List<SourceSpec> resolve(SourceOptions o, SourceEnvironment env)
      throws SourceUsageException {
    Map<SourceKind, SourceSpec> specs = new EnumMap<>(SourceKind.class);
    explicit(specs, SourceKind.FILE, o.fromFile == null ? null : o.fromFile.toString());
    explicit(specs, SourceKind.URL, o.fromUrl);
    explicit(
        specs,
        SourceKind.CONFIGDRIVE,
        o.fromConfigDrive == null ? null : o.fromConfigDrive.toString());
    explicit(specs, SourceKind.EC2, o.fromEc2Metadata);
    explicit(specs, SourceKind.GCE, o.fromGceMetadata);
    explicit(specs, SourceKind.OPENSTACK, o.fromOpenStackMetadata);
    explicit(specs, SourceKind.DIGITALOCEAN, o.fromDigitalOceanMetadata);
    explicit(specs, SourceKind.PACKET, o.fromPacketMetadata);
    explicit(specs, SourceKind.WAAGENT, o.fromWaagent == null ? null : o.fromWaagent.toString());
    explicit(specs, SourceKind.PROC_CMDLINE, o.fromProcCmdline ? "" : null);
    explicit(specs, SourceKind.VMWARE_GUESTINFO, o.fromVmwareGuestinfo ? "" : null);
    explicit(specs, SourceKind.CLOUDSIGMA, o.fromCloudSigmaMetadata ? "" : null);
    if (o.oem != null && !o.oem.isEmpty()) {
      for (SourceSpec s : OemPresets.of(o.oem)) {
        specs.putIfAbsent(s.kind(), s); // explicit options win over the preset, unlike upstream
      }
    }
    if (o.auto) {
      for (SourceSpec s : auto(env)) {
        specs.putIfAbsent(s.kind(), s);
      }
    }
    if (specs.isEmpty() && !o.auto) {
      throw new SourceUsageException(
          "no datasource given: provide at least one of --from-file, --from-url,"
              + " --from-configdrive, --from-ec2-metadata, --from-gce-metadata,"
              + " --from-openstack-metadata, --from-digitalocean-metadata, --from-packet-metadata,"
              + " --from-waagent, --from-proc-cmdline, --from-vmware-guestinfo,"
              + " --from-cloudsigma-metadata, --oem NAME or --auto");
    }
    for (SourceSpec s : specs.values()) {
      if (s.kind().takesUrl()) {
        checkUrl(s);
      }
    }
    return new ArrayList<>(specs.values());
  }

  /**
   * The sources the platform indicates (reference for the DMI rules: {@link Platform#of}). An
   * unrecognised platform gets no network metadata source: an unauthenticated link-local service is
   * only trusted where the platform says it is there. A {@code cloud-config-url=} kernel argument
   * is an explicit instruction, so it is used on any platform.
   */
  static List<SourceSpec> auto(SourceEnvironment env) {
    DmiInfo dmi = DmiInfo.read(env.dmiRoot());
    Platform platform = Platform.of(dmi);
    LOG.info("--auto: platform {} from DMI {}", platform, dmi);
    List<SourceSpec> out = new ArrayList<>();
    switch (platform) {
      case EC2 -> out.add(auto(SourceKind.EC2, "http://169.254.169.254/"));
      case GCE -> out.add(auto(SourceKind.GCE, "http://metadata.google.internal/"));
      case OPENSTACK -> out.add(auto(SourceKind.OPENSTACK, "http://169.254.169.254/"));
      case DIGITALOCEAN -> out.add(auto(SourceKind.DIGITALOCEAN, "http://169.254.169.254/"));
      case AZURE -> out.add(auto(SourceKind.WAAGENT, "/var/lib/waagent"));
      case VMWARE -> out.add(auto(SourceKind.VMWARE_GUESTINFO, ""));
      case CLOUDSIGMA -> out.add(auto(SourceKind.CLOUDSIGMA, ""));
      case UNKNOWN -> LOG.info("--auto: no platform recognised; no metadata service is assumed");
    }
    if (hasCloudConfigUrl(env)) {
      out.add(auto(SourceKind.PROC_CMDLINE, ""));
    }
    return out;
  }

  private static boolean hasCloudConfigUrl(SourceEnvironment env) {
    try {
      String cmdline = Files.readString(env.procCmdline(), StandardCharsets.UTF_8);
      return ProcCmdlineDatasource.hasCloudConfigUrl(cmdline);
    } catch (IOException e) {
      return false;
    }
  }

  private static SourceSpec auto(SourceKind kind, String value) {
    return new SourceSpec(kind, value, "auto");
  }

  private static void explicit(Map<SourceKind, SourceSpec> specs, SourceKind kind, String value) {
    if (value != null) {
      specs.put(kind, new SourceSpec(kind, value, "option"));
    }
  }

  private static void checkUrl(SourceSpec s) throws SourceUsageException {
    try {
      MetadataClient.checkScheme(new URI(s.value()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new SourceUsageException(
          s.kind().flag() + " " + (s.value().isEmpty() ? "\"\"" : "value") + ": " + e.getMessage());
    }
  }
}
