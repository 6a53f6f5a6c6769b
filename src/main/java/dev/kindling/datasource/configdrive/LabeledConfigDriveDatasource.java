package dev.kindling.datasource.configdrive;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.metadata.Metadata;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config-drive found by its {@code config-2} label (for {@code --auto} and the config-drive
 * unit; type {@code configdrive}): available when a labelled device exists; the first fetch mounts
 * it read-only, reads user data and metadata in one go through {@link ConfigDriveDatasource}, and
 * unmounts it before returning, so nothing stays mounted whatever the caller does next.
 *
 * <p>Wiring: {@code new LabeledConfigDriveDatasource(ConfigDriveLocator.system())}.
 */
public final class LabeledConfigDriveDatasource implements Datasource {
  private static final Logger LOG = LoggerFactory.getLogger(LabeledConfigDriveDatasource.class);

  private final ConfigDriveLocator locator;
  private Snapshot snapshot;

  /** A source that finds and mounts the drive with {@code locator}. */
  public LabeledConfigDriveDatasource(ConfigDriveLocator locator) {
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  @Override
  public String type() {
    return ConfigDriveDatasource.TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    try {
      return locator.findDevice(deadline).isPresent();
    } catch (DatasourceException e) {
      LOG.warn("{}", e.getMessage());
      return false;
    }
  }

  @Override
  public boolean availabilityChanges() {
    return true; // udev may create the by-label link a moment later
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Snapshot s = snapshot(deadline);
    if (s.userDataError() != null) {
      throw new DatasourceException(s.userDataError().getMessage(), s.userDataError());
    }
    return s.userData().map(byte[]::clone);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Snapshot s = snapshot(deadline);
    if (s.metadataError() != null) {
      throw new DatasourceException(s.metadataError().getMessage(), s.metadataError());
    }
    return s.metadata();
  }

  private synchronized Snapshot snapshot(Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (snapshot != null) {
      return snapshot;
    }
    Optional<Path> device = locator.findDevice(deadline);
    if (device.isEmpty()) {
      throw new DatasourceException(
          "failed to find the config-drive: no device is labelled config-2 or CONFIG-2");
    }
    String filesystem = locator.filesystemType(device.get(), deadline);
    try (MountedConfigDrive drive = locator.mount(device.get(), filesystem, deadline)) {
      ConfigDriveDatasource content = new ConfigDriveDatasource(drive.path());
      Optional<byte[]> userData = Optional.empty();
      DatasourceException userDataError = null;
      try {
        userData = content.fetchUserData(deadline);
      } catch (DatasourceException e) {
        userDataError = e;
      }
      Metadata metadata = Metadata.empty();
      DatasourceException metadataError = null;
      try {
        metadata = content.fetchMetadata(deadline);
      } catch (DatasourceException e) {
        metadataError = e;
      }
      snapshot = new Snapshot(userData, userDataError, metadata, metadataError);
      return snapshot;
    }
  }

  /** What one mount of the drive delivered (an error stands in for a part that failed). */
  private record Snapshot(
      Optional<byte[]> userData,
      DatasourceException userDataError,
      Metadata metadata,
      DatasourceException metadataError) {}

  @Override
  public String toString() {
    return "LabeledConfigDriveDatasource";
  }
}
