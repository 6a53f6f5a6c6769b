package dev.kindling.apply;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Whether a directory is this machine's {@code /}, by identity rather than by spelling: a symbolic
 * link to {@code /}, {@code /proc/self/root} or {@code /./} name the host root as surely as {@code
 * /} does. Compares the real path and the device and inode (the file key) with those of {@code /}.
 */
public final class HostRoot {
  private HostRoot() {}

  /** Whether {@code dir} is the host's root directory; false when it cannot be read. */
  public static boolean is(Path dir) {
    if (!dir.getFileSystem().equals(FileSystems.getDefault())) {
      return false;
    }
    Path absolute = dir.toAbsolutePath().normalize();
    if (absolute.getParent() == null) {
      return true;
    }
    try {
      if (absolute.toRealPath().getParent() == null) {
        return true;
      }
      Object key = Files.readAttributes(absolute, BasicFileAttributes.class).fileKey();
      Object root = Files.readAttributes(Path.of("/"), BasicFileAttributes.class).fileKey();
      return key != null && Objects.equals(key, root);
    } catch (IOException e) {
      return false;
    }
  }
}
