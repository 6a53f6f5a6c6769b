package dev.kindling.datasource.configdrive;

import dev.kindling.datasource.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A config-drive mounted read-only by {@link ConfigDriveLocator}; {@link #close()} unmounts it and
 * removes its private directory (never recursively: a directory that is still mounted stays).
 */
public final class MountedConfigDrive implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MountedConfigDrive.class);

  private final ConfigDriveLocator locator;
  private final Path device;
  private final Path privateDir;
  private final Path mountPoint;
  private boolean mounted;
  private boolean closed;

  MountedConfigDrive(ConfigDriveLocator locator, Path device, Path privateDir, Path mountPoint) {
    this.locator = Objects.requireNonNull(locator, "locator");
    this.device = Objects.requireNonNull(device, "device");
    this.privateDir = Objects.requireNonNull(privateDir, "privateDir");
    this.mountPoint = Objects.requireNonNull(mountPoint, "mountPoint");
  }

  /** The directory the drive's content is visible at (holds {@code openstack/}). */
  public Path path() {
    return mountPoint;
  }

  void markMounted() {
    mounted = true;
  }

  /** Unmounts the drive and removes the directories; failures are logged, never thrown. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean unmounted = true;
    if (mounted) {
      try {
        unmounted = locator.unmount(mountPoint);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unmounted = false;
      }
    }
    if (unmounted) {
      removeDirectories();
    } else {
      LOG.warn("left {} in place: the config-drive is still mounted there", privateDir);
    }
  }

  /** Removes the (empty) mount point and private directory. */
  void removeDirectories() {
    for (Path dir : new Path[] {mountPoint, privateDir}) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        LOG.warn("failed to remove {}: {}", dir, LocalFiles.describe(e));
      }
    }
  }

  @Override
  public String toString() {
    return "MountedConfigDrive[" + device + " at " + mountPoint + "]";
  }
}
