package dev.kindling.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges variables into an environment file the way coreos-cloudinit updates {@code
 * /etc/environment} (upstream system/env_file.go): existing lines are kept in order (CRLF becomes
 * LF, a missing final newline is added), the first {@code KEY=...} line of each pending key is
 * replaced by {@code KEY=value}, and keys not found are appended sorted by name.
 */
public final class EnvironmentFileMerge {
  private static final Pattern VALID_KEY = Pattern.compile("[a-zA-Z0-9_]+");
  private static final Pattern ASSIGNMENT = Pattern.compile("([a-zA-Z0-9_]+)=(.*)");

  private EnvironmentFileMerge() {}

  /**
   * The new file content, or empty when nothing is to be written: no variables, or the result is
   * byte-for-byte the existing content.
   *
   * @param existing the current content, empty when the file does not exist
   * @param variables the variables to set
   * @throws IllegalArgumentException for a key that is not {@code [a-zA-Z0-9_]+}
   */
  public static Optional<String> merge(Optional<String> existing, Map<String, String> variables) {
    for (String key : variables.keySet()) {
      if (!VALID_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("invalid name \"" + key + "\" for an environment file");
      }
    }
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    TreeMap<String, String> pending = new TreeMap<>(variables);
    List<String> lines = new ArrayList<>();
    String current = existing.orElse("");
    if (!current.isEmpty()) {
      for (String line : current.replace("\r\n", "\n").split("\n", -1)) {
        lines.add(line);
      }
      if (lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ASSIGNMENT.matcher(lines.get(i));
      if (m.matches() && pending.containsKey(m.group(1))) {
        lines.set(i, m.group(1) + "=" + pending.remove(m.group(1)));
      }
    }
    pending.forEach((k, v) -> lines.add(k + "=" + v));
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line).append('\n');
    }
    String merged = out.toString();
    return merged.equals(current) ? Optional.empty() : Optional.of(merged);
  }
}
