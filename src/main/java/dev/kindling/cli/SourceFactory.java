package dev.kindling.cli;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.Ec2MetadataDatasource;
import dev.kindling.datasource.GceMetadataDatasource;
import dev.kindling.datasource.OpenStackMetadataDatasource;
import dev.kindling.datasource.PacketMetadataDatasource;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.UrlDatasource;
import dev.kindling.datasource.http.MetadataClient;
import java.net.URI;
import java.nio.file.Path;

/** The one place that maps a source to its datasource class: an explicit, boring switch. */
final class SourceFactory {
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
      case FILE -> PlaceholderFileSource.of(Path.of(spec.value()));
      // The local datasources (config-drive, waagent, VMware guestinfo, CloudSigma) are written
      // separately and registered here when merged.
      case CONFIGDRIVE, WAAGENT, VMWARE_GUESTINFO, CLOUDSIGMA ->
          throw new SourceUsageException(spec.kind().flag() + " is not available in this build");
    };
  }
}
