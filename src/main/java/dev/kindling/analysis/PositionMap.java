package dev.kindling.analysis;

import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Templater;
import dev.kindling.value.LineBreaks;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps positions in templated text back to the text the user wrote, so that findings on the
 * templated text point where the user can see them: a position inside a substituted value maps to
 * the {@code $} of its variable, a position after one moves by the difference in length. Columns
 * count code points, as the YAML reader's do.
 */
public final class PositionMap {
  private final Lines source;
  private final Lines output;
  private final List<Templater.Substitution> substitutions;

  private PositionMap(String source, Templater.Result templated) {
    this.source = new Lines(source);
    this.output = new Lines(templated.text());
    this.substitutions = templated.substitutions();
  }

  /** The map from {@code templated} back to {@code source}, the text it was made from. */
  public static PositionMap of(String source, Templater.Result templated) {
    return new PositionMap(source, templated);
  }

  /** The position in the user's text of {@code position} in the templated text. */
  public Position toSource(Position position) {
    if (substitutions.isEmpty()) {
      return position;
    }
    int offset = output.offset(position);
    int shift = 0;
    for (Templater.Substitution s : substitutions) {
      if (offset < s.outputStart()) {
        break;
      }
      if (offset < s.outputEnd()) {
        return source.position(s.sourceStart());
      }
      shift = s.sourceEnd() - s.outputEnd();
    }
    return source.position(offset + shift);
  }

  /** Where each substituted value starts in the templated text, in order. */
  public List<Position> substitutions() {
    List<Position> out = new ArrayList<>(substitutions.size());
    for (Templater.Substitution s : substitutions) {
      out.add(output.position(s.outputStart()));
    }
    return out;
  }

  /** Line starts of a text, to convert between char offsets and 1-based line and column. */
  private static final class Lines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (LineBreaks.endsLine(text, i)) {
          starts.add(i + 1);
        }
      }
    }

    /** The char offset of a position, clamped to the text. */
    int offset(Position p) {
      int line = Math.min(p.line(), starts.size());
      int start = starts.get(line - 1);
      int end = line < starts.size() ? starts.get(line) - 1 : text.length();
      int offset = start;
      for (int column = 1; column < p.column() && offset < end; column++) {
        offset += Character.isHighSurrogate(text.charAt(offset)) && offset + 1 < end ? 2 : 1;
      }
      return offset;
    }

    /** The position of a char offset. */
    Position position(int offset) {
      int clamped = Math.max(0, Math.min(offset, text.length()));
      int line = lineOf(clamped);
      int start = starts.get(line - 1);
      return new Position(line, text.codePointCount(start, clamped) + 1);
    }

    private int lineOf(int offset) {
      int low = 0;
      int high = starts.size() - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (starts.get(mid) <= offset) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low + 1;
    }
  }
}
