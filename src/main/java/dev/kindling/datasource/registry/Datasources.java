package dev.kindling.datasource.registry;

import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.FileDatasource;
import dev.kindling.datasource.OemPreset;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.UrlDatasource;
import dev.kindling.datasource.azure.WaagentDatasource;
import dev.kindling.datasource.cloudsigma.CloudSigmaDatasource;
import dev.kindling.datasource.configdrive.ConfigDriveDatasource;
import dev.kindling.datasource.digitalocean.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.gce.GceMetadataDatasource;
import dev.kindling.datasource.openstack.OpenStackMetadataDatasource;
import dev.kindling.datasource.packet.PacketMetadataDatasource;
import dev.kindling.datasource.vmware.VmwareGuestinfoDatasource;
import java.util.List;
import java.util.Optional;

/**
 * Every datasource type and OEM preset, registered explicitly. Adding a cloud: its datasource class
 * declares a {@link DatasourceType} and gets one line in {@link #ALL}; both launchers' options,
 * {@code --auto} and the help follow from it.
 */
public final class Datasources {
  /**
   * Every datasource type, in the order that breaks ties between sources that become available at
   * the same moment: coreos-cloudinit's order, with the OpenStack metadata service (new in
   * Kindling) after GCE.
   */
  public static final List<DatasourceType> ALL =
      List.of(
          FileDatasource.TYPE,
          UrlDatasource.TYPE,
          ConfigDriveDatasource.TYPE,
          Ec2MetadataDatasource.TYPE,
          GceMetadataDatasource.TYPE,
          OpenStackMetadataDatasource.TYPE,
          CloudSigmaDatasource.TYPE,
          DigitalOceanMetadataDatasource.TYPE,
          WaagentDatasource.TYPE,
          PacketMetadataDatasource.TYPE,
          ProcCmdlineDatasource.TYPE,
          VmwareGuestinfoDatasource.GUESTINFO,
          VmwareGuestinfoDatasource.OVF_ENV);

  /**
   * The {@code --oem NAME} presets of coreos-cloudinit, sorted by name; each source uses its type's
   * default argument.
   */
  public static final List<OemPreset> OEM_PRESETS =
      List.of(
          OemPreset.of("azure", WaagentDatasource.TYPE),
          OemPreset.of("cloudsigma", CloudSigmaDatasource.TYPE),
          OemPreset.of("digitalocean", DigitalOceanMetadataDatasource.TYPE),
          OemPreset.of("ec2-compat", Ec2MetadataDatasource.TYPE, ConfigDriveDatasource.TYPE),
          OemPreset.of("gce", GceMetadataDatasource.TYPE),
          OemPreset.of("packet", PacketMetadataDatasource.TYPE),
          OemPreset.of("rackspace-onmetal", ConfigDriveDatasource.TYPE).convertingNetconf("debian"),
          OemPreset.of("vmware", VmwareGuestinfoDatasource.GUESTINFO).convertingNetconf("vmware"));

  private Datasources() {}

  /** The type named {@code name} ({@code ec2-metadata}, ...). */
  public static Optional<DatasourceType> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The preset named {@code name}. */
  public static Optional<OemPreset> oem(String name) {
    return OEM_PRESETS.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The position of {@code type} in {@link #ALL} (the tie-break order). */
  public static int order(DatasourceType type) {
    int i = ALL.indexOf(type);
    if (i < 0) {
      throw new IllegalArgumentException("unregistered datasource type " + type.name());
    }
    return i;
  }
}
