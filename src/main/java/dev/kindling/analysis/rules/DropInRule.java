package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.DropIn;
import dev.kindling.config.Finding;
import dev.kindling.config.SystemdFileNames;
import dev.kindling.config.Unit;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code coreos.units[].drop_ins[]}: a drop-in needs a name and content or it is skipped (as
 * upstream), and systemd reads only drop-ins whose name ends in {@code .conf} (systemd.unit(5)).
 */
final class DropInRule implements Rule {
  private static final String SUFFIX = ".conf";

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<Unit> units = context.config().coreos().units();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      if (unit.name().isEmpty()) {
        continue; // the whole unit is skipped and reported as such
      }
      for (int j = 0; j < unit.dropIns().size(); j++) {
        check(unit.dropIns().get(j), ConfigPath.of("coreos", "units", i, "drop_ins", j), out);
      }
    }
  }

  private static void check(DropIn dropIn, ConfigPath entry, Consumer<Finding> out) {
    if (dropIn.name().isEmpty()) {
      out.accept(
          Finding.warning(Code.MISSING_NAME, entry, "drop-in has no name and is skipped")
              .withHint("add a file name ending in .conf, e.g. name: 10-override.conf"));
      return;
    }
    ConfigPath name = entry.key("name");
    Optional<String> problem = SystemdFileNames.problem(dropIn.name());
    if (problem.isPresent()) {
      out.accept(
          Finding.error(Code.UNIT_NAME, name, "invalid drop-in name \"" + dropIn.name() + "\"")
              .withHint(
                  dropIn.name().contains("/")
                      ? "a drop-in name is a file name, not a path"
                      : problem.get()));
    } else if (dropIn.name().startsWith(".")) {
      out.accept(
          Finding.warning(
                  Code.UNIT_NAME,
                  name,
                  "drop-in \"" + dropIn.name() + "\" is a hidden file; systemd ignores it")
              .withHint("name it without the leading \".\", e.g. 10-override.conf"));
    } else if (!dropIn.name().endsWith(SUFFIX)) {
      out.accept(
          Finding.warning(
                  Code.UNIT_NAME,
                  name,
                  "drop-in \"" + dropIn.name() + "\" does not end in \".conf\"; systemd ignores it")
              .withHint("name it \"" + dropIn.name() + SUFFIX + "\""));
    }
    if (dropIn.content().isEmpty()) {
      out.accept(
          Finding.warning(
                  Code.UNIT_IGNORED_SETTING,
                  entry,
                  "drop-in \"" + dropIn.name() + "\" has no content and is skipped")
              .withHint("add the content, e.g. a [Service] section with the settings to change"));
    }
  }
}
