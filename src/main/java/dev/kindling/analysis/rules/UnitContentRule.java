package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Unit;
import dev.kindling.config.UnitFile;
import dev.kindling.config.UnitType;
import dev.kindling.config.bind.EditDistance;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Unit and drop-in content read as systemd reads it ({@link UnitFile}): lines systemd rejects or
 * ignores are {@code unit-syntax} errors, sections the unit's type does not have are {@code
 * unit-section} warnings, {@code .include} lines are {@code unit-syntax} warnings (systemd still
 * reads the included file, but the directive is deprecated). Findings point at the offending line
 * when the content is a literal block scalar ({@code |}), else at the content with the content line
 * number in the message.
 */
final class UnitContentRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    ContentLines lines = new ContentLines(context.sources(), context.text());
    List<Unit> units = context.config().coreos().units();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      if (unit.name().isEmpty() || unit.mask()) {
        continue; // skipped, or replaced by the mask link: reported by the other unit rules
      }
      Optional<UnitType> type = UnitType.of(unit.name());
      ConfigPath entry = ConfigPath.of("coreos", "units", i);
      if (!unit.content().isEmpty()) {
        check(unit.content(), entry.key("content"), type, false, lines, out);
      }
      for (int j = 0; j < unit.dropIns().size(); j++) {
        String content = unit.dropIns().get(j).content();
        if (!content.isEmpty() && !unit.dropIns().get(j).name().isEmpty()) {
          check(content, entry.key("drop_ins").index(j).key("content"), type, true, lines, out);
        }
      }
    }
  }

  private static void check(
      String content,
      ConfigPath path,
      Optional<UnitType> type,
      boolean dropIn,
      ContentLines lines,
      Consumer<Finding> out) {
    UnitFile file = UnitFile.parse(content);
    for (UnitFile.Problem p : file.problems()) {
      Finding f =
          Finding.error(Code.UNIT_SYNTAX, path, message(p.kind()) + where(lines, path, p.line()))
              .withHint(hint(p.kind(), dropIn));
      out.accept(at(f, lines, path, p.line()));
    }
    for (int line : file.includes()) {
      Finding f =
          Finding.warning(
                  Code.UNIT_SYNTAX,
                  path,
                  "\".include\" is deprecated; systemd still reads the included file for now"
                      + where(lines, path, line))
              .withHint(
                  "use a drop-in instead: put the changed settings in drop_ins (e.g."
                      + " 50-local.conf) of the unit they change");
      out.accept(at(f, lines, path, line));
    }
    if (type.isEmpty()) {
      return; // the name is reported; without a type the sections cannot be judged
    }
    for (UnitFile.Section s : file.sections()) {
      if (!type.get().knowsSection(s.name())) {
        Finding f =
            Finding.warning(
                    Code.UNIT_SECTION,
                    path,
                    "unknown section ["
                        + s.name()
                        + "] in a "
                        + type.get().suffix()
                        + (dropIn ? " drop-in" : " unit")
                        + "; systemd ignores it"
                        + where(lines, path, s.line()))
                .withHint(sectionHint(s.name(), type.get()));
        out.accept(at(f, lines, path, s.line()));
      }
    }
  }

  private static Finding at(Finding f, ContentLines lines, ConfigPath path, int line) {
    Optional<Position> position = lines.position(path, line);
    return position.isPresent() ? f.at(position.get()) : f;
  }

  private static String where(ContentLines lines, ConfigPath path, int line) {
    return lines.isExact(path) ? "" : " (content line " + line + ")";
  }

  private static String message(UnitFile.ProblemKind kind) {
    return switch (kind) {
      case INVALID_SECTION_HEADER -> "invalid section header; systemd refuses to load the file";
      case MISSING_EQUALS -> "line is not a \"Key=Value\" assignment; systemd ignores it";
      case MISSING_KEY -> "assignment has no key before \"=\"; systemd ignores it";
      case INVALID_KEY ->
          "key has characters other than letters, digits, \"_\" and \"-\"; systemd ignores it";
      case OUTSIDE_SECTION -> "assignment before the first section header; systemd ignores it";
    };
  }

  private static String hint(UnitFile.ProblemKind kind, boolean dropIn) {
    return switch (kind) {
      case INVALID_SECTION_HEADER ->
          "a section header is a name in brackets alone on its line, e.g. [Service]";
      case MISSING_EQUALS, MISSING_KEY ->
          "write Key=Value, or start the line with \"#\" to make it a comment";
      case INVALID_KEY -> "keys are single words such as ExecStart; check for a missing \"=\"";
      case OUTSIDE_SECTION ->
          dropIn
              ? "start the drop-in with the section it changes, e.g. [Service]"
              : "start the file with a section header such as [Unit] or [Service]";
    };
  }

  private static String sectionHint(String name, UnitType type) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : type.sections()) {
      int d =
          EditDistance.between(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    String guess =
        best != null && bestDistance <= EditDistance.tolerance(name.length())
            ? "did you mean [" + best + "]? "
            : "";
    List<String> known = type.sections();
    String list =
        known.size() <= 6
            ? "[" + String.join("], [", known) + "]"
            : "[" + String.join("], [", known.subList(0, 6)) + "], ...";
    return guess + "a " + type.suffix() + " file has " + list + "; name your own sections X-...";
  }
}
