package dev.kindling.analysis.rules;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.bind.SourceMap;
import dev.kindling.metadata.Metadata;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may look at: the bound config, where its values came from, the source text, and the
 * metadata given with {@code --metadata}, if any.
 */
public record RuleContext(
    CloudConfig config, SourceMap sources, String text, Optional<Metadata> metadata) {
  public RuleContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metadata, "metadata");
  }
}
