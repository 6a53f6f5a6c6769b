package dev.kindling.config;

import dev.kindling.value.Bytes;
import java.util.Objects;

/**
 * A {@code write_files} entry as written: content still encoded, permissions as raw text.
 *
 * @param path the path as written (not yet cleaned)
 * @param content the content, still encoded per {@code encoding}
 * @param encoding the encoding name, "" when the content is plain
 * @param owner {@code user[:group]}, "" for root
 * @param permissions the raw permission text ({@code 0644}), "" for the default 0644
 * @param append whether to append instead of replacing (cloud-init's {@code append})
 */
public record WriteFile(
    String path, Bytes content, String encoding, String owner, String permissions, boolean append) {
  public WriteFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(permissions, "permissions");
  }
}
