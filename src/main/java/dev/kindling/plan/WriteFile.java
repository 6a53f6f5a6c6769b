package dev.kindling.plan;

import dev.kindling.value.Bytes;
import java.util.Objects;

/**
 * Write a file atomically with a mode and owner, or append to it.
 *
 * @param path absolute, normalised path in the target system
 * @param mode permission bits including setuid/setgid/sticky (e.g. {@code 01777})
 * @param owner {@code user[:group]}, "" to leave it to the writer (root)
 * @param content the decoded content
 * @param append append to an existing file instead of replacing it
 */
public record WriteFile(String path, int mode, String owner, Bytes content, boolean append)
    implements Action {
  public WriteFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(content, "content");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must be absolute: " + path);
    }
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
    }
  }

  @Override
  public String type() {
    return "write-file";
  }

  @Override
  public String describe() {
    return (append ? "append " : "write ")
        + path
        + String.format(
            " (%04o%s, %d bytes)", mode, owner.isEmpty() ? "" : ", " + owner, content.size());
  }
}
