package dev.kindling.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Merge variables into an environment file (the {@code COREOS_*} lines of {@code
 * /etc/environment}): existing lines kept, matching keys replaced in place, new keys appended
 * sorted; written only if it changes. The merge itself is {@link EnvironmentFileMerge}, applied to
 * the file's current content at apply time.
 */
public record MergeEnvironmentFile(String path, Map<String, String> variables) implements Action {
  public MergeEnvironmentFile {
    Objects.requireNonNull(path, "path");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  @Override
  public String type() {
    return "merge-environment-file";
  }

  @Override
  public String describe() {
    return "merge " + variables.keySet() + " into " + path;
  }
}
