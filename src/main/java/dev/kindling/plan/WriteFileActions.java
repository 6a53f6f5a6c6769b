package dev.kindling.plan;

import dev.kindling.config.ContentDecoder;
import dev.kindling.config.Permissions;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the {@code write_files} of one cloud-config: the path cleaned like Go's {@code
 * path.Join("/", p)}, the content decoded per {@code encoding}, the mode parsed from {@code
 * permissions} (default 0644) keeping setuid, setgid and sticky bits
 * (docs/compatibility.md#setuid-setgid-and-sticky-bits-are-kept), the owner as written and
 * cloud-init's {@code append}. An entry the analysis rejected (no path, content that does not
 * decode, invalid permissions, a read-only target, ...) becomes a {@link RejectedItem} in its place
 * and the other entries still go ahead (the original dropped the whole config, or stopped half-way:
 * docs/compatibility.md#one-bad-write_files-entry-does-not-drop-the-config).
 */
final class WriteFileActions {
  private WriteFileActions() {}

  static List<Action> plan(List<WriteFile> files, Rejections rejections) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      WriteFile file = files.get(i);
      // The cleaned target names the entry; "/" says little, so the path as written does then.
      String subject =
          "write_files["
              + i
              + "]"
              + target(file).map(t -> " " + (t.equals("/") ? file.path() : t)).orElse("");
      actions.add(
          rejections
              .reject(subject, ConfigPath.of("write_files", i))
              .orElseGet(() -> plan(file, subject)));
    }
    return actions;
  }

  /** The cleaned target path of an entry, or empty when it has no path. */
  static Optional<String> target(WriteFile file) {
    return file.path().isEmpty() ? Optional.empty() : Optional.of(GoPath.rooted(file.path()));
  }

  /** An accepted entry: it has a path, its permissions parse and its content decodes. */
  private static Action plan(WriteFile file, String subject) {
    String path = target(file).orElseThrow(() -> accepted(subject, "no path"));
    int mode =
        Permissions.parse(file.permissions())
            .orElseThrow(() -> accepted(subject, "invalid permissions"));
    ContentDecoder.Result decoded = ContentDecoder.decode(file.encoding(), file.content());
    if (!(decoded instanceof ContentDecoder.Decoded d)) {
      throw accepted(subject, "content that does not decode");
    }
    return new dev.kindling.plan.WriteFile(path, mode, file.owner(), d.content(), file.append());
  }

  private static IllegalStateException accepted(String subject, String what) {
    return new IllegalStateException(
        "the analysis accepted " + subject + " with " + what + ": a rule is missing");
  }
}
