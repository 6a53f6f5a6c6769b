package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usual causes of a YAML syntax error, found line by line so that each one is reported where it
 * is (an unclosed bracket or quote where it opens) and several independent ones at once: a tab in
 * the indentation, a missing space after a key's colon, an unclosed {@code [}, <code>{</code> or
 * quote. The parser stops at its first error, often lines after the cause; its error is kept only
 * when no cause found here comes before it, with a hint for its usual meaning.
 */
final class SyntaxHints {
  private static final Pattern BLOCK_SCALAR =
      Pattern.compile("^\\s*(?:-\\s+)*(?:[^#\\s][^#]*?:\\s+)?[|>][-+0-9]*\\s*(?:#.*)?$");
  private static final Pattern NO_SPACE =
      Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z_][A-Za-z0-9_-]*):([^\\s:/\\[{\"'].*)$");
  private static final Pattern ITEM_KEY =
      Pattern.compile("^(\\s*)-(\\s+)[A-Za-z_][\\w-]*:(?:\\s|$)");
  private static final Pattern PLAIN_KEY =
      Pattern.compile("^(\\s*)[A-Za-z_][\\w-]*:(\\s+[^\\s#|>\\[{].*)?$");
  private static final Pattern ANY_KEY = Pattern.compile("^\\s*[A-Za-z_][\\w-]*:(?:\\s|$)");
  private static final Pattern KEY_LINE =
      Pattern.compile("^\\s*(?:-\\s|[A-Za-z_\"'][^:]*:(?:\\s|$))");

  /** How a message about a key's indentation compared with the line above starts. */
  private static final String INDENTED = "this key is indented";

  /** The args of a cause found here that is not the parser's own error. */
  static final String CAUSE = "cause";

  private SyntaxHints() {}

  /** An opening bracket or quote not yet closed. */
  private record Open(char c, int line, int column, int indent) {}

  /**
   * {@code findings} with the parser's syntax error replaced or explained by the causes found in
   * {@code text}, and the parser errors found after it ({@code recovered}) that no cause explains.
   */
  static List<Finding> explain(
      List<Finding> findings, String text, List<SyntaxRecovery.Recovered> recovered) {
    List<Finding> causes = new ArrayList<>(causes(text));
    // A key's indentation compared with a line the parser could not read says nothing new.
    causes.removeIf(c -> c.message().startsWith(INDENTED) && inUnreadPart(c, recovered));
    int parser = -1;
    for (int i = 0; i < findings.size() && parser < 0; i++) {
      if (findings.get(i).code() == Code.YAML_SYNTAX) {
        parser = i;
      }
    }
    if (parser < 0) {
      return findings;
    }
    Finding error = findings.get(parser);
    Position at = error.position().orElse(Position.START);
    boolean explained = causes.stream().anyMatch(c -> c.position().get().compareTo(at) <= 0);
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (i != parser) {
        out.add(findings.get(i));
      } else if (!explained) {
        out.add(hint(error).map(error::withHint).orElse(error));
      }
    }
    // The coreos-cloudinit launcher prints the parser's error as the original did: the first cause
    // that replaces it carries it (message, line, column); the other causes say they are causes.
    for (int i = 0; i < causes.size(); i++) {
      Finding c = causes.get(i);
      out.add(
          explained && i == 0
              ? c.withArgs(error.message(), String.valueOf(at.line()), String.valueOf(at.column()))
              : c.withArgs(CAUSE));
    }
    for (SyntaxRecovery.Recovered r :
        recovered.subList(Math.min(1, recovered.size()), recovered.size())) {
      Position from = new Position(r.from(), 1);
      Position to = r.problem().position();
      boolean cause =
          causes.stream()
              .map(c -> c.position().get())
              .anyMatch(p -> p.compareTo(from) >= 0 && p.compareTo(to) <= 0);
      if (!cause) {
        Finding f =
            Finding.error(Code.YAML_SYNTAX, ConfigPath.root(), r.problem().message())
                .at(to)
                .withArgs(CAUSE);
        out.add(hint(f).map(f::withHint).orElse(f));
      }
    }
    return out;
  }

  /**
   * {@code sorted} with at most {@link SyntaxRecovery#MAX} syntax errors: the rest are counted in
   * one last error where the first of them is.
   */
  static List<Finding> capped(List<Finding> sorted) {
    List<Finding> out = new ArrayList<>();
    int syntax = 0;
    Finding firstHidden = null;
    for (Finding f : sorted) {
      if (f.code() != Code.YAML_SYNTAX || ++syntax <= SyntaxRecovery.MAX) {
        out.add(f);
      } else {
        if (firstHidden == null) {
          firstHidden = f;
        }
      }
    }
    if (firstHidden != null) {
      out.add(
          Finding.error(
                  Code.YAML_SYNTAX,
                  ConfigPath.root(),
                  "... more syntax errors not shown (only the first "
                      + SyntaxRecovery.MAX
                      + " are listed)")
              .withHint("fix the errors above and validate again")
              .at(firstHidden.position().orElse(Position.START))
              .withArgs(CAUSE));
    }
    return out;
  }

  /** Whether a finding is after a parser error's line and before reading resumed. */
  private static boolean inUnreadPart(Finding f, List<SyntaxRecovery.Recovered> recovered) {
    int line = f.position().get().line();
    return recovered.stream()
        .anyMatch(r -> line > r.problem().position().line() && line < r.resumed());
  }

  /** A hint for the parser's own message, when it has a usual cause. */
  private static Optional<String> hint(Finding parser) {
    if (parser.hint().isPresent()) {
      return Optional.empty();
    }
    String m = parser.message().toLowerCase(Locale.ROOT);
    String hint = null;
    if (m.contains("mapping values are not allowed")) {
      hint =
          "check the indentation: a key must line up with the other keys of its mapping; quote a"
              + " value that contains \": \"";
    } else if (m.contains("expected <block end>") || m.contains("did not find expected key")) {
      hint =
          "check the indentation of this line and the one before: the keys of one mapping start"
              + " in the same column, the items of a list too";
    } else if (m.contains("could not find expected ':'")) {
      hint = "write a key as \"key: value\", with a space after the colon";
    } else if (m.contains("found undefined alias")) {
      hint =
          "an alias (*name) repeats a value marked with an anchor (&name) earlier in the document;"
              + " add the anchor before this line, or write the value here";
    } else if (m.contains("found character '\\t'") || m.contains("(tab)")) {
      hint = "YAML indents with spaces only: replace the tabs with spaces";
    }
    return Optional.ofNullable(hint);
  }

  /** Every cause found in the text, in document order. */
  static List<Finding> causes(String text) {
    List<Finding> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int blockIndent = -1;
    Deque<Open> open = new ArrayDeque<>();
    String previous = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      int indent = indentation(line);
      if (blockIndent >= 0) {
        if (line.isBlank() || indent > blockIndent) {
          continue; // the content of a | or > block scalar
        }
        blockIndent = -1;
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int tab = leadingTab(line);
      if (tab >= 0) {
        out.add(
            error(
                lineNo,
                tab + 1,
                "a tab in the indentation",
                "YAML indents with spaces only: replace the tab with spaces"));
      }
      if (!open.isEmpty() && indent <= open.peekFirst().indent() && KEY_LINE.matcher(line).find()) {
        unclosed(open, out);
      }
      if (open.isEmpty() && previous != null) {
        indentationAfter(previous, line, lineNo, indent).ifPresent(out::add);
      }
      if (open.isEmpty()) {
        Matcher m = NO_SPACE.matcher(line);
        if (m.matches()) {
          out.add(
              error(
                  lineNo,
                  m.end(2) + 1,
                  "no space after the colon of \"" + m.group(2) + "\": the line is one string",
                  "write \"" + m.group(2) + ": " + m.group(3).strip() + "\""));
        }
      }
      scanFlow(line, lineNo, indent, open, out);
      if (open.isEmpty() && BLOCK_SCALAR.matcher(line).matches()) {
        blockIndent = indent;
      }
      previous = open.isEmpty() ? line : null;
    }
    unclosed(open, out);
    out.sort((a, b) -> a.position().get().compareTo(b.position().get()));
    return out;
  }

  /**
   * A key indented where no mapping can hold it: between the dash of the list item above and its
   * first key, or deeper than the key above, which already has a value.
   */
  private static Optional<Finding> indentationAfter(
      String previous, String line, int lineNo, int indent) {
    if (!ANY_KEY.matcher(line).find()) {
      return Optional.empty();
    }
    Matcher item = ITEM_KEY.matcher(previous);
    if (item.find()) {
      int dash = item.group(1).length();
      int keyColumn = dash + 1 + item.group(2).length();
      if (indent > dash && indent != keyColumn) {
        return Optional.of(
            error(
                lineNo,
                indent + 1,
                INDENTED
                    + " "
                    + indent
                    + " spaces; the keys of the list item above start after "
                    + keyColumn,
                "indent it by " + keyColumn + " spaces to belong to the item above"));
      }
      return Optional.empty();
    }
    Matcher above = PLAIN_KEY.matcher(previous);
    if (above.matches() && above.group(2) != null && indent > above.group(1).length()) {
      return Optional.of(
          error(
              lineNo,
              indent + 1,
              INDENTED + " more than the key above, which already has a value",
              "indent it by " + above.group(1).length() + " spaces, like the key above"));
    }
    return Optional.empty();
  }

  /** Follows brackets and quotes on one line; a quote left open at the end is reported. */
  private static void scanFlow(
      String line, int lineNo, int indent, Deque<Open> open, List<Finding> out) {
    char quote = 0;
    int quoteColumn = 0;
    for (int c = 0; c < line.length(); c++) {
      char ch = line.charAt(c);
      if (quote != 0) {
        if (ch == '\\' && quote == '"') {
          c++;
        } else if (ch == quote) {
          if (quote == '\'' && c + 1 < line.length() && line.charAt(c + 1) == '\'') {
            c++;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (ch == '#' && (c == 0 || Character.isWhitespace(line.charAt(c - 1)))) {
        break;
      }
      boolean tokenStart = c == 0 || " \t[{,:-".indexOf(line.charAt(c - 1)) >= 0;
      if ((ch == '"' || ch == '\'') && tokenStart) {
        quote = ch;
        quoteColumn = c + 1;
      } else if ((ch == '[' || ch == '{') && (tokenStart || !open.isEmpty())) {
        open.push(new Open(ch, lineNo, c + 1, indent));
      } else if ((ch == ']' || ch == '}') && !open.isEmpty()) {
        open.pop();
      }
    }
    if (quote != 0) {
      out.add(
          error(
              lineNo,
              quoteColumn,
              "the " + (quote == '"' ? "double" : "single") + " quote opened here is not closed",
              "close the quote on the same line, or use a | block for text of several lines"));
    }
  }

  private static void unclosed(Deque<Open> open, List<Finding> out) {
    while (!open.isEmpty()) {
      Open o = open.removeLast();
      out.add(
          error(
              o.line(),
              o.column(),
              "the \"" + o.c() + "\" opened here is not closed",
              "close it with \"" + (o.c() == '[' ? ']' : '}') + "\" before the next key"));
      open.clear();
    }
  }

  private static Finding error(int line, int column, String message, String hint) {
    return Finding.error(Code.YAML_SYNTAX, ConfigPath.root(), message)
        .withHint(hint)
        .at(new Position(line, column));
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** The index of a tab in the leading whitespace, or -1. */
  private static int leadingTab(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        return i;
      }
      if (c != ' ') {
        return -1;
      }
    }
    return -1;
  }
}
