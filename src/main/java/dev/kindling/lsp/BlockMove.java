package dev.kindling.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Moves a key with everything below it to another place of the document ({@code units:} at the top
 * level into {@code coreos:}), re-indented, creating the mappings on the way that do not exist yet.
 * Works on block-style YAML; a key inside a sequence entry line is not moved.
 */
final class BlockMove {
  /** Indentation of created mappings when the document shows none to copy. */
  private static final int STEP = 2;

  private final YamlOutline outline;
  private final TextDocument document;

  private BlockMove(YamlOutline outline) {
    this.outline = outline;
    this.document = outline.document();
  }

  /**
   * The edits that move the entry on line {@code index} to {@code target} (canonical keys from the
   * root, the last one the key's own name), if it can be done.
   */
  static Optional<List<TextEdit>> edits(YamlOutline outline, int index, List<String> target) {
    return new BlockMove(outline).move(index, target);
  }

  private Optional<List<TextEdit>> move(int index, List<String> target) {
    YamlOutline.Line source = outline.line(index);
    if (source.kind() != YamlOutline.Kind.ENTRY
        || !source.dashes().isEmpty()
        || target.isEmpty()
        || outline.entryPath(index).isEmpty()) {
      return Optional.empty();
    }
    int end = outline.blockEnd(index);
    List<String> parent = target.subList(0, target.size() - 1);
    int depth = parent.size();
    int found = -1;
    while (depth > 0) {
      found = mappingAt(parent.subList(0, depth), index, end);
      if (found >= 0) {
        break;
      }
      depth--;
    }
    int indent;
    int step = STEP;
    int insertAt;
    if (found >= 0) {
      int column = outline.line(found).keyStart();
      int child = firstChildColumn(found);
      if (child > column) {
        step = child - column;
      }
      indent = column + step;
      insertAt = found + 1 < document.lineCount() ? document.lineStart(found + 1) : -1;
    } else {
      indent = 0;
      insertAt = document.lineStart(topLevelLine(index));
    }
    StringBuilder text = new StringBuilder();
    for (String key : parent.subList(depth, parent.size())) {
      text.append(" ".repeat(indent)).append(key).append(":\n");
      indent += step;
    }
    text.append(reindented(index, end, indent - source.keyStart()));
    String moved = text.toString();
    String withoutBreak = moved.substring(0, moved.length() - 1);
    int blockStart = document.lineStart(index);
    boolean last = end + 1 >= document.lineCount();
    int blockEnd = last ? document.text().length() : document.lineStart(end + 1);
    if (insertAt == blockStart) {
      return Optional.of(List.of(edit(blockStart, blockEnd, last ? withoutBreak : moved)));
    }
    List<TextEdit> edits = new ArrayList<>();
    if (insertAt < 0) {
      int length = document.text().length();
      edits.add(edit(length, length, "\n" + withoutBreak));
    } else {
      edits.add(edit(insertAt, insertAt, moved));
    }
    // the block is the document's last line: take the line break before it instead
    int deleteFrom = last && index > 0 ? document.lineEnd(index - 1) : blockStart;
    edits.add(edit(deleteFrom, blockEnd, ""));
    return Optional.of(edits);
  }

  /** The line of a block mapping at {@code path} outside lines {@code from..to}, or -1. */
  private int mappingAt(List<String> path, int from, int to) {
    for (int m = 0; m < outline.size(); m++) {
      YamlOutline.Line line = outline.line(m);
      if ((m >= from && m <= to) || !line.opensBlock() || !line.dashes().isEmpty()) {
        continue;
      }
      Optional<List<String>> at = outline.entryPath(m);
      if (at.isPresent() && canonical(at.get()).equals(path)) {
        return m;
      }
    }
    return -1;
  }

  /** The column of the first key below the entry on line {@code index}, or -1. */
  private int firstChildColumn(int index) {
    for (int m = index + 1; m < outline.size(); m++) {
      YamlOutline.Line line = outline.line(m);
      if (!line.isStructural()) {
        continue;
      }
      return line.kind() == YamlOutline.Kind.ENTRY && line.dashes().isEmpty()
          ? line.keyStart()
          : -1;
    }
    return -1;
  }

  /** The top-level entry that holds line {@code index}. */
  private int topLevelLine(int index) {
    for (int m = index; m > 0; m--) {
      YamlOutline.Line line = outline.line(m);
      if (line.isStructural() && line.indent() == 0) {
        return m;
      }
    }
    return 0;
  }

  /** Lines {@code from..to} shifted right by {@code delta} columns (left when negative). */
  private String reindented(int from, int to, int delta) {
    StringBuilder out = new StringBuilder();
    for (int m = from; m <= to; m++) {
      String line = document.line(m);
      if (line.isBlank()) {
        out.append('\n');
        continue;
      }
      if (delta >= 0) {
        out.append(" ".repeat(delta)).append(line);
      } else {
        int cut = 0;
        while (cut < -delta && cut < line.length() && line.charAt(cut) == ' ') {
          cut++;
        }
        out.append(line.substring(cut));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static List<String> canonical(List<String> path) {
    return path.stream().map(SchemaLookup::canonical).toList();
  }

  private TextEdit edit(int from, int to, String text) {
    return new TextEdit(new Range(document.position(from), document.position(to)), text);
  }
}
