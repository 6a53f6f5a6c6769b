package dev.kindling.cli.compat;

import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlMapping;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.config.yaml.YamlSequence;
import dev.kindling.plan.GoFloat;
import dev.kindling.value.GoQuote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A cloud-config document as coreos-cloudinit's validator saw it. It read the document into a Go
 * map, where a key given again in the same mapping replaced the earlier entry, so it never saw the
 * earlier entry (Kindling merges both and checks both). And it did not know Kindling's own keys
 * ({@code write_files[].append}, {@code bootcmd}, {@code runcmd}): it called each an unrecognized
 * key and did not look inside.
 */
final class OriginalView {
  /** Kindling's own keys, as paths of canonical key names ("*" for any list item). */
  private static final Set<List<String>> KINDLING_KEYS =
      Set.of(List.of("write_files", "*", "append"), List.of("bootcmd"), List.of("runcmd"));

  /** A Kindling key the original reported as unrecognized. */
  record KindlingKey(String name, Position position) {}

  /** A {@code write_files[].path} value the original saw. */
  record FilePath(String text, Position position) {}

  private static final List<String> FILE_PATH = List.of("write_files", "*", "path");
  private static final List<String> WRITE_FILE = List.of("write_files", "*");

  /** The keys the original checked against a pattern (its checkValidity). */
  private static final Set<List<String>> PATTERN_KEYS =
      Set.of(
          List.of("write_files", "*", "encoding"),
          List.of("write_files", "*", "permissions"),
          List.of("coreos", "units", "*", "command"),
          List.of("coreos", "update", "reboot_strategy"),
          List.of("coreos", "locksmith", "window_start"),
          List.of("coreos", "locksmith", "window_length"),
          List.of("coreos", "etcd2", "proxy"));

  /**
   * Positions of scalars (keys and values) the original saw; a collection starts at its first key.
   */
  private final Set<Position> seen = new HashSet<>();

  private final Set<Position> unseen = new HashSet<>();
  private final List<KindlingKey> kindlingKeys = new ArrayList<>();
  private final Map<Position, String> keyNames = new HashMap<>();
  private final List<FilePath> filePaths = new ArrayList<>();
  private Optional<String> crash = Optional.empty();
  private final Map<Position, Position> decidingValues = new HashMap<>();
  private final Map<Position, Integer> contentLines = new HashMap<>();
  private final Set<YamlNode> visitedSeen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<YamlNode> visitedUnseen = Collections.newSetFromMap(new IdentityHashMap<>());

  private OriginalView() {}

  /** The view of the cloud-config {@code text}; an empty view when it is not readable YAML. */
  static OriginalView of(byte[] text) {
    OriginalView view = new OriginalView();
    YamlDocument document = YamlParser.parse(text);
    document.root().ifPresent(root -> view.visit(root, List.of(), false));
    view.unseen.removeAll(view.seen);
    return view;
  }

  /**
   * The positions of nodes the original did not see (unless a key or value it saw is there too; a
   * block mapping starts where its first key does, and that key decides).
   */
  Set<Position> unseen() {
    return unseen;
  }

  /** Kindling's own keys in the parts the original saw, in document order. */
  List<KindlingKey> kindlingKeys() {
    return kindlingKeys;
  }

  /**
   * The names the original gave keys YAML reads as numbers, booleans or null (Go's {@code %s} of
   * the value: {@code %!s(int=1)}, {@code %!s(bool=true)}, {@code %!s(float64=1.5)}, {@code
   * %!s(<nil>)}), and Go's {@code %#v} of a sequence or mapping used as a key (the original's YAML
   * error: {@code invalid map key: []interface {}{"a", "b"}}), by the key's position.
   */
  Map<Position, String> keyNames() {
    return keyNames;
  }

  /**
   * Why the original's validator crashed, if it did: it compared the value of a key with a pattern
   * without checking its type, and a null, a list or a mapping there was a Go panic (the first one
   * in document order; the original's own order was random).
   */
  Optional<String> crash() {
    return crash;
  }

  /**
   * For a key with a pattern given in both spellings in one mapping ({@code reboot-strategy} and
   * {@code reboot_strategy}): the position of each one's value to the position of the value the
   * original checked them all with (the last one's: its decoder kept the last).
   */
  Map<Position, Position> decidingValues() {
    return decidingValues;
  }

  /**
   * For each {@code write_files[].encoding} value: the line of its entry's {@code content}, where
   * the original reported that the content cannot be decoded (the entry's line without content).
   */
  Map<Position, Integer> contentLines() {
    return contentLines;
  }

  /** The {@code write_files[].path} values the original saw, in document order. */
  List<FilePath> filePaths() {
    return filePaths;
  }

