package dev.kindling.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Merge {@code GROUP}, {@code REBOOT_STRATEGY} and {@code SERVER} into {@code
 * /etc/coreos/update.conf}, starting from that file or, when absent, from {@code
 * /usr/share/coreos/update.conf} of the same root.
 */
public record MergeUpdateConf(String path, String basePath, Map<String, String> variables)
    implements Action {
  public MergeUpdateConf {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(basePath, "basePath");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  @Override
  public String type() {
    return "merge-update-conf";
  }

  @Override
  public String describe() {
    return "merge " + variables.keySet() + " into " + path;
  }
}
