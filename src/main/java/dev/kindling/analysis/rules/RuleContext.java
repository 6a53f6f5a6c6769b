package dev.kindling.analysis.rules;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.bind.SourceMap;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.metadata.Metadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may look at: the bound config, where its values came from, the text it was parsed
 * from, and the metadata the analysis was given, if any.
 *
 * @param config the bound config
 * @param sources where its values came from
 * @param text the text that was parsed: with metadata, the user's text after templating
 * @param metadata the metadata the variables were substituted from; empty when they were not (then
 *     values still hold {@code $private_ipv4}-style variables)
 * @param substitutions where templating put a value into {@code text} (its start), in order
 */
public record RuleContext(
    CloudConfig config,
    SourceMap sources,
    String text,
    Optional<Metadata> metadata,
    List<Position> substitutions) {
  public RuleContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metadata, "metadata");
    substitutions = List.copyOf(substitutions);
  }

  /** Whether templating put a value into the scalar at {@code path}. */
  public boolean substituted(ConfigPath path) {
    Optional<YamlNode> node = sources.node(path);
    if (node.isEmpty() || !(node.get() instanceof YamlScalar scalar)) {
      return false;
    }
    return substitutions.stream()
        .anyMatch(p -> p.compareTo(scalar.position()) >= 0 && p.compareTo(scalar.end()) < 0);
  }
}