  /** {@code path}: the canonical keys from the root ("*" for list items), null off the schema. */
  private void visit(YamlNode node, List<String> path, boolean hidden) {
    if (!(hidden ? visitedUnseen : visitedSeen).add(node)) {
      return; // an alias visited before
    }
    if (hidden) {
      unseen.add(node.position());
    } else if (node instanceof YamlScalar) {
      seen.add(node.position());
    }
    if (node instanceof YamlSequence seq) {
      List<String> item = path == null ? null : with(path, "*");
      for (YamlNode i : seq.items()) {
        visit(i, item, hidden);
      }
    } else if (node instanceof YamlMapping mapping) {
      List<YamlMapping.Entry> entries = mapping.entries();
      Map<String, Integer> last = new HashMap<>();
      Map<List<String>, List<Position>> spellings = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        int index = i;
        identity(entries.get(i)).ifPresent(k -> last.put(k, index));
      }
      for (int i = 0; i < entries.size(); i++) {
        YamlMapping.Entry e = entries.get(i);
        int index = i;
        boolean replaced = identity(e).map(k -> last.get(k) != index).orElse(false);
        List<String> child =
            path != null && e.key() instanceof YamlScalar s
                ? with(path, s.text().replace('-', '_'))
                : null;
        boolean kindling = child != null && KINDLING_KEYS.contains(child);
        if (kindling && !hidden && !replaced) {
          kindlingKeys.add(new KindlingKey(child.get(child.size() - 1), e.key().position()));
        }
        boolean gone = hidden || replaced || kindling;
        if (!gone && crash.isEmpty() && child != null && PATTERN_KEYS.contains(child)) {
          crash = panic(e.value());
        }
        if (!gone && child != null && PATTERN_KEYS.contains(child)) {
          spellings.computeIfAbsent(child, k -> new ArrayList<>()).add(e.value().position());
        }
        if (!gone && FILE_PATH.equals(child) && e.value() instanceof YamlScalar value) {
          filePaths.add(new FilePath(value.text(), value.position()));
        }
        if (e.key() instanceof YamlScalar s) {
          goName(s).ifPresent(name -> keyNames.put(s.position(), name));
        } else {
          keyNames.put(e.key().position(), goSyntax(e.key(), 0));
        }
        visit(e.key(), null, gone);
        visit(e.value(), child, gone);
      }
      if (!hidden && path != null && path.equals(WRITE_FILE)) {
        Position content = mapping.position();
        Position encoding = null;
        for (YamlMapping.Entry e : entries) {
          if (e.key() instanceof YamlScalar k) {
            switch (k.text().replace('-', '_')) {
              case "content" -> content = e.value().position();
              case "encoding" -> encoding = e.value().position();
              default -> {}
            }
          }
        }
        if (encoding != null) {
          contentLines.put(encoding, content.line());
        }
      }
      for (List<Position> values : spellings.values()) {
        if (values.size() > 1) {
          values.forEach(v -> decidingValues.put(v, values.get(values.size() - 1)));
        }
      }
    }
  }

  private static List<String> with(List<String> path, String segment) {
    List<String> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(segment);
    return out;
  }

  /** Go's {@code %#v} of a YAML value decoded into {@code interface{}} (nesting cut at 20). */
  private static String goSyntax(YamlNode node, int depth) {
    if (depth > 20) {
      return "...";
    }
    if (node instanceof YamlSequence seq) {
      List<String> items = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        items.add(goSyntax(item, depth + 1));
      }
      return "[]interface {}{" + String.join(", ", items) + "}";
    }
    if (node instanceof YamlMapping mapping) {
      TreeMap<String, String> entries = new TreeMap<>();
      for (YamlMapping.Entry e : mapping.entries()) {
        entries.put(goSyntax(e.key(), depth + 1), goSyntax(e.value(), depth + 1));
      }
      List<String> pairs = new ArrayList<>();
      entries.forEach((k, v) -> pairs.add(k + ":" + v));
      return "map[interface {}]interface {}{" + String.join(", ", pairs) + "}";
    }
    YamlScalar scalar = (YamlScalar) node;
    ResolvedScalar r = scalar.resolve();
    return switch (r.type()) {
      case INT, BOOL -> String.valueOf(r.value());
      case FLOAT -> GoFloat.format((Double) r.value());
      case NULL -> "interface {}(nil)";
      default -> GoQuote.quote(scalar.text());
    };
  }

  /** The Go panic of the original's pattern check on {@code value}, if it was one. */
  private static Optional<String> panic(YamlNode value) {
    if (value instanceof YamlSequence) {
      return Optional.of("runtime error: comparing uncomparable type []interface {}");
    }
    if (value instanceof YamlMapping) {
      return Optional.of(
          "runtime error: comparing uncomparable type map[interface {}]interface {}");
    }
    if (value instanceof YamlScalar s && s.resolve().type() == ResolvedScalar.Type.NULL) {
      return Optional.of("reflect: call of reflect.Value.Interface on zero Value");
    }
    return Optional.empty();
  }

  /** Go's {@code %s} of a key that is not a string, or empty for a string. */
  private static Optional<String> goName(YamlScalar key) {
    ResolvedScalar r = key.resolve();
    return switch (r.type()) {
      case INT -> Optional.of("%!s(int=" + r.value() + ")");
      case BOOL -> Optional.of("%!s(bool=" + r.value() + ")");
      case FLOAT -> Optional.of("%!s(float64=" + GoFloat.format((Double) r.value()) + ")");
      case NULL -> Optional.of("%!s(<nil>)");
      default -> Optional.empty();
    };
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
