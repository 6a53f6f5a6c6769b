package dev.kindling.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces of picocli models built without annotations. Reading an annotation makes the JDK generate
 * a proxy class for its type, and picocli reflects over every field of a command and its mixins:
 * about 35 ms before {@code run} starts its work, a quarter of a boot, where the same model built
 * option by option costs a few milliseconds (README, "Start-up"). Commands on the boot path build
 * their model this way; the others keep picocli's annotations.
 */
final class CommandModels {
  private CommandModels() {}

  /**
   * {@code -h, --help} and {@code -V, --version}, as {@code mixinStandardHelpOptions = true} adds
   * them (that attribute reads the annotations of picocli's own mixin).
   */
  static void addStandardHelpOptions(CommandSpec spec) {
    spec.versionProvider(new VersionProvider());
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .arity("0")
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .type(boolean.class)
            .arity("0")
            .description("Print version information and exit.")
            .build());
  }
}
