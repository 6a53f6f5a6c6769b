package dev.kindling.config.bind;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.Finding;
import java.util.List;

/**
 * A bound config with what the binder found on the way (syntax, types, unknown and deprecated keys,
 * patterns), and where every value came from.
 */
public record BindResult(CloudConfig config, SourceMap sources, List<Finding> findings) {
  public BindResult {
    findings = List.copyOf(findings);
  }
}
