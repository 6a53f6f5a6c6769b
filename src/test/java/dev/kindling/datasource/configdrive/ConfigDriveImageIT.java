package dev.kindling.datasource.configdrive;

import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Fixtures;
import dev.kindling.datasource.ProcessCommandRunner;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real config-drive images: ISO9660 built with xorriso, VFAT with mkfs.vfat + mtools (no mount
 * needed to build either). The filesystem probe runs on the image files (no root needed); the mount
 * tests attach the test's own image to a loop device and run only where the machine allows it
 * (root, losetup, a kernel that mounts the filesystem), else they are skipped with the reason. No
 * host block device is ever probed or mounted: the runner refuses any command that names another
 * device.
 */
class ConfigDriveImageIT {
  private static final String FIXTURE = "configdrive/openstack-latest";

  @TempDir Path tmp;

  @Test
  void filesystemType_isoImageFile_isIso9660() throws Exception {
    Path image = buildIso();

    assertThat(locator(new ProcessCommandRunner()).filesystemType(image, deadline()))
        .isEqualTo("iso9660");
  }

  @Test
  void filesystemType_vfatImageFile_isVfat() throws Exception {
    Path image = buildVfat();

    assertThat(locator(new ProcessCommandRunner()).filesystemType(image, deadline()))
        .isEqualTo("vfat");
  }

  @Test
  void fetch_isoImageOnLoopDevice_mountsReadsAndUnmounts() throws Exception {
    fetchThroughLoopDevice(buildIso(), "iso9660");
  }

  @Test
  void fetch_vfatImageOnLoopDevice_mountsReadsAndUnmounts() throws Exception {
    fetchThroughLoopDevice(buildVfat(), "vfat");
  }

  private void fetchThroughLoopDevice(Path image, String filesystem) throws Exception {
    require(run("id", "-u").stdout().strip().equals("0"), "loop devices need root");
    require(onPath("losetup") && onPath("mount"), "losetup and mount are needed");
    CommandRunner.Result attach =
        run("losetup", "--find", "--show", "--read-only", image.toString());
    require(attach.succeeded(), "losetup cannot attach an image: " + attach.firstErrorLine());
    Path loop = Path.of(attach.stdout().strip());
    try {
      Path dev = Files.createDirectories(tmp.resolve("dev/disk/by-label")).getParent().getParent();
      Files.createSymbolicLink(dev.resolve("disk/by-label/config-2"), loop);
      Path mountParent = Files.createDirectories(tmp.resolve("run"));
      LabeledConfigDriveDatasource source =
          new LabeledConfigDriveDatasource(
              new ConfigDriveLocator(onlyThisDevice(loop), dev, mountParent));
      assertThat(source.isAvailable(deadline())).isTrue();
      String cannotMount = probeMount(loop, filesystem);
      if (cannotMount != null) {
        // The real mount fails here: the failure must still be clean and say why.
        assertThatThrownBy(() -> source.fetchUserData(deadline()))
            .isInstanceOf(DatasourceException.class)
            .hasMessageStartingWith("failed to mount " + loop + " (" + filesystem + "): mount: ");
        assertThat(entries(mountParent)).isEmpty();
        require(false, cannotMount);
      }

      assertThat(utf8(source.fetchUserData(deadline())))
          .contains("#cloud-config\nhostname: from-drive\n");
      Metadata metadata = source.fetchMetadata(deadline());
      assertThat(metadata.instanceId()).contains("b0fa911b-69d4-4476-bbe2-1c92bff6535c");
      assertThat(metadata.sshPublicKeys()).containsOnlyKeys("mykey", "other");
      assertThat(metadata.networkConfig().orElseThrow().content())
          .isEqualTo(Fixtures.text(FIXTURE + "/openstack/content/0000"));

      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(tmp.toString());
      assertThat(entries(mountParent)).isEmpty();
    } finally {
      Files.deleteIfExists(tmp.resolve("dev/disk/by-label/config-2"));
      run("losetup", "-d", loop.toString());
    }
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  /** Null when this kernel mounts {@code filesystem}, else why not (containers lack isofs). */
  private String probeMount(Path loop, String filesystem) throws Exception {
    Path probe = Files.createDirectories(tmp.resolve("probe"));
    CommandRunner.Result mount =
        run("mount", "-o", "ro", "-t", filesystem, loop.toString(), probe.toString());
    if (mount.succeeded()) {
      run("umount", probe.toString());
      return null;
    }
    return "this kernel cannot mount " + filesystem + ": " + mount.firstErrorLine();
  }

  /** The real runner, limited to blkid/mount/umount on our loop device and our directories. */
  private CommandRunner onlyThisDevice(Path loop) {
    ProcessCommandRunner real = new ProcessCommandRunner();
    return (command, deadline) -> {
      boolean allowed = List.of("blkid", "mount", "umount").contains(command.get(0));
      for (String arg : command) {
        if (arg.startsWith("/")
            && !arg.equals(loop.toString())
            && !arg.startsWith(tmp.toString())) {
          allowed = false;
        }
        if (arg.startsWith("LABEL=")) {
          allowed = false; // a label search would probe the host's devices
        }
      }
      if (!allowed) {
        throw new AssertionError("refusing to run " + command + " in a test");
      }
      return real.run(command, deadline);
    };
  }

  private ConfigDriveLocator locator(CommandRunner runner) throws IOException {
    return new ConfigDriveLocator(
        runner,
        Files.createDirectories(tmp.resolve("nodev")),
        Files.createDirectories(tmp.resolve("run")));
  }

  private Path buildIso() throws Exception {
    require(onPath("xorriso"), "xorriso is needed to build an ISO9660 image");
    require(onPath("blkid"), "blkid is needed to probe it");
    Path image = tmp.resolve("configdrive.iso");
    CommandRunner.Result r =
        run(
            "xorriso",
            "-as",
            "mkisofs",
            "-quiet",
            "-V",
            "config-2",
            "-J",
            "-R",
            "-o",
            image.toString(),
            Fixtures.path(FIXTURE).toString());
    assertThat(r.succeeded()).as("xorriso: %s", r.firstErrorLine()).isTrue();
    return image;
  }

  private Path buildVfat() throws Exception {
    require(onPath("mkfs.vfat") && onPath("mcopy"), "mkfs.vfat and mcopy are needed for VFAT");
    require(onPath("blkid"), "blkid is needed to probe it");
    Path image = tmp.resolve("configdrive.vfat");
    CommandRunner.Result mkfs = run("mkfs.vfat", "-C", "-n", "config-2", image.toString(), "1024");
    assertThat(mkfs.succeeded()).as("mkfs.vfat: %s", mkfs.firstErrorLine()).isTrue();
    List<String> mcopy = new ArrayList<>(List.of("mcopy", "-s", "-i", image.toString()));
    try (Stream<Path> top = Files.list(Fixtures.path(FIXTURE))) {
      top.forEach(p -> mcopy.add(p.toString()));
    }
    mcopy.add("::/");
    CommandRunner.Result copy = run(mcopy.toArray(String[]::new));
    assertThat(copy.succeeded()).as("mcopy: %s", copy.firstErrorLine()).isTrue();
    return image;
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      System.err.println("ConfigDriveImageIT: skipped: " + reason);
    }
    Assumptions.assumeTrue(condition, reason);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static CommandRunner.Result run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MTOOLS_SKIP_CHECK", "1");
    builder.environment().put("LC_ALL", "C");
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new CommandRunner.Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
