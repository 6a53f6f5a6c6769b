package dev.kindling.plan;

import dev.kindling.config.UnitFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan's systemd units as a Graphviz graph ({@code render --format dot}, for {@code dot
 * -Tsvg}): one box per unit the plan places, masks, unmasks, enables or commands, one note per
 * drop-in (a dotted edge to its unit), and the {@code After=}, {@code Requires=} and {@code Wants=}
 * dependencies of their {@code [Unit]} sections as labelled edges. Units that are only named by a
 * dependency are dashed ellipses. Only names and paths appear, never unit contents.
 */
final class PlanDot {
  /** The dependency settings drawn as edges, in this order. */
  static final List<String> DEPENDENCIES = List.of("Requires", "Wants", "After");

  private PlanDot() {}

  /** A unit of the plan and what the plan does to it. */
  private static final class Node {
    final List<String> notes = new ArrayList<>();
    String path;
  }

  static String write(Plan plan) {
    Map<String, Node> units = new LinkedHashMap<>();
    Map<String, PlaceDropIn> dropIns = new LinkedHashMap<>();
    Set<List<String>> edges = new LinkedHashSet<>();
    for (Action a : plan.actions()) {
      if (a instanceof PlaceUnit p) {
        node(units, p.unit()).path = p.path();
        dependencies(p.unit(), p.content(), edges);
      } else if (a instanceof PlaceDropIn d) {
        node(units, d.unit());
        dropIns.put(d.unit() + "/" + d.name(), d);
        dependencies(d.unit(), d.content(), edges);
      } else if (a instanceof MaskUnit m) {
        node(units, m.unit()).notes.add("masked");
      } else if (a instanceof UnmaskUnit u) {
        node(units, u.unit()).notes.add("unmasked");
      } else if (a instanceof EnableUnit e) {
        node(units, e.unit()).notes.add(e.runtime() ? "enabled (runtime)" : "enabled");
      } else if (a instanceof UnitCommand c) {
        node(units, c.unit()).notes.add(c.command());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("digraph plan {\n");
    out.append("  rankdir=LR;\n");
    out.append("  node [shape=box, fontname=\"monospace\"];\n");
    for (Map.Entry<String, Node> e : units.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add(e.getKey());
      if (e.getValue().path != null) {
        lines.add(e.getValue().path);
      }
      if (!e.getValue().notes.isEmpty()) {
        lines.add(String.join(", ", e.getValue().notes));
      }
      out.append("  ").append(id(e.getKey())).append(" [label=").append(label(lines));
      if (e.getValue().notes.contains("masked")) {
        out.append(", style=filled, fillcolor=lightgrey");
      }
      out.append("];\n");
    }
    for (Map.Entry<String, PlaceDropIn> e : dropIns.entrySet()) {
      out.append("  ")
          .append(id(e.getKey()))
          .append(" [shape=note, label=")
          .append(label(List.of(e.getValue().name(), e.getValue().path())))
          .append("];\n");
      out.append("  ")
          .append(id(e.getKey()))
          .append(" -> ")
          .append(id(e.getValue().unit()))
          .append(" [style=dotted, arrowhead=none];\n");
    }
    Set<String> named = new LinkedHashSet<>();
    for (List<String> edge : edges) {
      if (!units.containsKey(edge.get(2))) {
        named.add(edge.get(2));
      }
    }
    for (String unit : named) {
      out.append("  ")
          .append(id(unit))
          .append(" [shape=ellipse, style=dashed, label=")
          .append(label(List.of(unit)))
          .append("];\n");
    }
    for (List<String> edge : edges) {
      out.append("  ")
          .append(id(edge.get(0)))
          .append(" -> ")
          .append(id(edge.get(2)))
          .append(" [label=")
          .append(id(edge.get(1)))
          .append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static Node node(Map<String, Node> units, String unit) {
    return units.computeIfAbsent(unit, u -> new Node());
  }

  /**
   * The dependency edges of one unit file or drop-in: each name of an {@code After=}, {@code
   * Requires=} or {@code Wants=} line of its {@code [Unit]} section; an empty assignment resets the
   * names given before it in the same file, as systemd does.
   */
  private static void dependencies(String unit, String content, Set<List<String>> edges) {
    UnitFile file = UnitFile.parse(content);
    Map<String, Set<String>> byKey = new LinkedHashMap<>();
    for (UnitFile.Section section : file.sections()) {
      if (!section.name().equals("Unit")) {
        continue;
      }
      for (UnitFile.Setting s : section.settings()) {
        if (!DEPENDENCIES.contains(s.key())) {
          continue;
        }
        Set<String> names = byKey.computeIfAbsent(s.key(), k -> new LinkedHashSet<>());
        if (s.value().isBlank()) {
          names.clear();
        }
        for (String name : s.value().strip().split("\\s+", -1)) {
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    }
    for (String key : DEPENDENCIES) {
      for (String target : byKey.getOrDefault(key, Set.of())) {
        edges.add(List.of(unit, key, target));
      }
    }
  }

  /** A quoted Graphviz ID: {@code "} and {@code \} escaped, control characters dropped. */
  static String id(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c != 0x7f) {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A label of several lines (Graphviz's {@code \n} between them). */
  private static String label(List<String> lines) {
    List<String> quoted = new ArrayList<>();
    for (String line : lines) {
      String q = id(line);
      quoted.add(q.substring(1, q.length() - 1));
    }
    return "\"" + String.join("\\n", quoted) + "\"";
  }
}
