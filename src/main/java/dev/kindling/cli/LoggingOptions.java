package dev.kindling.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every command takes: {@code -q/--quiet}, {@code -v/--verbose} (log level on standard
 * error, slf4j-simple) and {@code --color=auto|always|never}. The log level must be set before the
 * first logger is created, so commands call {@link #apply()} first thing.
 */
public final class LoggingOptions {
  /** When to colour output. */
  enum Color {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Option(
      names = {"-v", "--verbose"},
      description = "Log more: -v debug, -vv trace.")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-q", "--quiet"},
      description = "Log only warnings and errors; validate prints no summary line.")
  boolean quiet;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      converter = ColorConverter.class,
      description =
          "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never"
              + " (default: auto).")
  Color color = Color.AUTO;

  /** Sets the log level from {@code -q} and the number of {@code -v}. */
  void apply() {
    String level = level();
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
  }

  /** The log level the options ask for, or null for the default (info). */
  String level() {
    if (verbose.length > 1) {
      return "trace";
    }
    if (verbose.length == 1) {
      return "debug";
    }
    return quiet ? "warn" : null;
  }

  /** Whether to colour output written to standard output. */
  // The shipped runtime is JDK 17, where System.console() is null unless stdin and stdout are a
  // terminal.
  @SuppressWarnings("SystemConsoleNull")
  boolean colorOn() {
    return colorOn(System.getenv(), System.console() != null);
  }

  /** Whether to colour, given the environment and whether standard output is a terminal. */
  boolean colorOn(Map<String, String> env, boolean terminal) {
    return switch (color) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          terminal
              && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
              && !"dumb".equals(env.get("TERM"));
    };
  }

  /** Accepts {@code auto}, {@code always} and {@code never} in any case. */
  static final class ColorConverter implements CommandLine.ITypeConverter<Color> {
    @Override
    public Color convert(String value) {
      try {
        return Color.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "unknown value '" + value + "' (expected auto, always or never)");
      }
    }
  }
}
