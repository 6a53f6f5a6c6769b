package dev.kindling.config.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A logical location inside a config document: mapping keys and sequence indexes, printed as {@code
 * coreos.units[0].name}.
 */
public record ConfigPath(List<Object> segments) {
  private static final ConfigPath ROOT = new ConfigPath(List.of());

  public ConfigPath {
    segments = List.copyOf(segments);
    for (Object s : segments) {
      if (!(s instanceof String) && !(s instanceof Integer)) {
        throw new IllegalArgumentException("path segment must be a key or an index: " + s);
      }
    }
  }

  /** The document root. */
  public static ConfigPath root() {
    return ROOT;
  }

  /** A path from keys ({@code String}) and indexes ({@code Integer}). */
  public static ConfigPath of(Object... segments) {
    return new ConfigPath(List.of(segments));
  }

  /** This path extended by a mapping key. */
  public ConfigPath key(String key) {
    return append(key);
  }

  /** This path extended by a sequence index. */
  public ConfigPath index(int index) {
    return append(index);
  }

  private ConfigPath append(Object segment) {
    List<Object> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(segment);
    return new ConfigPath(next);
  }

  /** The enclosing path; the root is its own parent. */
  public ConfigPath parent() {
    return segments.isEmpty() ? this : new ConfigPath(segments.subList(0, segments.size() - 1));
  }

  /** Whether this is the document root. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The last key of this path, skipping indexes; empty for the root. */
  public String lastKey() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i) instanceof String s) {
        return s;
      }
    }
    return "";
  }

  /** The last segment as the original validator named nodes: {@code users[1]} or {@code name}. */
  public String nodeName() {
    if (segments.isEmpty()) {
      return "";
    }
    Object last = segments.get(segments.size() - 1);
    if (last instanceof Integer i) {
      return parent().nodeName() + "[" + i + "]";
    }
    return (String) last;
  }

  /** Whether {@code other} is this path or lies below it. */
  public boolean contains(ConfigPath other) {
    return other.segments.size() >= segments.size()
        && other.segments.subList(0, segments.size()).equals(segments);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(s);
      }
    }
    return out.toString();
  }

  /**
   * Equal segments. Written out rather than generated: the generated one bootstraps an
   * invokedynamic call site (ObjectMethods, method handles spun at run time) the first time it
   * runs, several milliseconds of every start-up.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigPath other && segments.equals(other.segments);
  }

  /** The segments' hash (see {@link #equals}). */
  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
