package dev.kindling.cli;

import dev.kindling.agent.SourceSelection;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.OemPreset;
import dev.kindling.datasource.registry.Datasources;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The datasource options of {@code fetch}, {@code render} and {@code run}, built from the
 * datasource registry: one {@code --from-...} option per registered type (the coreos-cloudinit
 * sources with the same names and meaning), {@code --oem NAME} and {@code --auto}. One {@link
 * CliOption} table ({@link #options}): a command gets picocli's model of them with {@link #addTo},
 * {@code run}'s direct parse reads the same table, and both are read with {@link #selection}. It
 * implements no picocli type, so that the class archive can hold it (JDK 25 cannot archive a class
 * whose supertype is one of picocli's Java 5 classes).
 */
public final class SourceOptions {
  private SourceOptions() {}

  /** Adds picocli's model of {@link #options} to {@code spec}. */
  static void addTo(CommandSpec spec) {
    CommandModels.addTo(spec, options());
  }

  /** The options: one per registered datasource type, {@code --oem} and {@code --auto}. */
  static List<CliOption> options() {
    List<CliOption> options = new ArrayList<>();
    for (DatasourceType type : Datasources.ALL) {
      if (type.argument() == ArgumentKind.NONE) {
        options.add(CliOption.flag(type.description(), type.flag()));
      } else {
        options.add(
            CliOption.string(type.flag(), type.argument().label(), null, type.description()));
      }
    }
    StringJoiner presets = new StringJoiner(", ", "Use the sources of an OEM preset: ", ".");
    for (OemPreset preset : Datasources.OEM_PRESETS) {
      presets.add(preset.name());
    }
    options.add(CliOption.string("--oem", "NAME", null, presets.toString()));
    options.add(CliOption.flag("Detect the platform and its datasource.", "--auto"));
    return options;
  }

  /** The sources the parsed command line names. */
  public static SourceSelection selection(CommandSpec spec) {
    return selection(CommandModels.values(spec));
  }

  /** The sources the parsed options name. */
  static SourceSelection selection(OptionValues options) {
    SourceSelection selection = SourceSelection.none();
    for (DatasourceType type : Datasources.ALL) {
      Object value = options.value(type.flag());
      if (type.argument() == ArgumentKind.NONE) {
        if (Boolean.TRUE.equals(value)) {
          selection = selection.with(type, "");
        }
      } else if (value != null) {
        selection = selection.with(type, (String) value);
      }
    }
    Object oem = options.value("--oem");
    if (oem != null) {
      selection = selection.withOem((String) oem);
    }
    if (Boolean.TRUE.equals(options.value("--auto"))) {
      selection = selection.withAuto();
    }
    return selection;
  }
}
