package dev.kindling.cli;

import dev.kindling.agent.SourceSelection;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.OemPreset;
import dev.kindling.datasource.registry.Datasources;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The datasource options of {@code fetch}, {@code render} and {@code run}, built from the
 * datasource registry: one {@code --from-...} option per registered type (the coreos-cloudinit
 * sources with the same names and meaning), {@code --oem NAME} and {@code --auto}. A command gets
 * them with {@code modelTransformer = SourceOptions.class} and reads them with {@link #selection}.
 */
public final class SourceOptions implements CommandLine.IModelTransformer {
  @Override
  public CommandSpec transform(CommandSpec spec) {
    for (DatasourceType type : Datasources.ALL) {
      OptionSpec.Builder option = OptionSpec.builder(type.flag()).description(type.description());
      if (type.argument() == ArgumentKind.NONE) {
        option.arity("0").type(boolean.class).initialValue(false);
      } else {
        option.paramLabel(type.argument().label()).type(String.class);
      }
      spec.addOption(option.build());
    }
    spec.addOption(
        OptionSpec.builder("--oem")
            .paramLabel("NAME")
            .type(String.class)
            .description(
                "Use the sources of an OEM preset: "
                    + Datasources.OEM_PRESETS.stream()
                        .map(OemPreset::name)
                        .collect(Collectors.joining(", "))
                    + ".")
            .build());
    spec.addOption(
        OptionSpec.builder("--auto")
            .arity("0")
            .type(boolean.class)
            .initialValue(false)
            .description("Detect the platform and its datasource.")
            .build());
    return spec;
  }

  /** The sources the parsed command line names. */
  public static SourceSelection selection(CommandSpec spec) {
    SourceSelection selection = SourceSelection.none();
    for (DatasourceType type : Datasources.ALL) {
      Object value = spec.findOption(type.flag()).getValue();
      if (type.argument() == ArgumentKind.NONE) {
        if (Boolean.TRUE.equals(value)) {
          selection = selection.with(type, "");
        }
      } else if (value != null) {
        selection = selection.with(type, (String) value);
      }
    }
    Object oem = spec.findOption("--oem").getValue();
    if (oem != null) {
      selection = selection.withOem((String) oem);
    }
    if (Boolean.TRUE.equals(spec.findOption("--auto").getValue())) {
      selection = selection.withAuto();
    }
    return selection;
  }
}
