package dev.kindling.datasource.configdrive;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.LocalFiles;
import dev.kindling.datasource.ProcessCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the config-drive block device by its filesystem label ({@code config-2} or {@code
 * CONFIG-2}: {@code /dev/disk/by-label/...}, else {@code blkid -t LABEL=...}), checks that it holds
 * ISO9660 or VFAT, and mounts it read-only ({@code ro,nodev,nosuid,noexec}) below a private 0700
 * directory. Every process runs through the {@link CommandRunner}; the {@code /dev} root is a
 * parameter, so tests touch no host device.
 *
 * <p>Wiring: {@link #system()} in production.
 */
public final class ConfigDriveLocator {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigDriveLocator.class);

  /** The labels OpenStack and others give a config-drive, in the order they are tried. */
  public static final List<String> LABELS = List.of("config-2", "CONFIG-2");

  /** The filesystems a config-drive may have: OpenStack writes ISO9660 or VFAT. */
  public static final Set<String> FILESYSTEMS = Set.of("iso9660", "vfat");

  /** The options every config-drive is mounted with. */
  public static final String MOUNT_OPTIONS = "ro,nodev,nosuid,noexec";

  /** Budget for unmounting, which runs when the caller's deadline may already be spent. */
  static final Duration UNMOUNT_BUDGET = Duration.ofSeconds(10);

  private final CommandRunner runner;
  private final Path devRoot;
  private final Path mountParent;

  /**
   * A locator.
   *
   * @param runner runs {@code blkid}, {@code mount} and {@code umount}
   * @param devRoot the device directory ({@code /dev} in production)
   * @param mountParent where the private mount directory is created ({@code /run} in production)
   */
  public ConfigDriveLocator(CommandRunner runner, Path devRoot, Path mountParent) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.devRoot = Objects.requireNonNull(devRoot, "devRoot");
    this.mountParent = Objects.requireNonNull(mountParent, "mountParent");
  }

  /** The production locator: real processes, {@code /dev}, mounts below {@code /run}. */
  public static ConfigDriveLocator system() {
    return new ConfigDriveLocator(new ProcessCommandRunner(), Path.of("/dev"), Path.of("/run"));
  }

  /** The block device labelled {@code config-2} or {@code CONFIG-2}, if there is one. */
  public Optional<Path> findDevice(Deadline deadline)
      throws DatasourceException, InterruptedException {
    for (String label : LABELS) {
      Path link = devRoot.resolve("disk").resolve("by-label").resolve(label);
      if (Files.exists(link)) {
        try {
          Path device = link.toRealPath();
          LOG.debug("{} -> {}", link, device);
          return Optional.of(device);
        } catch (IOException e) {
          throw new DatasourceException(
              "failed to resolve " + link + ": " + LocalFiles.describe(e), e);
        }
      }
    }
    // No udev symlink (udev not settled, or no udev at all): ask blkid.
    for (String label : LABELS) {
      CommandRunner.Result result =
          run(List.of("blkid", "-t", "LABEL=" + label, "-o", "device"), deadline, "find");
      if (result == null) {
        return Optional.empty(); // blkid is not installed
      }
      if (result.exitCode() == 2) {
        continue; // blkid: no device matches
      }
      if (!result.succeeded()) {
        throw new DatasourceException(
            "failed to find a config-2 device: blkid: " + result.firstErrorLine());
      }
      Optional<String> first = result.stdout().lines().map(String::strip).findFirst();
      if (first.isPresent() && !first.get().isEmpty()) {
        return Optional.of(Path.of(first.get()));
      }
    }
    return Optional.empty();
  }

  /** The filesystem type on {@code device}; an error unless it is ISO9660 or VFAT. */
  public String filesystemType(Path device, Deadline deadline)
      throws DatasourceException, InterruptedException {
    CommandRunner.Result result =
        run(
            List.of("blkid", "-p", "-s", "TYPE", "-o", "value", device.toString()),
            deadline,
            "probe");
    if (result == null) {
      throw new DatasourceException(
          "failed to probe " + device + ": blkid is not installed (util-linux)");
    }
    String type = result.stdout().strip();
    if (!result.succeeded() || type.isEmpty()) {
      throw new DatasourceException(
          "failed to probe "
              + device
              + ": blkid found no filesystem ("
              + result.firstErrorLine()
              + ")");
    }
    if (!FILESYSTEMS.contains(type)) {
      throw new DatasourceException(
          "refusing to mount config-2 device "
              + device
              + ": its filesystem is "
              + type
              + ", a config-drive is iso9660 or vfat");
    }
    return type;
  }

  /**
   * Mounts {@code device} read-only at {@code <mountParent>/kindling-configdrive-*}{@code /drive};
   * close the result to unmount it and remove the directories.
   */
  public MountedConfigDrive mount(Path device, String filesystem, Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (!FILESYSTEMS.contains(filesystem)) {
      throw new IllegalArgumentException("not a config-drive filesystem: " + filesystem);
    }
    Path privateDir;
    Path mountPoint;
    try {
      // The mounted drive's own root may be world-readable; the 0700 parent keeps it private.
      privateDir =
          Files.createTempDirectory(
              mountParent,
              "kindling-configdrive-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      mountPoint = Files.createDirectory(privateDir.resolve("drive"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new DatasourceException(
          "failed to create a mount directory in " + mountParent + ": " + LocalFiles.describe(e),
          e);
    }
    MountedConfigDrive mounted = new MountedConfigDrive(this, device, privateDir, mountPoint);
    CommandRunner.Result result;
    try {
      result =
          run(
              List.of(
                  "mount",
                  "-o",
                  MOUNT_OPTIONS,
                  "-t",
                  filesystem,
                  device.toString(),
                  mountPoint.toString()),
              deadline,
              "mount");
    } catch (DatasourceException | InterruptedException e) {
      mounted.removeDirectories();
      throw e;
    }
    if (result == null || !result.succeeded()) {
      mounted.removeDirectories();
      throw new DatasourceException(
          "failed to mount "
              + device
              + " ("
              + filesystem
              + "): "
              + (result == null ? "mount is not installed" : result.firstErrorLine()));
    }
    LOG.info("mounted config-drive {} ({}) read-only at {}", device, filesystem, mountPoint);
    mounted.markMounted();
    return mounted;
  }

  /** Unmounts {@code mountPoint} (lazily if a plain unmount fails); whether it is unmounted. */
  boolean unmount(Path mountPoint) throws InterruptedException {
    Deadline deadline = Deadline.in(UNMOUNT_BUDGET);
    for (List<String> command :
        List.of(
            List.of("umount", mountPoint.toString()),
            List.of("umount", "-l", mountPoint.toString()))) {
      try {
        CommandRunner.Result result = run(command, deadline, "unmount");
        if (result != null && result.succeeded()) {
          LOG.info("unmounted config-drive from {}", mountPoint);
          return true;
        }
        LOG.warn(
            "failed to unmount {}: {}",
            mountPoint,
            result == null ? "umount is not installed" : result.firstErrorLine());
      } catch (DatasourceException e) {
        LOG.warn("{}", e.getMessage());
      }
    }
    return false;
  }

  /** Runs a command; null when the program is not installed; errors name the step. */
  private CommandRunner.Result run(List<String> command, Deadline deadline, String step)
      throws DatasourceException, InterruptedException {
    try {
      return runner.run(command, deadline);
    } catch (IOException e) {
      if (e instanceof CommandRunner.ProgramNotFoundException) {
        LOG.debug("{} is not installed", command.get(0));
        return null;
      }
      throw new DatasourceException(
          "failed to " + step + " the config-drive: " + command.get(0) + ": " + e.getMessage(), e);
    }
  }
}
