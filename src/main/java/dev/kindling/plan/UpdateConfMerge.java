package dev.kindling.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges {@code coreos.update} settings into {@code update.conf} text (upstream system/update.go)
 * with one fix (docs/compatibility.md#updateconf-keys-are-matched-exactly): a line is replaced only
 * when its key is exactly the variable ({@code GROUPS=x} is no longer overwritten by {@code
 * GROUP}). Each variable replaces at most one line; the rest are appended sorted by name; every
 * line ends with a newline.
 */
public final class UpdateConfMerge {
  private UpdateConfMerge() {}

  /** The merged text of {@code base} (possibly "") with {@code variables} applied. */
  public static String merge(String base, Map<String, String> variables) {
    TreeMap<String, String> pending = new TreeMap<>(variables);
    List<String> lines = new ArrayList<>();
    if (!base.isEmpty()) {
      String[] split = base.split("\n", -1);
      int count = base.endsWith("\n") ? split.length - 1 : split.length;
      for (int i = 0; i < count; i++) {
        String line = split[i];
        lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      if (eq > 0) {
        String key = line.substring(0, eq);
        if (pending.containsKey(key)) {
          lines.set(i, key + "=" + pending.remove(key));
        }
      }
    }
    pending.forEach((k, v) -> lines.add(k + "=" + v));
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
