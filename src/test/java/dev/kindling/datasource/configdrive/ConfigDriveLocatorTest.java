package dev.kindling.datasource.configdrive;

import static dev.kindling.datasource.FakeCommandRunner.fail;
import static dev.kindling.datasource.FakeCommandRunner.ok;
import static dev.kindling.datasource.Fixtures.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.FakeCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDriveLocatorTest {
  @TempDir Path tmp;
  private Path dev;
  private Path run;

  @BeforeEach
  void layout() throws Exception {
    dev = Files.createDirectories(tmp.resolve("dev"));
    run = Files.createDirectories(tmp.resolve("run"));
  }

  private Path labelLink(String label, String device) throws Exception {
    Files.writeString(dev.resolve(device), "");
    Path byLabel = Files.createDirectories(dev.resolve("disk/by-label"));
    return Files.createSymbolicLink(byLabel.resolve(label), Path.of("../..", device));
  }

  private static FakeCommandRunner refuseAll() {
    return new FakeCommandRunner(
        c -> {
          throw new AssertionError("unexpected command " + c);
        });
  }

  @Test
  void findDevice_byLabelLink_resolvesWithoutRunningAnything() throws Exception {
    labelLink("config-2", "vdb");
    FakeCommandRunner runner = refuseAll();

    Optional<Path> device = new ConfigDriveLocator(runner, dev, run).findDevice(deadline());

    assertThat(device).contains(dev.resolve("vdb").toRealPath());
    assertThat(runner.commands()).isEmpty();
  }

  @Test
  void findDevice_upperCaseLabel_isFound() throws Exception {
    labelLink("CONFIG-2", "sr0");

    assertThat(new ConfigDriveLocator(refuseAll(), dev, run).findDevice(deadline()))
        .contains(dev.resolve("sr0").toRealPath());
  }

  @Test
  void findDevice_noLink_asksBlkidForEachLabel() throws Exception {
    FakeCommandRunner runner =
        new FakeCommandRunner(
            c -> c.contains("LABEL=config-2") ? fail(2, "") : ok("/dev/sr0\n/dev/sr1\n"));

    Optional<Path> device = new ConfigDriveLocator(runner, dev, run).findDevice(deadline());

    assertThat(device).contains(Path.of("/dev/sr0"));
    assertThat(runner.commands())
        .containsExactly(
            List.of("blkid", "-t", "LABEL=config-2", "-o", "device"),
            List.of("blkid", "-t", "LABEL=CONFIG-2", "-o", "device"));
  }

  @Test
  void findDevice_noDevice_isEmpty() throws Exception {
    assertThat(
            new ConfigDriveLocator(new FakeCommandRunner(c -> fail(2, "")), dev, run)
                .findDevice(deadline()))
        .isEmpty();
  }

  @Test
  void findDevice_blkidNotInstalled_isEmpty() throws Exception {
    FakeCommandRunner runner =
        new FakeCommandRunner(
            c -> {
              throw new CommandRunner.ProgramNotFoundException(c.get(0), null);
            });

    assertThat(new ConfigDriveLocator(runner, dev, run).findDevice(deadline())).isEmpty();
  }

  @Test
  void findDevice_blkidFails_saysWhy() {
    FakeCommandRunner runner = new FakeCommandRunner(c -> fail(4, "blkid: bad usage\n"));

    assertThatThrownBy(() -> new ConfigDriveLocator(runner, dev, run).findDevice(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to find a config-2 device: blkid: blkid: bad usage");
  }

  @Test
  void filesystemType_iso9660_isAccepted() throws Exception {
    FakeCommandRunner runner = new FakeCommandRunner(c -> ok("iso9660\n"));

    assertThat(
            new ConfigDriveLocator(runner, dev, run)
                .filesystemType(Path.of("/dev/sr0"), deadline()))
        .isEqualTo("iso9660");
    assertThat(runner.commands())
        .containsExactly(List.of("blkid", "-p", "-s", "TYPE", "-o", "value", "/dev/sr0"));
  }

  @Test
  void filesystemType_ext4_isRefusedWithTheReason() {
    FakeCommandRunner runner = new FakeCommandRunner(c -> ok("ext4\n"));

    assertThatThrownBy(
            () ->
                new ConfigDriveLocator(runner, dev, run)
                    .filesystemType(Path.of("/dev/vdb"), deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "refusing to mount config-2 device /dev/vdb: its filesystem is ext4, a config-drive"
                + " is iso9660 or vfat");
  }

  @Test
  void filesystemType_noFilesystem_saysSo() {
    FakeCommandRunner runner = new FakeCommandRunner(c -> fail(2, ""));

    assertThatThrownBy(
            () ->
                new ConfigDriveLocator(runner, dev, run)
                    .filesystemType(Path.of("/dev/vdb"), deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to probe /dev/vdb: blkid found no filesystem (exit status 2)");
  }

  @Test
  void mount_thenClose_mountsReadOnlyInPrivateDirectoryAndCleansUp() throws Exception {
    List<String> seenPermissions = new ArrayList<>();
    FakeCommandRunner runner =
        new FakeCommandRunner(
            c -> {
              if (c.get(0).equals("mount")) {
                Path mountPoint = Path.of(c.get(c.size() - 1));
                seenPermissions.add(
                    PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(mountPoint.getParent())));
              }
              return ok("");
            });
    ConfigDriveLocator locator = new ConfigDriveLocator(runner, dev, run);

    Path mountPoint;
    try (MountedConfigDrive drive = locator.mount(Path.of("/dev/sr0"), "iso9660", deadline())) {
      mountPoint = drive.path();
      assertThat(mountPoint.getParent().getParent()).isEqualTo(run);
      assertThat(mountPoint.getParent().getFileName().toString())
          .startsWith("kindling-configdrive-");
      assertThat(drive).hasToString("MountedConfigDrive[/dev/sr0 at " + mountPoint + "]");
    }

    assertThat(seenPermissions).containsExactly("rwx------");
    assertThat(runner.commands())
        .containsExactly(
            List.of(
                "mount",
                "-o",
                "ro,nodev,nosuid,noexec",
                "-t",
                "iso9660",
                "/dev/sr0",
                mountPoint.toString()),
            List.of("umount", mountPoint.toString()));
    assertThat(entries(run)).isEmpty();
  }

  @Test
  void mount_fails_removesDirectoryAndReportsMountsMessage() throws Exception {
    FakeCommandRunner runner =
        new FakeCommandRunner(c -> fail(32, "mount: /run/x: unknown filesystem type 'iso9660'.\n"));

    assertThatThrownBy(
            () ->
                new ConfigDriveLocator(runner, dev, run)
                    .mount(Path.of("/dev/sr0"), "iso9660", deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to mount /dev/sr0 (iso9660): mount: /run/x: unknown filesystem type"
                + " 'iso9660'.");
    assertThat(entries(run)).isEmpty();
  }

  @Test
  void close_unmountFails_triesLazyUnmountThenLeavesTheDirectory() throws Exception {
    FakeCommandRunner runner =
        new FakeCommandRunner(c -> c.get(0).equals("umount") ? fail(32, "target is busy") : ok(""));
    ConfigDriveLocator locator = new ConfigDriveLocator(runner, dev, run);

    MountedConfigDrive drive = locator.mount(Path.of("/dev/sr0"), "vfat", deadline());
    drive.close();
    drive.close(); // idempotent

    assertThat(runner.commands())
        .containsExactly(
            List.of(
                "mount",
                "-o",
                "ro,nodev,nosuid,noexec",
                "-t",
                "vfat",
                "/dev/sr0",
                drive.path().toString()),
            List.of("umount", drive.path().toString()),
            List.of("umount", "-l", drive.path().toString()));
    assertThat(drive.path()).isDirectory(); // never deleted while it may still be mounted
  }

  @Test
  void findDevice_noDevice_mountsNothing() throws Exception {
    FakeCommandRunner runner = new FakeCommandRunner(c -> fail(2, ""));

    assertThat(new ConfigDriveLocator(runner, dev, run).findDevice(deadline())).isEmpty();
    assertThat(runner.commands()).allMatch(c -> c.get(0).equals("blkid"));
  }

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
