package dev.kindling.config.bind;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.Finding;
import dev.kindling.config.Rejection;
import java.util.List;

/**
 * A bound config with what the binder found on the way (syntax, types, unknown and deprecated keys,
 * patterns), where every value came from, and the binder's errors at their model paths.
 *
 * @param config the bound config
 * @param sources where its values came from
 * @param findings the findings, located, with display paths
 * @param rejections the error findings at their model paths (values run does not apply)
 */
public record BindResult(
    CloudConfig config, SourceMap sources, List<Finding> findings, List<Rejection> rejections) {
  public BindResult {
    findings = List.copyOf(findings);
    rejections = List.copyOf(rejections);
  }
}
