package dev.kindling.cli;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.FileDatasource;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.ProcessCommandRunner;
import dev.kindling.datasource.UrlDatasource;
import dev.kindling.datasource.azure.WaagentDatasource;
import dev.kindling.datasource.cloudsigma.CloudSigmaDatasource;
import dev.kindling.datasource.cloudsigma.LocalInterfaces;
import dev.kindling.datasource.cloudsigma.SerialServerContextPort;
import dev.kindling.datasource.configdrive.ConfigDriveDatasource;
import dev.kindling.datasource.digitalocean.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.gce.GceMetadataDatasource;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.openstack.OpenStackMetadataDatasource;
import dev.kindling.datasource.packet.PacketMetadataDatasource;
import dev.kindling.datasource.vmware.RpctoolGuestinfoSource;
import dev.kindling.datasource.vmware.VmwareGuestinfoDatasource;
import java.net.URI;
import java.nio.file.Path;

/** The one place that maps a source to its datasource class: an explicit, boring switch. */
final class SourceFactory {
  /** The root under which the local sources read DMI files: the running system. */
  private static final Path SYSTEM_ROOT = Path.of("/");

  private SourceFactory() {}

  static Datasource create(SourceSpec spec, MetadataClient client, SourceEnvironment env)
      throws SourceUsageException {
    return switch (spec.kind()) {
      case URL -> new UrlDatasource(client, URI.create(spec.value()));
      case EC2 -> new Ec2MetadataDatasource(client, URI.create(spec.value()));
      case GCE -> new GceMetadataDatasource(client, URI.create(spec.value()));
      case OPENSTACK -> new OpenStackMetadataDatasource(client, URI.create(spec.value()));
      case DIGITALOCEAN -> new DigitalOceanMetadataDatasource(client, URI.create(spec.value()));
      case PACKET -> new PacketMetadataDatasource(client, URI.create(spec.value()));
      case PROC_CMDLINE -> new ProcCmdlineDatasource(client, env.procCmdline());
      case FILE -> new FileDatasource(Path.of(spec.value()));
      case CONFIGDRIVE -> new ConfigDriveDatasource(Path.of(spec.value()));
      case WAAGENT -> new WaagentDatasource(Path.of(spec.value()));
      case VMWARE_GUESTINFO ->
          new VmwareGuestinfoDatasource(
              new RpctoolGuestinfoSource(new ProcessCommandRunner(), SYSTEM_ROOT),
              UrlDatasource.fetcher(client));
      case CLOUDSIGMA ->
          new CloudSigmaDatasource(
              new SerialServerContextPort(
                  SerialServerContextPort.DEFAULT_DEVICE, new ProcessCommandRunner()),
              SYSTEM_ROOT,
              LocalInterfaces.system());
    };
  }
}
