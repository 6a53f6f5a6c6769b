package dev.kindling.validate;

import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlMapping;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.config.yaml.YamlSequence;
import dev.kindling.value.Redaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source lines of a cloud-config as reports may show them: the value of every field that may
 * hold a secret ({@code passwd}, {@code write_files} content, keys, tokens: {@link
 * Redaction#isSecret}) is replaced by one {@code *} per character, so excerpts keep their columns
 * and a caret still points where the finding is. Unit and drop-in content is shown: its lines are
 * what unit findings are about.
 *
 * <p>When the document did not parse there is no tree; then a line of the form {@code key: value}
 * with a secret key has its value masked.
 */
final class SecretMask {
  private static final Pattern KEY_VALUE =
      Pattern.compile("^(\\s*(?:-\\s+)?)([\"']?)([A-Za-z0-9_-]+)\\2\\s*:(\\s+)(\\S.*?)\\s*$");

  /** Columns to mask per line: line number (1-based) to [from, to) pairs of 1-based columns. */
  private final Map<Integer, List<int[]>> spans = new HashMap<>();

  private SecretMask() {}

  /** {@code lines} (the document split at {@code \n}) with secret values masked. */
  static List<String> apply(List<String> lines, YamlDocument document) {
    if (document.root().isEmpty()) {
      return byKeyValueLines(lines);
    }
    SecretMask mask = new SecretMask();
    mask.walk(document.root().get(), new ArrayList<>(), false);
    if (mask.spans.isEmpty()) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines);
    mask.spans.forEach(
        (line, ranges) -> {
          if (line >= 1 && line <= out.size()) {
            out.set(line - 1, masked(out.get(line - 1), ranges));
          }
        });
    return out;
  }

  private void walk(YamlNode node, List<Object> path, boolean secret) {
    if (node instanceof YamlScalar s) {
      if (secret) {
        add(s);
      }
    } else if (node instanceof YamlSequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        path.add(i);
        walk(seq.items().get(i), path, secret);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof YamlMapping map) {
      for (YamlMapping.Entry e : map.entries()) {
        Object key = e.key() instanceof YamlScalar k ? k.text().replace('-', '_') : "?";
        path.add(key);
        walk(e.value(), path, secret || isSecret(path));
        path.remove(path.size() - 1);
      }
    }
  }

  /** Secret per {@link Redaction}, except the content of units and drop-ins. */
  private static boolean isSecret(List<Object> path) {
    if (!Redaction.isSecret(path)) {
      return false;
    }
    boolean unitContent =
        path.size() >= 4
            && path.get(0).equals("coreos")
            && path.get(1).equals("units")
            && path.get(path.size() - 1).equals("content")
            && (path.size() == 4 || (path.size() == 6 && path.get(3).equals("drop_ins")));
    return !unitContent;
  }

  private void add(YamlScalar s) {
    Position start = s.position();
    Position end = s.end();
    if (s.style().isBlock()) {
      // The start is the | or > indicator; the text is on the lines below it.
      for (int line = start.line() + 1; line <= end.line(); line++) {
        if (line < end.line() || end.column() > 1) {
          range(line, 1, line < end.line() ? Integer.MAX_VALUE : end.column());
        }
      }
      return;
    }
    if (start.line() == end.line()) {
      range(start.line(), start.column(), end.column());
      return;
    }
    range(start.line(), start.column(), Integer.MAX_VALUE);
    for (int line = start.line() + 1; line < end.line(); line++) {
      range(line, 1, Integer.MAX_VALUE);
    }
    range(end.line(), 1, end.column());
  }

  private void range(int line, int from, int to) {
    spans.computeIfAbsent(line, l -> new ArrayList<>()).add(new int[] {from, to});
  }

  /** The line with the code points in the ranges (1-based columns) masked, indentation kept. */
  private static String masked(String line, List<int[]> ranges) {
    int[] cps = line.codePoints().toArray();
    int indent = 0;
    while (indent < cps.length && (cps[indent] == ' ' || cps[indent] == '\t')) {
      indent++;
    }
    for (int[] r : ranges) {
      int from = Math.max(r[0] - 1, indent);
      int to = (int) Math.min((long) r[1] - 1, cps.length);
      for (int i = from; i < to; i++) {
        if (cps[i] != '\r') {
          cps[i] = '*';
        }
      }
    }
    return new String(cps, 0, cps.length);
  }

  private static List<String> byKeyValueLines(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      Matcher m = KEY_VALUE.matcher(line);
      if (m.matches() && isSecret(List.of(m.group(3).replace('-', '_')))) {
        int from = m.start(5);
        String value = m.group(5);
        out.add(
            line.substring(0, from)
                + "*".repeat(value.codePointCount(0, value.length()))
                + line.substring(m.end(5)));
      } else {
        out.add(line);
      }
    }
    return out;
  }
}
