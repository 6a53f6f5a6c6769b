package dev.kindling.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options every command takes: {@code -q/--quiet}, {@code -v/--verbose} (the log level on
 * standard error, slf4j-simple) and {@code --color=auto|always|never}. The level must be set before
 * the first logger is created, so commands call {@link #apply} first thing. Added to a command's
 * model with {@link #addTo} (built without annotations, see {@link CommandModels}), or by {@code
 * modelTransformer = LoggingOptions.Transformer.class}.
 */
final class LoggingOptions {
  private static final String VERBOSE = "--verbose";
  private static final String QUIET = "--quiet";
  private static final String COLOR = "--color";

  /** When to colour output. */
  enum Color {
    AUTO,
    ALWAYS,
    NEVER
  }

  private LoggingOptions() {}

  /** Adds {@code -v, --verbose} (repeatable), {@code -q, --quiet} and {@code --color}. */
  static void addTo(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-q", QUIET)
            .type(boolean.class)
            .arity("0")
            .initialValue(false)
            .description("Log only warnings and errors; validate prints no summary line.")
            .build());
    spec.addOption(
        OptionSpec.builder("-v", VERBOSE)
            .type(boolean[].class)
            .auxiliaryTypes(boolean.class)
            .arity("0")
            .initialValue(new boolean[0])
            .description("Log more (-v: debug, -vv: trace).")
            .build());
    spec.addOption(
        OptionSpec.builder(COLOR)
            .paramLabel("WHEN")
            .type(Color.class)
            .converters(new ColorConverter())
            .initialValue(Color.AUTO)
            .description(
                "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never"
                    + " (default: auto).")
            .build());
  }

  /** Sets the log level from {@code -q} and the number of {@code -v} of the parsed command line. */
  static void apply(CommandSpec spec) {
    boolean[] verbose = spec.findOption(VERBOSE).getValue();
    String level = level(verbose == null ? 0 : verbose.length, quiet(spec));
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
  }

  /**
   * Sets the log level from the {@code -q} and {@code -v} words of a command line before anything
   * else runs. slf4j-simple fixes each logger's level when the first logger is made, and building a
   * command's model already makes some (the datasource classes that declare the source options), so
   * {@link #apply} alone comes too late in a process. Words after {@code --} are operands.
   */
  static void preset(String[] args) {
    int verbose = 0;
    boolean quiet = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      } else if (arg.equals("-q") || arg.equals(QUIET)) {
        quiet = true;
      } else if (arg.equals(VERBOSE)) {
        verbose++;
      } else if (arg.matches("-v+")) {
        verbose += arg.length() - 1;
      }
    }
    String level = level(verbose, quiet);
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
  }

  /**
   * Colours the level of log lines on standard error when the {@code --color} word of a command
   * line asks for it ({@code auto}: when standard error is a terminal and NO_COLOR is not set).
   * Words after {@code --} are operands.
   */
  static void presetColor(String[] args) {
    Color color = Color.AUTO;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      String value = null;
      if (arg.startsWith(COLOR + "=")) {
        value = arg.substring(COLOR.length() + 1);
      } else if (arg.equals(COLOR) && i + 1 < args.length) {
        value = args[i + 1];
      }
      if (value != null) {
        try {
          color = new ColorConverter().convert(value);
        } catch (CommandLine.TypeConversionException e) {
          return; // the command's own parsing reports it
        }
      }
    }
    if (color != Color.NEVER
        && colorOn(color, System.getenv(), color == Color.ALWAYS || Terminal.is(2))) {
      String encoding = System.getProperty("sun.stderr.encoding");
      System.setErr(
          new LevelColoring(
              new java.io.FileOutputStream(java.io.FileDescriptor.err),
              encoding == null
                  ? java.nio.charset.Charset.defaultCharset()
                  : java.nio.charset.Charset.forName(encoding)));
    }
  }

  /** The log level for {@code verbose} {@code -v} and {@code -q}, or null for the default. */
  static String level(int verbose, boolean quiet) {
    if (verbose > 1) {
      return "trace";
    }
    if (verbose == 1) {
      return "debug";
    }
    return quiet ? "warn" : null;
  }

  /** Whether {@code -q} was given. */
  static boolean quiet(CommandSpec spec) {
    return Boolean.TRUE.equals(spec.findOption(QUIET).getValue());
  }

  /** Whether to colour standard output, as {@code --color} asks. */
  static boolean colorOn(CommandSpec spec) {
    Color color = spec.findOption(COLOR).getValue();
    return colorOn(color == null ? Color.AUTO : color);
  }

  /** Whether to colour standard output for {@code color}, here. */
  static boolean colorOn(Color color) {
    return colorOn(color, System.getenv(), Terminal.is(1));
  }

  /** Whether to colour, given the environment and whether standard output is a terminal. */
  static boolean colorOn(Color color, Map<String, String> env, boolean terminal) {
    return switch (color) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          terminal
              && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
              && !"dumb".equals(env.get("TERM"));
    };
  }

  /** Adds the options to a command built from annotations. */
  public static final class Transformer implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      addTo(spec);
      return spec;
    }
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
