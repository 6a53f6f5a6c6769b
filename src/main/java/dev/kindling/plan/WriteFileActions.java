package dev.kindling.plan;

import dev.kindling.config.ContentDecoder;
import dev.kindling.config.Permissions;
import dev.kindling.config.WriteFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the {@code write_files} of one cloud-config: the path cleaned like Go's {@code
 * path.Join("/", p)}, the content decoded per {@code encoding}, the mode parsed from {@code
 * permissions} (default 0644) keeping setuid, setgid and sticky bits
 * (docs/compatibility.md#setuid-setgid-and-sticky-bits-are-kept), the owner as written and
 * cloud-init's {@code append}. An entry that cannot be written (no path, content that does not
 * decode, invalid permissions) becomes a {@link RejectedItem} in its place and the other entries
 * still go ahead (the original dropped the whole config, or stopped half-way:
 * docs/compatibility.md#one-bad-write_files-entry-does-not-drop-the-config).
 */
final class WriteFileActions {
  private WriteFileActions() {}

  static List<Action> plan(List<WriteFile> files, String subjectPrefix) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      actions.add(plan(files.get(i), subjectPrefix + "write_files[" + i + "]"));
    }
    return actions;
  }

  /** The cleaned target path of an entry, or empty when it has no path. */
  static Optional<String> target(WriteFile file) {
    return file.path().isEmpty() ? Optional.empty() : Optional.of(GoPath.rooted(file.path()));
  }

  private static Action plan(WriteFile file, String subject) {
    Optional<String> path = target(file);
    if (path.isEmpty()) {
      return new RejectedItem(subject, "no file path given (path:)");
    }
    if (path.get().equals("/")) {
      return new RejectedItem(subject + " " + file.path(), "the path names the root directory");
    }
    if (path.get().indexOf('\0') >= 0) {
      return new RejectedItem(subject, "the path contains a NUL character");
    }
    String named = subject + " " + path.get();
    Optional<Integer> mode = Permissions.parse(file.permissions());
    if (mode.isEmpty()) {
      return new RejectedItem(
          named, "invalid permissions \"" + file.permissions() + "\" (an octal mode such as 0644)");
    }
    ContentDecoder.Result decoded = ContentDecoder.decode(file.encoding(), file.content());
    if (decoded instanceof ContentDecoder.Decoded d) {
      return new dev.kindling.plan.WriteFile(
          path.get(), mode.get(), file.owner(), d.content(), file.append());
    }
    String reason = ((ContentDecoder.Failed) decoded).reason();
    return new RejectedItem(
        named, "content cannot be decoded as \"" + file.encoding() + "\": " + reason);
  }
}
