package dev.kindling.analysis.rules;

import dev.kindling.config.bind.SourceMap;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlScalar;
import java.util.Optional;

/**
 * Maps line numbers inside a multi-line value (unit content) to positions in the YAML file. Only a
 * literal block scalar ({@code |}) keeps lines one to one: content line N is file line N after the
 * {@code |}, at its first non-blank character. Other styles fold or unescape lines, so their
 * findings point at the scalar itself.
 */
final class ContentLines {
  private final SourceMap sources;
  private final String[] lines;

  ContentLines(SourceMap sources, String text) {
    this.sources = sources;
    this.lines = text.split("\n", -1);
  }

  /** Whether the value at {@code path} is a literal block scalar whose lines map one to one. */
  boolean isExact(ConfigPath path) {
    return literal(path).isPresent();
  }

  /** The file position of content line {@code line} (1-based) of the value at {@code path}. */
  Optional<Position> position(ConfigPath path, int line) {
    Optional<YamlScalar> scalar = literal(path);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    int fileLine = scalar.get().position().line() + line;
    if (fileLine > lines.length) {
      return Optional.empty();
    }
    return Optional.of(new Position(fileLine, firstNonBlankColumn(lines[fileLine - 1])));
  }

  private Optional<YamlScalar> literal(ConfigPath path) {
    Optional<YamlNode> node = sources.node(path);
    if (node.isPresent()
        && node.get() instanceof YamlScalar s
        && s.style() == YamlScalar.Style.LITERAL
        && (s.tag() == null || s.tag().equals("tag:yaml.org,2002:str"))) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  private static int firstNonBlankColumn(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    if (i == line.length() || line.charAt(i) == '\r') {
      return 1;
    }
    return line.codePointCount(0, i) + 1;
  }
}
