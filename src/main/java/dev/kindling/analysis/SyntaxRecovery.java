package dev.kindling.analysis;

import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parser errors after the first one. The parser stops at its first error; reading goes on
 * at the next top-level key after it (a line that starts in column 1 with {@code key:}), so that
 * the rest of the broken top-level entry, where any further error could be a consequence of the
 * first, is skipped, and each later entry is read on its own. Positions stay those of the whole
 * text. Reading stops at the end of the first document, and after {@link #MAX} errors.
 */
final class SyntaxRecovery {
  /** Most parser errors looked for in one text (the first included). */
  static final int MAX = 20;

  private static final Pattern TOP_LEVEL_KEY =
      Pattern.compile("^[A-Za-z0-9_$][^:#\\s]*(?:[ ][^:#\\s]+)*:(?:[ \\t]|$)");
  private static final Pattern UNDEFINED_ALIAS = Pattern.compile("found undefined alias (\\S+)");

  private SyntaxRecovery() {}

  /**
   * A parser error and the part of the text it makes unreadable.
   *
   * @param from the line where reading started (1 for the first error)
   * @param problem the error, at its position in the whole text
   * @param resumed the line where reading resumed after it; past the last line when it did not
   */
  record Recovered(int from, YamlProblem problem, int resumed) {}

  /**
   * {@code first} and the parser errors after it, in document order, at most {@link #MAX} + 1 (one
   * more than are shown, to tell that there are more).
   */
  static List<Recovered> from(String text, YamlProblem first) {
    List<Recovered> out = new ArrayList<>();
    int line = 1;
    int offset = 0;
    int errorLine = first.position().line();
    int start = 1;
    YamlProblem current = first;
    while (true) {
      // Move to the first top-level key after the error's line.
      int from = -1;
      while (offset < text.length()) {
        int end = text.indexOf('\n', offset);
        int next = end < 0 ? text.length() : end + 1;
        if (line > errorLine) {
          String content = text.substring(offset, end < 0 ? text.length() : end);
          if (content.startsWith("---") || content.startsWith("...")) {
            break; // the first document ends here; later ones are not read
          }
          if (TOP_LEVEL_KEY.matcher(content).find()) {
            from = line;
            break;
          }
        }
        offset = next;
        line++;
      }
      if (current != null) {
        out.add(new Recovered(start, current, from < 0 ? Integer.MAX_VALUE : from));
      }
      if (from < 0 || out.size() > MAX) {
        return out;
      }
      List<YamlProblem> problems = YamlParser.parse(text.substring(offset)).problems();
      if (problems.isEmpty()) {
        return out;
      }
      YamlProblem p = problems.get(0);
      Position at = new Position(p.position().line() + from - 1, p.position().column());
      current = anchoredBefore(p.message(), text, offset) ? null : new YamlProblem(at, p.message());
      start = from;
      errorLine = at.line();
    }
  }

  /**
   * Whether the error is an alias to an anchor defined before {@code offset}, which reading from
   * there cannot see: not an error of the text.
   */
  private static boolean anchoredBefore(String message, String text, int offset) {
    Matcher m = UNDEFINED_ALIAS.matcher(message);
    if (!m.find()) {
      return false;
    }
    String anchor = "&" + m.group(1);
    int i = text.indexOf(anchor);
    while (i >= 0 && i < offset) {
      int after = i + anchor.length();
      if (after == text.length() || Character.isWhitespace(text.charAt(after))) {
        return true;
      }
      i = text.indexOf(anchor, after);
    }
    return false;
  }
}
