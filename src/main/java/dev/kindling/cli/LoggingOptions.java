package dev.kindling.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -v}: more log output on standard error (slf4j-simple). Must be applied before the first
 * logger is created, so commands call {@link #apply} first thing. Added to a command's model with
 * {@link #addTo} (built without annotations, see {@link CommandModels}).
 */
final class LoggingOptions {
  private static final String VERBOSE = "--verbose";

  private LoggingOptions() {}

  /** Adds {@code -v, --verbose} (repeatable) to {@code spec}. */
  static void addTo(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-v", VERBOSE)
            .type(boolean[].class)
            .auxiliaryTypes(boolean.class)
            .arity("0")
            .initialValue(new boolean[0])
            .description("Log more (-v: debug, -vv: trace).")
            .build());
  }

  /** Sets the log level from the number of {@code -v} the parsed command line holds. */
  static void apply(CommandSpec spec) {
    boolean[] verbose = spec.findOption(VERBOSE).getValue();
    if (verbose != null && verbose.length > 0) {
      System.setProperty(
          "org.slf4j.simpleLogger.defaultLogLevel", verbose.length > 1 ? "trace" : "debug");
    }
  }
}
