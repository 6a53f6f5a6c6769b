package dev.kindling.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The datasource options shared by {@code fetch}, {@code render} and {@code run}: the
 * coreos-cloudinit sources with the same names and meaning, as long options (docs/cli.md#sources).
 */
public final class SourceOptions {
  @Option(names = "--from-file", paramLabel = "FILE", description = "Read user data from FILE.")
  Path fromFile;

  @Option(names = "--from-url", paramLabel = "URL", description = "Download user data from URL.")
  String fromUrl;

  @Option(
      names = "--from-configdrive",
      paramLabel = "DIR",
      description = "Read user data and metadata from a mounted config-drive.")
  Path fromConfigDrive;

  @Option(
      names = "--from-ec2-metadata",
      paramLabel = "URL",
      description = "EC2 instance metadata service base URL.")
  String fromEc2Metadata;

  @Option(
      names = "--from-gce-metadata",
      paramLabel = "URL",
      description = "GCE metadata server base URL.")
  String fromGceMetadata;

  @Option(
      names = "--from-openstack-metadata",
      paramLabel = "URL",
      description = "OpenStack metadata service base URL.")
  String fromOpenStackMetadata;

  @Option(
      names = "--from-digitalocean-metadata",
      paramLabel = "URL",
      description = "DigitalOcean metadata service base URL.")
  String fromDigitalOceanMetadata;

  @Option(
      names = "--from-packet-metadata",
      paramLabel = "URL",
      description = "Packet (Equinix Metal) metadata service base URL.")
  String fromPacketMetadata;

  @Option(
      names = "--from-waagent",
      paramLabel = "DIR",
      description = "Read Azure waagent data (CustomData, SharedConfig.xml) from DIR.")
  Path fromWaagent;

  @Option(
      names = "--from-proc-cmdline",
      description = "Download user data from the cloud-config-url= kernel argument.")
  boolean fromProcCmdline;

  @Option(names = "--from-vmware-guestinfo", description = "Read VMware guestinfo variables.")
  boolean fromVmwareGuestinfo;

  @Option(
      names = "--from-cloudsigma-metadata",
      description = "Read the CloudSigma server context from the serial port.")
  boolean fromCloudSigmaMetadata;

  @Option(names = "--oem", paramLabel = "NAME", description = "Use the sources of an OEM preset.")
  String oem;

  @Option(names = "--auto", description = "Detect the platform and its datasource.")
  boolean auto;
}
