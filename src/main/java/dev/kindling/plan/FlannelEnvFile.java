package dev.kindling.plan;

import dev.kindling.config.EnvSection;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code coreos.flannel} to {@code /run/flannel/options.env}: one {@code KEY=value} line
 * per set field in table order, mode 0644. Unlike the original, the file ends with a newline
 * (without it, tools that append to the file glued their line to the last one:
 * docs/compatibility.md#flannel-optionsenv-ends-with-a-newline). Values are written raw, as
 * upstream: flanneld reads the file with systemd's {@code EnvironmentFile=}, and the values are
 * URLs, paths and addresses.
 */
public final class FlannelEnvFile {
  /** Where flanneld reads its options. */
  public static final String PATH = "/run/flannel/options.env";

  private FlannelEnvFile() {}

  /** The file content, or empty when no field is set. */
  public static Optional<String> render(EnvSection flannel) {
    Map<String, String> variables = EnvDropIns.variables(flannel);
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    variables.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return Optional.of(out.toString());
  }
}
