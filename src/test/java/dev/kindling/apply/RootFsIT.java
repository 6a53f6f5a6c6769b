package dev.kindling.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the real file system shows: mode bits, inodes, owners, links under the root. */
class RootFsIT {
  @TempDir Path tmp;
  private Path root;
  private Path outside;
  private RootFs fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    fs = new RootFs(root, OwnerPolicy.RECORD);
  }

  private int mode(String target) throws IOException {
    return (Integer)
            Files.getAttribute(
                root.resolve(target.substring(1)), "unix:mode", LinkOption.NOFOLLOW_LINKS)
        & 07777;
  }

  private Object inode(String target) throws IOException {
    return Files.getAttribute(root.resolve(target.substring(1)), "unix:ino");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void write_specialModeBits_storedExactly() throws IOException {
    fs.write("/usr/local/bin/su-helper", utf8("x"), 04755, Ids.none());
    fs.write("/srv/shared/drop", utf8("y"), 02750, Ids.none());
    fs.write("/tmp/sticky", utf8("z"), 01777, Ids.none());
    fs.write("/etc/odd", utf8("w"), 0420, Ids.none());

    assertThat(mode("/usr/local/bin/su-helper")).isEqualTo(04755);
    assertThat(mode("/srv/shared/drop")).isEqualTo(02750);
    assertThat(mode("/tmp/sticky")).isEqualTo(01777);
    assertThat(mode("/etc/odd")).isEqualTo(0420);
    assertThat(mode("/usr/local/bin")).isEqualTo(0755);
  }

  @Test
  void write_sameContentAndMode_unchangedKeepsTheInode() throws IOException {
    assertThat(fs.write("/etc/a", utf8("same"), 04711, Ids.none()).changed()).isTrue();
    Object inode = inode("/etc/a");

    assertThat(fs.write("/etc/a", utf8("same"), 04711, Ids.none()).changed()).isFalse();
    assertThat(inode("/etc/a")).isEqualTo(inode);
  }

  @Test
  void write_existingFile_newInodeAndTheOldOneNeverTruncated() throws IOException {
    fs.write("/etc/motd", utf8("old content, long enough to notice truncation"), 0644, Ids.none());
    Path target = root.resolve("etc/motd");
    Path hardLink = Files.createLink(root.resolve("etc/motd.old"), target);
    Object before = inode("/etc/motd");

    try (InputStream openedBefore = Files.newInputStream(target)) {
      fs.write("/etc/motd", utf8("new"), 0644, Ids.none());

      assertThat(new String(openedBefore.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("old content, long enough to notice truncation");
    }
    assertThat(inode("/etc/motd")).isNotEqualTo(before);
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(Files.readString(hardLink))
        .isEqualTo("old content, long enough to notice truncation");
    try (Stream<Path> list = Files.list(root.resolve("etc"))) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("motd", "motd.old");
    }
  }

  @Test
  void write_owner_setNumericallyFromTheTargetsIds() throws IOException {
    assumeTrue(
        Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0),
        "setting owners needs root");
    RootFs owning = new RootFs(root, OwnerPolicy.SET);

    owning.write("/etc/owned", utf8("o"), 04750, Ids.of(4242, 4343));

    Path p = root.resolve("etc/owned");
    assertThat(Files.getAttribute(p, "unix:uid")).isEqualTo(4242);
    assertThat(Files.getAttribute(p, "unix:gid")).isEqualTo(4343);
    // chown before chmod: the setuid bit survives the owner change.
    assertThat(mode("/etc/owned")).isEqualTo(04750);
    assertThat(owning.write("/etc/owned", utf8("o"), 04750, Ids.of(4242, 4343)).changed())
        .isFalse();
    assertThat(
            owning
                .write(
                    "/etc/owned", utf8("o"), 04750, new Ids(OptionalInt.empty(), OptionalInt.of(1)))
                .changed())
        .isTrue();
    assertThat(Files.getAttribute(p, "unix:uid")).isEqualTo(4242);
    assertThat(Files.getAttribute(p, "unix:gid")).isEqualTo(1);
  }

  @Test
  void write_relativeSymlinkClimbingOut_refusedAndOutsideUntouched() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/escape"), Path.of("../../outside"));

    assertThatThrownBy(() -> fs.write("/etc/escape/pwned", utf8("x"), 0644, Ids.none()))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("a symbolic link points outside the root");
    try (Stream<Path> list = Files.list(outside)) {
      assertThat(list).isEmpty();
    }
  }

  @Test
  void write_absoluteSymlinkToAHostDirectory_resolvedInsideTheRoot() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/abs"), outside);

    fs.write("/etc/abs/file", utf8("x"), 0644, Ids.none());

    try (Stream<Path> list = Files.list(outside)) {
      assertThat(list).isEmpty();
    }
    assertThat(root.resolve(outside.toString().substring(1)).resolve("file")).hasContent("x");
  }

  @Test
  void authorizedKeys_symlinkPlantedInTheHome_refusedAndOutsideUntouched() throws IOException {
    Files.writeString(
        Files.createDirectories(root.resolve("etc")).resolve("passwd"),
        "core:x:500:500::/home/core:/bin/bash\n");
    Files.createDirectories(root.resolve("home/core"));
    Files.createSymbolicLink(root.resolve("home/core/.ssh"), outside);
    Accounts.Account core = new Accounts.Account("core", Ids.of(500, 500), "/home/core");

    assertThatThrownBy(
            () -> new AuthorizedKeys(fs).authorize(core, "k", List.of("ssh-ed25519 AAAA a@b")))
        .hasMessageContaining("refusing to follow a symbolic link in a home directory");
    try (Stream<Path> list = Files.list(outside)) {
      assertThat(list).isEmpty();
    }
  }

  @Test
  void authorizedKeys_symlinkedKeysFileInTheHome_replacedNotFollowed() throws IOException {
    Path ssh = Files.createDirectories(root.resolve("home/core/.ssh"));
    Path victim = Files.writeString(outside.resolve("victim"), "do not touch\n");
    Files.createDirectories(ssh.resolve("authorized_keys.d"));
    Files.createSymbolicLink(ssh.resolve("authorized_keys"), victim);
    Accounts.Account core = new Accounts.Account("core", Ids.none(), "/home/core");

    new AuthorizedKeys(fs).authorize(core, "k", List.of("ssh-ed25519 AAAA a@b"));

    assertThat(victim).hasContent("do not touch");
    assertThat(Files.isSymbolicLink(ssh.resolve("authorized_keys"))).isFalse();
    assertThat(ssh.resolve("authorized_keys")).hasContent("ssh-ed25519 AAAA a@b");
    assertThat(mode("/home/core/.ssh/authorized_keys")).isEqualTo(0600);
    assertThat(mode("/home/core/.ssh/authorized_keys.d/k")).isEqualTo(0600);
  }

  @Test
  void maskAndUnmask_realDevNullLink() throws IOException {
    assertThat(fs.symlink("/etc/systemd/system/m.service", "/dev/null")).isTrue();
    assertThat(Files.readSymbolicLink(root.resolve("etc/systemd/system/m.service")))
        .isEqualTo(Path.of("/dev/null"));

    assertThat(fs.removeIfMask("/etc/systemd/system/m.service")).isEqualTo(RootFs.Unmask.REMOVED);
    assertThat(root.resolve("etc/systemd/system/m.service")).doesNotExist();
  }
}
