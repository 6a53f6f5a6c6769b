package dev.kindling.lsp;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.Code;
import dev.kindling.config.Permissions;
import dev.kindling.config.bind.EditDistance;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The fixes for a document's findings, built from what the validator says (its hints name the
 * replacement): did-you-mean keys and values, dashed keys, misplaced keys moved where they belong,
 * permissions written in decimal; and, without a finding, quoting an unquoted mode.
 */
final class QuickFixes {
  private static final Pattern DID_YOU_MEAN_KEY = Pattern.compile("did you mean \"([^\"]+)\"\\?");
  private static final Pattern SPELL_IT = Pattern.compile("spell it \"([^\"]+)\"");
  private static final Pattern MEANT_MODE = Pattern.compile("(?:did you mean |: )(0[0-7]{3,4})\\b");
  private static final Pattern ALLOWED = Pattern.compile("allowed values: (.*)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern SECTION = Pattern.compile("did you mean (\\[[^\\]]+\\])\\?");
  private static final Pattern PLACE = Pattern.compile("\"([^\"]+)\"( at the top level)?");

  /**
   * One fix.
   *
   * @param title what the editor shows
   * @param kind the code action kind
   * @param diagnostic the diagnostic it fixes, if any
   * @param preferred whether it is the fix to apply without asking
   * @param edits the changes to the document
   */
  record Fix(
      String title,
      String kind,
      Optional<Diagnostic> diagnostic,
      boolean preferred,
      List<TextEdit> edits) {}

  private final Analysis analysis;
  private final TextDocument document;
  private final List<Fix> fixes = new ArrayList<>();

  private QuickFixes(Analysis analysis) {
    this.analysis = analysis;
    this.document = analysis.document();
  }

  /**
   * The fixes for the lines of {@code range}: those of the diagnostics on them, and the others of
   * those lines (an editor asks with the cursor, which need not be on the diagnostic itself).
   */
  static List<Fix> in(Analysis analysis, Range range) {
    QuickFixes builder = new QuickFixes(analysis);
    Range lines =
        new Range(
            new Position(range.getStart().getLine(), 0),
            new Position(range.getEnd().getLine(), Integer.MAX_VALUE));
    for (Diagnostics.Located located : analysis.diagnostics()) {
      if (touches(located.diagnostic().getRange(), lines)) {
        builder.forFinding(located);
      }
    }
    analysis.outline().ifPresent(outline -> builder.quoteModes(outline, range));
    Map<String, Fix> unique = new LinkedHashMap<>();
    for (Fix fix : builder.fixes) {
      unique.putIfAbsent(fix.title() + fix.edits(), fix);
    }
    return List.copyOf(unique.values());
  }

  private void forFinding(Diagnostics.Located located) {
    Diagnostic diagnostic = located.diagnostic();
    Code code = located.entry().finding().code();
    String hint = located.entry().finding().hint().orElse("");
    Range token = diagnostic.getRange();
    switch (code) {
      case UNKNOWN_KEY -> {
        Matcher m = DID_YOU_MEAN_KEY.matcher(hint);
        if (m.matches()) {
          replace(diagnostic, token, m.group(1), "Change to \"" + m.group(1) + "\"", true);
        }
      }
      case DASH_KEY -> {
        Matcher m = SPELL_IT.matcher(hint);
        if (m.lookingAt()) {
          replace(diagnostic, token, m.group(1), "Spell it \"" + m.group(1) + "\"", true);
        }
      }
      case DECIMAL_PERMISSIONS, INVALID_VALUE -> {
        Matcher mode = MEANT_MODE.matcher(hint);
        Matcher allowed = ALLOWED.matcher(hint);
        if (mode.find()) {
          String quoted = "\"" + mode.group(1) + "\"";
          replace(diagnostic, token, quoted, "Change to " + quoted, true);
        } else if (allowed.matches()) {
          allowedValues(diagnostic, token, allowed.group(1));
        }
      }
      case UNIT_SECTION -> {
        Matcher m = SECTION.matcher(hint);
        String text = text(token);
        if (m.lookingAt() && text.startsWith("[") && text.indexOf(']') > 0) {
          Range section =
              new Range(
                  token.getStart(),
                  new Position(
                      token.getStart().getLine(),
                      token.getStart().getCharacter() + text.indexOf(']') + 1));
          replace(diagnostic, section, m.group(1), "Change to " + m.group(1), true);
        }
      }
      case MISPLACED_KEY -> moves(located, placesIn(hint));
      case WRITE_FILES_UNDER_COREOS ->
          moves(
              located,
              List.of(List.of(SchemaLookup.canonical(located.entry().finding().path().lastKey()))));
      default -> {}
    }
  }

