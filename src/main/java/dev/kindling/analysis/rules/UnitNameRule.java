package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Unit;
import dev.kindling.config.UnitType;
import dev.kindling.config.bind.EditDistance;
import dev.kindling.config.yaml.ConfigPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code coreos.units[].name}: a unit without a name is skipped at apply, as upstream; a name must
 * be a valid systemd unit name with a suffix cloud-config can place (systemd.unit(5)); two entries
 * for the same unit are applied one after the other.
 */
final class UnitNameRule implements Rule {
  /** systemd's {@code unit_name_is_valid}: the characters of a unit name, at most 255 of them. */
  private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9:_.\\\\@-]+");

  private static final int MAX_LENGTH = 255;

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<Unit> units = context.config().coreos().units();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      ConfigPath entry = ConfigPath.of("coreos", "units", i);
      if (unit.name().isEmpty()) {
        out.accept(
            Finding.warning(Code.MISSING_NAME, entry, "unit has no name and is skipped")
                .withHint("add the unit's file name, e.g. name: my-app.service"));
        continue;
      }
      ConfigPath name = entry.key("name");
      problem(unit.name())
          .ifPresent(
              why ->
                  out.accept(
                      Finding.error(
                              Code.UNIT_NAME, name, "invalid unit name \"" + unit.name() + "\"")
                          .withHint(why)));
      Integer earlier = seen.putIfAbsent(unit.name(), i);
      if (earlier != null) {
        out.accept(
            Finding.warning(
                    Code.DUPLICATE_UNIT,
                    name,
                    "unit \""
                        + unit.name()
                        + "\" is also defined by "
                        + DisplayPaths.of(
                            context.sources(), ConfigPath.of("coreos", "units", earlier)))
                .withHint(
                    "both entries are applied in order, so later content replaces earlier content;"
                        + " merge them into one entry"));
      }
    }
  }

  /** Why {@code name} is not a unit name cloud-config can place, or empty. */
  static Optional<String> problem(String name) {
    if (name.contains("/")) {
      return Optional.of("a unit name is a file name, not a path");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("a unit name has at most " + MAX_LENGTH + " characters");
    }
    if (!NAME_CHARS.matcher(name).matches()) {
      return Optional.of(
          "a unit name has only letters, digits and \":\", \"_\", \".\", \"\\\", \"@\", \"-\""
              + " (escape other characters with systemd-escape)");
    }
    Optional<UnitType> type = UnitType.of(name);
    if (type.isEmpty()) {
      return Optional.of(suffixAdvice(name));
    }
    String prefix = name.substring(0, name.length() - type.get().suffix().length());
    if (prefix.isEmpty() || prefix.equals("@")) {
      return Optional.of("the name before \"" + type.get().suffix() + "\" is empty");
    }
    if (prefix.indexOf('@') != prefix.lastIndexOf('@') || prefix.startsWith("@")) {
      return Optional.of("\"@\" separates a template name from its instance and appears once");
    }
    return Optional.empty();
  }

  private static String suffixAdvice(String name) {
    String valid = String.join(" ", UnitType.suffixes());
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return "the name has no type suffix: did you mean \""
          + name
          + ".service\"? (valid suffixes: "
          + valid
          + ")";
    }
    String suffix = name.substring(dot);
    if (suffix.equals(".conf")) {
      return "a .conf file is a drop-in: put it in drop_ins of the unit it changes";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : UnitType.suffixes()) {
      int d = EditDistance.between(suffix.toLowerCase(java.util.Locale.ROOT), candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    String guess =
        best != null && bestDistance <= EditDistance.tolerance(suffix.length())
            ? ": did you mean \"" + name.substring(0, dot) + best + "\"?"
            : "";
    return "\"" + suffix + "\" is not a unit type" + guess + " (valid suffixes: " + valid + ")";
  }
}
