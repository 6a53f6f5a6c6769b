package dev.kindling.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file names a unit or drop-in can have under a systemd directory: not {@code .} or {@code ..},
 * no {@code /} or NUL, at most 255 bytes. Shared by the validator and the planner, so that what
 * validate accepts, run can place. (The original did not check, so {@code ../x} escaped the unit
 * directory.)
 */
public final class SystemdFileNames {
  private SystemdFileNames() {}

  /** Why {@code fileName} cannot be used as a file name under a systemd directory, if so. */
  public static Optional<String> problem(String fileName) {
    if (fileName.equals(".") || fileName.equals("..")) {
      return Optional.of("\"" + fileName + "\" is not a file name");
    }
    if (fileName.indexOf('/') >= 0) {
      return Optional.of("a unit or drop-in name must not contain \"/\"");
    }
    if (fileName.indexOf('\0') >= 0) {
      return Optional.of("a unit or drop-in name must not contain a NUL character");
    }
    if (fileName.getBytes(StandardCharsets.UTF_8).length > 255) {
      return Optional.of("a unit or drop-in name must be at most 255 bytes");
    }
    return Optional.empty();
  }
}