  /** One fix per allowed value; the closest one is preferred. */
  private void allowedValues(Diagnostic diagnostic, Range token, String list) {
    String written = unquote(text(token)).toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    Matcher m = QUOTED.matcher(list);
    while (m.find()) {
      values.add(m.group(1));
    }
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (String value : values) {
      int d = EditDistance.between(written, value.toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        closest = value;
      }
    }
    boolean clear = best <= Math.max(1, written.length() / 3);
    for (String value : values) {
      replace(
          diagnostic, token, value, "Change to \"" + value + "\"", clear && value.equals(closest));
    }
  }

  /**
   * The places a misplaced-key hint names ({@code did you mean "coreos.units[]"?}, {@code
   * "hostname" at the top level}) as key paths; places inside sequence entries are left out.
   */
  static List<List<String>> placesIn(String hint) {
    int at = hint.indexOf("did you mean ");
    if (at < 0) {
      return List.of();
    }
    List<List<String>> places = new ArrayList<>();
    Matcher m = PLACE.matcher(hint.substring(at));
    while (m.find()) {
      String[] segments = m.group(1).split("\\.", -1);
      List<String> keys = new ArrayList<>();
      boolean inSequence = false;
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (segment.endsWith("[]")) {
          inSequence |= i < segments.length - 1;
          segment = segment.substring(0, segment.length() - 2);
        }
        keys.add(segment);
      }
      if (!inSequence) {
        places.add(List.copyOf(keys));
      }
    }
    return places;
  }

  private void moves(Diagnostics.Located located, List<List<String>> places) {
    Optional<YamlOutline> outline = analysis.outline();
    if (outline.isEmpty()) {
      return;
    }
    int line = located.diagnostic().getRange().getStart().getLine();
    ConfigPath from = located.entry().finding().path();
    for (List<String> target : places) {
      List<String> parent = target.subList(0, target.size() - 1);
      String title =
          "Move \""
              + from.lastKey()
              + "\" "
              + (parent.isEmpty() ? "to the top level" : "under " + String.join(".", parent) + ":");
      BlockMove.edits(outline.get(), line, target)
          .ifPresent(
              edits ->
                  fixes.add(
                      new Fix(
                          title,
                          CodeActionKind.QuickFix,
                          Optional.of(located.diagnostic()),
                          places.size() == 1,
                          edits)));
    }
  }

  /**
   * Quoting a {@code write_files[].permissions} value written as a plain number ({@code 644} or
   * {@code 0644}): a YAML 1.2 tool reads it as the decimal or octal number, which is how modes get
   * rewritten as {@code 420}; in quotes it stays the mode it is.
   */
  private void quoteModes(YamlOutline outline, Range range) {
    for (int index = range.getStart().getLine();
        index <= range.getEnd().getLine() && index < outline.size();
        index++) {
      YamlOutline.Line line = outline.line(index);
      if (line.kind() != YamlOutline.Kind.ENTRY || line.valueStart() < 0) {
        continue;
      }
      Optional<List<String>> path = outline.entryPath(index);
      boolean permissions =
          path.isPresent()
              && SchemaLookup.canonical(line.key()).equals("permissions")
              && SchemaLookup.owner(path.get())
                  .filter(CloudConfigSchema.WRITE_FILE::equals)
                  .isPresent();
      if (!permissions) {
        continue;
      }
      int start = document.lineStart(index) + line.valueStart();
      int end = Diagnostics.tokenEnd(document, start);
      String value = document.text().substring(start, end);
      Optional<Integer> mode = Permissions.parse(value);
      if (value.isEmpty() || !Character.isDigit(value.charAt(0)) || mode.isEmpty()) {
        continue;
      }
      String quoted = "\"" + Permissions.octal(mode.get()) + "\"";
      Range token = new Range(document.position(start), document.position(end));
      fixes.add(
          new Fix(
              "Quote the mode as " + quoted,
              CodeActionKind.RefactorRewrite,
              Optional.empty(),
              false,
              List.of(new TextEdit(token, quoted))));
    }
  }

  private void replace(
      Diagnostic diagnostic, Range range, String text, String title, boolean preferred) {
    fixes.add(
        new Fix(
            title,
            CodeActionKind.QuickFix,
            Optional.of(diagnostic),
            preferred,
            List.of(new TextEdit(range, text))));
  }

  private String text(Range range) {
    return document
        .text()
        .substring(document.offset(range.getStart()), document.offset(range.getEnd()));
  }

  private static String unquote(String text) {
    if (text.length() >= 2
        && (text.charAt(0) == '"' || text.charAt(0) == '\'')
        && text.charAt(text.length() - 1) == text.charAt(0)) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  /** Whether two ranges share a position (an empty request range at a diagnostic's end counts). */
  private static boolean touches(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine()
        ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}
