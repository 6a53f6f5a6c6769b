package dev.kindling.apply;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Mode and owner of the entries of one open directory, read and set relative to it without
 * following links. Only the platform file system stores setuid/setgid/sticky bits (the unix view);
 * elsewhere (Jimfs in tests) they are dropped with a note.
 */
final class EntryAttributes {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final int SPECIAL_BITS = 07000;

  private final SecureDirectoryStream<Path> stream;
  private final Path hostPath;
  private final OwnerPolicy owners;

  EntryAttributes(SecureDirectoryStream<Path> stream, Path hostPath, OwnerPolicy owners) {
    this.stream = stream;
    this.hostPath = hostPath;
    this.owners = owners;
  }

  private Path rel(String name) {
    return hostPath.getFileSystem().getPath(name);
  }

  /** Whether the entry's mode and (when owners are set) owner are already the wanted ones. */
  boolean sameMetadata(String name, int mode, Ids owner) throws IOException {
    PosixFileAttributes attrs = posix(name);
    if (mode(name, attrs) != storableMode(mode)) {
      return false;
    }
    if (owners == OwnerPolicy.RECORD || owner.isNone()) {
      return true;
    }
    UserPrincipalLookupService lookup = hostPath.getFileSystem().getUserPrincipalLookupService();
    if (owner.uid().isPresent()
        && !attrs.owner().equals(lookup.lookupPrincipalByName("" + owner.uid().getAsInt()))) {
      return false;
    }
    return owner.gid().isEmpty()
        || attrs.group().equals(lookup.lookupPrincipalByGroupName("" + owner.gid().getAsInt()));
  }

  private int mode(String name, PosixFileAttributes attrs) {
    try {
      Object unix = Files.getAttribute(hostPath.resolve(name), "unix:mode", NOFOLLOW);
      return ((Integer) unix) & 07777;
    } catch (IOException | RuntimeException e) {
      return modeOf(attrs.permissions());
    }
  }

  /** The mode as this file system can store it (special bits only where supported). */
  private int storableMode(int mode) {
    return supportsSpecialBits() ? mode : mode & 0777;
  }

  private boolean supportsSpecialBits() {
    return hostPath.getFileSystem().equals(FileSystems.getDefault());
  }

  PosixFileAttributes posix(String name) throws IOException {
    return stream
        .getFileAttributeView(rel(name), PosixFileAttributeView.class, NOFOLLOW)
        .readAttributes();
  }

  /** Sets the ids that are given; a missing one is taken from {@code replaced} when present. */
  void setOwner(String name, Ids owner, Optional<PosixFileAttributes> replaced) throws IOException {
    if (owners == OwnerPolicy.RECORD || owner.isNone()) {
      return;
    }
    PosixFileAttributeView view =
        stream.getFileAttributeView(rel(name), PosixFileAttributeView.class, NOFOLLOW);
    UserPrincipalLookupService lookup = hostPath.getFileSystem().getUserPrincipalLookupService();
    if (owner.uid().isPresent()) {
      view.setOwner(lookup.lookupPrincipalByName(Integer.toString(owner.uid().getAsInt())));
    } else if (replaced.isPresent()) {
      view.setOwner(replaced.get().owner());
    }
    if (owner.gid().isPresent()) {
      view.setGroup(lookup.lookupPrincipalByGroupName(Integer.toString(owner.gid().getAsInt())));
    } else if (replaced.isPresent()) {
      view.setGroup(replaced.get().group());
    }
  }

  /** Sets the mode; returns a note when the file system cannot store some bits. */
  Optional<String> setMode(String name, int mode) throws IOException {
    stream
        .getFileAttributeView(rel(name), PosixFileAttributeView.class, NOFOLLOW)
        .setPermissions(permissions(mode));
    if ((mode & SPECIAL_BITS) == 0) {
      return Optional.empty();
    }
    if (!supportsSpecialBits()) {
      return Optional.of(
          String.format(
              "mode %04o stored as %04o: the file system has no setuid/setgid/sticky bits",
              mode, mode & 0777));
    }
    // setuid/setgid/sticky are not PosixFilePermissions: chmod through the unix view, on the
    // temporary file that only this process knows about.
    Files.setAttribute(hostPath.resolve(name), "unix:mode", mode, NOFOLLOW);
    return Optional.empty();
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }

  static int modeOf(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int bit = 0; bit < 9; bit++) {
      if (permissions.contains(permissions(1 << bit).iterator().next())) {
        mode |= 1 << bit;
      }
    }
    return mode;
  }
}
