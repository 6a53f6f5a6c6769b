package dev.kindling.cli.compat;

import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlMapping;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.config.yaml.YamlSequence;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML nodes coreos-cloudinit's validator never saw: it read the document into a Go map, where
 * a key given again in the same mapping replaced the earlier entry, so nothing was reported about
 * the earlier entry's key or value (Kindling merges both and checks both).
 */
final class ShadowedNodes {
  private final Set<Position> live = new HashSet<>();
  private final Set<Position> replaced = new HashSet<>();
  private final Set<YamlNode> seenLive = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<YamlNode> seenReplaced = Collections.newSetFromMap(new IdentityHashMap<>());

  private ShadowedNodes() {}

  /**
   * The positions of the nodes of replaced entries in the cloud-config {@code text} (and of no node
   * the original did see); empty when the text is not readable YAML.
   */
  static Set<Position> in(byte[] text) {
    YamlDocument document = YamlParser.parse(text);
    if (document.root().isEmpty()) {
      return Set.of();
    }
    ShadowedNodes walk = new ShadowedNodes();
    walk.visit(document.root().get(), false);
    Set<Position> out = new HashSet<>(walk.replaced);
    out.removeAll(walk.live);
    return out;
  }

  private void visit(YamlNode node, boolean isReplaced) {
    if (!(isReplaced ? seenReplaced : seenLive).add(node)) {
      return; // an alias visited before
    }
    (isReplaced ? replaced : live).add(node.position());
    if (node instanceof YamlSequence seq) {
      for (YamlNode item : seq.items()) {
        visit(item, isReplaced);
      }
    } else if (node instanceof YamlMapping mapping) {
      List<YamlMapping.Entry> entries = mapping.entries();
      Map<String, Integer> last = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        int index = i;
        identity(entries.get(i)).ifPresent(k -> last.put(k, index));
      }
      for (int i = 0; i < entries.size(); i++) {
        YamlMapping.Entry e = entries.get(i);
        int index = i;
        boolean gone = isReplaced || identity(e).map(k -> last.get(k) != index).orElse(false);
        visit(e.key(), gone);
        visit(e.value(), gone);
      }
    }
  }

  /** The key as the Go map compared it (its resolved YAML value); none for merged entries. */
  private static Optional<String> identity(YamlMapping.Entry e) {
    if (e.merged() || !(e.key() instanceof YamlScalar s)) {
      return Optional.empty();
    }
    ResolvedScalar r = s.resolve();
    return Optional.of(r.type() + ":" + r.value());
  }
}
