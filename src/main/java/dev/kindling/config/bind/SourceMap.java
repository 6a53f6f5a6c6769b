package dev.kindling.config.bind;

import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each bound value came from: model path to the YAML key and value nodes, and to the path
 * shown to users. Rules report against model paths; {@link #locate} turns those into positions,
 * walking up to the deepest ancestor that exists, as vcontext's {@code Correlate} does.
 */
public final class SourceMap {
  /**
   * The origin of one bound value.
   *
   * @param displayPath the path as users see it (YAML indexes, canonical key names)
   * @param key the key node of the mapping entry, or null for list elements and the root
   * @param value the value node
   */
  public record Origin(ConfigPath displayPath, YamlNode key, YamlNode value) {}

  private final Map<ConfigPath, Origin> origins = new HashMap<>();

  void put(ConfigPath modelPath, Origin origin) {
    origins.put(modelPath, origin);
  }

  /** The origin of the value at a model path, if it was bound from the document. */
  public Optional<Origin> origin(ConfigPath modelPath) {
    return Optional.ofNullable(origins.get(modelPath));
  }

  /** The value node at a model path, if present. */
  public Optional<YamlNode> node(ConfigPath modelPath) {
    return origin(modelPath).map(Origin::value);
  }

  /**
   * A finding about a model path, re-addressed to its display path and given the position of its
   * key or value (or of the deepest existing ancestor). Findings that already have a position keep
   * it (their path is still re-addressed).
   */
  public Finding locate(Finding finding) {
    ConfigPath path = finding.path();
    while (true) {
      Origin origin = origins.get(path);
      if (origin != null) {
        boolean exact = path.equals(finding.path());
        YamlNode node =
            exact && finding.target() == Finding.Target.KEY && origin.key() != null
                ? origin.key()
                : origin.value();
        ConfigPath display =
            exact ? origin.displayPath() : graft(origin.displayPath(), path, finding.path());
        return finding.withPath(display).at(finding.position().orElse(node.position()));
      }
      if (path.isRoot()) {
        return finding.at(finding.position().orElse(Position.START));
      }
      path = path.parent();
    }
  }

  /** The display path of {@code ancestor} followed by the rest of {@code full} below it. */
  private static ConfigPath graft(ConfigPath display, ConfigPath ancestor, ConfigPath full) {
    ConfigPath out = display;
    for (Object segment :
        full.segments().subList(ancestor.segments().size(), full.segments().size())) {
      out = segment instanceof Integer i ? out.index(i) : out.key((String) segment);
    }
    return out;
  }
}
