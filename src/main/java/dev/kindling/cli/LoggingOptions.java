package dev.kindling.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v}: more log output on standard error (slf4j-simple). Must be applied before the first
 * logger is created, so commands call {@link #apply()} first thing.
 */
public final class LoggingOptions {
  @Option(
      names = {"-v", "--verbose"},
      description = "Log more (-v: debug, -vv: trace).")
  boolean[] verbose = new boolean[0];

  /** Sets the log level from the number of {@code -v}. */
  void apply() {
    if (verbose.length > 0) {
      System.setProperty(
          "org.slf4j.simpleLogger.defaultLogLevel", verbose.length > 1 ? "trace" : "debug");
    }
  }
}
