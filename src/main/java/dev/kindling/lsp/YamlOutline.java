package dev.kindling.lsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The block structure of a YAML text read line by line: which lines hold a {@code key:}, at which
 * column, under which keys. Unlike the parser it works on text that is half typed (hover,
 * completion and the fixes need it while the document does not parse), and it follows block style
 * only: flow collections and multi-line scalars are not descended into. Columns are UTF-16 offsets
 * within the line.
 */
final class YamlOutline {
  /** The path segment for an entry of a sequence. */
  static final String ITEM = "[]";

  /** A block scalar indicator as a whole value: {@code |}, {@code >-}, {@code |2+}, ... */
  private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][-+0-9]*\\s*(#.*)?");

  /** An anchor and/or tag as a whole value: the value follows on the next lines. */
  private static final Pattern PROPERTIES_ONLY =
      Pattern.compile("((&|!)\\S*)(\\s+(&|!)\\S*)?\\s*(#.*)?");

  /** What a line is. */
  enum Kind {
    BLANK,
    COMMENT,
    /** A line of a block scalar ({@code |} or {@code >}) or of a document marker. */
    CONTENT,
    /** A line with a {@code key:}. */
    ENTRY,
    /** A sequence entry without a key ({@code - value}, or a bare {@code -}). */
    ITEM,
    /** Anything else: a scalar continuation, a flow collection, a directive. */
    OTHER
  }

  /**
   * One line.
   *
   * @param kind what it is
   * @param indent the column of its first non-space character
   * @param dashes the columns of its sequence indicators ({@code - - a: 1} has two)
   * @param key the key as written (quotes removed), for entries
   * @param keyStart the column where the key starts (its opening quote, if quoted)
   * @param keyEnd the column after the key (after its closing quote)
   * @param valueStart the column where an inline value starts, or -1 when the value is on the
   *     following lines
   * @param blockScalar whether the value is a block scalar indicator
   */
  record Line(
      Kind kind,
      int indent,
      List<Integer> dashes,
      String key,
      int keyStart,
      int keyEnd,
      int valueStart,
      boolean blockScalar) {
    /** The column of the innermost sequence indicator, or -1. */
    int lastDash() {
      return dashes.isEmpty() ? -1 : dashes.get(dashes.size() - 1);
    }

    /** Whether the line is an entry whose value is a nested block (nothing inline). */
    boolean opensBlock() {
      return kind == Kind.ENTRY && valueStart < 0;
    }

    /** Whether the line holds structure (not blank, comment or scalar content). */
    boolean isStructural() {
      return kind != Kind.BLANK && kind != Kind.COMMENT && kind != Kind.CONTENT;
    }
  }

  private final TextDocument document;
  private final List<Line> lines;

  /**
   * Answers already found, by line and column: a scan that meets a sibling whose answer is known
   * stops there, so asking line after line costs time linear in the lines (times the depth).
   */
  private final Map<Long, Optional<List<String>>> containers = new HashMap<>();

  private final Map<Long, Optional<List<String>>> items = new HashMap<>();

  private YamlOutline(TextDocument document, List<Line> lines) {
    this.document = document;
    this.lines = lines;
  }

  /** The outline of a document. */
  static YamlOutline of(TextDocument document) {
    List<Line> lines = new ArrayList<>(document.lineCount());
    int scalarParent = -1; // lines indented deeper than this belong to a block scalar
    for (int i = 0; i < document.lineCount(); i++) {
      String text = document.line(i);
      Line line = parse(text);
      if (scalarParent >= 0 && (line.kind() == Kind.BLANK || line.indent() > scalarParent)) {
        lines.add(content(line.indent()));
        continue;
      }
      scalarParent = -1;
      if (text.startsWith("---") || text.startsWith("...") || text.startsWith("%")) {
        line = content(0);
      }
      lines.add(line);
      if (line.blockScalar()) {
        scalarParent = line.kind() == Kind.ENTRY ? line.keyStart() : line.lastDash();
      }
    }
    return new YamlOutline(document, lines);
  }

  /** The document outlined. */
  TextDocument document() {
    return document;
  }

  /** How many lines there are. */
  int size() {
    return lines.size();
  }

  /** Line {@code index}. */
  Line line(int index) {
    return lines.get(index);
  }

  /**
   * The keys from the root to the mapping a key at {@code column} on line {@code index} belongs to,
   * with {@link #ITEM} for each sequence entry on the way; empty when the structure cannot be told
   * (the line continues a scalar, or sits in a flow collection).
   */
  synchronized Optional<List<String>> containerPath(int index, int column) {
    long key = (long) index << 32 | column;
    Optional<List<String>> known = containers.get(key);
    if (known == null) {
      known = findContainer(index, column);
      containers.put(key, known);
    }
    return known;
  }

  private Optional<List<String>> findContainer(int index, int column) {
    for (int m = index - 1; m >= 0; m--) {
      Line above = lines.get(m);
      if (!above.isStructural()) {
        continue;
      }
      if (above.kind() == Kind.ENTRY && above.keyStart() < column) {
        return above.opensBlock() ? entryPath(m) : Optional.empty();
      }
      int dash = innermostDashBefore(above, column);
      if (dash >= 0) {
        return itemContainer(m, dash);
      }
      if (above.kind() == Kind.ENTRY && above.keyStart() == column) {
        Optional<List<String>> sibling = containers.get((long) m << 32 | column);
        if (sibling != null) {
          return sibling; // a sibling in the same mapping whose answer is known
        }
      }
      if (above.indent() < column) {
        return Optional.empty();
      }
    }
    return Optional.of(List.of());
  }

  /** The full path of the key on line {@code index} (which must be an entry). */
  Optional<List<String>> entryPath(int index) {
    Line line = lines.get(index);
    Optional<List<String>> container =
        line.lastDash() >= 0
            ? itemContainer(index, line.lastDash())
            : containerPath(index, line.keyStart());
    return container.map(c -> append(c, line.key()));
  }

  /**
   * The path of a sequence entry whose indicator is at {@code dash} on line {@code index}: the key
   * that holds the sequence, then {@link #ITEM}. The key may be at the same column as the dashes
   * (an indentless sequence).
   */
  synchronized Optional<List<String>> itemContainer(int index, int dash) {
    long key = (long) index << 32 | dash;
    Optional<List<String>> known = items.get(key);
    if (known == null) {
      known = findItemContainer(index, dash);
      items.put(key, known);
    }
    return known;
  }

  private Optional<List<String>> findItemContainer(int index, int dash) {
    Line line = lines.get(index);
    int position = line.dashes().indexOf(dash);
    if (position > 0) {
      // "- - a: 1": the outer dash is the parent sequence entry
      return itemContainer(index, line.dashes().get(position - 1)).map(c -> append(c, ITEM));
    }
    for (int m = index - 1; m >= 0; m--) {
      Line above = lines.get(m);
      if (!above.isStructural()) {
        continue;
      }
      boolean holdsSequence =
          above.keyStart() < dash || (above.keyStart() == dash && above.dashes().isEmpty());
      if (above.kind() == Kind.ENTRY && holdsSequence) {
        return above.opensBlock() ? entryPath(m).map(p -> append(p, ITEM)) : Optional.empty();
      }
      int outer = innermostDashBefore(above, dash);
      if (outer >= 0) {
        return itemContainer(m, outer).map(c -> append(c, ITEM));
      }
      Optional<List<String>> before = items.get((long) m << 32 | dash);
      if (before != null && above.dashes().contains(dash)) {
        return before; // the entry before in the same sequence, whose answer is known
      }
      if (above.indent() < dash) {
        return Optional.empty();
      }
    }
    return Optional.of(List.of(ITEM));
  }

  /**
   * The keys written in the same mapping as a key at {@code column} on line {@code index} (that
   * line excluded), as written. A line that starts a sequence entry starts its mapping.
   */
  List<String> siblingKeys(int index, int column) {
    List<String> keys = new ArrayList<>();
    boolean startsItem = innermostDashBefore(lines.get(index), column) >= 0;
    for (int m = startsItem ? -1 : index - 1; m >= 0; m--) {
      Line above = lines.get(m);
      if (!above.isStructural()) {
        continue;
      }
      if (above.kind() == Kind.ENTRY && above.keyStart() == column) {
        keys.add(above.key());
      }
      if (above.indent() < column || above.keyStart() < column) {
        break;
      }
    }
    for (int m = index + 1; m < lines.size(); m++) {
      Line below = lines.get(m);
      if (!below.isStructural()) {
        continue;
      }
      if (below.indent() < column || (below.lastDash() >= 0 && below.lastDash() < column)) {
        break;
      }
      if (below.kind() == Kind.ENTRY && below.keyStart() == column) {
        keys.add(below.key());
      }
    }
    return keys;
  }

  /**
   * The last line of the block that starts with the entry on line {@code index}: its nested lines,
   * and for an indentless sequence the entries at the key's own column. Trailing blank and comment
   * lines are not part of it.
   */
  int blockEnd(int index) {
    Line start = lines.get(index);
    int column = start.keyStart();
    int end = index;
    boolean sequence = false;
    for (int m = index + 1; m < lines.size(); m++) {
      Line line = lines.get(m);
      if (line.kind() == Kind.BLANK || line.kind() == Kind.COMMENT) {
        continue;
      }
      boolean indentless =
          start.opensBlock() && line.lastDash() == column && line.dashes().size() == 1;
      if (line.kind() != Kind.CONTENT && line.indent() <= column && !indentless) {
        break;
      }
      if (indentless && !sequence && end != index) {
        break; // a sequence at the key's column must follow the key at once
      }
      sequence |= indentless;
      end = m;
    }
    return end;
  }

  /**
   * The column of the innermost sequence indicator of {@code line} left of {@code column}, or -1.
   */
  private static int innermostDashBefore(Line line, int column) {
    for (int k = line.dashes().size() - 1; k >= 0; k--) {
      if (line.dashes().get(k) < column) {
        return line.dashes().get(k);
      }
    }
    return -1;
  }

  private static List<String> append(List<String> path, String segment) {
    List<String> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(segment);
    return List.copyOf(out);
  }

  private static Line content(int indent) {
    return new Line(Kind.CONTENT, indent, List.of(), "", -1, -1, -1, false);
  }

  /** Reads one line. */
  static Line parse(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    int indent = i;
    if (i == text.length()) {
      return new Line(Kind.BLANK, indent, List.of(), "", -1, -1, -1, false);
    }
    if (text.charAt(i) == '#') {
      return new Line(Kind.COMMENT, indent, List.of(), "", -1, -1, -1, false);
    }
    List<Integer> dashes = new ArrayList<>();
    while (i < text.length()
        && text.charAt(i) == '-'
        && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
      dashes.add(i);
      i++;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
    }
    int keyStart = i;
    int keyEnd = -1;
    String key = null;
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      int close = closingQuote(text, i);
      if (close > 0) {
        int colon = skipSpaces(text, close + 1);
        if (isMappingColon(text, colon)) {
          key = unquote(text.substring(i, close + 1));
          keyEnd = close + 1;
          i = colon;
        }
      }
    } else if (i < text.length() && "#[]{}|>*&!%@`,?'\"".indexOf(text.charAt(i)) < 0) {
      for (int j = i; j < text.length(); j++) {
        if (text.charAt(j) == '#' && text.charAt(j - 1) == ' ') {
          break;
        }
        if (isMappingColon(text, j)) {
          keyEnd = j;
          while (keyEnd > i && text.charAt(keyEnd - 1) == ' ') {
            keyEnd--;
          }
          key = text.substring(i, keyEnd);
          i = j;
          break;
        }
      }
    }
    List<Integer> dashList = List.copyOf(dashes);
    if (key == null) {
      boolean block = !dashes.isEmpty() && BLOCK_SCALAR.matcher(text.substring(i)).matches();
      Kind kind = dashes.isEmpty() ? Kind.OTHER : Kind.ITEM;
      return new Line(kind, indent, dashList, "", -1, -1, -1, block);
    }
    int valueStart = skipSpaces(text, i + 1);
    String value = text.substring(valueStart);
    boolean block = BLOCK_SCALAR.matcher(value).matches();
    if (value.isEmpty() || value.startsWith("#") || PROPERTIES_ONLY.matcher(value).matches()) {
      valueStart = -1;
    }
    return new Line(Kind.ENTRY, indent, dashList, key, keyStart, keyEnd, valueStart, block);
  }

  private static boolean isMappingColon(String text, int at) {
    return at < text.length()
        && text.charAt(at) == ':'
        && (at + 1 == text.length() || text.charAt(at + 1) == ' ' || text.charAt(at + 1) == '\t');
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The column of the quote that closes the one at {@code open}, or -1. */
  static int closingQuote(String text, int open) {
    char quote = text.charAt(open);
    for (int j = open + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (quote == '"' && c == '\\') {
        j++;
      } else if (c == quote) {
        if (quote == '\'' && j + 1 < text.length() && text.charAt(j + 1) == '\'') {
          j++;
        } else {
          return j;
        }
      }
    }
    return -1;
  }

  private static String unquote(String quoted) {
    String inner = quoted.substring(1, quoted.length() - 1);
    return quoted.charAt(0) == '\'' ? inner.replace("''", "'") : inner.replace("\\\"", "\"");
  }
}
