package dev.kindling.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces of picocli models built without annotations. Reading an annotation makes the JDK generate
 * a proxy class for its type, and picocli reflects over every field of a command and its mixins:
 * about 35 ms before {@code run} starts its work, a quarter of a boot, where the same model built
 * option by option costs a few milliseconds (docs/manual.md, "Start-up"). Commands on the boot path
 * build their model this way, from the same {@link CliOption} table their direct parse uses; the
 * others keep picocli's annotations.
 */
final class CommandModels {
  /**
   * {@code -h, --help} and {@code -V, --version}, as {@code mixinStandardHelpOptions = true} adds
   * them (that attribute reads the annotations of picocli's own mixin).
   */
  static final List<CliOption> STANDARD_HELP =
      List.of(
          CliOption.help(CliOption.Kind.HELP, "Show this help message and exit.", "-h", "--help"),
          CliOption.help(
              CliOption.Kind.VERSION, "Print version information and exit.", "-V", "--version"));

  private CommandModels() {}

  /** Adds picocli's model of each option to {@code spec}. */
  static void addTo(CommandSpec spec, List<CliOption> options) {
    for (CliOption o : options) {
      spec.addOption(option(o));
    }
  }

  private static OptionSpec option(CliOption o) {
    OptionSpec.Builder b =
        OptionSpec.builder(o.names()).type(o.type()).description(o.description());
    switch (o.kind()) {
      case HELP -> b.usageHelp(true).arity("0");
      case VERSION -> b.versionHelp(true).arity("0");
      case FLAG -> b.arity("0");
      case COUNT -> b.arity("0").auxiliaryTypes(boolean.class);
      case LIST -> b.paramLabel(o.paramLabel()).auxiliaryTypes(String.class);
      case VALUE -> {
        if (o.paramLabel() != null) {
          b.paramLabel(o.paramLabel());
        }
        if (o.ownConverter()) {
          b.converters(
              text -> {
                try {
                  return o.convert(text);
                } catch (IllegalArgumentException e) {
                  throw UsageErrors.conversionError(e.getMessage());
                }
              });
        }
      }
    }
    if (o.initial() != null) {
      b.initialValue(o.initial());
    }
    return b.build();
  }

  /** The option values of {@code spec} after picocli parsed a command line. */
  static OptionValues values(CommandSpec spec) {
    return name -> {
      OptionSpec option = spec.findOption(name);
      if (option == null) {
        throw new IllegalArgumentException("no option " + name + " in " + spec.name());
      }
      return option.getValue();
    };
  }
}
