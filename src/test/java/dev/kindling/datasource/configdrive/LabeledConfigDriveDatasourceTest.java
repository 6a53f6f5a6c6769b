package dev.kindling.datasource.configdrive;

import static dev.kindling.datasource.FakeCommandRunner.fail;
import static dev.kindling.datasource.FakeCommandRunner.ok;
import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.FakeCommandRunner;
import dev.kindling.datasource.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label-discovery flow, with "mount" standing in as a copy of a fixture drive. */
class LabeledConfigDriveDatasourceTest {
  @TempDir Path tmp;
  private Path dev;
  private Path run;

  @BeforeEach
  void layout() throws Exception {
    dev = Files.createDirectories(tmp.resolve("dev/disk/by-label")).getParent().getParent();
    run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dev.resolve("vdb"), "");
  }

  /** A runner whose mount copies {@code fixture} into the mount point and umount empties it. */
  private static FakeCommandRunner mountingRunner(String fixture, String filesystem) {
    return new FakeCommandRunner(
        c -> {
          return switch (c.get(0)) {
            case "blkid" -> ok(filesystem + "\n");
            case "mount" -> {
              Fixtures.copyTree(Fixtures.path("configdrive/" + fixture), Path.of(c.get(6)));
              yield ok("");
            }
            case "umount" -> {
              deleteContent(Path.of(c.get(1)));
              yield ok("");
            }
            default -> throw new AssertionError("unexpected command " + c);
          };
        });
  }

  @Test
  void fetch_labelledDrive_mountsOnceReadsBothAndUnmounts() throws Exception {
    Files.createSymbolicLink(dev.resolve("disk/by-label/config-2"), Path.of("../../vdb"));
    FakeCommandRunner runner = mountingRunner("openstack-latest", "vfat");
    LabeledConfigDriveDatasource source =
        new LabeledConfigDriveDatasource(new ConfigDriveLocator(runner, dev, run));

    assertThat(source.type()).isEqualTo("configdrive");
    assertThat(source.isAvailable(deadline())).isTrue();
    assertThat(utf8(source.fetchUserData(deadline())))
        .contains("#cloud-config\nhostname: from-drive\n");
    assertThat(source.fetchMetadata(deadline()).hostname()).contains("node1.novalocal");
    assertThat(source.fetchMetadata(deadline()).networkConfig().orElseThrow().format())
        .isEqualTo("debian");

    assertThat(runner.commands().stream().map(c -> c.get(0)))
        .containsExactly("blkid", "mount", "umount");
    assertThat(runner.commands().get(1))
        .contains("vfat", dev.resolve("vdb").toRealPath().toString());
    try (Stream<Path> left = Files.list(run)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void fetchMetadata_malformedMetadata_failsButUserDataStillDelivered() throws Exception {
    Files.createSymbolicLink(dev.resolve("disk/by-label/config-2"), Path.of("../../vdb"));
    LabeledConfigDriveDatasource source =
        new LabeledConfigDriveDatasource(
            new ConfigDriveLocator(mountingRunner("malformed-meta", "iso9660"), dev, run));

    assertThat(utf8(source.fetchUserData(deadline()))).contains("#cloud-config\n");
    assertThatThrownBy(() -> source.fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("meta_data.json: line 4, column 1: ");
  }

  @Test
  void fetchUserData_noUserData_isEmpty() throws Exception {
    Files.createSymbolicLink(dev.resolve("disk/by-label/CONFIG-2"), Path.of("../../vdb"));
    LabeledConfigDriveDatasource source =
        new LabeledConfigDriveDatasource(
            new ConfigDriveLocator(mountingRunner("no-user-data", "iso9660"), dev, run));

    assertThat(source.fetchUserData(deadline())).isEmpty();
    assertThat(source.fetchMetadata(deadline()).hostname()).contains("quiet");
  }

  @Test
  void isAvailable_noLabelledDevice_falseButMayChange() throws Exception {
    LabeledConfigDriveDatasource source =
        new LabeledConfigDriveDatasource(
            new ConfigDriveLocator(new FakeCommandRunner(c -> fail(2, "")), dev, run));

    assertThat(source.isAvailable(deadline())).isFalse();
    assertThat(source.availabilityChanges()).isTrue();
    assertThatThrownBy(() -> source.fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to find the config-drive: no device is labelled config-2 or CONFIG-2");
  }

  @Test
  void fetchUserData_wrongFilesystem_mountsNothing() throws Exception {
    Files.createSymbolicLink(dev.resolve("disk/by-label/config-2"), Path.of("../../vdb"));
    FakeCommandRunner runner = mountingRunner("openstack-latest", "ext4");
    LabeledConfigDriveDatasource source =
        new LabeledConfigDriveDatasource(new ConfigDriveLocator(runner, dev, run));

    assertThatThrownBy(() -> source.fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("its filesystem is ext4");
    assertThat(runner.commands().stream().map(c -> c.get(0))).containsExactly("blkid");
  }

  private static void deleteContent(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
