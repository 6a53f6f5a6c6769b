package dev.kindling.cli;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.DatasourceSelector;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.DmiInfo;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.configdrive.ConfigDriveLocator;
import dev.kindling.datasource.configdrive.LabeledConfigDriveDatasource;
import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What source acquisition reads from the machine and how it talks to services; production uses
 * {@link #system()}, tests substitute directories, a loopback-friendly client and short waits.
 *
 * @param dmiRoot where {@code sys_vendor}, {@code product_name}, {@code chassis_asset_tag} live
 * @param procCmdline the kernel command line file
 * @param locators the discoverers {@code --auto} runs (e.g. the config-2 drive locator)
 * @param clients makes the metadata client (one per acquisition, closed after it)
 * @param probeSchedule the wait between availability probes of one source
 */
record SourceEnvironment(
    Path dmiRoot,
    Path procCmdline,
    List<DatasourceLocator> locators,
    Supplier<MetadataClient> clients,
    Backoff probeSchedule) {

  /**
   * The discoverers {@code --auto} runs on a real machine: the drive labelled {@code config-2}
   * (offered on every platform; its own probe looks for the device and mounts it only to read).
   */
  static final List<DatasourceLocator> AUTO_LOCATORS =
      List.of(
          new DatasourceLocator() {
            @Override
            public String name() {
              return "config-2 drive";
            }

            @Override
            public List<Datasource> locate(Deadline deadline) {
              return List.of(new LabeledConfigDriveDatasource(ConfigDriveLocator.system()));
            }
          });

  SourceEnvironment {
    Objects.requireNonNull(dmiRoot, "dmiRoot");
    Objects.requireNonNull(procCmdline, "procCmdline");
    locators = List.copyOf(locators);
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(probeSchedule, "probeSchedule");
  }

  /** The running machine. */
  static SourceEnvironment system() {
    return new SourceEnvironment(
        DmiInfo.DEFAULT_ROOT,
        ProcCmdlineDatasource.DEFAULT_CMDLINE,
        AUTO_LOCATORS,
        () -> MetadataClient.builder().build(),
        DatasourceSelector.DEFAULT_SCHEDULE);
  }
}
